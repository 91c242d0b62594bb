// Decimal helpers for the program modules that read and write decimal strings (sale records,
// refunds, coupons): rounding modes, fast fixed-point formatting of values that are already at their
// precision, sums and cumulative shares. The pricing engine itself works on integers (./minor.ts).
import type DecimalJs from "decimal.js";
import { Decimal } from "../../money/money.js";
import { DECIMAL_MODE, type RoundingMode } from "../../money/round.js";

export type D = DecimalJs;

export const ZERO: D = /* @__PURE__ */ new Decimal(0);
export const ONE: D = /* @__PURE__ */ new Decimal(1);

export type Mode = RoundingMode;

/** Rounds to `dp` decimals with a named mode. */
export function roundTo(d: D, dp: number, mode: Mode): D {
  return d.decimalPlaces() <= dp ? d : d.toDecimalPlaces(dp, DECIMAL_MODE[mode]);
}

/**
 * `d` as a string with exactly `dp` decimals. The value must already have at most `dp` decimals
 * (it has been rounded); padding the plain string is much faster than Decimal#toFixed.
 */
const ZEROS = ["0", "0.0", "0.00", "0.000", "0.0000", "0.00000", "0.000000"];

export function fixed(d: D, dp: number): string {
  if (d.isZero() && !d.isNegative()) return ZEROS[dp] ?? d.toFixed(dp);
  const s = d.toString();
  if (s.includes("e") || d.decimalPlaces() > dp) return d.toFixed(dp);
  if (dp === 0) return s;
  const dot = s.indexOf(".");
  if (dot < 0) return `${s}.${"0".repeat(dp)}`;
  const have = s.length - dot - 1;
  return have >= dp ? s : s + "0".repeat(dp - have);
}

export function dec(s: string): D {
  return new Decimal(s);
}

export function sumD(xs: readonly D[]): D {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/**
 * The part of `value` that belongs to quantity `q` of `total` units, rounded down to `dp`, taken
 * cumulatively: share(after) − share(before). Shares of any split of the whole sum exactly to
 * `value`, whatever the order (refunds in parts add up to the full refund).
 */
export function cumulativeShare(value: D, total: D, before: D, after: D, dp: number, mode: Mode): D {
  const at = (q: D): D => (q.eq(total) ? value : q.isZero() ? ZERO : roundTo(value.times(q).div(total), dp, mode));
  return at(after).minus(at(before));
}

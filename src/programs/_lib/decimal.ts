// Decimal helpers for the pricing engine: rounding modes, fast fixed-point formatting of values that
// are already at their precision, and lossless allocation of whole units (points, stamps).
import type DecimalJs from "decimal.js";
import { Decimal } from "../../money/money.js";
import { DECIMAL_MODE, type RoundingMode } from "../../money/round.js";
import { fromScaledBigInt, largestRemainder, scaledBigInt } from "../../money/_lib/exact.js";

export type D = DecimalJs;

export const ZERO: D = /* @__PURE__ */ new Decimal(0);
export const ONE: D = /* @__PURE__ */ new Decimal(1);
export const HUNDRED: D = /* @__PURE__ */ new Decimal(100);

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

export function minD(a: D, b: D): D {
  return a.lte(b) ? a : b;
}

export function maxD(a: D, b: D): D {
  return a.gte(b) ? a : b;
}

export function sumD(xs: readonly D[]): D {
  let s = ZERO;
  for (const x of xs) s = s.plus(x);
  return s;
}

/**
 * Splits `total` (a non-negative multiple of 10^-scale) over `weights` in proportion, losslessly:
 * each share is truncated to the unit, then the units left are handed out one at a time, largest
 * fractional remainder first, ties to the earlier share (the same rule as money's allocate).
 * All-zero weights give all-zero shares plus the whole total on the first share — callers only pass
 * a positive total with at least one positive weight.
 */
export function allocateUnits(total: D, weights: readonly D[], scale: number, weightSum?: D): D[] {
  const n = weights.length;
  if (n === 0) return [];
  if (total.isZero()) return weights.map(() => ZERO);
  const W = weightSum ?? sumD(weights);
  if (W.isZero()) return weights.map((_, i) => (i === 0 ? total : ZERO));
  if (scale === 0) {
    const fast = allocateByOwnShare(total, weights, W);
    if (fast !== null) return fast;
  }
  // Exact integers (see money's allocate): the total in units of 10^-scale split by largestRemainder,
  // so equal remainders are equal and ties go to the earlier share.
  const shares = largestRemainder(scaledBigInt(total, scale), weights);
  return shares.map((u) => (u === 0n ? ZERO : fromScaledBigInt(u, scale)));
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

/**
 * When the total is the weights' sum rounded down (the usual case: no cap cut it), each share is its
 * own weight rounded down, and the units the rounding left are handed out largest remainder first —
 * exactly what the proportional split gives when T/W is 1, and within one unit of it otherwise.
 * Returns null when that does not apply.
 */
function allocateByOwnShare(total: D, weights: readonly D[], W: D): D[] | null {
  if (!total.eq(W.floor())) return null;
  const n = weights.length;
  const shares: D[] = new Array<D>(n);
  const fractions: Fraction[] = [];
  // Units left after every share is rounded down: L = T − Σ⌊w⌋ = Σ frac(w) − (W − T). L is a whole
  // number below n, so summing the fractions as doubles and rounding gives it exactly (the error of
  // a double sum of numbers in [0, 1) is many orders of magnitude below 0.5).
  let fractionSum = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as D;
    if (w.isInteger()) {
      shares[i] = w;
      continue;
    }
    const whole = w.floor();
    shares[i] = whole;
    const digits = fractionDigits(w, whole);
    // the same double as (w − ⌊w⌋).toNumber(): both parse the same decimal value
    const approx = Number(`0.${digits}`);
    fractionSum += approx;
    fractions.push({ i, digits, n: approx });
  }
  let left = Math.round(fractionSum - W.minus(total).toNumber());
  if (left > fractions.length || left < 0) return null;
  if (left > 0) {
    fractions.sort(byFraction);
    for (const { i } of fractions) {
      if (left <= 0) break;
      shares[i] = (shares[i] as D).plus(ONE);
      left -= 1;
    }
  }
  return shares;
}

interface Fraction {
  readonly i: number;
  /** The decimal digits of w − ⌊w⌋ after "0.", without trailing zeros. */
  readonly digits: string;
  /** `0.digits` as a double: rounding to a double is monotone, so ordering by it first and by `digits` on ties is exact. */
  readonly n: number;
}

/**
 * The digits after the point of w − ⌊w⌋ (w not an integer). For a positive w in plain notation
 * they are the digits after the point of w itself, which saves a subtraction and a conversion;
 * otherwise the fraction is computed.
 */
function fractionDigits(w: D, whole: D): string {
  if (!w.isNegative()) {
    const s = w.toString();
    const dot = s.indexOf(".");
    if (dot >= 0 && !s.includes("e")) return s.slice(dot + 1);
  }
  return w.minus(whole).toFixed().slice(2);
}

/**
 * Largest fraction first; ties to the earlier share. Digit strings without trailing zeros compare
 * as their values 0.digits do, so the exact tie-break needs no Decimal.
 */
function byFraction(a: Fraction, b: Fraction): number {
  return b.n - a.n || (a.digits < b.digits ? 1 : a.digits > b.digits ? -1 : 0) || a.i - b.i;
}

// Integer arithmetic for the pricing engine. Money is a whole number of the currency's minor units
// (a JS number, kept a safe integer: the engine refuses a basket past 2^53 − 1 minor units); points
// are whole units of 10^-pointsScale as bigints (a ledger balance may pass 2^53); fractions (rates,
// percentages, unit prices with more decimals than the currency) are exact ratios of bigints,
// rounded once with a named mode. Decimal strings from programs and balances are read exactly.
import type DecimalJs from "decimal.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import type { RoundingMode } from "../../money/round.js";
import { allocate } from "../../core/allocate.js";

/** A non-negative exact fraction n / d (d > 0). */
export interface Ratio {
  readonly n: bigint;
  readonly d: bigint;
}

/** The greatest common divisor of two non-negative bigints. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

const POW10: bigint[] = [];
/** 10^k as a bigint. */
export function pow10(k: number): bigint {
  let p = POW10[k];
  if (p === undefined) {
    p = 10n ** BigInt(k);
    POW10[k] = p;
  }
  return p;
}

/**
 * A decimal string ("12.50", "-3", also Decimal#toString output with an exponent) as the exact
 * integer `value × 10^k`, or null when it has more than `k` decimals.
 */
export function scaled(s: string, k: number): bigint | null {
  let t = s;
  let exp = 0;
  const e = t.search(/e/i);
  if (e >= 0) {
    exp = Number(t.slice(e + 1));
    t = t.slice(0, e);
  }
  const negative = t.startsWith("-");
  if (negative) t = t.slice(1);
  const dot = t.indexOf(".");
  const digits = dot < 0 ? t : t.slice(0, dot) + t.slice(dot + 1);
  let decimals = (dot < 0 ? 0 : t.length - dot - 1) - exp;
  let v = BigInt(digits);
  // trailing zeros of the fraction do not count as decimals ("12.50" at k = 1 is 125)
  while (decimals > k && v % 10n === 0n && v !== 0n) {
    v /= 10n;
    decimals--;
  }
  if (v === 0n) return 0n;
  if (decimals > k) return null;
  v *= pow10(k - decimals);
  return negative ? -v : v;
}

/** A decimal string as an exact ratio n / 10^k. */
export function ratioOf(s: string): Ratio {
  const k = decimalsIn(s);
  return { n: scaled(s, k) as bigint, d: pow10(k) };
}

/**
 * The decimals a plain decimal string is written with ("12.50" → 2); for one without a point or
 * with an exponent, the fewest that hold it exactly.
 */
export function decimalsIn(s: string): number {
  const dot = s.indexOf(".");
  return dot < 0 || s.includes("e") || s.includes("E") ? decimalsOf(s) : s.length - dot - 1;
}

function decimalsOf(s: string): number {
  for (let k = 0; ; k++) if (scaled(s, k) !== null) return k;
}

/** A decimal string with at most `dp` decimals as minor units (a number). */
export function toMinor(s: string, dp: number): number {
  const v = scaled(s, dp);
  if (v === null || v > MAX || v < -MAX)
    throw new LoyaltyValidationError([
      { path: ["amount"], message: `expected an amount with at most ${dp} decimals below 2^53 minor units, got ${s}` },
    ]);
  return Number(v);
}

/** A decimal string with at most `scale` decimals as whole points units (a bigint). */
export function toUnits(s: string, scale: number): bigint {
  const v = scaled(s, scale);
  if (v === null)
    throw new LoyaltyValidationError([
      { path: ["points"], message: `expected points with at most ${scale} decimals, got ${s}` },
    ]);
  return v;
}

const POW10_NUMBER = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
/**
 * A decimal string of any precision (a ledger balance) as whole units of 10^-scale, rounded by
 * `mode` when it has more decimals than the scale.
 */
export function unitsOf(s: string, scale: number, mode: RoundingMode): bigint {
  const r = ratioOf(s);
  return divRound(r.n * pow10(scale), r.d, mode);
}

/** The number of decimals of a plain decimal string ("12.50" → 2). */
export function decimalPlaces(s: string): number {
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** n / d (d > 0) rounded to an integer with a named mode. */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // toward zero
  const r = n % d;
  if (r === 0n) return q;
  const away = n < 0n ? q - 1n : q + 1n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "floor":
      return n < 0n ? away : q;
    case "ceil":
      return n < 0n ? q : away;
    default: {
      const twice = (r < 0n ? -r : r) * 2n;
      if (twice !== d) return twice > d ? away : q;
      return mode === "half-up" || q % 2n !== 0n ? away : q;
    }
  }
}

const ZERO_TEXTS: string[] = [];
/** An integer count of 10^-dp units as a string with exactly `dp` decimals ("1250", 2 → "12.50"). */
export function formatUnits(v: number | bigint, dp: number): string {
  // zero is the most frequent figure of a priced line (no discount, no points): written once per dp
  if (v === 0 || v === 0n) return (ZERO_TEXTS[dp] ??= dp === 0 ? "0" : `0.${"0".repeat(dp)}`);
  const negative = v < 0;
  let s = (negative ? -v : v).toString();
  if (dp > 0) {
    if (s.length <= dp) s = "0".repeat(dp - s.length + 1) + s;
    s = `${s.slice(0, s.length - dp)}.${s.slice(s.length - dp)}`;
  }
  return negative ? `-${s}` : s;
}

/** Decimal strings as exact integers of 10^-scale at one scale, the most decimals among them. */
export function atOneScale(texts: readonly string[]): { scale: number; values: bigint[] } {
  let scale = 0;
  for (const t of texts) scale = Math.max(scale, decimalsIn(t));
  // Each has at most `scale` decimals, so scaled gives a value for every one.
  return { scale, values: texts.map((t) => scaled(t, scale) as bigint) };
}

/**
 * An integer count of 10^-scale units as a plain decimal string without trailing zeros, as
 * Decimal#toFixed() writes a value ("1250", 2 → "12.5"; zero is "0"): how account totals store figures.
 */
export function plainUnits(v: bigint, scale: number): string {
  if (v === 0n) return "0";
  const s = formatUnits(v, scale);
  if (scale === 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48) end--; // "0"
  if (s.charCodeAt(end - 1) === 46) end--; // "."
  return s.slice(0, end);
}

/**
 * A Decimal with at most `dp` decimals as minor units, or null when it has more decimals or is not a
 * safe integer there (the caller rounds or refuses the amount). Read from the Decimal's digits, not
 * through a string: decimal.js keeps a finite value as base-10^7 words `d` aligned on the decimal
 * point, a base-10 exponent `e` (of the first digit) and a sign `s`, public read-only properties.
 * Word j counts units of 10^(7 × (⌊e / 7⌋ − j)); every term and partial sum below 2^53 is exact as a
 * double, and a sum past it stays past it, so the final check is enough.
 */
export function decimalToMinor(d: DecimalJs, dp: number): number | null {
  if (!d.isFinite()) return null;
  if (d.isZero()) return 0;
  const words = d.d;
  const top = Math.floor(d.e / 7);
  let v = 0;
  for (let j = 0; j < words.length; j++) {
    const w = words[j] as number;
    const k = 7 * (top - j) + dp; // this word's power of ten, in minor units
    if (k > 15) return null; // the first word is not zero: at least 10^16
    if (k >= 0) v += w * (POW10_NUMBER[k] as number);
    else if (k > -7) {
      const unit = POW10_NUMBER[-k] as number;
      if (w % unit !== 0) return null; // digits below the minor unit
      v += w / unit;
    } else if (w !== 0) return null;
  }
  if (!Number.isSafeInteger(v)) return null;
  return d.s < 0 && v !== 0 ? -v : v;
}

/**
 * Splits `total` whole units (points, stamps) over the lines in proportion to `weights` / `den`
 * (each weight an exact count of 1/den), losslessly, with core's largest-remainder allocation.
 * One rule kept from the first releases: for whole units (`scale` 0), when the total is the weights'
 * sum rounded down (no cap cut it), each line keeps its own weight rounded down and the units left go
 * to the largest fractions (ties to the earlier line): the points a line shows are the points its
 * own amount earns. All-zero weights put the whole total on the first line.
 */
export function allocateUnits(total: bigint, weights: readonly bigint[], den: bigint, scale: number): bigint[] {
  if (weights.length === 0) return [];
  if (total === 0n) return weights.map(() => 0n);
  let sum = 0n;
  for (const w of weights) sum += w;
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0n));
  if (scale !== 0 || total !== sum / den) return allocate(total, weights);
  const shares = weights.map((w) => w / den);
  let left = total;
  for (const s of shares) left -= s;
  if (left > 0n) {
    const order = weights
      .map((w, i) => ({ i, r: w % den }))
      .filter((x) => x.r !== 0n)
      .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
    for (const { i } of order) {
      if (left === 0n) break;
      shares[i] = (shares[i] as bigint) + 1n;
      left -= 1n;
    }
  }
  return shares;
}

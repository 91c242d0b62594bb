// Log-likelihoods of the BG/NBD and Gamma-Gamma models over columns of customer histories. Terms that
// depend only on the frequency x are computed once per distinct x. Internal.
import { lnGamma } from "./gamma.js";
import type { Patterns } from "./read.js";

/** Patterns with their frequencies grouped, so that terms depending only on x are computed once per distinct x. */
export interface Prepared extends Patterns {
  /** Index of each pattern's frequency in `distinct`. */
  readonly group: Int32Array;
  readonly distinct: readonly number[];
  /** Index of each pattern's T in `distinctT` (CDNOW's 1,016 patterns have 77 distinct T). */
  readonly groupT: Int32Array;
  readonly distinctT: readonly number[];
  /** ln monetary per pattern (Gamma-Gamma only). */
  readonly lnMonetary: Float64Array;
  readonly length: number;
}

/** Each value's index in the list of distinct values, in order of first appearance. */
function groupByValue(values: ArrayLike<number>): { group: Int32Array; distinct: number[] } {
  const group = new Int32Array(values.length);
  const slot = new Map<number, number>();
  const distinct: number[] = [];
  for (let k = 0; k < values.length; k++) {
    const x = values[k] as number;
    let g = slot.get(x);
    if (g === undefined) {
      g = distinct.length;
      slot.set(x, g);
      distinct.push(x);
    }
    group[k] = g;
  }
  return { group, distinct };
}

/** Groups patterns by frequency and by T (call after any rescaling of the columns). */
export function prepare(patterns: Patterns): Prepared {
  const n = patterns.count.length;
  const { group, distinct } = groupByValue(patterns.frequency);
  const { group: groupT, distinct: distinctT } = groupByValue(patterns.T);
  const lnMonetary = Float64Array.from(patterns.monetary, (m) => Math.log(m));
  // A literal, not a spread: the likelihood loops read these fields hundreds of times per fit.
  const { frequency, recency, T, monetary, count, customers, excluded } = patterns;
  return {
    frequency,
    recency,
    T,
    monetary,
    count,
    customers,
    excluded,
    group,
    distinct,
    groupT,
    distinctT,
    lnMonetary,
    length: n,
  };
}

/**
 * Σ ln L over customers for BG/NBD, in the stable form of Fader, Hardie & Lee (2005, §7; note 004):
 * ln L = A₁ + A₂ + ln(e^A₃ + δ(x>0)·e^A₄), with
 * A₁ = lnΓ(r+x) − lnΓ(r) + r ln α,  A₂ = lnΓ(a+b) + lnΓ(b+x) − lnΓ(b) − lnΓ(a+b+x),
 * A₃ = −(r+x) ln(α+T),  A₄ = ln a − ln(b+x−1) − (r+x) ln(α+tₓ);
 * the log-sum-exp is taken around the larger of A₃, A₄.
 */
export function bgNbdLogLikelihood(p: Prepared, r: number, alpha: number, a: number, b: number): number {
  const k = p.distinct.length;
  const constant = new Float64Array(k);
  const alive = new Float64Array(k);
  const lnAlpha = Math.log(alpha);
  const lnGammaR = lnGamma(r);
  const lnGammaB = lnGamma(b);
  const lnGammaAB = lnGamma(a + b);
  const lnA = Math.log(a);
  for (let j = 0; j < k; j++) {
    const x = p.distinct[j] as number;
    constant[j] = lnGamma(r + x) - lnGammaR + r * lnAlpha + lnGammaAB + lnGamma(b + x) - lnGammaB - lnGamma(a + b + x);
    alive[j] = x > 0 ? lnA - Math.log(b + x - 1) : Number.NEGATIVE_INFINITY;
  }
  const lnAlphaT = new Float64Array(p.distinctT.length);
  for (let j = 0; j < lnAlphaT.length; j++) lnAlphaT[j] = Math.log(alpha + (p.distinctT[j] as number));
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const j = p.group[i] as number;
    const x = p.frequency[i] as number;
    const a3 = -(r + x) * (lnAlphaT[p.groupT[i] as number] as number);
    let tail = a3;
    if (x > 0) {
      const a4 = (alive[j] as number) - (r + x) * Math.log(alpha + (p.recency[i] as number));
      tail = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
    }
    sum += (p.count[i] as number) * ((constant[j] as number) + tail);
  }
  return sum;
}

/**
 * Σ ln L over customers with x > 0 for Gamma-Gamma (Fader & Hardie 2013, eq. 1a): the density of the
 * mean spend m̄ of x transactions,
 * ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln m̄ + px ln x − (px+q) ln(x·m̄ + v).
 * Rows with x = 0 carry no spend information and are skipped.
 */
export function gammaGammaLogLikelihood(pr: Prepared, p: number, q: number, v: number): number {
  const k = pr.distinct.length;
  const constant = new Float64Array(k);
  const lnGammaQ = lnGamma(q);
  const lnV = Math.log(v);
  for (let j = 0; j < k; j++) {
    const x = pr.distinct[j] as number;
    constant[j] = x > 0 ? lnGamma(p * x + q) - lnGamma(p * x) - lnGammaQ + q * lnV + p * x * Math.log(x) : 0;
  }
  let sum = 0;
  for (let i = 0; i < pr.length; i++) {
    const x = pr.frequency[i] as number;
    if (x === 0) continue;
    const m = pr.monetary[i] as number;
    sum +=
      (pr.count[i] as number) *
      ((constant[pr.group[i] as number] as number) +
        (p * x - 1) * (pr.lnMonetary[i] as number) -
        (p * x + q) * Math.log(x * m + v));
  }
  return sum;
}

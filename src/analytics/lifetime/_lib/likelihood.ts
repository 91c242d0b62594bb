// Log-likelihoods of the BG/NBD and Gamma-Gamma models over columns of customer histories. Terms that
// depend only on the frequency x are computed once per distinct x. Internal.
import { lnGamma } from "./gamma.js";
import type { HistoryColumns } from "./read.js";

/** Histories grouped by distinct frequency, ready for repeated likelihood evaluations. */
export interface Prepared {
  readonly frequency: readonly number[];
  readonly recency: readonly number[];
  readonly T: readonly number[];
  readonly monetary: readonly number[];
  readonly lnMonetary: Float64Array;
  /** Index of each row's frequency in `distinct`. */
  readonly group: Int32Array;
  readonly distinct: readonly number[];
  readonly length: number;
}

export function prepare(cols: HistoryColumns, withMonetary: boolean): Prepared {
  const slot = new Map<number, number>();
  const distinct: number[] = [];
  const group = new Int32Array(cols.length);
  const lnMonetary = new Float64Array(withMonetary ? cols.length : 0);
  for (let i = 0; i < cols.length; i++) {
    const x = cols.frequency[i] as number;
    let k = slot.get(x);
    if (k === undefined) {
      k = distinct.length;
      slot.set(x, k);
      distinct.push(x);
    }
    group[i] = k;
    if (withMonetary) lnMonetary[i] = Math.log(cols.monetary[i] as number);
  }
  return { frequency: cols.frequency, recency: cols.recency, T: cols.T, monetary: cols.monetary, lnMonetary, group, distinct, length: cols.length };
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
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    const j = p.group[i] as number;
    const x = p.frequency[i] as number;
    const a3 = -(r + x) * Math.log(alpha + (p.T[i] as number));
    let tail = a3;
    if (x > 0) {
      const a4 = (alive[j] as number) - (r + x) * Math.log(alpha + (p.recency[i] as number));
      tail = a3 > a4 ? a3 + Math.log1p(Math.exp(a4 - a3)) : a4 + Math.log1p(Math.exp(a3 - a4));
    }
    sum += (constant[j] as number) + tail;
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
    sum += (constant[pr.group[i] as number] as number) + (p * x - 1) * (pr.lnMonetary[i] as number) - (p * x + q) * Math.log(x * m + v);
  }
  return sum;
}

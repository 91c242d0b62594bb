// The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987) in the forms of Fader & Hardie (2005),
// "A note on deriving the Pareto/NBD model and related expressions": the likelihood (their eq. 22–23),
// P(alive) and the conditional expectation, all through the term A₀ evaluated in log space. Internal.
import { lnGamma } from "./gamma.js";
import { hyp2f1 } from "./hypergeometric.js";
import type { Prepared } from "./likelihood.js";

/** Pareto/NBD parameters: purchase rate λ ~ Gamma(r, α), dropout rate μ ~ Gamma(s, β). */
export interface ParetoNbdParamsInternal {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** ln of one of the two terms of A₀: 2F1(…; z(t)) / (max(α,β) + t)^(r+s+x), for t = tₓ or T. */
function lnA0Term(p: ParetoNbdParamsInternal, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const a = r + s + x;
  // 2F1(a, b; a + 1; z) with z = |α − β| / (max + t) and 1 − z = (min + t) / (max + t), computed exactly.
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + t);
    return Math.log(hyp2f1(a, s + 1, a + 1, z, (beta + t) / (alpha + t))) - a * Math.log(alpha + t);
  }
  const z = (beta - alpha) / (beta + t);
  return Math.log(hyp2f1(a, r + x, a + 1, z, (alpha + t) / (beta + t))) - a * Math.log(beta + t);
}

/** ln A₀ (−∞ when tₓ = T, where A₀ = 0). */
export function lnA0(p: ParetoNbdParamsInternal, x: number, tx: number, T: number): number {
  const first = lnA0Term(p, x, tx);
  const second = lnA0Term(p, x, T);
  // A₀ = e^first − e^second with first ≥ second (the terms decrease in t).
  const d = second - first;
  return d >= 0 ? Number.NEGATIVE_INFINITY : first + Math.log(-Math.expm1(d));
}

/** ln of the odds that the customer has died: (s/(r+s+x)) (α+T)^(r+x) (β+T)^s A₀. */
function lnDeadOdds(p: ParetoNbdParamsInternal, x: number, tx: number, T: number): number {
  const { r, alpha, s, beta } = p;
  return Math.log(s / (r + s + x)) + (r + x) * Math.log(alpha + T) + s * Math.log(beta + T) + lnA0(p, x, tx, T);
}

/** P(alive | x, tₓ, T), as a logistic function of the log-odds. */
export function paretoAlive(p: ParetoNbdParamsInternal, x: number, tx: number, T: number): number {
  const l = lnDeadOdds(p, x, tx, T);
  return l > 0 ? Math.exp(-l) / (1 + Math.exp(-l)) : 1 / (1 + Math.exp(l));
}

/** E[Y(t) | x, tₓ, T]: expected purchases in (T, T + t]. */
export function paretoConditional(p: ParetoNbdParamsInternal, x: number, tx: number, T: number, t: number): number {
  const { r, alpha, s, beta } = p;
  // (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)]; at s = 1 its limit (r+x)/(α+T) · (β+T) ln((β+T+t)/(β+T)).
  const ratio = Math.log1p(t / (beta + T)); // ln((β+T+t)/(β+T))
  const grow = Math.abs(s - 1) < 1e-10 ? (beta + T) * ratio : ((beta + T) * -Math.expm1(-(s - 1) * ratio)) / (s - 1);
  return ((r + x) / (alpha + T)) * grow * paretoAlive(p, x, tx, T);
}

/** Σ ln L over the patterns. */
export function paretoNbdLogLikelihood(pr: Prepared, p: ParetoNbdParamsInternal): number {
  const { r, alpha, s, beta } = p;
  const base = -lnGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  let sum = 0;
  for (let k = 0; k < pr.length; k++) {
    const x = pr.frequency[k] as number;
    const tx = pr.recency[k] as number;
    const T = pr.T[k] as number;
    const la = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const lb = Math.log(s / (r + s + x)) + lnA0(p, x, tx, T);
    const hi = Math.max(la, lb);
    const ll = lnGamma(r + x) + base + hi + Math.log(Math.exp(la - hi) + Math.exp(lb - hi));
    sum += (pr.count[k] as number) * ll;
  }
  return sum;
}

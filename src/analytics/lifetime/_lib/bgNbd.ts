// The BG/NBD expectation with its removable singularities handled. Internal.
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../../errors/errors.js";
import { hyp2f1, hyp2f1TailOverB } from "./hypergeometric.js";
import type { BgNbdParams } from "../schemas.js";

const log1pOverX = (u: number): number => (u === 0 ? 1 : Math.log1p(u) / u);
const expm1OverX = (u: number): number => (u === 0 ? 1 : Math.expm1(u) / u);

/**
 * E[number of purchases in (T, T + t] | x repeat purchases, last at tₓ, observed for T]
 * (Fader, Hardie & Lee 2005, eq. 10):
 *
 *   (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)]
 *   / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+tₓ))^(r+x)),   z = t/(α+T+t).
 *
 * With Euler's transformation 2F1(A, B; C; z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) the bracket becomes
 * 1 − (1−z)^(a−1) · F, F = 2F1(a+b−1−r, a−1; a+b+x−1; z), whose parameters stay small for large x (no
 * overflow). Writing F = 1 + (a−1)·G, the bracket divided by (a−1) is −L · expm1(u)/u with
 * L = ln(1−z) + G · ln(1 + (a−1)G)/((a−1)G) and u = (a−1)L: no 0/0 at a = 1 and no cancellation for
 * small t. Near z = 1 (z > 0.9) F comes from the 1 − z transformation instead.
 * With x = 0, tₓ = 0, T = 0 this is the unconditional E[X(t)] (eq. 9).
 */
export function conditionalExpectation(params: BgNbdParams, x: number, recency: number, T: number, t: number): number {
  const { r, alpha, a, b } = params;
  if (t === 0) return 0;
  const c = a + b + x - 1;
  if (c === 0) {
    throw new LoyaltyValidationError([
      {
        path: ["params"],
        message:
          "a + b = 1 exactly: the BG/NBD expectation (FHL 2005 eq. 9) is 0·∞ there; use a or b slightly different",
      },
    ]);
  }
  const z = t / (alpha + T + t);
  const w = (alpha + T) / (alpha + T + t); // 1 − z without cancellation
  const am1 = a - 1;
  const upper = a + b - 1 - r;
  let bracketOverAm1: number;
  if (z <= 0.9 || Math.abs(am1) < 1e-6) {
    const g = hyp2f1TailOverB(upper, am1, c, z);
    if (am1 * g > -1) {
      const l = Math.log1p(-z) + g * log1pOverX(am1 * g);
      bracketOverAm1 = -l * expm1OverX(am1 * l);
    } else {
      // F ≤ 0 (possible when a + b < 1 makes c negative): no logarithm; a is then far from 1.
      bracketOverAm1 = (1 - w ** am1 * (1 + am1 * g)) / am1;
    }
  } else {
    const f = hyp2f1(upper, am1, c, z, w);
    bracketOverAm1 = (1 - w ** am1 * f) / am1;
  }
  const numerator = c * bracketOverAm1;
  const lnOdds =
    x === 0
      ? Number.NEGATIVE_INFINITY
      : Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + recency));
  const result = numerator / (1 + Math.exp(lnOdds));
  if (!Number.isFinite(result)) {
    throw new OperationError(
      ErrorCode.NOT_CONVERGED,
      `the BG/NBD expectation could not be evaluated at r = ${r}, alpha = ${alpha}, a = ${a}, b = ${b}, t = ${t}`,
      { params: { r, alpha, a, b }, t },
    );
  }
  return result;
}

/** P(alive | x, tₓ, T) = 1 / (1 + δ(x>0) a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)) (Fader, Hardie & Lee 2008, note 021). */
export function aliveProbability(params: BgNbdParams, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  const { r, alpha, a, b } = params;
  const d = Math.log(a / (b + x - 1)) + (r + x) * Math.log((alpha + T) / (alpha + recency));
  if (d > 0) {
    const e = Math.exp(-d);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(d));
}

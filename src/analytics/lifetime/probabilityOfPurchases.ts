import { guardInputs } from "../../core/guard.js";
import { describe as previewValue } from "./_lib/check.js";
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../errors/errors.js";
import { lnGamma } from "./_lib/gamma.js";
import { readBgNbdParams, readNonNegative } from "./_lib/read.js";
import type { BgNbdParams } from "./schemas.js";

const MAX_TERMS = 10_000_000;

function tooLong(what: string, n: number, r: number, alpha: number, t: number): never {
  throw new OperationError(
    ErrorCode.NOT_CONVERGED,
    `${what}: the negative binomial sum needs more than ${MAX_TERMS} terms (n = ${n}, expected purchases of an immortal customer r·t/α = ${(r * t) / alpha})`,
    { n, r, alpha, t },
  );
}

/**
 * Probability that a customer picked at random makes exactly `n` repeat purchases in a period of length
 * `t` (BG/NBD, Fader, Hardie & Lee 2005, eq. 8).
 *
 * P(X(t) = n) = B(a, b+n)/B(a, b) · NB(n) + δ(n>0) · B(a+1, b+n−1)/B(a, b) · P(NB ≥ n), where NB is the
 * negative binomial count Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j of a customer who never drops out.
 * The tail P(NB ≥ n) is summed directly when it is small (no 1 − 0.9999… cancellation), and everything
 * is accumulated in logs; the work grows with min(n, r·t/α), and beyond 10 million terms the function
 * throws rather than loop for long. Sums to 1 over n. On the CDNOW parameters P(X(39) = 0) = 0.5737864 (the BTYD
 * R package documentation).
 *
 * @param params - BG/NBD parameters (a {@link BgNbdFit} works too).
 * @param t - Length of the period, in the time unit of the fit (≥ 0).
 * @param n - Number of repeat purchases, a non-negative integer up to `Number.MAX_SAFE_INTEGER`.
 * @returns A probability in [0, 1].
 * @throws {LoyaltyValidationError} when a parameter or `t` is invalid or `n` is not a non-negative safe integer.
 * @throws {OperationError} with code `NOT_CONVERGED` when the sum would need more than 10 million terms.
 * @example
 * ```ts
 * import { probabilityOfPurchases } from "loyalty-kit";
 * const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(probabilityOfPurchases(cdnow, 39, 0).toFixed(4)); // 0.5738
 * ```
 * @category analytics
 */
export function probabilityOfPurchases(params: BgNbdParams, t: number, n: number): number {
  return guardInputs("probabilityOfPurchases", { params, t, n }, () => probabilityOfPurchasesUnguarded(params, t, n));
}

function probabilityOfPurchasesUnguarded(params: BgNbdParams, t: number, n: number): number {
  const what = "probabilityOfPurchases";
  const { r, alpha, a, b } = readBgNbdParams(params, what);
  const time = readNonNegative(t, "t", what);
  if (typeof n !== "number" || !Number.isSafeInteger(n) || n < 0) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["n"],
          message: `expected a non-negative integer number of purchases up to ${Number.MAX_SAFE_INTEGER} (2^53 − 1), got ${previewValue(n)}`,
        },
      ],
      what,
    );
  }
  if (time === 0) return n === 0 ? 1 : 0;
  const lnP0 = Math.log(alpha / (alpha + time)); // ln of the NB "success" probability
  const lnQ = -Math.log1p(alpha / time); // ln(t/(α+t)), < 0 even when t ≫ α
  const lnGammaR = lnGamma(r);
  const lnNb = (j: number): number => lnGamma(r + j) - lnGammaR - lnGamma(j + 1) + r * lnP0 + (j === 0 ? 0 : j * lnQ);
  const lnBetaRatio = lnGamma(b + n) - lnGamma(b) + lnGamma(a + b) - lnGamma(a + b + n); // ln B(a, b+n)/B(a, b)
  const stays = Math.exp(lnBetaRatio + lnNb(n));
  if (n === 0) return stays;
  // P(NB ≥ n): 1 − Σ_{j<n} when that sum is at most ½, otherwise Σ_{j≥n} directly.
  let lnTerm = lnNb(0);
  let head = 0;
  for (let j = 0; j < n && head <= 0.5; j++) {
    if (j >= MAX_TERMS) tooLong(what, n, r, alpha, time);
    head += Math.exp(lnTerm);
    lnTerm += Math.log((r + j) / (j + 1)) + lnQ;
  }
  let tail: number;
  if (head <= 0.5) tail = 1 - head;
  else {
    tail = 0;
    lnTerm = lnNb(n);
    // Count steps separately: j itself may be too large for j++ to move it.
    for (let j = n, step = 0; ; j++, step++) {
      if (step >= MAX_TERMS) tooLong(what, n, r, alpha, time);
      const term = Math.exp(lnTerm);
      tail += term;
      const ratio = ((r + j) / (j + 1)) * Math.exp(lnQ);
      if (ratio < 1 && term * (ratio / (1 - ratio)) <= 1e-17 * tail) break;
      lnTerm += Math.log(ratio);
    }
  }
  const lnDropRatio = Math.log(a) + lnGamma(b + n - 1) - lnGamma(b) + lnGamma(a + b) - lnGamma(a + b + n); // ln B(a+1, b+n−1)/B(a, b)
  const result = stays + Math.exp(lnDropRatio) * tail;
  return Math.min(1, Math.max(0, result));
}

import { guardInputs } from "../../core/guard.js";
import {
  bgNbdLogLikelihood as bgNbdSum,
  gammaGammaLogLikelihood as gammaGammaSum,
  prepare,
} from "./_lib/likelihood.js";
import { readBgNbdParams, readGammaGammaParams, readPatterns } from "./_lib/read.js";
import type { BgNbdParams, CustomerHistory, GammaGammaParams } from "./schemas.js";

/**
 * The BG/NBD log-likelihood of customer histories at given parameters (what {@link fitBgNbd} maximizes).
 *
 * Σ ln L over customers, natural log, constants included (Fader, Hardie & Lee 2005, eq. 6, in the stable
 * form of §7): ln L = A₁ + A₂ + ln(e^A₃ + δ(x>0) e^A₄), with the log-sum-exp taken around the larger
 * exponent. Useful to compare fits or to check that a fit is a maximum.
 *
 * @param params - BG/NBD parameters.
 * @param summary - Any iterable of `{ frequency, recency, T }`.
 * @returns The log-likelihood (natural log, summed over customers).
 * @throws {LoyaltyValidationError} when a parameter or a row is invalid, or the summary is empty.
 * @example
 * ```ts
 * import { bgNbdLogLikelihood } from "loyalty-kit";
 * const ll = bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [{ frequency: 0, recency: 0, T: 38.86 }]);
 * console.log(ll.toFixed(4));
 * ```
 * @category analytics
 */
export function bgNbdLogLikelihood(params: BgNbdParams, summary: Iterable<CustomerHistory>): number {
  return guardInputs("bgNbdLogLikelihood", { params, summary }, () => bgNbdLogLikelihoodUnguarded(params, summary));
}

function bgNbdLogLikelihoodUnguarded(params: BgNbdParams, summary: Iterable<CustomerHistory>): number {
  const what = "bgNbdLogLikelihood";
  const { r, alpha, a, b } = readBgNbdParams(params, what);
  return bgNbdSum(prepare(readPatterns(summary, false, what)), r, alpha, a, b);
}

/**
 * The Gamma-Gamma log-likelihood of the repeat customers' mean spends at given parameters (what
 * {@link fitGammaGamma} maximizes; Fader & Hardie 2013, eq. 1a). Customers with frequency 0 add nothing.
 *
 * @param params - Gamma-Gamma parameters.
 * @param summary - Any iterable of `{ frequency, recency, T, monetary }`.
 * @returns The log-likelihood summed over customers with frequency > 0.
 * @throws {LoyaltyValidationError} when a parameter or a row is invalid, or the summary is empty.
 * @example
 * ```ts
 * import { gammaGammaLogLikelihood } from "loyalty-kit";
 * const ll = gammaGammaLogLikelihood({ p: 6.25, q: 3.74, v: 15.44 }, [{ frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 }]);
 * console.log(ll.toFixed(4));
 * ```
 * @category analytics
 */
export function gammaGammaLogLikelihood(params: GammaGammaParams, summary: Iterable<CustomerHistory>): number {
  return guardInputs("gammaGammaLogLikelihood", { params, summary }, () =>
    gammaGammaLogLikelihoodUnguarded(params, summary),
  );
}

function gammaGammaLogLikelihoodUnguarded(params: GammaGammaParams, summary: Iterable<CustomerHistory>): number {
  const what = "gammaGammaLogLikelihood";
  const { p, q, v } = readGammaGammaParams(params, what);
  return gammaGammaSum(prepare(readPatterns(summary, true, what)), p, q, v);
}

import { guardInputs } from "../../core/guard.js";
import { fitByMaximumLikelihood, type RepeatPurchaseModel } from "./_lib/fitByMaximumLikelihood.js";
import { bgNbdLogLikelihood, type Prepared } from "./_lib/likelihood.js";
import type { BgNbdFit, BgNbdParams, CustomerHistory, FitOptions } from "./schemas.js";

/**
 * Fits the BG/NBD model to customer histories by maximum likelihood.
 *
 * The beta-geometric/negative-binomial model of Fader, Hardie & Lee (2005, "Counting your customers
 * the easy way", Marketing Science 24(2)): while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). The likelihood is
 * maximized with a deterministic Nelder–Mead search on ln r, ln α, ln a, ln b (restarted until a
 * restart no longer improves it). On the CDNOW sample of 2,357 customers it gives the published
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, ℓ = −9582.4, and the standard errors `lifetimes` prints
 * for that fit (se r 0.0126, α 0.378, a 0.186, b 0.705), from the inverse of the observed information.
 * `penalizer` adds the L2 penalty of `lifetimes`' `penalizer_coef` for small samples. Time is in the
 * unit of `recency` and `T`.
 *
 * @param summary - Any iterable of `{ frequency, recency, T }` (extra keys such as an id are ignored).
 * @param options - `maxEvaluations` (default 20,000 likelihood evaluations), `penalizer` (default 0).
 * @returns `{ r, alpha, a, b, standardErrors, logLikelihood, customers, evaluations }`.
 * @throws {LoyaltyValidationError} when a row breaks the rules of {@link CustomerHistory} (the path names the row index and field) or the summary is empty.
 * @throws {OperationError} with code `NOT_CONVERGED` when the search does not converge or the parameters run off towards 0 or infinity (too few customers); `details.lastParameters` holds the last parameters (null when nobody made a repeat purchase: then there is nothing to search).
 * @example
 * ```ts
 * import { fitBgNbd, LoyaltyError } from "loyalty-kit";
 * // Six customers do not pin four parameters down: the fit says so instead of returning a boundary fit.
 * // A real fit (the CDNOW sample, 2,357 customers) is in examples/lifetime/fit-predict.mjs.
 * try {
 *   fitBgNbd([
 *     { frequency: 2, recency: 30.43, T: 38.86 },
 *     { frequency: 1, recency: 1.71, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 0, recency: 0, T: 38.86 },
 *     { frequency: 7, recency: 29.43, T: 38.86 },
 *     { frequency: 1, recency: 5, T: 38.86 },
 *   ]);
 * } catch (e) {
 *   if (e instanceof LoyaltyError) console.log(e.code); // NOT_CONVERGED
 * }
 * ```
 * @category analytics
 */
export function fitBgNbd(summary: Iterable<CustomerHistory>, options?: FitOptions): BgNbdFit {
  return guardInputs("fitBgNbd", { summary, options }, () => fitBgNbdUnguarded(summary, options));
}

const BG_NBD: RepeatPurchaseModel<keyof BgNbdParams> = {
  names: ["r", "alpha", "a", "b"],
  perTime: [false, true, false, false],
  // Start: r = 1, a = b = 1 and α matching the observed repeat rate.
  start: (alpha0: number) => [1, alpha0, 1, 1],
  logLikelihood: (prepared: Prepared, θ: readonly number[]) =>
    bgNbdLogLikelihood(prepared, θ[0] as number, θ[1] as number, θ[2] as number, θ[3] as number),
};

function fitBgNbdUnguarded(summary: Iterable<CustomerHistory>, options?: FitOptions): BgNbdFit {
  return fitByMaximumLikelihood(summary, options, BG_NBD, "fitBgNbd");
}

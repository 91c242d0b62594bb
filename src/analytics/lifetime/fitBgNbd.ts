import { guardInputs } from "../../core/guard.js";
import { ErrorCode, OperationError } from "../../errors/errors.js";
import { maximize, readFitOptions } from "./_lib/fit.js";
import { bgNbdLogLikelihood, prepare } from "./_lib/likelihood.js";
import { readPatterns } from "./_lib/read.js";
import type { BgNbdFit, CustomerHistory, FitOptions } from "./schemas.js";

/**
 * Fits the BG/NBD model to customer histories by maximum likelihood.
 *
 * The beta-geometric/negative-binomial model of Fader, Hardie & Lee (2005, "Counting your customers
 * the easy way", Marketing Science 24(2)): while alive a customer buys as a Poisson process with rate
 * λ ~ Gamma(r, α); after each purchase they drop out with probability p ~ Beta(a, b). The likelihood is
 * maximized with a deterministic Nelder–Mead search on ln r, ln α, ln a, ln b (restarted until a
 * restart no longer improves it). On the CDNOW sample of 2,357 customers it gives the published
 * r = 0.243, α = 4.414, a = 0.793, b = 2.426, ℓ = −9582.4. Time is in the unit of `recency` and `T`.
 *
 * @param summary - Any iterable of `{ frequency, recency, T }` (extra keys such as an id are ignored).
 * @param options - `maxEvaluations` (default 20,000 likelihood evaluations).
 * @returns `{ r, alpha, a, b, logLikelihood, customers, evaluations }`.
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

function fitBgNbdUnguarded(summary: Iterable<CustomerHistory>, options?: FitOptions): BgNbdFit {
  const what = "fitBgNbd";
  const { maxEvaluations } = readFitOptions(options, what);
  const patterns = readPatterns(summary, false, what);
  // Fit in time units where the longest T is 10 (as the `lifetimes` package does), so that α is of
  // order one whatever the unit (days, weeks, seconds); α is converted back at the end.
  let maxT = 0;
  let sumX = 0;
  let sumT = 0;
  for (let k = 0; k < patterns.count.length; k++) {
    const n = patterns.count[k] as number;
    maxT = Math.max(maxT, patterns.T[k] as number);
    sumX += n * (patterns.frequency[k] as number);
    sumT += n * (patterns.T[k] as number);
  }
  if (sumX === 0) {
    // ℓ = r·Σ ln(α/(α+T)) has no maximum at finite positive parameters (it grows towards r → 0), and
    // a and b do not enter it at all.
    throw new OperationError(
      ErrorCode.NOT_CONVERGED,
      `${what}: nobody made a repeat purchase (every frequency is 0), so the likelihood has no maximum; fit the model on data with repeat purchases`,
      { lastParameters: null, logLikelihood: null, evaluations: 0 },
    );
  }
  const scale = maxT > 0 ? 10 / maxT : 1;
  for (let k = 0; k < patterns.count.length; k++) {
    patterns.recency[k] = (patterns.recency[k] as number) * scale;
    patterns.T[k] = (patterns.T[k] as number) * scale;
  }
  const prepared = prepare(patterns);
  // Start: r = 1, a = b = 1 and α matching the observed repeat rate, mean(x) / mean(T) = r / α.
  const alpha0 = sumT > 0 ? (sumT * scale) / sumX : 1;
  const fit = maximize(
    ["r", "alpha", "a", "b"],
    [1, alpha0, 1, 1],
    (θ) => bgNbdLogLikelihood(prepared, θ[0] as number, θ[1] as number, θ[2] as number, θ[3] as number),
    patterns.customers,
    maxEvaluations,
    what,
    {
      params: ([r, alpha, a, b]) => [r as number, (alpha as number) / scale, a as number, b as number],
      // In the caller's units the density of the recency gains a factor `scale` per repeat purchase.
      logLikelihood: (ll) => ll + Math.log(scale) * sumX,
    },
  );
  const [r, alpha, a, b] = fit.params as [number, number, number, number];
  return {
    r,
    alpha,
    a,
    b,
    logLikelihood: fit.logLikelihood,
    customers: patterns.customers,
    evaluations: fit.evaluations,
  };
}

import { guardInputs } from "../../core/guard.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { maximize, readFitOptions } from "./_lib/fit.js";
import { gammaGammaLogLikelihood, prepare } from "./_lib/likelihood.js";
import { readPatterns } from "./_lib/read.js";
import type { CustomerHistory, GammaGammaFit, GammaGammaFitOptions } from "./schemas.js";

/**
 * Fits the Gamma-Gamma model of spend per transaction by maximum likelihood.
 *
 * Fader & Hardie (2013), "The Gamma-Gamma model of monetary value": a customer's transaction values are
 * Gamma(p, ν) with ν ~ Gamma(q, v) across customers, independent of the purchase process. Only the x
 * repeat transactions count: `monetary` is their mean m̄, so customers with frequency 0 carry no spend
 * information and are skipped (`customers` in the result says how many were used). The likelihood of
 * m̄ (eq. 1a) is maximized with Nelder–Mead on ln p, ln q, ln v. On the 946 CDNOW repeat customers it
 * gives the published p = 6.25, q = 3.74, v = 15.44.
 *
 * @param summary - Any iterable of `{ frequency, recency, T, monetary }`; `monetary` must be > 0 when frequency > 0
 *   (unless `nonPositiveSpend: "exclude"`); errors name the row's `customerId` when it has one.
 * @param options - `maxEvaluations` (default 20,000 likelihood evaluations); `nonPositiveSpend`: "refuse"
 *   (default) or "exclude" — leave repeat customers with a zero or negative `monetary` out of the fit,
 *   counted in `excluded` (CDNOW's zero-value purchases make some).
 * @returns `{ p, q, v, logLikelihood, customers, evaluations }`.
 * @throws {LoyaltyValidationError} when a row is invalid (path names the row and field), or no customer has a repeat purchase.
 * @throws {OperationError} with code `NOT_CONVERGED` when the search does not converge; `details.lastParameters` holds the last parameters.
 * @example
 * ```ts
 * import { fitGammaGamma } from "loyalty-kit";
 * const fit = fitGammaGamma([
 *   { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 },
 *   { frequency: 1, recency: 1.71, T: 38.86, monetary: 11.77 },
 *   { frequency: 7, recency: 29.43, T: 38.86, monetary: 73.74 },
 *   { frequency: 1, recency: 5, T: 38.86, monetary: 11.77 },
 *   { frequency: 2, recency: 35.71, T: 38.86, monetary: 25.55 },
 *   { frequency: 5, recency: 24.29, T: 38.86, monetary: 44.93 },
 *   { frequency: 0, recency: 0, T: 38.86, monetary: 0 },
 * ]);
 * console.log(fit.customers); // 6
 * ```
 * @category analytics
 */
export function fitGammaGamma(summary: Iterable<CustomerHistory>, options?: GammaGammaFitOptions): GammaGammaFit {
  return guardInputs("fitGammaGamma", { summary, options }, () => fitGammaGammaUnguarded(summary, options));
}

function fitGammaGammaUnguarded(summary: Iterable<CustomerHistory>, options?: GammaGammaFitOptions): GammaGammaFit {
  const what = "fitGammaGamma";
  const nonPositiveSpend = (options as { nonPositiveSpend?: unknown } | null | undefined)?.nonPositiveSpend;
  if (nonPositiveSpend !== undefined && nonPositiveSpend !== "refuse" && nonPositiveSpend !== "exclude") {
    throw new LoyaltyValidationError(
      [
        {
          path: ["options", "nonPositiveSpend"],
          message: `expected "refuse" or "exclude", got ${JSON.stringify(nonPositiveSpend) ?? String(nonPositiveSpend)}`,
        },
      ],
      what,
    );
  }
  let fitOptions: unknown = options;
  if (nonPositiveSpend !== undefined) {
    const { nonPositiveSpend: _, ...rest } = options as GammaGammaFitOptions;
    fitOptions = rest;
  }
  const { maxEvaluations, penalizer } = readFitOptions(fitOptions, what);
  const exclude = nonPositiveSpend === "exclude";
  const patterns = readPatterns(summary, true, what, exclude);
  let repeaters = 0;
  let spend = 0;
  for (let k = 0; k < patterns.count.length; k++) {
    if ((patterns.frequency[k] as number) > 0) {
      repeaters += patterns.count[k] as number;
      spend += (patterns.count[k] as number) * (patterns.monetary[k] as number);
    }
  }
  if (repeaters === 0) {
    throw new LoyaltyValidationError(
      [
        {
          path: [],
          message: "expected at least one customer with frequency > 0 (a repeat purchase with a monetary value)",
        },
      ],
      what,
    );
  }
  // Fit in money units where the mean spend is 1, so that v is of order one whatever the currency.
  const scale = repeaters / spend;
  for (let k = 0; k < patterns.count.length; k++) patterns.monetary[k] = (patterns.monetary[k] as number) * scale;
  const prepared = prepare(patterns);
  // Start at p = 1, q = 2 and v matching the mean spend, p·v/(q − 1) = 1 in scaled units.
  const fit = maximize(
    ["p", "q", "v"],
    [1, 2, 1],
    (θ) => gammaGammaLogLikelihood(prepared, θ[0] as number, θ[1] as number, θ[2] as number),
    repeaters,
    maxEvaluations,
    what,
    {
      params: ([p, q, v]) => [p as number, q as number, (v as number) / scale],
      // In the caller's money unit each density of m̄ gains a factor `scale`.
      logLikelihood: (ll) => ll + repeaters * Math.log(scale),
    },
    penalizer,
  );
  const [p, q, v] = fit.params as [number, number, number];
  return {
    p,
    q,
    v,
    logLikelihood: fit.logLikelihood,
    customers: repeaters,
    evaluations: fit.evaluations,
    ...(exclude ? { excluded: patterns.excluded } : {}),
  };
}

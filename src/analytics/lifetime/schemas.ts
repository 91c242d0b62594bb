// Parameter and history types of the lifetime models, with their checks. Written by hand rather than
// as zod schemas: the checks are four or three positive numbers, and the model functions run them on
// every call (a fit result is accepted as parameters, so other keys are ignored, not rejected).
import { guardInputs } from "../../core/guard.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import type { SafeParseResult } from "../../_lib/validation.js";
import { positiveFieldIssues } from "./_lib/check.js";

/**
 * The four BG/NBD parameters (Fader, Hardie & Lee 2005): purchase rates λ ~ Gamma(shape `r`, rate
 * `alpha`) and drop-out probabilities p ~ Beta(`a`, `b`), all finite and positive. `alpha` is in the
 * time unit of the summary (weeks for CDNOW). Functions that take parameters read these four keys and
 * ignore others, so a {@link BgNbdFit} can be passed directly.
 *
 * @example
 * ```ts
 * import type { BgNbdParams } from "loyalty-kit";
 * const cdnow: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
 * console.log(cdnow.r);
 * ```
 * @category analytics
 */
export interface BgNbdParams {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/**
 * The Gamma-Gamma spend parameters (Fader & Hardie 2013, "The Gamma-Gamma model of monetary value"):
 * each transaction's value ~ Gamma(shape `p`, rate ν), with ν ~ Gamma(shape `q`, rate `v`) across
 * customers; all finite and positive. The population's mean spend per transaction is p·v / (q − 1)
 * (finite for q > 1). Other keys are ignored so that a {@link GammaGammaFit} can be passed directly.
 *
 * @example
 * ```ts
 * import type { GammaGammaParams } from "loyalty-kit";
 * const cdnow: GammaGammaParams = { p: 6.25, q: 3.74, v: 15.44 };
 * console.log(cdnow.v);
 * ```
 * @category analytics
 */
export interface GammaGammaParams {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/**
 * A fitted BG/NBD model: the parameters, the maximized log-likelihood (natural log, summed over
 * customers, constants included, as reported by Fader, Hardie & Lee 2005), the number of customers and
 * the number of likelihood evaluations the optimizer spent.
 *
 * @example
 * ```ts
 * import type { BgNbdFit } from "loyalty-kit";
 * const fit: BgNbdFit = {
 *   r: 0.243, alpha: 4.414, a: 0.793, b: 2.426,
 *   standardErrors: { r: 0.0126, alpha: 0.378, a: 0.186, b: 0.705 },
 *   logLikelihood: -9582.4, customers: 2357, evaluations: 600,
 * };
 * console.log(fit.logLikelihood);
 * ```
 * @category analytics
 */
export interface BgNbdFit extends BgNbdParams {
  /** Standard errors of the parameters (inverse observed information, delta method from ln θ). */
  readonly standardErrors: BgNbdParams;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly evaluations: number;
}

/**
 * A fitted Gamma-Gamma model: the parameters, the maximized log-likelihood (natural log, summed over
 * the repeat customers used), how many customers were used (those with frequency > 0) and the number of
 * likelihood evaluations.
 *
 * @example
 * ```ts
 * import type { GammaGammaFit } from "loyalty-kit";
 * const fit: GammaGammaFit = { p: 6.25, q: 3.74, v: 15.44, logLikelihood: -4000, customers: 946, evaluations: 300 };
 * console.log(fit.customers);
 * ```
 * @category analytics
 */
export interface GammaGammaFit extends GammaGammaParams {
  readonly logLikelihood: number;
  readonly customers: number;
  readonly evaluations: number;
  /** Repeat customers left out for a zero or negative `monetary` (`nonPositiveSpend: "exclude"`); absent otherwise. */
  readonly excluded?: number;
}

/**
 * Like {@link parseBgNbdParams} but returns `{ success, data | error }` instead of throwing.
 *
 * @param input - Anything.
 * @returns A tagged result.
 * @throws {never} never: problems are returned as `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseBgNbdParams } from "loyalty-kit";
 * console.log(safeParseBgNbdParams({ r: -1, alpha: 1, a: 1, b: 1 }).success); // false
 * ```
 * @category analytics
 */
export function safeParseBgNbdParams(input: unknown): SafeParseResult<BgNbdParams> {
  return guardInputs("safeParseBgNbdParams", { input }, () => safeParseBgNbdParamsUnguarded(input));
}

function safeParseBgNbdParamsUnguarded(input: unknown): SafeParseResult<BgNbdParams> {
  const issues = positiveFieldIssues(input, ["r", "alpha", "a", "b"], []);
  if (issues.length > 0) return { success: false, error: new LoyaltyValidationError(issues, "BG/NBD parameters") };
  const { r, alpha, a, b } = input as BgNbdParams;
  return { success: true, data: { r, alpha, a, b } };
}

/**
 * Validates BG/NBD parameters (for example read back from JSON) and returns `{ r, alpha, a, b }`.
 *
 * Each parameter must be a finite number greater than zero; other keys are dropped.
 *
 * @param input - Anything, typically `JSON.parse` output.
 * @returns The four parameters.
 * @throws {LoyaltyValidationError} when a parameter is missing, not a number, not finite or not positive.
 * @example
 * ```ts
 * import { parseBgNbdParams } from "loyalty-kit";
 * const params = parseBgNbdParams(JSON.parse('{"r":0.243,"alpha":4.414,"a":0.793,"b":2.426}'));
 * console.log(params.b); // 2.426
 * ```
 * @category analytics
 */
export function parseBgNbdParams(input: unknown): BgNbdParams {
  return guardInputs("parseBgNbdParams", { input }, () => parseBgNbdParamsUnguarded(input));
}

function parseBgNbdParamsUnguarded(input: unknown): BgNbdParams {
  const result = safeParseBgNbdParams(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseGammaGammaParams} but returns `{ success, data | error }` instead of throwing.
 *
 * @param input - Anything.
 * @returns A tagged result.
 * @throws {never} never: problems are returned as `{ success: false, error }`.
 * @example
 * ```ts
 * import { safeParseGammaGammaParams } from "loyalty-kit";
 * console.log(safeParseGammaGammaParams({ p: 1, q: 2 }).success); // false
 * ```
 * @category analytics
 */
export function safeParseGammaGammaParams(input: unknown): SafeParseResult<GammaGammaParams> {
  return guardInputs("safeParseGammaGammaParams", { input }, () => safeParseGammaGammaParamsUnguarded(input));
}

function safeParseGammaGammaParamsUnguarded(input: unknown): SafeParseResult<GammaGammaParams> {
  const issues = positiveFieldIssues(input, ["p", "q", "v"], []);
  if (issues.length > 0) return { success: false, error: new LoyaltyValidationError(issues, "Gamma-Gamma parameters") };
  const { p, q, v } = input as GammaGammaParams;
  return { success: true, data: { p, q, v } };
}

/**
 * Validates Gamma-Gamma parameters and returns `{ p, q, v }`.
 *
 * Each parameter must be a finite number greater than zero; other keys are dropped.
 *
 * @param input - Anything, typically `JSON.parse` output.
 * @returns The three parameters.
 * @throws {LoyaltyValidationError} when a parameter is missing, not a number, not finite or not positive.
 * @example
 * ```ts
 * import { parseGammaGammaParams } from "loyalty-kit";
 * console.log(parseGammaGammaParams({ p: 6.25, q: 3.74, v: 15.44 }).p); // 6.25
 * ```
 * @category analytics
 */
export function parseGammaGammaParams(input: unknown): GammaGammaParams {
  return guardInputs("parseGammaGammaParams", { input }, () => parseGammaGammaParamsUnguarded(input));
}

function parseGammaGammaParamsUnguarded(input: unknown): GammaGammaParams {
  const result = safeParseGammaGammaParams(input);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * One customer's purchase history in the form the BG/NBD and Gamma-Gamma models use — exactly what
 * `rfmSummary` produces: `frequency` = number of repeat purchases (purchase periods after the first),
 * `recency` = time from the first to the last purchase, `T` = time from the first purchase to the end
 * of observation (same unit as recency), `monetary` = mean value of the repeat purchases (needed by the
 * Gamma-Gamma functions only; 0 or absent when frequency is 0). Other keys (a customer id) are allowed.
 *
 * Rules (checked, with the row index and field in the error): all values finite, `frequency` a
 * non-negative integer, 0 ≤ `recency` ≤ `T`, `recency` = 0 when `frequency` = 0, `monetary` > 0 when
 * `frequency` > 0 (Gamma-Gamma).
 *
 * @example
 * ```ts
 * import type { CustomerHistory } from "loyalty-kit";
 * const customer1: CustomerHistory = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
 * console.log(customer1.frequency);
 * ```
 * @category analytics
 */
export interface CustomerHistory {
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary?: number;
}

/**
 * Options of {@link fitBgNbd} and {@link fitGammaGamma}: `maxEvaluations`, the most likelihood
 * evaluations the search may spend over all its restarts (default 20,000; CDNOW needs about 560). When it
 * runs out the fit throws `NOT_CONVERGED` with the last parameters.
 *
 * @example
 * ```ts
 * import type { FitOptions } from "loyalty-kit";
 * const quick: FitOptions = { maxEvaluations: 2000 };
 * console.log(quick.maxEvaluations);
 * ```
 * @category analytics
 */
export interface FitOptions {
  readonly maxEvaluations?: number;
  /**
   * L2 penalty c ≥ 0 on the parameters (default 0), as `penalizer_coef` in `lifetimes`: the search
   * minimizes −ℓ/n + c·Σθ² (time-rate parameters in time scaled so the longest T is 10), which keeps
   * small samples from running off to implausibly large parameters; 0.001 to 0.1 is typical.
   */
  readonly penalizer?: number;
}

/**
 * Options of `fitGammaGamma`: those of every fit, and what to do with repeat customers whose mean
 * spend is zero or negative (CDNOW has zero-value purchases; refunds can make a mean negative). The
 * Gamma-Gamma model has no density there: `"refuse"` (default) throws naming them, `"exclude"`
 * leaves them out of the fit and reports how many in `excluded`.
 *
 * @example
 * ```ts
 * import type { GammaGammaFitOptions } from "loyalty-kit";
 * const o: GammaGammaFitOptions = { nonPositiveSpend: "exclude" };
 * console.log(o.nonPositiveSpend);
 * ```
 * @category analytics
 */
export interface GammaGammaFitOptions extends FitOptions {
  readonly nonPositiveSpend?: "refuse" | "exclude";
}

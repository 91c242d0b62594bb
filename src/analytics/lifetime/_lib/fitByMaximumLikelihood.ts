// The one set-up of the repeat-purchase fits (BG/NBD, Pareto/NBD): read and check the histories,
// refuse data without repeat purchases, rescale time so the longest T is 10 (as the `lifetimes`
// package does, so rate parameters are of order one whatever the unit), start from the observed
// repeat rate, run the shared Nelder–Mead driver, and convert back. Internal.
import { ErrorCode, OperationError } from "../../../errors/errors.js";
import { maximize, readFitOptions } from "./fit.js";
import { prepare, type Prepared } from "./likelihood.js";
import { readPatterns } from "./read.js";

/** What differs between the models; `N` are the parameter names. */
export interface RepeatPurchaseModel<N extends string> {
  /** Parameter names in search order. */
  readonly names: readonly N[];
  /** Which parameters are rates per unit of time (divided by the time scale on the way out). */
  readonly perTime: readonly boolean[];
  /** Start point, given α₀ = mean(T)/mean(x) in scaled time (r / α matches the observed repeat rate). */
  readonly start: (alpha0: number) => number[];
  /** ℓ of the scaled histories at positive parameters. */
  readonly logLikelihood: (prepared: Prepared, params: readonly number[]) => number;
}

/**
 * A fit in the caller's units: the parameters by name, their standard errors, and the search's
 * figures — the result shape of fitBgNbd and fitParetoNbd (`BgNbdFit`, `ParetoNbdFit`).
 */
export type RepeatPurchaseFit<N extends string> = Readonly<Record<N, number>> & {
  readonly standardErrors: Readonly<Record<N, number>>;
  readonly logLikelihood: number;
  readonly customers: number;
  readonly evaluations: number;
};

/** Fits `model` to customer histories by maximum likelihood (see fitBgNbd / fitParetoNbd). */
export function fitByMaximumLikelihood<N extends string>(
  summary: unknown,
  options: unknown,
  model: RepeatPurchaseModel<N>,
  what: string,
): RepeatPurchaseFit<N> {
  const { maxEvaluations, penalizer } = readFitOptions(options, what);
  const patterns = readPatterns(summary, false, what);
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
    // ℓ then grows towards r → 0 without a maximum at finite positive parameters (for BG/NBD,
    // ℓ = r·Σ ln(α/(α+T)), and a and b do not enter it at all).
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
  const alpha0 = sumT > 0 ? (sumT * scale) / sumX : 1;
  const fit = maximize(
    model.names,
    model.start(alpha0),
    (θ) => model.logLikelihood(prepared, θ),
    patterns.customers,
    maxEvaluations,
    what,
    {
      params: (θ) => θ.map((v, i) => (model.perTime[i] ? v / scale : v)),
      // In the caller's units the density of each repeat purchase time gains a factor `scale`.
      logLikelihood: (ll) => ll + Math.log(scale) * sumX,
    },
    penalizer,
  );
  const byName = (values: readonly number[]) =>
    Object.fromEntries(model.names.map((n, i) => [n, values[i] as number])) as Record<N, number>;
  // The parameters first, then the figures: the key order of the public results.
  return {
    ...byName(fit.params),
    standardErrors: byName(fit.standardErrors),
    logLikelihood: fit.logLikelihood,
    customers: patterns.customers,
    evaluations: fit.evaluations,
  };
}

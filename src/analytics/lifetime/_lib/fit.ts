// Shared driver: Nelder–Mead on log-parameters, NOT_CONVERGED with the last parameters. Internal.
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../../errors/errors.js";
import { describe as previewValue } from "./check.js";
import { nelderMead } from "./nelderMead.js";

/** `maxEvaluations` from a fit's options (default 20,000), checked. */
export function readFitOptions(options: unknown, what: string): { maxEvaluations: number } {
  if (options === undefined) return { maxEvaluations: 20_000 };
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError(
      [{ path: ["options"], message: `expected an object or nothing, got ${previewValue(options)}` }],
      what,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== "maxEvaluations")
      throw new LoyaltyValidationError(
        [{ path: ["options", key], message: "unknown option; expected only maxEvaluations" }],
        what,
      );
  }
  const m = (options as { maxEvaluations?: unknown }).maxEvaluations;
  if (m === undefined) return { maxEvaluations: 20_000 };
  if (typeof m !== "number" || !Number.isInteger(m) || m < 1) {
    throw new LoyaltyValidationError(
      [{ path: ["options", "maxEvaluations"], message: `expected a positive integer, got ${previewValue(m)}` }],
      what,
    );
  }
  return { maxEvaluations: m };
}

// The search stays inside |ln θ| ≤ 30 (the objective is +∞ outside) and a result with |ln θ| > 20 is
// not a maximum but a run towards the boundary: the data do not identify the model (no repeat purchases,
// a single customer, identical spends, …). Callers scale time and money so that the parameters of
// real data are of order one, which makes these bounds independent of the units.
const SEARCH_BOUND = 30;
const RESULT_BOUND = 20;

/**
 * Maximizes `logLikelihood(params)` over positive parameters by minimizing −ℓ/n on ln-parameters.
 * Dividing by n keeps the value tolerance independent of the number of customers. `unscale` maps the
 * parameters and the log-likelihood of the scaled problem back to the caller's units.
 */
export function maximize(
  names: readonly string[],
  start: readonly number[],
  logLikelihood: (params: readonly number[]) => number,
  customers: number,
  maxEvaluations: number,
  what: string,
  unscale: { params: (params: readonly number[]) => number[]; logLikelihood: (ll: number) => number },
): { params: number[]; logLikelihood: number; evaluations: number } {
  const objective = (logParams: readonly number[]): number =>
    logParams.every((v) => Math.abs(v) <= SEARCH_BOUND)
      ? -logLikelihood(logParams.map(Math.exp)) / customers
      : Number.POSITIVE_INFINITY;
  const result = nelderMead(objective, start.map(Math.log), {
    step: 0.5,
    valueTolerance: 1e-11,
    pointTolerance: 1e-7,
    maxEvaluations,
    maxRestarts: 10,
  });
  const params = result.x.map(Math.exp);
  const ll = -result.value * customers;
  const inside = result.x.every((v) => Math.abs(v) <= RESULT_BOUND);
  const ok = result.converged && inside && params.every((p) => Number.isFinite(p) && p > 0) && Number.isFinite(ll);
  if (!ok) {
    const shown = unscale.params(params);
    const last = Object.fromEntries(names.map((n, i) => [n, shown[i]]));
    throw new OperationError(
      ErrorCode.NOT_CONVERGED,
      `${what}: the maximum-likelihood search did not converge after ${result.evaluations} likelihood evaluations${
        result.converged && !inside ? " (the parameters ran off towards 0 or infinity)" : ""
      }; last parameters ${names.map((n, i) => `${n} = ${shown[i]}`).join(", ")}. The data may not identify the model (for example no repeat purchases at all, or too few customers)`,
      {
        lastParameters: last,
        logLikelihood: Number.isFinite(ll) ? unscale.logLikelihood(ll) : null,
        evaluations: result.evaluations,
      },
    );
  }
  return { params: unscale.params(params), logLikelihood: unscale.logLikelihood(ll), evaluations: result.evaluations };
}

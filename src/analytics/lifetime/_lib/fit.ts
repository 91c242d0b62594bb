// Shared driver: Nelder–Mead on log-parameters, NOT_CONVERGED with the last parameters. Internal.
import { ErrorCode, LoyaltyValidationError, OperationError } from "../../../errors/errors.js";
import { describe as previewValue } from "./check.js";
import { nelderMead } from "./nelderMead.js";

/** `maxEvaluations` (default 20,000) and `penalizer` (default 0) from a fit's options, checked. */
export function readFitOptions(options: unknown, what: string): { maxEvaluations: number; penalizer: number } {
  if (options === undefined) return { maxEvaluations: 20_000, penalizer: 0 };
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError(
      [{ path: ["options"], message: `expected an object or nothing, got ${previewValue(options)}` }],
      what,
    );
  }
  for (const key of Object.keys(options)) {
    if (key !== "maxEvaluations" && key !== "penalizer")
      throw new LoyaltyValidationError(
        [{ path: ["options", key], message: "unknown option; expected only maxEvaluations and penalizer" }],
        what,
      );
  }
  const { maxEvaluations: m, penalizer: p } = options as { maxEvaluations?: unknown; penalizer?: unknown };
  if (m !== undefined && (typeof m !== "number" || !Number.isInteger(m) || m < 1)) {
    throw new LoyaltyValidationError(
      [{ path: ["options", "maxEvaluations"], message: `expected a positive integer, got ${previewValue(m)}` }],
      what,
    );
  }
  if (p !== undefined && !(typeof p === "number" && p >= 0 && p < Number.POSITIVE_INFINITY)) {
    throw new LoyaltyValidationError(
      [
        {
          path: ["options", "penalizer"],
          message: `expected a finite number ≥ 0 (lifetimes suggests 0.001 to 0.1 for small samples), got ${previewValue(p)}`,
        },
      ],
      what,
    );
  }
  return { maxEvaluations: (m as number | undefined) ?? 20_000, penalizer: (p as number | undefined) ?? 0 };
}

// The search stays inside |ln θ| ≤ 30 (the objective is +∞ outside) and a result with |ln θ| > 20 is
// not a maximum but a run towards the boundary: the data do not identify the model (no repeat purchases,
// a single customer, identical spends, …). Callers scale time and money so that the parameters of
// real data are of order one, which makes these bounds independent of the units.
const SEARCH_BOUND = 30;
const RESULT_BOUND = 20;

// A maximum on a flat ridge is not a fit either: two customers give a ≈ 15,258, b ≈ 5e-7 with the
// likelihood unchanged along a whole curve of (a, b). The observed information (the Hessian of −ℓ in
// ln-parameters, by central differences) must be positive definite with every eigenvalue at least
// MIN_CURVATURE: its inverse is the asymptotic variance of the ln-parameters, so a smaller eigenvalue
// means a standard error above 1/√0.01 = 10 on the log scale (a factor of e^10 ≈ 22,000) in some
// direction — the data do not identify the parameters there.
const MIN_CURVATURE = 0.01;
const HESSIAN_STEP = 1e-3;

/** The Hessian of f at x by central differences (2n² + 1 evaluations). */
function hessian(f: (x: readonly number[]) => number, x: readonly number[], h: number): number[][] {
  const n = x.length;
  const at = (di: number, si: number, dj: number, sj: number): number => {
    const y = [...x];
    y[di] = (y[di] as number) + si * h;
    y[dj] = (y[dj] as number) + sj * h;
    return f(y);
  };
  const f0 = f(x);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const row = H[i] as number[];
    const plus = [...x];
    const minus = [...x];
    plus[i] = (plus[i] as number) + h;
    minus[i] = (minus[i] as number) - h;
    row[i] = (f(plus) - 2 * f0 + f(minus)) / (h * h);
    for (let j = 0; j < i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h * h);
      row[j] = v;
      (H[j] as number[])[i] = v;
    }
  }
  return H;
}

/** True when H − λI is positive definite (Cholesky succeeds), i.e. every eigenvalue of H exceeds λ. */
function allEigenvaluesAbove(H: readonly (readonly number[])[], lambda: number): boolean {
  const n = H.length;
  const L = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = (H[i]?.[j] as number) - (i === j ? lambda : 0);
      for (let k = 0; k < j; k++) sum -= (L[i]?.[k] as number) * (L[j]?.[k] as number);
      if (i === j) {
        if (!(sum > 0)) return false;
        (L[i] as number[])[i] = Math.sqrt(sum);
      } else {
        (L[i] as number[])[j] = sum / (L[j]?.[j] as number);
      }
    }
  }
  return true;
}

/** The inverse of a symmetric positive definite matrix (Gauss–Jordan with partial pivoting). */
function invert(H: readonly (readonly number[])[]): number[][] {
  const n = H.length;
  const A = H.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r]?.[c] as number) > Math.abs(A[p]?.[c] as number)) p = r;
    [A[c], A[p]] = [A[p] as number[], A[c] as number[]];
    const pivotRow = A[c] as number[];
    const pivot = pivotRow[c] as number;
    for (let j = 0; j < 2 * n; j++) pivotRow[j] = (pivotRow[j] as number) / pivot;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const row = A[r] as number[];
      const f = row[c] as number;
      if (f !== 0) for (let j = 0; j < 2 * n; j++) row[j] = (row[j] as number) - f * (pivotRow[j] as number);
    }
  }
  return A.map((row) => row.slice(n));
}

/**
 * Maximizes `logLikelihood(params)` over positive parameters by minimizing −ℓ/n on ln-parameters.
 * Dividing by n keeps the value tolerance independent of the number of customers. `unscale` maps the
 * parameters and the log-likelihood of the scaled problem back to the caller's units. With `penalizer`
 * c > 0 the search minimizes −ℓ/n + c·Σθ² over the scaled parameters, the L2 penalty of the
 * `lifetimes` fitters (`penalizer_coef`); the log-likelihood returned is ℓ itself at the result.
 * Standard errors come from the observed information: the inverse of the Hessian of the minimized
 * objective (times n) in ln-parameters is the asymptotic covariance of ln θ, and by the delta method
 * se(θᵢ) = θᵢ·√(that covariance)ᵢᵢ — exact for the Hessian in θ too, since the gradient is zero at the
 * optimum.
 */
export function maximize(
  names: readonly string[],
  start: readonly number[],
  logLikelihood: (params: readonly number[]) => number,
  customers: number,
  maxEvaluations: number,
  what: string,
  unscale: { params: (params: readonly number[]) => number[]; logLikelihood: (ll: number) => number },
  penalizer = 0,
): { params: number[]; standardErrors: number[]; logLikelihood: number; evaluations: number } {
  const objective = (logParams: readonly number[]): number => {
    if (!logParams.every((v) => Math.abs(v) <= SEARCH_BOUND)) return Number.POSITIVE_INFINITY;
    const θ = logParams.map(Math.exp);
    const penalty = penalizer === 0 ? 0 : penalizer * θ.reduce((sum, t) => sum + t * t, 0);
    return -logLikelihood(θ) / customers + penalty;
  };
  const result = nelderMead(objective, start.map(Math.log), {
    step: 0.5,
    valueTolerance: 1e-11,
    pointTolerance: 1e-7,
    maxEvaluations,
    maxRestarts: 10,
  });
  const params = result.x.map(Math.exp);
  const ll = logLikelihood(params);
  const inside = result.x.every((v) => Math.abs(v) <= RESULT_BOUND);
  const finite = params.every((p) => Number.isFinite(p) && p > 0) && Number.isFinite(ll);
  const information =
    result.converged && inside && finite ? hessian((x) => objective(x) * customers, result.x, HESSIAN_STEP) : undefined;
  const identified = information === undefined || allEigenvaluesAbove(information, MIN_CURVATURE);
  const ok = result.converged && inside && finite && identified;
  if (!ok) {
    const shown = unscale.params(params);
    const last = Object.fromEntries(names.map((n, i) => [n, shown[i]]));
    throw new OperationError(
      ErrorCode.NOT_CONVERGED,
      `${what}: the maximum-likelihood search did not converge after ${result.evaluations} likelihood evaluations${
        result.converged && !inside
          ? " (the parameters ran off towards 0 or infinity)"
          : !identified
            ? " (the likelihood is flat around the best parameters found: the data do not pin them down)"
            : ""
      }; last parameters ${names.map((n, i) => `${n} = ${shown[i]}`).join(", ")}. The data may not identify the model (for example no repeat purchases at all, or too few customers)`,
      {
        lastParameters: last,
        logLikelihood: Number.isFinite(ll) ? unscale.logLikelihood(ll) : null,
        evaluations: result.evaluations,
      },
    );
  }
  const shown = unscale.params(params);
  const covariance = invert(information as number[][]);
  const standardErrors = shown.map((θ, i) => θ * Math.sqrt(covariance[i]?.[i] as number));
  return {
    params: shown,
    standardErrors,
    logLikelihood: unscale.logLikelihood(ll),
    evaluations: result.evaluations,
  };
}

// A deterministic Nelder–Mead minimizer (Lagarias, Reeds, Wright & Wright 1998, "Convergence properties
// of the Nelder–Mead simplex method in low dimensions", SIAM J. Optim. 9(1): coefficients ρ = 1, χ = 2,
// γ = ½, σ = ½), restarted from the best vertex with a fresh simplex until a restart no longer improves
// the objective: a restart undoes a simplex that collapsed before reaching the minimum. Internal.

/** What the minimizer found, converged or not. */
export interface MinimizeResult {
  readonly x: readonly number[];
  readonly value: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export interface MinimizeOptions {
  /** Initial simplex edge along each axis. */
  readonly step: number;
  /** Converged when the simplex's values span at most this much (absolute)… */
  readonly valueTolerance: number;
  /** …and every vertex is within this of the best one (max norm). */
  readonly pointTolerance: number;
  readonly maxEvaluations: number;
  readonly maxRestarts: number;
}

/** Minimizes `f` from `start`. Non-finite values count as +∞ (the simplex moves away from them). */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions,
): MinimizeResult {
  const n = start.length;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };

  let best = [...start];
  let bestValue = evaluate(best);
  for (let restart = 0; restart <= options.maxRestarts; restart++) {
    const points: number[][] = [best];
    const values: number[] = [bestValue];
    for (let i = 0; i < n; i++) {
      const p = [...best];
      p[i] = (p[i] as number) + options.step;
      points.push(p);
      values.push(evaluate(p));
    }
    const run = simplexSearch(points, values, evaluate, options, () => evaluations);
    const improvement = bestValue - run.value;
    best = run.x;
    bestValue = run.value;
    if (!run.converged) return { x: best, value: bestValue, evaluations, converged: false };
    // A restart (restart > 0) that does not improve on the previous run confirms the minimum.
    if (restart > 0 && improvement <= options.valueTolerance) {
      return { x: best, value: bestValue, evaluations, converged: true };
    }
  }
  return { x: best, value: bestValue, evaluations, converged: false };
}

function simplexSearch(
  points: number[][],
  values: number[],
  evaluate: (x: number[]) => number,
  options: MinimizeOptions,
  spent: () => number,
): { x: number[]; value: number; converged: boolean } {
  const n = points.length - 1;
  const order = points.map((_, i) => i);
  const along = (from: number[], to: number[], t: number): number[] =>
    from.map((v, i) => v + t * ((to[i] as number) - v));
  for (;;) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number) || i - j);
    const sortedPoints = order.map((i) => points[i] as number[]);
    const sortedValues = order.map((i) => values[i] as number);
    for (let i = 0; i <= n; i++) {
      points[i] = sortedPoints[i] as number[];
      values[i] = sortedValues[i] as number;
      order[i] = i;
    }
    const bestPoint = points[0] as number[];
    const bestValue = values[0] as number;
    const worstValue = values[n] as number;
    const spread = worstValue - bestValue;
    let size = 0;
    for (let i = 1; i <= n; i++) {
      const p = points[i] as number[];
      for (let k = 0; k < bestPoint.length; k++)
        size = Math.max(size, Math.abs((p[k] as number) - (bestPoint[k] as number)));
    }
    if (spread <= options.valueTolerance && size <= options.pointTolerance)
      return { x: bestPoint, value: bestValue, converged: true };
    if (spent() >= options.maxEvaluations) return { x: bestPoint, value: bestValue, converged: false };

    const centroid = bestPoint.map((_, k) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += (points[i] as number[])[k] as number;
      return s / n;
    });
    const worst = points[n] as number[];
    const secondWorstValue = values[n - 1] as number;
    const reflected = along(centroid, worst, -1);
    const fr = evaluate(reflected);
    if (fr < bestValue) {
      const expanded = along(centroid, worst, -2);
      const fe = evaluate(expanded);
      if (fe < fr) [points[n], values[n]] = [expanded, fe];
      else [points[n], values[n]] = [reflected, fr];
      continue;
    }
    if (fr < secondWorstValue) {
      [points[n], values[n]] = [reflected, fr];
      continue;
    }
    if (fr < worstValue) {
      const outside = along(centroid, worst, -0.5);
      const fc = evaluate(outside);
      if (fc <= fr) {
        [points[n], values[n]] = [outside, fc];
        continue;
      }
    } else {
      const inside = along(centroid, worst, 0.5);
      const fcc = evaluate(inside);
      if (fcc < worstValue) {
        [points[n], values[n]] = [inside, fcc];
        continue;
      }
    }
    // Shrink every vertex halfway towards the best one.
    for (let i = 1; i <= n; i++) {
      const p = along(bestPoint, points[i] as number[], 0.5);
      points[i] = p;
      values[i] = evaluate(p);
    }
  }
}

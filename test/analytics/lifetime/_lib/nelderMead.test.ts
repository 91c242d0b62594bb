import { describe, expect, it } from "vitest";
import { nelderMead } from "../../../../src/analytics/lifetime/_lib/nelderMead.js";

const options = { step: 0.5, valueTolerance: 1e-14, pointTolerance: 1e-9, maxEvaluations: 20_000, maxRestarts: 10 };

describe("nelderMead", () => {
  it("finds the minimum of Rosenbrock's valley at (1, 1) from (−1.2, 1)", () => {
    const rosenbrock = ([x, y]: readonly number[]): number =>
      100 * ((y as number) - (x as number) ** 2) ** 2 + (1 - (x as number)) ** 2;
    const result = nelderMead(rosenbrock, [-1.2, 1], options);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("finds the centre of a tilted 4-dimensional bowl", () => {
    const centre = [0.3, -1.2, 2.5, 0];
    const bowl = (x: readonly number[]): number =>
      x.reduce((s, v, i) => s + (i + 1) * (v - (centre[i] as number)) ** 2, 0);
    const result = nelderMead(bowl, [0, 0, 0, 0], options);
    expect(result.converged).toBe(true);
    result.x.forEach((v, i) => expect(v).toBeCloseTo(centre[i] as number, 6));
  });

  it("is deterministic: the same start gives the same path and count", () => {
    const f = ([x, y]: readonly number[]): number => Math.cosh((x as number) - 1) + ((y as number) + 2) ** 4;
    const one = nelderMead(f, [3, 3], options);
    const two = nelderMead(f, [3, 3], options);
    expect(two).toEqual(one);
  });

  it("reports no convergence when the evaluation budget runs out", () => {
    const result = nelderMead(([x]: readonly number[]) => ((x as number) - 5) ** 2, [0], {
      ...options,
      maxEvaluations: 5,
    });
    expect(result.converged).toBe(false);
    expect(result.evaluations).toBeGreaterThanOrEqual(5);
  });

  it("walks away from non-finite values", () => {
    const f = ([x]: readonly number[]): number => ((x as number) < 0 ? Number.NaN : ((x as number) - 2) ** 2);
    const result = nelderMead(f, [0.1], options);
    expect(result.x[0]).toBeCloseTo(2, 6);
  });
});

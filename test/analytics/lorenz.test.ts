import { describe, expect, it } from "vitest";
import { gini, lorenz, LoyaltyValidationError } from "../../src/index.js";

describe("lorenz", () => {
  it("returns every customer's point for a small input", () => {
    expect(lorenz([40, 10, 30, 20]).points).toEqual([
      { x: 0, y: 0 },
      { x: 0.25, y: 0.1 },
      { x: 0.5, y: 0.3 },
      { x: 0.75, y: 0.6 },
      { x: 1, y: 1 },
    ]);
  });
  it("samples evenly by linear interpolation", () => {
    // Exact curve of [1, 3]: (0,0) (0.5,0.25) (1,1); at x = 0.25 the polyline gives 0.125.
    expect(lorenz([1, 3], { points: 5 }).points).toEqual([
      { x: 0, y: 0 },
      { x: 0.25, y: 0.125 },
      { x: 0.5, y: 0.25 },
      { x: 0.75, y: 0.625 },
      { x: 1, y: 1 },
    ]);
  });
  it("defaults to 101 points for more than 100 customers", () => {
    expect(lorenz(Array.from({ length: 500 }, (_, i) => i)).points).toHaveLength(101);
  });
  it("encloses half the Gini coefficient with the line of equality", () => {
    const values = [1, 5, 2, 9, 0, 3];
    const pts = lorenz(values).points;
    let area = 0;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1];
      const b = pts[i];
      if (a === undefined || b === undefined) continue;
      area += ((b.x - a.x) * (a.y + b.y)) / 2;
    }
    expect(1 - 2 * area).toBeCloseTo(gini(values), 12);
  });
  it("is the line of equality for all-zero input", () => {
    expect(lorenz([0, 0]).points).toEqual([
      { x: 0, y: 0 },
      { x: 0.5, y: 0.5 },
      { x: 1, y: 1 },
    ]);
  });
  it("rejects negative values, a bad point count and empty input", () => {
    expect(() => lorenz([-1, 2])).toThrow(/non-negative/);
    expect(() => lorenz([1], { points: 1 })).toThrow(/points: expected an integer/);
    expect(() => lorenz([])).toThrow(LoyaltyValidationError);
  });
});

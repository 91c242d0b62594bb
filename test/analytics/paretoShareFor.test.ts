import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, paretoShareFor } from "../../src/index.js";

describe("paretoShareFor", () => {
  const totals = [500, 300, 80, 40, 30, 20, 10, 10, 5, 5];

  it("finds that 20 % of customers hold 80 % of the value", () => {
    expect(paretoShareFor(totals, { valueShare: 0.8 })).toEqual({
      n: 10,
      total: 1000,
      valueShare: 0.8,
      count: 2,
      customerShare: 0.2,
      reachedShare: 0.8,
      threshold: 300,
      tiesOutside: 0,
    });
  });

  it("takes one more customer when the share is just above a cumulative step", () => {
    const r = paretoShareFor(totals, { valueShare: 0.81 });
    expect(r.count).toBe(3);
    expect(r.reachedShare).toBe(0.88);
  });

  it("is not fooled by float sums: 0.1 + 0.2 reaches 60 % of 0.5", () => {
    expect(paretoShareFor([0.1, 0.2, 0.2], { valueShare: 0.6 }).count).toBe(2);
  });

  it("answers 0 customers for 0 % and all customers for 100 %", () => {
    expect(paretoShareFor(totals, { valueShare: 0 }).count).toBe(0);
    expect(paretoShareFor(totals, { valueShare: 1 }).count).toBe(10);
  });

  it("reports ties at the cut", () => {
    expect(paretoShareFor([50, 10, 10, 10, 10, 10], { valueShare: 0.6 })).toMatchObject({
      count: 2,
      threshold: 10,
      tiesOutside: 4,
    });
  });

  it("treats all-zero input as an equal split", () => {
    expect(paretoShareFor([0, 0, 0, 0, 0], { valueShare: 0.8 }).count).toBe(4);
  });

  it("rejects bad input with typed errors", () => {
    expect(() => paretoShareFor([], { valueShare: 0.8 })).toThrow(LoyaltyValidationError);
    expect(() => paretoShareFor([1], { valueShare: Number.NaN })).toThrow(/valueShare/);
    expect(() => paretoShareFor([-1, 0], { valueShare: 0.5 })).toThrow(/positive net total/);
  });
});

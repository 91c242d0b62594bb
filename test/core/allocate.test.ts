import { describe, expect, it } from "vitest";
import { allocate, allocateNumber } from "../../src/core/allocate.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";

// Largest remainder (Hamilton) method: quotas total·wᵢ/Σw, floors first, then one unit each to the
// largest fractional remainders. Expected shares below are that arithmetic written out.
describe("core allocate", () => {
  it("splits 100 over three equal weights as 34/33/33: quotas 33⅓ each, the one left unit to the earliest tie", () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
  });

  it("gives the left-over units to the largest remainders", () => {
    // 10 over 1:2:3 → quotas 1.667, 3.333, 5 → floors 1, 3, 5 (sum 9); largest remainder is index 0.
    expect(allocate(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
    // 1000 cents over 3 items of 333 cents and one of 1 cent (Σ 1000): exact quotas, no rounding.
    expect(allocate(1000n, [333n, 333n, 333n, 1n])).toEqual([333n, 333n, 333n, 1n]);
  });

  it("always sums to the total, also for negative totals and huge numbers", () => {
    const big = 10n ** 30n + 7n;
    const shares = allocate(big, [3n, 7n, 11n, 0n]);
    expect(shares.reduce((a, b) => a + b, 0n)).toBe(big);
    expect(shares[3]).toBe(0n);
    expect(allocate(-100n, [1n, 1n, 1n])).toEqual([-34n, -33n, -33n]);
  });

  it("does not mutate the weights and refuses empty, negative or all-zero weights", () => {
    const w = Object.freeze([2n, 1n]);
    expect(allocate(3n, w)).toEqual([2n, 1n]);
    expect(() => allocate(1n, [])).toThrow(LoyaltyValidationError);
    expect(() => allocate(1n, [1n, -1n])).toThrow(/weights.1: expected a non-negative weight/);
    expect(() => allocate(1n, [0n, 0n])).toThrow(/only zeros/);
  });

  it("allocateNumber works on safe integers and refuses fractions", () => {
    expect(allocateNumber(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(() => allocateNumber(1.5, [1])).toThrow(/total: expected a safe integer/);
  });
});

import { describe, expect, it } from "vitest";
import { probabilityOfPurchases, LoyaltyValidationError } from "../../../src/index.js";

// The BTYD R package's documentation of bgnbd.pmf for the CDNOW parameters r = 0.243, α = 4.414,
// a = 0.793, b = 2.426 (quoted in the `lifetimes` tests, test_probability_of_n_purchases_up_to_time_same_as_R_BTYD).
const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe("probabilityOfPurchases (FHL 2005 eq. 8)", () => {
  it("gives P(X(39) = 0) = 0.5737864", () => {
    expect(probabilityOfPurchases(cdnow, 39, 0)).toBeCloseTo(0.5737864, 7);
  });

  it("gives P(X(2) = 10) = 1.07869e-07 (a tail probability, to 5 significant digits)", () => {
    expect(Math.abs(probabilityOfPurchases(cdnow, 2, 10) / 1.07869e-7 - 1)).toBeLessThan(5e-6);
  });

  it.each([
    [11, 0.0019995214],
    [12, 0.0015170236],
    [13, 0.001163315],
    [14, 0.0009003148],
    [15, 0.0007023638],
    [16, 0.0005517902],
    [17, 0.0004361913],
    [18, 0.0003467171],
    [19, 0.0002769613],
    [20, 0.000222226],
  ])("gives P(X(30) = %i) = %f", (n, expected) => {
    expect(Math.abs(probabilityOfPurchases(cdnow, 30, n) - expected)).toBeLessThan(5e-11);
  });

  it("puts all mass on 0 purchases at t = 0", () => {
    expect(probabilityOfPurchases(cdnow, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(cdnow, 0, 3)).toBe(0);
  });

  it("throws NOT_CONVERGED instead of looping for ever when n and r·t/α are astronomically large", () => {
    expect(() => probabilityOfPurchases({ r: 5, alpha: 1, a: 1, b: 1 }, 1e12, 5e11)).toThrow(
      /more than 10000000 terms/,
    );
  });

  it("rejects a fractional or negative n", () => {
    expect(() => probabilityOfPurchases(cdnow, 3, 1.5)).toThrow(LoyaltyValidationError);
    expect(() => probabilityOfPurchases(cdnow, 3, -1)).toThrow(/n: expected a non-negative integer/);
  });
});

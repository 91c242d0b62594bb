import { describe, expect, it } from "vitest";
import { conditionalExpectedAverageValue, fitGammaGamma, LoyaltyValidationError } from "../../../src/index.js";
import { cdnowWithMonetary } from "./_cdnow.js";

const rows = cdnowWithMonetary();

describe("conditionalExpectedAverageValue (Fader & Hardie 2013, eq. 5)", () => {
  // Hardie's Gamma-Gamma spreadsheet (note 025) for the first ten CDNOW customers at p = 6.25, q = 3.74,
  // v = 15.44, as quoted by the `lifetimes` tests (test_conditional_expected_average_profit, ±0.1 there).
  it("gives the spreadsheet's values for the first ten CDNOW customers within a cent", () => {
    const expected = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
    const spend = { p: 6.25, q: 3.74, v: 15.44 };
    // The published parameters are rounded; at them the values land within 0.06 of the sheet's.
    rows
      .slice(0, 10)
      .forEach((c, i) =>
        expect(Math.abs(conditionalExpectedAverageValue(spend, c) - (expected[i] as number))).toBeLessThan(0.06),
      );
    // At the maximum-likelihood parameters they agree within a cent (customer 1: 24.6586, listed as 24.65;
    // the `lifetimes` Quickstart prints 24.658619 for it).
    const fit = fitGammaGamma(rows);
    rows
      .slice(0, 10)
      .forEach((c, i) =>
        expect(Math.abs(conditionalExpectedAverageValue(fit, c) - (expected[i] as number))).toBeLessThan(0.01),
      );
  });

  it("is the population mean p·v/(q − 1) for a customer without repeat purchases", () => {
    expect(conditionalExpectedAverageValue({ p: 6, q: 4, v: 15 }, { frequency: 0, recency: 0, T: 10 })).toBeCloseTo(
      (6 * 15) / 3,
      12,
    );
  });

  it("weights the customer's own mean by p·x/(p·x + q − 1): with p = 1, q = 2, v = 10, x = 3, m̄ = 50 → 40", () => {
    // (q−1)/(px+q−1) · pv/(q−1) + px/(px+q−1) · m̄ = 1/4 · 10 + 3/4 · 50 = 40
    expect(
      conditionalExpectedAverageValue({ p: 1, q: 2, v: 10 }, { frequency: 3, recency: 5, T: 9, monetary: 50 }),
    ).toBeCloseTo(40, 12);
  });

  it("rejects q ≤ 1 for a customer without repeat purchases (no finite mean) and a missing monetary value", () => {
    expect(() => conditionalExpectedAverageValue({ p: 1, q: 0.5, v: 10 }, { frequency: 0, recency: 0, T: 3 })).toThrow(
      /params\.q/,
    );
    expect(() => conditionalExpectedAverageValue({ p: 1, q: 2, v: 10 }, { frequency: 2, recency: 1, T: 3 })).toThrow(
      LoyaltyValidationError,
    );
  });
});

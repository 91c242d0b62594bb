import { describe, expect, it } from "vitest";
import {
  conditionalExpectedPurchases,
  expectedPurchases,
  fitBgNbd,
  LoyaltyValidationError,
} from "../../../src/index.js";
import { cdnowSummary } from "./_cdnow.js";

const cdnow = cdnowSummary();

describe("conditionalExpectedPurchases (FHL 2005 eq. 10)", () => {
  const fit = fitBgNbd(cdnow);

  // Hardie's BG/NBD spreadsheet via the `lifetimes` tests
  // (test_conditional_expectation_returns_same_value_as_Hardie_excel_sheet): x = 2, tₓ = 30.43, T = 38.86,
  // t = 39 → 1.226.
  it("expects customer 1 (2 repeat purchases, last at week 30.43 of 38.86) to buy 1.226 times in 39 weeks", () => {
    expect(
      Math.abs(conditionalExpectedPurchases(fit, 39, { frequency: 2, recency: 30.43, T: 38.86 }) - 1.226),
    ).toBeLessThan(0.0005);
  });

  // The `lifetimes` Quickstart (docs/Quickstart.md, "Ranking customers from best to worst") lists the five
  // CDNOW customers with the most expected purchases in the next week, to six decimals; our fit agrees
  // with theirs to about 1e-6 in the parameters, so we check five decimals.
  it.each([
    [509, 0.424877],
    [841, 0.474738],
    [1981, 0.486526],
    [157, 0.662396],
    [1516, 0.710623],
  ])("ranks CDNOW customer %i at %f purchases in the next week", (id, expected) => {
    const customer = cdnow.find((c) => c.id === id);
    expect(customer).toBeDefined();
    expect(Math.abs(conditionalExpectedPurchases(fit, 1, customer as never) - expected)).toBeLessThan(0.00001);
  });

  it("for a brand-new customer (x = 0, T = 0) equals the population's expectation", () => {
    for (const t of [1, 10, 52, 500]) {
      expect(conditionalExpectedPurchases(fit, t, { frequency: 0, recency: 0, T: 0 })).toBeCloseTo(
        expectedPurchases(fit, t),
        12,
      );
    }
  });

  it("stays finite for a heavy buyer far into the future (the Euler-transformed 2F1 does not overflow)", () => {
    const v = conditionalExpectedPurchases(fit, 5000, { frequency: 300, recency: 38, T: 38.86 });
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThan(conditionalExpectedPurchases(fit, 52, { frequency: 300, recency: 38, T: 38.86 }));
  });

  it("names the customer's field when the history is invalid", () => {
    expect(() => conditionalExpectedPurchases(fit, 1, { frequency: 1, recency: 40, T: 38 })).toThrow(
      /customer\.recency/,
    );
    expect(() => conditionalExpectedPurchases(fit, 1, { frequency: 1, recency: 4, T: 38 })).not.toThrow();
    expect(() => conditionalExpectedPurchases(fit, 1, null as never)).toThrow(LoyaltyValidationError);
  });
});

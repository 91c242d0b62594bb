import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgNbd, LoyaltyValidationError } from "../../../src/index.js";
import { cdnowSummary } from "./_cdnow.js";

describe("expectedPurchases (FHL 2005 eq. 9)", () => {
  const fit = fitBgNbd(cdnowSummary());

  // Hardie's BG/NBD spreadsheet for the CDNOW fit, as checked by the `lifetimes` package
  // (tests/test_estimation.py, test_expectation_returns_same_value_Hardie_excel_sheet).
  it.each([
    [0.1429, 0.0078],
    [1, 0.0532],
    [3, 0.1506],
    [31.8571, 1.0405],
    [32, 1.0437],
  ])("expects %f weeks to bring %f repeat purchases (spreadsheet, 4 decimals)", (t, expected) => {
    expect(Math.abs(expectedPurchases(fit, t) - expected)).toBeLessThan(0.00005);
  });

  // The same source lists 1.8576 at 78 weeks; we get 1.85797 (scipy's hyp2f1 agrees with us to 1e-13 at the
  // same parameters), so the spreadsheet's value differs in the fourth decimal; `lifetimes` checks ±0.0015.
  it("expects about 1.8576 repeat purchases in 78 weeks (spreadsheet value, within 0.0005)", () => {
    expect(Math.abs(expectedPurchases(fit, 78) - 1.8576)).toBeLessThan(0.0005);
  });

  it("is 0 at t = 0 and continuous through a = 1, where eq. 9's (a+b−1)/(a−1)·[…] is 0/0", () => {
    expect(expectedPurchases(fit, 0)).toBe(0);
    const at = (a: number) => expectedPurchases({ r: 1, alpha: 2, a, b: 1 }, 5);
    const mid = at(1);
    expect(Number.isFinite(mid)).toBe(true);
    expect(Math.abs(mid - (at(1 - 1e-4) + at(1 + 1e-4)) / 2)).toBeLessThan(1e-7);
  });

  it("approaches r·t/α from below when customers almost never drop out (b = 1e5)", () => {
    // With p ~ Beta(a, b) and b large, p ≈ a/(a+b) = 1e-5: purchases are nearly NBD with mean r t / α = 4,
    // less about 4 purchases × 1e-5 chance each of dropping out.
    const e = expectedPurchases({ r: 2, alpha: 5, a: 1, b: 1e5 }, 10);
    expect(e).toBeLessThan(4);
    expect(e).toBeGreaterThan(4 - 1e-3);
  });

  it("tends to E[1/p] = (a+b−1)/(a−1) purchases before dropping out as t → ∞ (a > 1)", () => {
    // Each purchase is followed by drop-out with probability p, so a customer makes Geometric(p) ≥ 1 repeat
    // purchases in a lifetime, 1/p on average; with p ~ Beta(a, b), E[1/p] = (a+b−1)/(a−1).
    expect(expectedPurchases({ r: 1, alpha: 1, a: 3, b: 2 }, 1e30)).toBeCloseTo(2, 12);
    expect(expectedPurchases({ r: 0.7, alpha: 3, a: 1.5, b: 4 }, 1e40)).toBeCloseTo(4.5 / 0.5, 9);
    // r − a an integer makes c − a − b an integer: the logarithmic case of the 1 − z transformation.
    expect(expectedPurchases({ r: 0.5, alpha: 3, a: 2.5, b: 4 }, 1e30)).toBeCloseTo(5.5 / 1.5, 9);
  });

  it("rejects a negative or non-finite t and bad parameters", () => {
    expect(() => expectedPurchases(fit, -1)).toThrow(LoyaltyValidationError);
    expect(() => expectedPurchases(fit, Number.NaN)).toThrow(LoyaltyValidationError);
    expect(() => expectedPurchases({ r: 0.2, alpha: -1, a: 1, b: 1 }, 3)).toThrow(/params\.alpha/);
  });
});

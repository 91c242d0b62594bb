import { describe, expect, it } from "vitest";
import {
  CurrencyMismatchError,
  Decimal,
  LoyaltyValidationError,
  money,
  parseShareOfPurchasesRows,
  shareOfPurchases,
  shareOfPurchasesByCustomer,
} from "../../src/index.js";

describe("shareOfPurchases (our share of the customer's purchases of similar products)", () => {
  it("gives 0.3 for 90 EUR with us out of 300 EUR on clothes", () => {
    const s = shareOfPurchases(money("90", "EUR"), money("300", "EUR"));
    expect(s.share).toBe(0.3);
  });

  it("accepts money in wire form", () => {
    expect(shareOfPurchases({ amount: "45.50", currency: "USD" }, { amount: "182.00", currency: "USD" }).share).toBe(
      0.25,
    );
  });

  it("divides exactly in decimals: 0.10 of 0.30 is one third", () => {
    expect(shareOfPurchases(money("0.10", "EUR"), money("0.30", "EUR")).share).toBe(1 / 3);
  });

  it("works over counts: 3 of 12 purchases → 0.25 share of requirements", () => {
    expect(shareOfPurchases(3, 12).share).toBe(0.25);
  });

  it("is null when the customer bought nothing in the category", () => {
    expect(shareOfPurchases(0, 0).share).toBeNull();
    expect(shareOfPurchases(money("0", "EUR"), money("0", "EUR")).share).toBeNull();
  });

  it("rejects a brand above the category, negatives, mixed kinds and mixed currencies", () => {
    expect(() => shareOfPurchases(5, 4)).toThrow(/brand: expected at most the category total \(4\), got 5/);
    expect(() => shareOfPurchases(money("5", "EUR"), money("4", "EUR"))).toThrow(LoyaltyValidationError);
    expect(() => shareOfPurchases(-1, 4)).toThrow(LoyaltyValidationError);
    expect(() => shareOfPurchases(money("-1", "EUR"), money("4", "EUR"))).toThrow(LoyaltyValidationError);
    expect(() => shareOfPurchases(1, money("4", "EUR"))).toThrow(/both money or both counts/);
    expect(() => shareOfPurchases(money("1", "EUR"), money("4", "USD"))).toThrow(CurrencyMismatchError);
    expect(() => shareOfPurchases(Number.NaN, 4)).toThrow(LoyaltyValidationError);
    expect(() => shareOfPurchases(1, Number.POSITIVE_INFINITY)).toThrow(LoyaltyValidationError);
  });
});

describe("shareOfPurchasesByCustomer", () => {
  it("pools (Σ brand / Σ category) and averages the individual shares", () => {
    const s = shareOfPurchasesByCustomer([
      { customerId: "ana", brand: money("90", "EUR"), category: money("100", "EUR") },
      { customerId: "budi", brand: { amount: "10", currency: "EUR" }, category: { amount: "400", currency: "EUR" } },
      { customerId: "citra", brand: money("0", "EUR"), category: money("0", "EUR") },
    ]);
    expect(s.customers).toEqual([
      { customerId: "ana", share: 0.9 },
      { customerId: "budi", share: 0.025 },
      { customerId: "citra", share: null },
    ]);
    // pooled 100 / 500 = 0.2; mean (0.9 + 0.025) / 2 = 0.4625 (citra, with no category purchases, is left out)
    expect(s.pooledShare).toBe(0.2);
    expect(s.meanShare).toBeCloseTo(0.4625, 12);
  });

  it("is null for no customers", () => {
    expect(shareOfPurchasesByCustomer([])).toEqual({ customers: [], pooledShare: null, meanShare: null });
  });

  it("rejects rows of different kinds or currencies, with the row index", () => {
    expect(() =>
      shareOfPurchasesByCustomer([
        { customerId: "a", brand: 1, category: 2 },
        { customerId: "b", brand: money("1", "EUR"), category: money("2", "EUR") },
      ]),
    ).toThrow(/1\.brand/);
    expect(() =>
      shareOfPurchasesByCustomer([
        { customerId: "a", brand: money("1", "EUR"), category: money("2", "EUR") },
        { customerId: "b", brand: money("1", "USD"), category: money("2", "USD") },
      ]),
    ).toThrow(CurrencyMismatchError);
    expect(() => parseShareOfPurchasesRows([{ customerId: "a", brand: 1, category: 2, extra: true }])).toThrow(
      LoyaltyValidationError,
    );
  });
});

describe("shareOfPurchases with hand-built Money", () => {
  it("rejects a Money whose Decimal is not finite", () => {
    const nan = Object.freeze({ amount: new Decimal(Number.NaN), currency: "EUR" });
    expect(() => shareOfPurchases(nan, money("1", "EUR"))).toThrow(LoyaltyValidationError);
  });
});

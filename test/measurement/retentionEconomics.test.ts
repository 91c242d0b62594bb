import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, money, retentionEconomics } from "../../src/index.js";

describe("retentionEconomics (the rule of thumb: winning a customer costs five times keeping one)", () => {
  it("replacing 80 lost customers at 50 EUR costs 4,000; keeping them would have cost 800", () => {
    const r = retentionEconomics({ acquisitionCost: money("50", "EUR"), customers: 80 });
    expect(r.retentionCostRatio).toBe("5");
    expect(r.retentionCost.amount.toFixed(2)).toBe("10.00");
    expect(r.replaceCost.amount.toFixed(2)).toBe("4000.00");
    expect(r.retainCost.amount.toFixed(2)).toBe("800.00");
    expect(r.savings.amount.toFixed(2)).toBe("3200.00");
    expect(r.savings.currency).toBe("EUR");
  });

  it("takes another ratio: 4 → keeping costs 12.50 of 50", () => {
    expect(
      retentionEconomics({
        acquisitionCost: { amount: "50", currency: "EUR" },
        customers: 2,
        retentionCostRatio: 4,
      }).retentionCost.amount.toFixed(2),
    ).toBe("12.50");
    expect(
      retentionEconomics({
        acquisitionCost: money("50", "EUR"),
        customers: 2,
        retentionCostRatio: "2.5",
      }).retentionCost.amount.toFixed(2),
    ).toBe("20.00");
  });

  it("rounds each amount once, half-even, to the minor unit", () => {
    // 10.01 / 3 = 3.3366… → 3.34 per customer; for 3 customers 10.01 exactly (not 3 × 3.34 = 10.02).
    const r = retentionEconomics({ acquisitionCost: money("10.01", "USD"), customers: 3, retentionCostRatio: 3 });
    expect(r.retentionCost.amount.toFixed(2)).toBe("3.34");
    expect(r.retainCost.amount.toFixed(2)).toBe("10.01");
    expect(r.savings.amount.toFixed(2)).toBe("20.02");
    // 0.25 / 2 = 0.125 → 0.12 (half-even), JPY has no minor unit: 1000 / 3 → 333
    expect(
      retentionEconomics({
        acquisitionCost: money("0.25", "USD"),
        customers: 1,
        retentionCostRatio: 2,
      }).retentionCost.amount.toFixed(2),
    ).toBe("0.12");
    expect(
      retentionEconomics({
        acquisitionCost: money("1000", "JPY"),
        customers: 1,
        retentionCostRatio: 3,
      }).retentionCost.amount.toString(),
    ).toBe("333");
  });

  it("rejects a negative cost, a zero ratio and fractional customers", () => {
    expect(() => retentionEconomics({ acquisitionCost: money("-5", "EUR"), customers: 1 })).toThrow(
      /acquisitionCost: expected a non-negative amount/,
    );
    expect(() =>
      retentionEconomics({ acquisitionCost: money("5", "EUR"), customers: 1, retentionCostRatio: 0 }),
    ).toThrow(LoyaltyValidationError);
    expect(() => retentionEconomics({ acquisitionCost: money("5", "EUR"), customers: 1.5 })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => retentionEconomics({ acquisitionCost: { amount: "5", currency: "XXX1" }, customers: 1 })).toThrow(
      LoyaltyValidationError,
    );
  });
});

import { describe, expect, it } from "vitest";
import {
  conditionalExpectedAverageValue,
  conditionalExpectedPurchases,
  customerLifetimeValue,
  fitBgNbd,
  fitGammaGamma,
  LoyaltyValidationError,
} from "../../../src/index.js";
import { cdnowWithMonetary } from "./_cdnow.js";

const rows = cdnowWithMonetary();
const purchases = fitBgNbd(rows);
const spend = fitGammaGamma(rows);

describe("customerLifetimeValue", () => {
  // The `lifetimes` Quickstart (docs/Quickstart.md, "Estimating customer lifetime value") prints the CLV of
  // the first ten CDNOW customers with time=12, discount_rate=0.01 and the default freq="D", i.e. 30 time
  // units per month — although CDNOW's unit is the week. unitsPerPeriod: 30 reproduces that call.
  it("reproduces the lifetimes Quickstart's CLV of the first ten CDNOW customers (30 units per period)", () => {
    const expected = [
      140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574,
    ];
    rows.slice(0, 10).forEach((c, i) => {
      const clv = customerLifetimeValue(purchases, spend, c, { horizon: 12, discountRate: 0.01, unitsPerPeriod: 30 });
      expect(Math.abs(clv / (expected[i] as number) - 1)).toBeLessThan(1e-5);
    });
  });

  it("without discounting is the expected spend per purchase × expected purchases over the horizon", () => {
    const c = rows[0] as (typeof rows)[number];
    const clv = customerLifetimeValue(purchases, spend, c, { horizon: 12, discountRate: 0, unitsPerPeriod: 4.345 });
    const expected = conditionalExpectedAverageValue(spend, c) * conditionalExpectedPurchases(purchases, 12 * 4.345, c);
    expect(clv).toBeCloseTo(expected, 10);
  });

  it("discounts one period by 1/(1 + d)", () => {
    const c = rows[5] as (typeof rows)[number];
    const clv = customerLifetimeValue(purchases, spend, c, { horizon: 1, discountRate: 0.25, unitsPerPeriod: 4.345 });
    const expected =
      (conditionalExpectedAverageValue(spend, c) * conditionalExpectedPurchases(purchases, 4.345, c)) / 1.25;
    expect(clv).toBeCloseTo(expected, 10);
  });

  it("grows with the horizon and shrinks with the discount rate", () => {
    const c = rows[0] as (typeof rows)[number];
    const at = (horizon: number, discountRate: number) =>
      customerLifetimeValue(purchases, spend, c, { horizon, discountRate, unitsPerPeriod: 4.345 });
    expect(at(24, 0.01)).toBeGreaterThan(at(12, 0.01));
    expect(at(12, 0.02)).toBeLessThan(at(12, 0.01));
  });

  it("names a bad option", () => {
    const c = rows[0] as (typeof rows)[number];
    expect(() =>
      customerLifetimeValue(purchases, spend, c, { horizon: 1.5, discountRate: 0.01, unitsPerPeriod: 4.345 }),
    ).toThrow(/options\.horizon/);
    expect(() =>
      customerLifetimeValue(purchases, spend, c, { horizon: 12, discountRate: -0.1, unitsPerPeriod: 4.345 }),
    ).toThrow(/options\.discountRate/);
    expect(() => customerLifetimeValue(purchases, spend, c, { horizon: 12, discountRate: 0.01 } as never)).toThrow(
      /options\.unitsPerPeriod/,
    );
    expect(() => customerLifetimeValue(purchases, spend, c, undefined as never)).toThrow(LoyaltyValidationError);
  });
});

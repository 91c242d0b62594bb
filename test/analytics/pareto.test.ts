import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, LoyaltyValidationError, money, pareto } from "../../src/index.js";

const totals = [500, 300, 80, 40, 30, 20, 10, 10, 5, 5]; // sums to 1,000

describe("pareto", () => {
  it("finds that the top 20 % of customers bring 80 % of the value", () => {
    expect(pareto(totals, { topShare: 0.2 })).toEqual({
      n: 10,
      total: 1000,
      topShare: 0.2,
      count: 2,
      valueShare: 0.8,
      threshold: 300,
      tiesOutside: 0,
    });
  });

  it("rounds the group size up: the top 25 % of 10 customers is 3 customers", () => {
    const r = pareto(totals, { topShare: 0.25 });
    expect(r.count).toBe(3);
    expect(r.valueShare).toBeCloseTo(0.88, 12);
  });

  it("does not let float noise grow the group: 70 % of 10 customers is 7, not 8", () => {
    expect(pareto(totals, { topShare: 0.7 }).count).toBe(7);
  });

  it("cuts ties by count and reports the tied customers left outside", () => {
    const r = pareto([10, 10, 10, 10, 60], { topShare: 0.4 });
    expect(r.count).toBe(2);
    expect(r.valueShare).toBe(0.7);
    expect(r.threshold).toBe(10);
    expect(r.tiesOutside).toBe(3);
  });

  it("allows negative values, which rank last and can push the top share above 1", () => {
    const r = pareto([100, 50, -30], { topShare: 0.34 });
    expect(r.count).toBe(2);
    expect(r.total).toBe(120);
    expect(r.valueShare).toBe(1.25);
  });

  it("defines all-zero input as the line of equality, never NaN", () => {
    expect(pareto([0, 0, 0, 0], { topShare: 0.5 }).valueShare).toBe(0.5);
  });

  it("reads money of one currency, decimal strings, a Float64Array, an iterable and an accessor alike", () => {
    const expected = pareto(totals, { topShare: 0.2 }).valueShare;
    expect(
      pareto(
        totals.map((t) => money(t, "EUR")),
        { topShare: 0.2 },
      ),
    ).toMatchObject({ valueShare: expected, currency: "EUR" });
    expect(
      pareto(
        totals.map((t) => ({ amount: `${t}.00`, currency: "EUR" })),
        { topShare: 0.2 },
      ).valueShare,
    ).toBe(expected);
    expect(pareto(totals.map(String), { topShare: 0.2 }).valueShare).toBe(expected);
    expect(pareto(Float64Array.from(totals), { topShare: 0.2 }).valueShare).toBe(expected);
    expect(pareto(new Set(totals.map((t, i) => t + i / 1e9)), { topShare: 0.2 }).count).toBe(2);
    expect(
      pareto(
        totals.map((revenue) => ({ revenue })),
        { topShare: 0.2, value: (c) => c.revenue },
      ).valueShare,
    ).toBe(expected);
  });

  it("never changes a Float64Array input", () => {
    const input = Float64Array.of(3, 1, 2);
    pareto(input, { topShare: 0.5 });
    expect([...input]).toEqual([3, 1, 2]);
  });

  it("rejects empty input, NaN, Infinity, bad shares, a non-positive net total and mixed currencies with typed errors", () => {
    expect(() => pareto([], { topShare: 0.2 })).toThrow(/pareto: expected values, got none/);
    expect(() => pareto([1, Number.NaN], { topShare: 0.2 })).toThrow(
      /1: expected a finite number, decimal string or money amount, got NaN/,
    );
    expect(() => pareto(Float64Array.of(1, Number.POSITIVE_INFINITY), { topShare: 0.2 })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => pareto([1, "1e3"], { topShare: 0.2 })).toThrow(/decimal string/);
    expect(() => pareto([1], { topShare: 1.2 })).toThrow(/topShare: expected a share between 0 and 1/);
    expect(() => pareto([5, -5], { topShare: 0.5 })).toThrow(/positive net total/);
    expect(() => pareto([money(1, "EUR"), money(1, "USD")], { topShare: 0.5 })).toThrow(CurrencyMismatchError);
  });
});

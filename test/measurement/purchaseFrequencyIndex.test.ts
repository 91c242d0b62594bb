import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, purchaseFrequencyIndex } from "../../src/index.js";

const Q1 = { from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" } as const;

describe("purchaseFrequencyIndex (purchases against a reference rate)", () => {
  it("gives 2 for 6 purchases in a quarter against 1 a month", () => {
    expect(purchaseFrequencyIndex(6, { reference: 1, period: "month", ...Q1 })).toEqual({
      purchases: 6,
      periods: 3,
      rate: 2,
      referenceRate: 1,
      index: 2,
      aboveReference: true,
    });
  });

  it("measures the same quarter as 1 quarter", () => {
    expect(purchaseFrequencyIndex(3, { reference: 4, period: "quarter", ...Q1 })).toMatchObject({
      periods: 1,
      index: 0.75,
      aboveReference: false,
    });
  });

  it("is exactly at the reference (index 1) without counting as above it", () => {
    expect(purchaseFrequencyIndex(3, { reference: 1, period: "month", ...Q1 })).toMatchObject({
      index: 1,
      aboveReference: false,
    });
  });

  it("counts only the instants inside [from, to)", () => {
    const at = ["2025-12-31T23:59:59Z", "2026-01-01T00:00:00Z", "2026-02-14T12:00:00+07:00", "2026-04-01T00:00:00Z"];
    expect(purchaseFrequencyIndex(at, { reference: 1, period: "month", ...Q1 }).purchases).toBe(2);
  });

  it("counts weeks: 4 weeks from Monday 5 January, 3 purchases against 1 a week → 0.75", () => {
    const r = purchaseFrequencyIndex(3, {
      reference: 1,
      period: "week",
      from: "2026-01-05T00:00:00Z",
      to: "2026-02-02T00:00:00Z",
    });
    expect(r.periods).toBe(4);
    expect(r.index).toBe(0.75);
  });

  it("counts a partial month as its elapsed fraction: 1–16 January is 15/31 of a month", () => {
    const r = purchaseFrequencyIndex(1, {
      reference: 2,
      period: "month",
      from: "2026-01-01T00:00:00Z",
      to: "2026-01-16T00:00:00Z",
    });
    expect(r.periods).toBeCloseTo(15 / 31, 12);
    // rate 31/15 = 2.0667 a month, index 31/30 = 1.0333
    expect(r.index).toBeCloseTo(31 / 30, 12);
  });

  it("clamps to the month's end: 31 January to 28 February is one month", () => {
    expect(
      purchaseFrequencyIndex(1, {
        reference: 1,
        period: "month",
        from: "2026-01-31T00:00:00Z",
        to: "2026-02-28T00:00:00Z",
      }).periods,
    ).toBe(1);
    expect(
      purchaseFrequencyIndex(1, {
        reference: 1,
        period: "month",
        from: "2026-01-31T00:00:00Z",
        to: "2026-03-31T00:00:00Z",
      }).periods,
    ).toBe(2);
  });

  it("uses the time zone's calendar: March in Berlin is one month though it has a 23-hour day", () => {
    const r = purchaseFrequencyIndex(2, {
      reference: 1,
      period: "month",
      from: "2026-03-01T00:00:00+01:00",
      to: "2026-04-01T00:00:00+02:00",
      timeZone: "Europe/Berlin",
    });
    expect(r.periods).toBe(1);
    // On the UTC calendar the same span starts on 28 February 23:00: one month to 28 March 23:00, then
    // 2 days 23 hours (71 h) of the 31-day month to 28 April → 1 + 71/744.
    expect(
      purchaseFrequencyIndex(2, {
        reference: 1,
        period: "month",
        from: "2026-02-28T23:00:00Z",
        to: "2026-03-31T22:00:00Z",
      }).periods,
    ).toBeCloseTo(1 + 71 / 744, 12);
  });

  it("counts days and years: 14 days with 7 visits against 1 a day is 0.5; 2026 alone is one year", () => {
    expect(
      purchaseFrequencyIndex(7, {
        reference: 1,
        period: "day",
        from: "2026-03-01T00:00:00Z",
        to: "2026-03-15T00:00:00Z",
      }),
    ).toMatchObject({ periods: 14, index: 0.5 });
    // A half year in days is 181 of 365: 1 January to 1 July 2026.
    const h = purchaseFrequencyIndex(10, {
      reference: 12,
      period: "year",
      from: "2026-01-01T00:00:00Z",
      to: "2026-07-01T00:00:00Z",
    });
    expect(h.periods).toBeCloseTo(181 / 365, 12);
    expect(
      purchaseFrequencyIndex(12, {
        reference: 12,
        period: "year",
        from: "2026-01-01T00:00:00Z",
        to: "2027-01-01T00:00:00Z",
      }).index,
    ).toBe(1);
  });

  it("rejects an empty window, a zero reference, an unknown zone and negative counts", () => {
    expect(() => purchaseFrequencyIndex(1, { reference: 1, period: "month", from: Q1.to, to: Q1.from })).toThrow(
      /to: expected "to" after "from"/,
    );
    expect(() => purchaseFrequencyIndex(1, { reference: 0, period: "month", ...Q1 })).toThrow(LoyaltyValidationError);
    expect(() => purchaseFrequencyIndex(1, { reference: 1, period: "month", ...Q1, timeZone: "Nowhere/City" })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => purchaseFrequencyIndex(-1, { reference: 1, period: "month", ...Q1 })).toThrow(LoyaltyValidationError);
    expect(() => purchaseFrequencyIndex(1, { reference: 1, period: "fortnight" as "week", ...Q1 })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => purchaseFrequencyIndex(1e300, { reference: 5e-324, period: "month", ...Q1 })).toThrow(
      LoyaltyValidationError,
    );
  });
});

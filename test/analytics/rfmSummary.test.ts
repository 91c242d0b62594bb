import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, money, rfmSummary, CurrencyMismatchError } from "../../src/index.js";
import { cdnowMaster, cdnowSample, csv, sameSummary } from "./_cdnow.js";

describe("rfmSummary on CDNOW", () => {
  // The published summary of the CDNOW sample (Fader, Hardie & Lee 2005): frequency, recency and T in
  // weeks over the calibration period 1997-01-01 .. 1997-09-30, rounded to 2 decimals; zbar is the mean
  // value of the repeat purchases. lifetimes gets the same with summary_data_from_transaction_data(…,
  // freq="D", freq_multiplier=7) (lifetimes/utils.py), which is what period "week" means here.
  const rows = rfmSummary(cdnowSample(), {
    observationEnd: "1998-06-30",
    calibrationEnd: "1997-09-30",
    period: "week",
  });
  const published = csv("cdnow_customers_summary.csv");
  const withValue = csv("cdnow_customers_summary_with_transactions.csv");

  it("reproduces every row of the published frequency / recency / T summary", () => {
    expect(rows).toHaveLength(2357);
    expect(published).toHaveLength(2357);
    rows.forEach((row, i) => {
      const p = published[i] as Record<string, number>;
      expect(row.customerId).toBe(p["ID"]);
      expect(row.frequency).toBe(p["frequency"]);
      expect(Math.abs(row.recency - (p["recency"] as number))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(row.T - (p["T"] as number))).toBeLessThanOrEqual(0.005 + 1e-9);
    });
  });

  it("reproduces the published mean repeat value (zbar, to the cent)", () => {
    rows.forEach((row, i) => {
      const p = withValue[i] as Record<string, number>;
      expect(row.customerId).toBe(p["ID"]);
      expect(Math.abs(row.monetary - (p["zbar"] as number))).toBeLessThanOrEqual(0.005 + 1e-9);
    });
    // 946 customers repeat in the calibration period (the Gamma-Gamma sample of the literature).
    expect(rows.filter((r) => r.frequency > 0)).toHaveLength(946);
  });

  it("gives customer 1 (CDNOW id 00004) the hand-computed figures", () => {
    // Purchases 1997-01-01, 01-18, 08-02 in calibration (29.33, 29.73, 14.96) and 1997-12-12 in the holdout.
    const one = rows[0];
    expect(one).toEqual({
      customerId: 1,
      frequency: 2,
      recency: 213 / 7,
      T: 272 / 7,
      monetary: (29.73 + 14.96) / 2,
      frequencyHoldout: 1,
      monetaryHoldout: 26.48,
      durationHoldout: 273 / 7,
    });
  });

  it("gives the same rows from the columnar form as from purchase objects (all 69,659 purchases)", () => {
    const purchases = cdnowMaster();
    const options = { observationEnd: "1998-06-30", period: "day" } as const;
    const fromRows = rfmSummary(purchases, options);
    const columns = {
      customerId: Int32Array.from(purchases, (p) => p.customerId),
      at: Float64Array.from(purchases, (p) => Date.parse(`${p.at}T00:00:00Z`)),
      value: Float64Array.from(purchases, (p) => Number(p.value)),
    };
    const fromColumns = rfmSummary(columns, options);
    expect(fromRows).toHaveLength(23570);
    // Same-day values are summed in a different order on the two paths: values agree to float rounding.
    expect(sameSummary(fromColumns, fromRows)).toBeUndefined();
  });
});

describe("rfmSummary definitions", () => {
  const options = { observationEnd: "2026-01-31", period: "day" } as const;

  it("counts same-day purchases as one period and sums their values", () => {
    const [c] = rfmSummary(
      [
        { customerId: "c", at: "2026-01-01", value: 10 },
        { customerId: "c", at: "2026-01-05T09:00:00Z", value: 4 },
        { customerId: "c", at: "2026-01-05T18:00:00Z", value: 6 },
      ],
      options,
    );
    expect(c).toEqual({ customerId: "c", frequency: 1, recency: 4, T: 30, monetary: 10 });
  });

  it("gives a one-time buyer frequency 0, recency 0 and monetary 0", () => {
    expect(rfmSummary([{ customerId: 1, at: "2026-01-21", value: "500" }], options)).toEqual([
      { customerId: 1, frequency: 0, recency: 0, T: 10, monetary: 0 },
    ]);
  });

  it("reads money amounts and sorts customers by id, numbers first", () => {
    const rows = rfmSummary(
      [
        { customerId: "b", at: "2026-01-01", value: money("1", "EUR") },
        { customerId: 2, at: "2026-01-01", value: money("1", "EUR") },
        { customerId: "a", at: "2026-01-01", value: { amount: "3.50", currency: "EUR" } },
        { customerId: 10, at: "2026-01-01" },
      ],
      options,
    );
    expect(rows.map((r) => r.customerId)).toEqual([2, 10, "a", "b"]);
  });

  it("splits calibration and holdout, leaving out customers who first bought in the holdout", () => {
    const rows = rfmSummary(
      [
        { customerId: "x", at: "2026-01-01", value: 5 },
        { customerId: "x", at: "2026-01-08", value: 7 },
        { customerId: "x", at: "2026-01-20", value: 9 },
        { customerId: "x", at: "2026-01-25", value: 11 },
        { customerId: "late", at: "2026-01-20", value: 1 },
      ],
      { observationEnd: "2026-01-31", calibrationEnd: "2026-01-14", period: "week" },
    );
    expect(rows).toEqual([
      {
        customerId: "x",
        frequency: 1,
        recency: 1,
        T: 13 / 7,
        monetary: 7,
        frequencyHoldout: 2,
        monetaryHoldout: 10,
        durationHoldout: 17 / 7,
      },
    ]);
  });

  it("handles columnar purchases out of time order and sparse ids", () => {
    const day = (d: number): number => Date.UTC(2026, 0, d, 12);
    const rows = rfmSummary(
      { customerId: [4_000_000_000, 5, 4_000_000_000, 5], at: [day(9), day(3), day(2), day(1)], value: [3, 2, 1, 4] },
      { observationEnd: "2026-01-10", period: "day" },
    );
    expect(rows).toEqual([
      { customerId: 5, frequency: 1, recency: 2, T: 9, monetary: 2 },
      { customerId: 4_000_000_000, frequency: 1, recency: 7, T: 8, monetary: 3 },
    ]);
  });
});

describe("rfmSummary calendar dates", () => {
  it("knows leap days: 2024-02-29 and 2000-02-29 exist, 2023-02-29 and 1900-02-29 do not", () => {
    const one = (at: string, end: string) =>
      rfmSummary([{ customerId: 1, at }], { observationEnd: end, period: "day" })[0]?.T;
    expect(one("2024-02-29", "2024-03-01")).toBe(1);
    expect(one("2000-02-29", "2000-03-01")).toBe(1);
    expect(() => one("2023-02-29", "2023-03-01")).toThrow(/0\.at: expected a date/);
    expect(() => one("1900-02-29", "1900-03-01")).toThrow(/0\.at: expected a date/);
    expect(() => one("2024-04-31", "2024-05-01")).toThrow(/0\.at: expected a date/);
  });
  it("reads years before 100 as written, not as 19xx", () => {
    expect(
      rfmSummary([{ customerId: 1, at: "0050-01-01" }], { observationEnd: "0050-01-11", period: "day" })[0]?.T,
    ).toBe(10);
  });
});

describe("rfmSummary columnar ordering", () => {
  it("orders purchases spread over millennia (the comparison-sort fallback)", () => {
    // Day counts from Python's datetime: date(4000,1,1) − date(1,1,1) = 1,460,604 days.
    const ms = (iso: string) => new Date(`${iso}T00:00:00Z`).getTime();
    const rows = rfmSummary(
      { customerId: [1, 1], at: [ms("4000-01-01"), ms("0001-01-01")], value: [5, 3] },
      { observationEnd: "4000-01-02", period: "day" },
    );
    expect(rows).toEqual([{ customerId: 1, frequency: 1, recency: 1_460_604, T: 1_460_605, monetary: 5 }]);
  });
});

describe("rfmSummary rejects bad input", () => {
  const options = { observationEnd: "2026-01-31", period: "day" } as const;
  it("rejects a purchase after observationEnd, naming it", () => {
    expect(() =>
      rfmSummary(
        [
          { customerId: 1, at: "2026-01-01" },
          { customerId: 1, at: "2026-02-01" },
        ],
        options,
      ),
    ).toThrow(/1\.at: expected a purchase on or before observationEnd/);
  });
  it("rejects empty input, NaN values, bad periods, bad dates and mixed currencies with typed errors", () => {
    expect(() => rfmSummary([], options)).toThrow(LoyaltyValidationError);
    expect(() => rfmSummary([{ customerId: 1, at: "2026-01-01", value: Number.NaN }], options)).toThrow(
      LoyaltyValidationError,
    );
    expect(() => rfmSummary([{ customerId: 1, at: "2026-02-30" }], options)).toThrow(/expected a date/);
    expect(() =>
      rfmSummary([{ customerId: 1, at: "2026-01-01" }], { observationEnd: "2026-01-31", period: "month" as "day" }),
    ).toThrow(/period: expected "day" or "week"/);
    expect(() =>
      rfmSummary([{ customerId: 1, at: "2026-01-01" }], { ...options, calibrationEnd: "2026-03-01" }),
    ).toThrow(/calibrationEnd/);
    expect(() =>
      rfmSummary(
        [
          { customerId: 1, at: "2026-01-01", value: money("1", "EUR") },
          { customerId: 1, at: "2026-01-02", value: money("1", "USD") },
        ],
        options,
      ),
    ).toThrow(CurrencyMismatchError);
    expect(() => rfmSummary({ customerId: [1, 2], at: [0] }, options)).toThrow(/equal length/);
    expect(() => rfmSummary({ customerId: [-1], at: [0] }, options)).toThrow(
      /customerId\.0: expected a non-negative integer id/,
    );
    expect(() => rfmSummary({ customerId: [1], at: [Number.POSITIVE_INFINITY] }, options)).toThrow(/at\.0/);
  });
  it('object path: the number 1 and the string "1" are two customers, any iterable is read once, paths name the purchase', () => {
    // Hand-computed: customer 1 bought on Jan 1 and Jan 8 (one repeat day, 7 days apart, T = 30 days to
    // Jan 31); customer "1" bought once on Jan 3 (T = 28 days).
    function* purchases() {
      yield { customerId: 1, at: "2026-01-01T09:30:00+01:00", value: "10.00" };
      yield { customerId: "1", at: new Date(Date.UTC(2026, 0, 3)), value: 5 };
      yield { customerId: 1, at: "2026-01-08T23:59:59.999Z", value: "12.50" };
    }
    const rows = rfmSummary(purchases(), { observationEnd: "2026-01-31", period: "day" });
    expect(rows).toEqual([
      { customerId: 1, frequency: 1, recency: 7, T: 30, monetary: 12.5 },
      { customerId: "1", frequency: 0, recency: 0, T: 28, monetary: 0 },
    ]);
    expect(() =>
      rfmSummary(
        [
          { customerId: "a", at: "2026-01-01", value: "1.5" },
          { customerId: "a", at: "2026-01-02", value: "1,5" },
        ],
        options,
      ),
    ).toThrow(/1\.value: expected a finite number, decimal string or money amount, got "1,5"/);
    expect(() => rfmSummary([{ customerId: "", at: "2026-01-01" }], options)).toThrow(/0\.customerId/);
    expect(() => rfmSummary([{ customerId: 2, at: "2026-01-01T10:00:00" }], options)).toThrow(/0\.at: expected a date/);
  });
  it("leaves its input untouched", () => {
    const at = Float64Array.of(Date.UTC(2026, 0, 9), Date.UTC(2026, 0, 2));
    const columns = { customerId: Int32Array.of(1, 1), at, value: Float64Array.of(1, 2) };
    rfmSummary(columns, options);
    expect([...at]).toEqual([Date.UTC(2026, 0, 9), Date.UTC(2026, 0, 2)]);
  });
});

import { describe, expect, it } from "vitest";
import { studentTCdf, studentTQuantile } from "../../src/economics/_lib/studentT.js";
import { newCustomersEffect } from "../../src/economics/newCustomersEffect.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";

// One purchase per new customer: `counts[k]` customers whose first purchase is on the 15th of the
// k-th month from January 2026.
const firstBuys = (counts: readonly number[]) =>
  counts.flatMap((n, k) =>
    Array.from({ length: n }, (_, i) => ({
      customerId: `c${k}-${i}`,
      at: new Date(Date.UTC(2026, k, 15, 12)).toISOString(),
    })),
  );

describe("studentTQuantile", () => {
  // Critical values of Student's t from the NIST/SEMATECH e-Handbook of Statistical Methods,
  // table 1.3.6.7.2 (upper critical values), printed to 3 decimals.
  it.each([
    [0.975, 1, 12.706],
    [0.975, 2, 4.303],
    [0.975, 4, 2.776],
    [0.975, 10, 2.228],
    [0.975, 30, 2.042],
    [0.95, 4, 2.132],
    [0.995, 10, 3.169],
  ])("the %s quantile with %i degrees of freedom is %s", (p, df, value) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(value, 3);
    expect(studentTQuantile(1 - p, df)).toBeCloseTo(-value, 3);
    expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
  });
});

describe("newCustomersEffect — expected vs actual new customers", () => {
  // Worked by hand. New customers January–June 2026 (before the launch on 1 July): 20, 22, 25, 24,
  // 28, 31; July–September (after): 40, 42, 45, so actual = 127.
  // Trend on t = 0…5: t̄ = 2.5, ȳ = 25, Stt = 17.5, Sty = (−2.5)(−5) + (−1.5)(−3) + (−0.5)(0) + (0.5)(−1)
  //   + (1.5)(3) + (2.5)(6) = 36, slope = 36/17.5 = 2.057143, intercept = 25 − 2.5 × 2.057143 = 19.857143.
  // Residuals 0.142857, 0.085714, 1.028571, −2.028571, −0.085714, 0.857143: SSE = 5.942857,
  //   s = √(5.942857 / 4) = 1.218899.
  // Forecast t = 6, 7, 8: 3 × (19.857143 + 7 × 2.057143) = 102.771429.
  // se of the sum = s √(3 + 9 (1/6 + (7 − 2.5)²/17.5)) = 1.218899 × √14.914286 = 4.707268;
  //   t(0.975, 4) = 2.776445 (NIST: 2.776), half-width 13.069465 → [89.701959, 115.840898].
  // (The same se follows from s² (m + 1ᵀX₀(XᵀX)⁻¹X₀ᵀ1) with X the design matrix; checked with NumPy/SciPy.)
  const purchases = firstBuys([20, 22, 25, 24, 28, 31, 40, 42, 45]);
  const options = { from: "2026-01-01", launch: "2026-07-01", to: "2026-10-01" };

  it("forecasts the trend after the launch and gives its prediction interval", () => {
    const r = newCustomersEffect(purchases, options);
    expect(r.trend.slope).toBeCloseTo(2.057143, 6);
    expect(r.trend.intercept).toBeCloseTo(19.857143, 6);
    expect(r.trend.residualSd).toBeCloseTo(1.218899, 6);
    expect(r.actual).toBe(127);
    expect(r.expected.estimate).toBeCloseTo(102.771429, 6);
    expect(r.expected.low).toBeCloseTo(89.701959, 5);
    expect(r.expected.high).toBeCloseTo(115.840898, 5);
    expect(r.difference.estimate).toBeCloseTo(24.228571, 6);
    expect(r.difference.low).toBeCloseTo(127 - 115.840898, 5);
    expect(r.difference.high).toBeCloseTo(127 - 89.701959, 5);
    expect(r.confidence).toBe(0.95);
    expect(r.assumption).toMatch(/straight-line trend/);
    expect(r.byPeriod.map((p) => [p.period, p.phase, p.actual])).toEqual([
      ["2026-01", "before", 20],
      ["2026-02", "before", 22],
      ["2026-03", "before", 25],
      ["2026-04", "before", 24],
      ["2026-05", "before", 28],
      ["2026-06", "before", 31],
      ["2026-07", "after", 40],
      ["2026-08", "after", 42],
      ["2026-09", "after", 45],
    ]);
    expect(r.byPeriod[6]?.expected).toBeCloseTo(19.857143 + 6 * 2.057143, 5);
    expect(Object.isFrozen(r) && Object.isFrozen(r.byPeriod) && Object.isFrozen(r.expected)).toBe(true);
  });

  it("with one period after the launch it is the textbook interval ŷ ± t·s·√(1 + 1/n + (t₀ − t̄)²/Stt)", () => {
    const r = newCustomersEffect(purchases, { ...options, to: "2026-08-01" });
    // ŷ(6) = 19.857143 + 6 × 2.057143 = 32.2; s √(1 + 1/6 + 3.5²/17.5) = 1.218899 × √1.866667 = 1.665331.
    expect(r.expected.estimate).toBeCloseTo(32.2, 6);
    expect(r.expected.high - r.expected.estimate).toBeCloseTo(2.776445 * 1.665331, 4);
    expect(r.actual).toBe(40);
  });

  it("counts a customer as new only in the period of their first purchase, history before `from` included", () => {
    const returning = [
      { customerId: "old", at: "2025-11-03" }, // first bought before the window: never new in it
      { customerId: "old", at: "2026-07-20" },
      { customerId: "c0-0", at: "2026-08-02" }, // a repeat purchase of a January newcomer
      { customerId: "late", at: "2026-10-05" }, // after `to`
    ];
    const r = newCustomersEffect([...purchases, ...returning], options);
    expect(r.actual).toBe(127);
    expect(r.byPeriod[0]?.actual).toBe(20);
  });

  it("works in quarters", () => {
    // Quarters 2025-Q1 … 2025-Q4 with 30, 33, 36, 39 new customers (+3 a quarter), then 2026-Q1 with 50.
    const counts = [30, 33, 36, 39, 50];
    const rows = counts.flatMap((n, q) =>
      Array.from({ length: n }, (_, i) => ({
        customerId: `q${q}-${i}`,
        at: new Date(Date.UTC(2025, q * 3 + 1, 10)),
      })),
    );
    const r = newCustomersEffect(rows, {
      from: "2025-01-01",
      launch: "2026-01-01",
      to: "2026-04-01",
      period: "quarter",
    });
    expect(r.byPeriod.map((p) => p.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
    expect(r.expected.estimate).toBeCloseTo(42, 9); // 30 + 3 × 4, an exact line: no spread
    expect(r.difference.estimate).toBeCloseTo(8, 9);
  });

  it("refuses bad input with a typed error that says what to fix", () => {
    const bad =
      (o: object, rows: unknown = purchases) =>
      () =>
        newCustomersEffect(rows as never, { ...options, ...o } as never);
    expect(bad({ from: "2026-05-01" })).toThrow(/at least 3 months before the launch/);
    expect(bad({ launch: "2026-07-15" })).toThrow(/start of a month \(UTC\), such as 2026-07-01/);
    expect(bad({ to: "2026-06-01" })).toThrow(/from < launch < to/);
    expect(bad({ period: "week" })).toThrow(/"month" or "quarter"/);
    expect(bad({ confidence: 1 })).toThrow(/confidence/);
    expect(
      bad({}, [
        { customerId: "ann", at: "2026-01-02" },
        { customerId: "bob", at: "yesterday" },
      ]),
    ).toThrow(/customer bob/);
    expect(bad({}, 42)).toThrow(LoyaltyValidationError);
    expect(() => newCustomersEffect(purchases, null as never)).toThrow(LoyaltyValidationError);
  });
});

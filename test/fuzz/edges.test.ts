import { describe, expect, it } from "vitest";
import { parseInstant } from "../../src/core/instant.js";
import { zonedParts, zonedTimeToInstant } from "../../src/core/calendar.js";
import {
  allocate,
  fitBgNbd,
  money,
  parsePurchaseRecords,
  purchaseFrequencyIndex,
  canContact,
  customerLifetimeValue,
  LoyaltyError,
  normalizePhone,
  toDecimal,
  gini,
  LoyaltyValidationError,
  lorenz,
  probabilityOfPurchases,
} from "../../src/index.js";

// Issue 16, "Bounded work" and "Numbers at the edge": each case below hung, ran out of memory or
// returned NaN on 0.1.
// CDNOW BG/NBD parameters r = 0.243, α = 4.414, a = 0.793, b = 2.426 and Gamma-Gamma p = 6.25,
// q = 3.74, v = 15.44: Fader, Hardie & Lee (2005) and the BTYD R package documentation.
const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const spend = { p: 6.25, q: 3.74, v: 15.44 };

describe("numbers at the edge", () => {
  // Ten equal values: the Gini coefficient of equal values is 0 and the Lorenz curve is the line of
  // equality (Gini 1912; any statistics text), whatever their size.
  const huge = Array.from({ length: 10 }, () => 1e308);
  it("gini of ten values of 1e308 is 0, not NaN", () => {
    expect(gini(huge)).toBe(0);
  });
  it("gini of [0, 1e308, 1e308] is 1/3 like gini([0, 1, 1]) (scale invariance)", () => {
    // 2Σ i·x₍ᵢ₎ / (nΣx) − (n+1)/n = 2·5/(3·2) − 4/3 = 1/3.
    expect(gini([0, 1e308, 1e308])).toBeCloseTo(1 / 3, 15);
  });
  it("lorenz of values near 1e308 gives finite shares equal to those of the scaled values", () => {
    const curve = lorenz([1e307, 2e307, 3e307, 4e307]);
    // Shares 0, 0.1, 0.3, 0.6, 1 as for 1, 2, 3, 4 (the example in lorenz's own TSDoc, times 10).
    const expected = [0, 0.1, 0.3, 0.6, 1];
    curve.points.forEach((p, i) => expect(p.y).toBeCloseTo(expected[i] as number, 14));
    expect(curve.total).toBeCloseTo(1e308, -300);
  });
  it("lorenz refuses a total beyond the largest finite number with a typed error", () => {
    expect(() => lorenz(huge)).toThrow(LoyaltyValidationError);
    expect(() => lorenz(huge)).toThrow(/larger unit/);
  });
});

describe("bounded work", () => {
  it("lorenz refuses 1e9 points instead of running out of memory", () => {
    expect(() => lorenz([1, 2], { points: 1e9 })).toThrow(LoyaltyValidationError);
    expect(() => lorenz([1, 2], { points: 1e9 })).toThrow(/from 2 to 100000/);
    expect(lorenz([1, 2], { points: 100_000 }).points).toHaveLength(100_000);
  });
  it("probabilityOfPurchases refuses n = 1e308 (beyond 2^53 − 1) instead of looping forever", () => {
    expect(() => probabilityOfPurchases(cdnow, 39, 1e308)).toThrow(LoyaltyValidationError);
    expect(() => probabilityOfPurchases(cdnow, 39, 2 ** 53)).toThrow(LoyaltyValidationError);
  });
  it("probabilityOfPurchases still answers the CDNOW value P(X(39) = 0) = 0.5737864 (BTYD docs)", () => {
    expect(probabilityOfPurchases(cdnow, 39, 0)).toBeCloseTo(0.5737864, 6);
  });
  it("customerLifetimeValue refuses a horizon of 1e9 periods with a typed error naming it", () => {
    const customer = { frequency: 2, recency: 30.43, T: 38.86, monetary: 22.35 };
    const call = () =>
      customerLifetimeValue(cdnow, spend, customer, { horizon: 1e9, discountRate: 0.01, unitsPerPeriod: 4.345 });
    expect(call).toThrow(LoyaltyValidationError);
    try {
      call();
    } catch (error) {
      expect((error as LoyaltyValidationError).issues[0]?.path).toEqual(["options", "horizon"]);
    }
    expect(
      Number.isFinite(
        customerLifetimeValue(cdnow, spend, customer, { horizon: 10_000, discountRate: 0.01, unitsPerPeriod: 4.345 }),
      ),
    ).toBe(true);
  });
});

describe("bounded work: calendar spans and huge arrays", () => {
  // The proleptic Gregorian calendar (ISO 8601) has 146,097 days per 400 years, so 0000-01-01 to
  // 10000-01-01 is 25 × 146,097 = 3,652,425 days and 0000-01-01 to 9999-12-31 one day less. On 0.1
  // this took 84 s and answered 2,958,098: Date.UTC reads years 0–99 as 1900–1999.
  it("purchaseFrequencyIndex over 0000–9999 counts 3,652,424 days, in well under a second", () => {
    const span = { from: "0000-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z", reference: 1, timeZone: "UTC" } as const;
    const started = performance.now();
    expect(purchaseFrequencyIndex(5, { ...span, period: "day" }).periods).toBe(3_652_424);
    expect(purchaseFrequencyIndex(5, { ...span, period: "year" }).periods).toBeCloseTo(9_999 + 364 / 365, 9);
    expect(performance.now() - started).toBeLessThan(5_000); // was 84 s (day) and 6 s (week)
  });
  it("the year 0000 is a leap year and Intl's '1' (1 BC) reads as year 0", () => {
    // ISO 8601's year 0000 is 1 BC, a leap year (divisible by 400).
    expect(new Date(parseInstant("0000-02-29T12:00:00Z", "at")).toISOString()).toBe("0000-02-29T12:00:00.000Z");
    expect(zonedParts(Date.parse("0000-06-01T00:00:00Z"), "Europe/Berlin").year).toBe(0);
    expect(new Date(zonedTimeToInstant({ year: 50, month: 3, day: 1 }, "UTC")).toISOString()).toBe(
      "0050-03-01T00:00:00.000Z",
    );
  });
  it("a sparse array of length 300,000 with one element gives one issue that counts the empty slots", () => {
    const sparse: unknown[] = [];
    sparse.length = 300_000;
    sparse[150_000] = { customerId: "c", at: "2026-01-01T00:00:00Z" };
    try {
      parsePurchaseRecords(sparse);
      expect.unreachable();
    } catch (error) {
      const e = error as LoyaltyValidationError;
      expect(e.issues).toHaveLength(1);
      expect(e.issues[0]?.path).toEqual([0]);
      expect(e.message).toContain("the array (length 300,000) has 299,999 empty slots");
    }
  });
  it("a dense array of 2,000 bad elements keeps 1,000 issues and counts the rest in the message", () => {
    try {
      parsePurchaseRecords(Array.from({ length: 2_000 }, () => 1));
      expect.unreachable();
    } catch (error) {
      const e = error as LoyaltyValidationError;
      expect(e.issues).toHaveLength(1_000);
      expect(e.message).toMatch(/; and 1,980 more issues$/);
    }
  });
  it("allocate refuses a sparse ratios array and [null] with a typed error naming the slot", () => {
    const ratios: unknown[] = [];
    ratios.length = 300_000;
    ratios[150_000] = 1;
    expect(() => allocate(money("10", "EUR"), ratios as never)).toThrow(/ratios\.0: /);
    expect(() => allocate(money("10", "EUR"), [null] as never)).toThrow(LoyaltyValidationError);
  });
});

describe("fitBgNbd never returns a boundary fit on a flat likelihood (issue 16)", () => {
  // Constructed input: two (or three) customers cannot pin down four parameters. On 0.1 the first
  // returned a ≈ 2e-5, b ≈ 1e5 (the issue's report: a ≈ 15,258, b ≈ 5e-7 for another pair) as a fit.
  const two = [
    { frequency: 3, recency: 30, T: 38 },
    { frequency: 0, recency: 0, T: 38 },
  ];
  it("throws NOT_CONVERGED saying the likelihood is flat, with the last parameters", () => {
    for (const rows of [two, [...two, { frequency: 1, recency: 10, T: 30 }]]) {
      try {
        fitBgNbd(rows);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LoyaltyError);
        expect((error as LoyaltyError).code).toBe("NOT_CONVERGED");
        expect((error as LoyaltyError).message).toMatch(/the likelihood is flat/);
        expect(Object.keys((error as LoyaltyError<"NOT_CONVERGED">).details["lastParameters"] ?? {})).toEqual([
          "r",
          "alpha",
          "a",
          "b",
        ]);
      }
    }
  });
});

describe("typed errors for hostile values (issue 16)", () => {
  // Each of these let a TypeError out on 0.1.
  const cyclic: Record<string, unknown> = {};
  cyclic["self"] = cyclic;
  it("canContact previews a circular channel instead of crashing in JSON.stringify", () => {
    const customer = { id: "c1", identifiers: [], consents: [] };
    expect(() => canContact(customer as never, cyclic as never, { at: new Date(0), purpose: "marketing" })).toThrow(
      LoyaltyError,
    );
  });
  it("normalizePhone and toDecimal read a null options argument as no options", () => {
    expect(normalizePhone("+62 812 3456 7890", null as never)).toBe("+6281234567890");
    expect(toDecimal(1e308, null as never).toString()).toBe("1e+308");
  });
  it("previewValue of a Proxy whose traps throw describes it instead of throwing", () => {
    const proxy = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("trap");
        },
      },
    );
    expect(() => gini([1], { corrected: proxy as never })).not.toThrow();
    expect(() => lorenz([1, 2], { points: proxy as never })).toThrow(LoyaltyValidationError);
  });
});

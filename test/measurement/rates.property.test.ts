import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  churnRate,
  cohortRetention,
  retentionRate,
  shareOfPurchasesByCustomer,
  wordOfMouthReach,
} from "../../src/index.js";

const counts = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000 }),
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 1_000_000 }),
  )
  .map(([start, kept, acquired]) => ({ start, end: Math.min(kept, start) + acquired, acquired }));

describe("rate properties", () => {
  it("retention and churn lie in [0, 1] and add up to 1", () => {
    fc.assert(
      fc.property(counts, (c) => {
        const r = retentionRate(c) ?? Number.NaN;
        const ch = churnRate(c) ?? Number.NaN;
        expect(r >= 0 && r <= 1 && ch >= 0 && ch <= 1).toBe(true);
        expect(r + ch).toBeCloseTo(1, 12);
      }),
    );
  });

  it("the pooled share lies between the smallest and largest customer share", () => {
    const row = fc
      .tuple(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }))
      .map(([b, extra]) => ({ customerId: "c", brand: b, category: b + extra }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const s = shareOfPurchasesByCustomer(rows);
        const shares = s.customers.map((c) => c.share ?? Number.NaN);
        expect(s.pooledShare).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
        expect(s.pooledShare).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
        expect(s.meanShare).toBeGreaterThanOrEqual(Math.min(...shares) - 1e-12);
        expect(s.meanShare).toBeLessThanOrEqual(Math.max(...shares) + 1e-12);
      }),
    );
  });

  it("word of mouth: net + 2 × negative = total", () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), (satisfied, dissatisfied) => {
        const r = wordOfMouthReach({ satisfied, dissatisfied });
        expect(r.net + 2 * r.negative).toBe(r.total);
        expect(r.positive).toBe(10 * satisfied);
      }),
    );
  });

  it("cohort table: every customer in exactly one cohort, month 0 at 100%, no cell above the cohort size", () => {
    const purchase = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      at: fc.date({
        min: new Date("2025-01-01T00:00:00Z"),
        max: new Date("2026-12-31T23:59:59Z"),
        noInvalidDate: true,
      }),
    });
    fc.assert(
      fc.property(
        fc.array(purchase, { maxLength: 25 }),
        fc.constantFrom("UTC", "Asia/Jakarta", "America/New_York"),
        (purchases, timeZone) => {
          const t = cohortRetention(purchases, { timeZone });
          expect(t.cohorts.reduce((n, c) => n + c.size, 0)).toBe(new Set(purchases.map((p) => p.customerId)).size);
          for (const c of t.cohorts) {
            expect(c.rates[0]).toBe(1);
            for (const a of c.active) expect(a).toBeLessThanOrEqual(c.size);
            expect(c.active.length).toBe(t.months.length - t.months.indexOf(c.cohort));
          }
        },
      ),
    );
  });
});

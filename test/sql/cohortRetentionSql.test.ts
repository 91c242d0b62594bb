import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cohortRetentionSql,
  cohortTablesFromSql,
  repeatPurchaseRateSql,
  repeatPurchaseRatesFromSql,
} from "../../src/sql/index.js";
import { cohortRetention, LoyaltyValidationError, repeatPurchaseRate } from "../../src/index.js";
import { cdnowMaster, cdnowSample } from "../analytics/_cdnow.js";
import { duckdb, type Engine, postgres, type Purchase, table } from "./_engines.js";

// The master file and the random runs take tens of seconds: they run in `npm run test:pg` (which .ci/run
// runs, DuckDB and PostgreSQL both) and with DEEP=1, not in the plain `npm test`.
const heavy = process.env["PGHOST"] !== undefined || process.env["DEEP"] === "1";
const engines: Engine[] = [];
beforeAll(async () => {
  engines.push(await duckdb());
  const pgEngine = await postgres();
  if (pgEngine === undefined) {
    console.warn(
      "\n*** test/sql: PGHOST is not set — the PostgreSQL half of these tests is SKIPPED. Run `npm run test:pg`. ***\n",
    );
  } else engines.push(pgEngine);
}, 60_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

/** The purchase records of the measurement functions: string ids, instants with an offset. */
const records = (rows: readonly Purchase[]) =>
  rows.map((p) => ({ customerId: String(p.customerId), at: p.at.length === 10 ? `${p.at}T00:00:00Z` : p.at }));
const dialect = (e: Engine) => e.name as "duckdb" | "postgres";

describe("cohortRetentionSql and repeatPurchaseRateSql on CDNOW, against the in-process functions", () => {
  // CDNOW master file: the 23,570 customers who made their first purchase in the first quarter of
  // 1997, followed to 1998-06-30 (Fader, Hardie & Lee 2005, "Counting your customers the easy way").
  it.runIf(heavy)(
    "gives the in-process cohort table of the master file: three cohorts, 18 months, 23,570 customers",
    async () => {
      const master = cdnowMaster();
      const until = "1998-07-01T00:00:00Z";
      const expected = cohortRetention(records(master), { until });
      expect(expected.cohorts.map((c) => c.cohort)).toEqual(["1997-01", "1997-02", "1997-03"]);
      expect(expected.months).toHaveLength(18);
      expect(expected.cohorts.reduce((n, c) => n + c.size, 0)).toBe(23_570);
      for (const e of engines) {
        await e.load(master, "DATE");
        const tables = cohortTablesFromSql(await e.run(cohortRetentionSql(table, { dialect: dialect(e), until })));
        expect(tables, e.name).toEqual([{ store: null, ...expected }]);
        // Without `until` the table runs to the month of the latest purchase: the same 18 months here.
        const open = cohortTablesFromSql(await e.run(cohortRetentionSql(table, { dialect: dialect(e) })));
        expect(open[0]?.months, e.name).toEqual(expected.months);
        // Repeat-purchase rate over 1997: customers with two or more purchase rows in the window.
        const window = { from: "1997-01-01T00:00:00Z", to: "1998-01-01T00:00:00Z" };
        const rate = repeatPurchaseRatesFromSql(
          await e.run(repeatPurchaseRateSql(table, { dialect: dialect(e), ...window })),
        );
        expect(rate, e.name).toEqual([{ store: null, ...repeatPurchaseRate(records(master), window) }]);
      }
    },
    300_000,
  );

  it("splits by store: each store's table equals the in-process table of that store's purchases", async () => {
    // The sample with a made-up store per purchase (customer id + day parity), so customers span stores.
    const sample = cdnowSample().map((p, i) => ({ ...p, store: (p.customerId + i) % 3 }));
    const until = "1998-05-01T00:00:00Z";
    for (const e of engines) {
      await e.load(sample, "DATE");
      const t = { ...table, store: "store_id" };
      const tables = cohortTablesFromSql(await e.run(cohortRetentionSql(t, { dialect: dialect(e), until })));
      expect(tables.map((x) => x.store)).toEqual([0, 1, 2]);
      for (const x of tables) {
        const own = records(sample.filter((p) => p.store === x.store));
        expect(x, `${e.name} store ${x.store}`).toEqual({ store: x.store, ...cohortRetention(own, { until }) });
      }
      const rates = repeatPurchaseRatesFromSql(await e.run(repeatPurchaseRateSql(t, { dialect: dialect(e) })));
      expect(rates.map((r) => r.store)).toEqual([0, 1, 2]);
      for (const r of rates)
        expect(r).toEqual({
          store: r.store,
          ...repeatPurchaseRate(records(sample.filter((p) => p.store === r.store))),
        });
    }
  }, 120_000);
});

describe("cohortRetentionSql on random purchases (fast-check), against cohortRetention", () => {
  // Instants over ~3 years to the millisecond, so month boundaries, leap days and `until` matter.
  const day0 = Date.UTC(2023, 10, 15);
  const input = fc.record({
    purchases: fc.array(
      fc.record({
        customerId: fc.integer({ min: 1, max: 6 }),
        ms: fc.integer({ min: 0, max: 1_100 * 86_400_000 }),
        store: fc.integer({ min: 1, max: 2 }),
      }),
      { minLength: 1, maxLength: 20 },
    ),
    untilDay: fc.option(fc.integer({ min: 1, max: 1_101 }), { nil: undefined }),
  });
  it.runIf(heavy)(
    "gives the same tables in every engine, with and without stores (100 runs per engine)",
    async () => {
      for (const e of engines) {
        await fc.assert(
          fc.asyncProperty(input, async ({ purchases, untilDay }) => {
            const rows: Purchase[] = purchases.map((p) => ({
              customerId: p.customerId,
              at: new Date(day0 + p.ms).toISOString(),
              value: "1.00",
              store: p.store,
            }));
            await e.load(rows, "TIMESTAMPTZ");
            const options = untilDay === undefined ? {} : { until: new Date(day0 + untilDay * 86_400_000 - 1) };
            const whole = cohortRetention(records(rows), options);
            const got = cohortTablesFromSql(
              await e.run(cohortRetentionSql(table, { dialect: dialect(e), ...options })),
            );
            expect(got).toEqual(whole.cohorts.length === 0 ? [] : [{ store: null, ...whole }]);
            const byStore = cohortTablesFromSql(
              await e.run(cohortRetentionSql({ ...table, store: "store_id" }, { dialect: dialect(e), ...options })),
            );
            for (const x of byStore)
              expect(x).toEqual({
                store: x.store,
                ...cohortRetention(records(rows.filter((p) => p.store === x.store)), options),
              });
          }),
          { numRuns: 100 },
        );
      }
    },
    300_000,
  );
});

describe("cohort and repeat-purchase SQL: names, options, readers", () => {
  it("refuses a bad store column, an unknown dialect and a window that ends before it starts", () => {
    expect(() => cohortRetentionSql({ ...table, store: "store id" }, { dialect: "duckdb" })).toThrow(
      /cohortRetentionSql: store: expected a column name/,
    );
    expect(() => cohortRetentionSql(table, { dialect: "sqlite" as "duckdb" })).toThrow(LoyaltyValidationError);
    expect(() => cohortRetentionSql(table, { dialect: "duckdb", until: "1998-13-01" })).toThrow(/until: expected/);
    expect(() =>
      repeatPurchaseRateSql(table, { dialect: "postgres", from: "1998-01-01T00:00:00Z", to: "1997-01-01T00:00:00Z" }),
    ).toThrow(/to: expected "to" after "from"/);
  });
  it("binds the bounds as parameters: `until` in ms and the month of its last moment", () => {
    // 1998-07-01T00:00Z = 899,251,200,000 ms; its last moment before is in June 1998 = 1998·12 + 5.
    const q = cohortRetentionSql(table, { dialect: "postgres", until: "1998-07-01T00:00:00Z" });
    expect(q.params).toEqual([899_251_200_000, 1998 * 12 + 5]);
    expect(q.text).not.toContain("1998");
    expect(Object.isFrozen(q.params)).toBe(true);
  });
  it("reads inconsistent rows as a typed error naming the row", () => {
    const row = { cohort_month: 10n, period: 3n, active: 1n, size: 2n, first_month: 10n, last_month: 12n };
    expect(() => cohortTablesFromSql([row])).toThrow(/cohortTablesFromSql: 0: inconsistent row/);
    expect(() => repeatPurchaseRatesFromSql([{ customers: 1, repeat_customers: 2 }])).toThrow(
      /0\.repeat_customers: expected at most customers \(1\), got 2/,
    );
    expect(() => cohortTablesFromSql([{ ...row, period: 0n, store: "" }])).toThrow(/0\.store: expected a store id/);
  });
});

import Decimal from "decimal.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  customerTotalsFromSql,
  customerTotalsSql,
  rfmRowsByStoreFromSql,
  rfmRowsFromSql,
  rfmSummarySql,
} from "../../src/sql/index.js";
import { LoyaltyValidationError, type RfmOptions, type RfmRow, rfmSummary } from "../../src/index.js";
import { cdnowMaster, cdnowSample, sameSummary } from "../analytics/_cdnow.js";
import { duckdb, type Engine, postgres, type Purchase, table } from "./_engines.js";

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

const DAY_MS = 86_400_000;
const dayOf = (at: string): number => Math.floor(Date.parse(at) / DAY_MS);

/**
 * The exact oracle of the monetary columns: per customer, the repeat days' values summed in decimal
 * (decimal.js), converted to the nearest double once and divided by the repeat count — what the
 * SQL computes in DECIMAL / NUMERIC. `options` use date-only ends (whole UTC days, inclusive).
 */
function exactMonetary(
  purchases: readonly Purchase[],
  options: { observationEnd: string; calibrationEnd?: string },
): Map<number, { monetary: number; monetaryHoldout: number }> {
  const end = dayOf(options.observationEnd);
  const cal = options.calibrationEnd === undefined ? end : dayOf(options.calibrationEnd);
  const days = new Map<number, Map<number, Decimal>>();
  for (const p of purchases) {
    const day = dayOf(p.at);
    if (day > end) continue;
    const own = days.get(p.customerId) ?? new Map<number, Decimal>();
    days.set(p.customerId, own.set(day, (own.get(day) ?? new Decimal(0)).plus(p.value)));
  }
  const out = new Map<number, { monetary: number; monetaryHoldout: number }>();
  for (const [id, own] of days) {
    const first = Math.min(...own.keys());
    let repeat = new Decimal(0);
    let hold = new Decimal(0);
    let repeatDays = 0;
    let holdDays = 0;
    for (const [day, value] of own) {
      if (day > cal) [hold, holdDays] = [hold.plus(value), holdDays + 1];
      else if (day !== first) [repeat, repeatDays] = [repeat.plus(value), repeatDays + 1];
    }
    out.set(id, {
      monetary: repeatDays === 0 ? 0 : Number(repeat.toString()) / repeatDays,
      monetaryHoldout: holdDays === 0 ? 0 : Number(hold.toString()) / holdDays,
    });
  }
  return out;
}

/**
 * Runs the generated SQL in `engine` and compares it with the in-process rfmSummary on the same
 * purchases (monetary within float rounding of its sums), and its monetary columns with the exact
 * decimal oracle (to the last bit).
 */
async function differs(
  engine: Engine,
  purchases: readonly Purchase[],
  options: RfmOptions & { observationEnd: string; calibrationEnd?: string },
): Promise<string | undefined> {
  const rows = rfmRowsFromSql(
    await engine.run(rfmSummarySql(table, { ...options, dialect: engine.name as "duckdb" | "postgres" })),
  );
  return sameAsOracles(rows, purchases, options);
}

/** `rows` against the in-process rfmSummary and the exact decimal oracle of the same purchases. */
function sameAsOracles(
  rows: readonly RfmRow[],
  purchases: readonly Purchase[],
  options: RfmOptions & { observationEnd: string; calibrationEnd?: string },
): string | undefined {
  const expected = rfmSummary(purchases, options);
  const exact = exactMonetary(purchases, options);
  for (const r of rows) {
    const e = exact.get(r.customerId as number);
    if (r.monetary !== e?.monetary) return `customer ${r.customerId}: monetary ${r.monetary}, exact ${e?.monetary}`;
    if (r.monetaryHoldout !== undefined && r.monetaryHoldout !== e.monetaryHoldout)
      return `customer ${r.customerId}: monetaryHoldout ${r.monetaryHoldout}, exact ${e.monetaryHoldout}`;
  }
  return sameSummary(rows, expected);
}

describe("rfmSummarySql on CDNOW, against the in-process rfmSummary", () => {
  // CDNOW: Fader, Hardie & Lee (2005); the 2,357-customer sample and the 23,570-customer master file,
  // 1997-01-01 .. 1998-06-30, calibration to 1997-09-30 (39 weeks) as in the paper.
  it("gives the same 2,357 rows for the sample, with a calibration / holdout split, in weeks", async () => {
    for (const e of engines) {
      await e.load(cdnowSample(), "DATE");
      const options = { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" } as const;
      expect(await differs(e, cdnowSample(), options), e.name).toBeUndefined();
      const rows = rfmRowsFromSql(await e.run(rfmSummarySql(table, { ...options, dialect: e.name as "duckdb" })));
      expect(rows).toHaveLength(2357);
      // Sample customer 1 (CDNOW id 00004): purchases on 1997-01-01, 01-18, 08-02 and 12-12 (holdout).
      expect(rows[0]).toEqual({
        customerId: 1,
        frequency: 2,
        recency: 213 / 7,
        T: 272 / 7,
        monetary: (29.73 + 14.96) / 2,
        frequencyHoldout: 1,
        monetaryHoldout: 26.48,
        durationHoldout: 273 / 7,
      });
    }
  }, 120_000);

  it("gives the same 23,570 rows for the master file, in days, and the same customer totals", async () => {
    const master = cdnowMaster();
    for (const e of engines) {
      await e.load(master, "DATE");
      const options = { observationEnd: "1998-06-30", period: "day" } as const;
      expect(await differs(e, master, options), e.name).toBeUndefined();
      const totals = customerTotalsFromSql(await e.run(customerTotalsSql(table, { dialect: "duckdb" })));
      expect(totals).toHaveLength(23570);
      const byId = new Map<number, number>();
      for (const p of master) byId.set(p.customerId, (byId.get(p.customerId) ?? 0) + Number(p.value));
      for (const t of totals)
        expect(Math.abs(t.total - (byId.get(t.customerId as number) ?? Number.NaN))).toBeLessThan(1e-6);
    }
  }, 300_000);
});

describe("rfmSummarySql sums values exactly (DECIMAL / NUMERIC), then divides once in floating point", () => {
  // In IEEE 754 binary64 (JavaScript numbers, SQL DOUBLE PRECISION) 0.1 + 0.2 = 0.30000000000000004 and
  // 0.7 + 0.1 + 0.2 − 0.7 = 0.30000000000000004; in decimal both are 0.3, and 0.3 / 2 rounds to 0.15.
  const purchases: Purchase[] = [
    { customerId: 1, at: "2026-01-01", value: "0.70" },
    { customerId: 1, at: "2026-01-02", value: "0.10" },
    { customerId: 1, at: "2026-01-03", value: "0.20" },
    { customerId: 1, at: "2026-01-11", value: "0.10" },
    { customerId: 1, at: "2026-01-12", value: "0.20" },
  ];
  const options = { observationEnd: "2026-01-20", calibrationEnd: "2026-01-10", period: "day" } as const;

  it("gives a repeat spend of exactly 0.15 where summing doubles gives 0.15000000000000002", async () => {
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(0.7 + 0.1 + 0.2 - 0.7).toBe(0.30000000000000004);
    // The in-process path sums doubles in purchase order: within float rounding of the exact mean.
    expect(rfmSummary(purchases, options)[0]?.monetary).toBe(0.15000000000000002);
    for (const e of engines) {
      await e.load(purchases, "DATE");
      const [row] = rfmRowsFromSql(await e.run(rfmSummarySql(table, { ...options, dialect: e.name as "duckdb" })));
      expect(row, e.name).toEqual({
        customerId: 1,
        frequency: 2,
        recency: 2,
        T: 9,
        monetary: 0.15,
        frequencyHoldout: 2,
        monetaryHoldout: 0.15,
        durationHoldout: 10,
      });
      expect(await differs(e, purchases, options), e.name).toBeUndefined();
    }
  }, 60_000);

  it("counts purchases with value 0 when the table has no value column, as rfmSummary does without values", async () => {
    const noValues = purchases.map(({ customerId, at }) => ({ customerId, at }));
    const { value: _, ...noValueTable } = table;
    for (const e of engines) {
      await e.load(purchases, "DATE");
      const rows = rfmRowsFromSql(
        await e.run(rfmSummarySql(noValueTable, { ...options, dialect: e.name as "duckdb" | "postgres" })),
      );
      expect(rows, e.name).toEqual(rfmSummary(noValues, options));
      expect(rows[0], e.name).toMatchObject({ frequency: 2, monetary: 0, frequencyHoldout: 2, monetaryHoldout: 0 });
    }
  }, 60_000);
});

describe("rfmSummarySql on random purchases (fast-check), against the in-process rfmSummary", () => {
  const day0 = Date.UTC(2026, 0, 1);
  const purchase = fc.record({
    customerId: fc.integer({ min: 1, max: 8 }),
    // Instants over 60 days, to the millisecond, so UTC-day grouping and the end bound matter.
    ms: fc.integer({ min: 0, max: 60 * 86_400_000 - 1 }),
    cents: fc.integer({ min: -5_000, max: 100_000 }),
  });
  const input = fc.record({
    purchases: fc.array(purchase, { minLength: 1, maxLength: 25 }),
    endDay: fc.integer({ min: 59, max: 70 }),
    calDay: fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }),
    period: fc.constantFrom("day" as const, "week" as const),
  });
  const iso = (ms: number): string => new Date(day0 + ms).toISOString();
  const date = (d: number): string => iso(d * 86_400_000).slice(0, 10);

  it("gives the same rows in every engine (1,000 runs per engine)", async () => {
    for (const e of engines) {
      await fc.assert(
        fc.asyncProperty(input, async ({ purchases, endDay, calDay, period }) => {
          const rows: Purchase[] = purchases.map((p) => ({
            customerId: p.customerId,
            at: iso(p.ms),
            value: (p.cents / 100).toFixed(2),
          }));
          await e.load(rows, "TIMESTAMPTZ");
          const options: RfmOptions & { observationEnd: string; calibrationEnd?: string } =
            calDay === undefined
              ? { observationEnd: date(endDay), period }
              : { observationEnd: date(endDay), calibrationEnd: date(calDay), period };
          expect(await differs(e, rows, options), e.name).toBeUndefined();
        }),
        { numRuns: 1000 },
      );
    }
  }, 600_000);
});

describe("rfmSummarySql per store (table.store), against rfmSummary of each store's purchases", () => {
  const storeTable = { ...table, store: "store_id" };

  it("gives each store's own summary: a customer's first purchase at a store starts their history there", async () => {
    // Customer 1 buys at store 1 on 2026-01-01 and 2026-01-05, at store 2 on 2026-01-05 only.
    const purchases: Purchase[] = [
      { customerId: 1, at: "2026-01-01", value: "10.00", store: 1 },
      { customerId: 1, at: "2026-01-05", value: "4.10", store: 1 },
      { customerId: 1, at: "2026-01-05", value: "7.00", store: 2 },
      { customerId: 2, at: "2026-01-02", value: "1.00" },
    ];
    const options = { observationEnd: "2026-01-10", period: "day" } as const;
    for (const e of engines) {
      await e.load(purchases, "DATE");
      const sql = rfmSummarySql(storeTable, { ...options, dialect: e.name as "duckdb" | "postgres" });
      const stores = rfmRowsByStoreFromSql(await e.run(sql));
      // The purchase without a store (customer 2) is left out.
      expect(stores, e.name).toEqual([
        { store: 1, rows: [{ customerId: 1, frequency: 1, recency: 4, T: 9, monetary: 4.1 }] },
        { store: 2, rows: [{ customerId: 1, frequency: 0, recency: 0, T: 5, monetary: 0 }] },
      ]);
      expect(() => rfmRowsFromSql([{ store: 1, customer_id: 1 }])).toThrow(
        /rfmRowsFromSql: 0\.store: expected rows without a store column.*rfmRowsByStoreFromSql/,
      );
    }
  }, 60_000);

  const day0 = Date.UTC(2026, 0, 1);
  const input = fc.record({
    purchases: fc.array(
      fc.record({
        customerId: fc.integer({ min: 1, max: 6 }),
        ms: fc.integer({ min: 0, max: 40 * 86_400_000 - 1 }),
        cents: fc.integer({ min: -5_000, max: 100_000 }),
        store: fc.integer({ min: 1, max: 3 }),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    calDay: fc.option(fc.integer({ min: 0, max: 39 }), { nil: undefined }),
    period: fc.constantFrom("day" as const, "week" as const),
  });
  const date = (d: number): string => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);

  it("gives every store's rows as rfmSummary of that store's purchases (100 runs per engine)", async () => {
    for (const e of engines) {
      await fc.assert(
        fc.asyncProperty(input, async ({ purchases, calDay, period }) => {
          const rows: Purchase[] = purchases.map((p) => ({
            customerId: p.customerId,
            at: new Date(day0 + p.ms).toISOString(),
            value: (p.cents / 100).toFixed(2),
            store: p.store,
          }));
          await e.load(rows, "TIMESTAMPTZ");
          const options =
            calDay === undefined
              ? { observationEnd: date(40), period }
              : { observationEnd: date(40), calibrationEnd: date(calDay), period };
          const sql = rfmSummarySql(storeTable, { ...options, dialect: e.name as "duckdb" | "postgres" });
          const stores = rfmRowsByStoreFromSql(await e.run(sql));
          const expectedStores = [1, 2, 3].filter((store) => {
            const mine = rows.filter((r) => r.store === store);
            return mine.length > 0 && rfmSummary(mine, options).length > 0;
          });
          expect(
            stores.map((s) => s.store),
            e.name,
          ).toEqual(expectedStores);
          for (const { store, rows: own } of stores) {
            const mine = rows.filter((r) => r.store === store);
            expect(sameAsOracles(own, mine, options), `${e.name} store ${store}`).toBeUndefined();
          }
        }),
        { numRuns: 100 },
      );
    }
  }, 300_000);
});

describe("rfmSummarySql names and options", () => {
  const options = { dialect: "postgres", observationEnd: "1998-06-30", period: "week" } as const;
  it.each([
    ['purchases"; DROP TABLE x; --', "table"],
    ["1st", "table"],
    ["a.b.c", "table"],
    ["", "table"],
  ])("refuses the table name %j with a typed error", (name, path) => {
    expect(() => rfmSummarySql({ ...table, table: name }, options)).toThrow(LoyaltyValidationError);
    expect(() => rfmSummarySql({ ...table, table: name }, options)).toThrow(
      new RegExp(`^rfmSummarySql: ${path}: expected a table name`),
    );
  });
  it("refuses a dotted column name and an unknown dialect", () => {
    expect(() => rfmSummarySql({ ...table, at: "t.bought_at" }, options)).toThrow(/at: expected a column name/);
    expect(() => rfmSummarySql(table, { ...options, dialect: "mysql" as "postgres" })).toThrow(
      /dialect: expected "duckdb" or "postgres", got "mysql"/,
    );
  });
  it("quotes schema-qualified names and binds every value as a parameter", () => {
    const q = rfmSummarySql({ ...table, table: "sales.purchases" }, { ...options, calibrationEnd: "1997-09-30" });
    expect(q.text).toContain('FROM "sales"."purchases"');
    // End of 1998-06-30 in ms; 1997-09-30 is day 10134 after 1970-01-01; 7 days a week; 1998-06-30 is day 10407.
    expect(q.params).toEqual([Date.UTC(1998, 5, 30) + 86_400_000 - 1, 10134, 7, 10407]);
    expect(q.text).toContain("CAST($4 AS BIGINT) - CAST($2 AS BIGINT)");
    expect(q.text).not.toContain("1998");
    expect(Object.isFrozen(q)).toBe(true);
  });
  it("reads rows with a missing cell as a typed error naming the row and column", () => {
    expect(() => rfmRowsFromSql([{ customer_id: 1, frequency: 0, recency: 0, t: 3 }])).toThrow(
      /rfmRowsFromSql: 0\.monetary: expected a finite number, got undefined/,
    );
    expect(() => customerTotalsFromSql([{ customer_id: null, total: 1 }])).toThrow(
      /0\.customer_id: expected a customer id/,
    );
  });
});

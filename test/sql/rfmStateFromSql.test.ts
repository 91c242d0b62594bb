import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purchaseDaysSql, rfmStateFromSql } from "../../src/sql/index.js";
import { rfmAccumulator, rfmSummary } from "../../src/index.js";
import { cdnowSample, sameSummary } from "../analytics/_cdnow.js";
import { duckdb, type Engine, postgres, table } from "./_engines.js";

const engines: Engine[] = [];
beforeAll(async () => {
  engines.push(await duckdb());
  const pgEngine = await postgres();
  if (pgEngine !== undefined) engines.push(pgEngine);
}, 60_000);
afterAll(async () => {
  for (const e of engines) await e.close();
});

describe("purchaseDaysSql + rfmStateFromSql: a database partition merged into an in-process accumulator", () => {
  // CDNOW sample (Fader, Hardie & Lee 2005): 6,919 purchases of 2,357 customers, 1997-01-01 .. 1998-06-30.
  it("gives rfmSummary of all purchases when half sit in the database and half are added in process", async () => {
    const all = cdnowSample();
    const options = { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" } as const;
    const inDb = all.filter((_, i) => i % 2 === 0);
    const inProcess = all.filter((_, i) => i % 2 === 1);
    for (const e of engines) {
      await e.load(inDb, "DATE");
      const state = rfmStateFromSql(
        await e.run(purchaseDaysSql(table, { ...options, dialect: e.name as "duckdb" | "postgres" })),
        options,
      );
      expect(state.count).toBe(inDb.length);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      const acc = rfmAccumulator(options);
      for (const p of inProcess) acc.add(p);
      expect(sameSummary(acc.merge(state).result(), rfmSummary(all, options)), e.name).toBeUndefined();
      expect(acc.count).toBe(6_919);
    }
  }, 120_000);

  it("refuses a duplicated day, a day after the observation end and a zero purchase count, naming the customer", () => {
    const options = { observationEnd: "2026-01-31", period: "day" } as const;
    // 2026-01-31 is UTC day 20,484 (days since 1970-01-01).
    const row = { customer_id: "ana", day: 20_484, value: 3, purchases: 1 };
    expect(rfmStateFromSql([row], options).customers).toEqual([["ana", [[20_484, 3]]]]);
    expect(() => rfmStateFromSql([row, row], options)).toThrow(
      /1\.day: expected one row per customer and day.*\(customer ana\)/,
    );
    expect(() => rfmStateFromSql([{ ...row, day: 20_485 }], options)).toThrow(
      /0\.day: expected a UTC day number ≤ 20484/,
    );
    expect(() => rfmStateFromSql([{ ...row, purchases: 0 }], options)).toThrow(
      /0\.purchases: expected a positive integer/,
    );
  });
});

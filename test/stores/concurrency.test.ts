// Eight tills on eight connections hammer fifty customers with checkouts, random redemptions, refunds,
// holds, and retries of the same transactionId (lost replies, and double sends still in flight).
// Default 200 checkouts per till (1,600 sales, 32 per customer). STORES_SALES=1000 runs the issue's
// full 8,000: it passed in 948 s (930 s selling, 18 s verifying) on a 2-core machine at load 20–27,
// because program accounts still keep every sale (~2.4 kB each, rewritten with every write); it gets
// cheap once program accounts are bounded. The verification reads the history once and recomputes
// every balance in one pass over it.
import { afterAll, expect, it } from "vitest";
import { createPostgresStore } from "../../src/postgres/index.js";
import { runTills, verify } from "./_tills.js";
import { announceSkip, freshPrefix, hasServer, makePool, program } from "./_pg.js";

announceSkip("test/stores/concurrency.test.ts");
const pool = hasServer ? makePool(8, "loyalty-till") : undefined;
afterAll(async () => {
  await pool?.end();
});
const SALES = Number(process.env["STORES_SALES"] ?? 200);

it.skipIf(!hasServer)(
  `8 tills × ${SALES} checkouts over 50 customers: every sale exactly once, balances equal the history, none negative`,
  async () => {
    const p = pool as NonNullable<typeof pool>;
    const store = createPostgresStore(p, { program, tablePrefix: freshPrefix("tills") });
    await store.migrate();
    const t0 = performance.now();
    const report = await runTills(store, { tills: 8, salesPerTill: SALES, customers: 50, seed: 18 });
    const seconds = (performance.now() - t0) / 1000;
    const result = await verify(p, store, report);
    console.log(
      `concurrency: ${report.sales.size} sales in ${seconds.toFixed(1)} s (${(report.sales.size / seconds).toFixed(0)}/s) over ${result.accounts} accounts, ${result.rows} history rows;`,
      JSON.stringify(report.counts),
    );
    expect(result.problems.slice(0, 20)).toEqual([]);
    expect(report.sales.size).toBe(8 * SALES);
    // Every kind of operation really happened (a run that skipped them could not fail).
    for (const k of ["lost-reply retry", "concurrent double send", "refund applied", "redeem applied", "hold applied"])
      expect(report.counts[k] ?? 0).toBeGreaterThan(0);
  },
  // 1,000 per till takes far longer than the default while program accounts keep every sale.
  SALES > 200 ? 3_600_000 : 600_000,
);

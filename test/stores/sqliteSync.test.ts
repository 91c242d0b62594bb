// The offline till syncing to the PostgreSQL store over a network that drops, duplicates and
// reorders messages (run by `npm run test:pg` on a throwaway server; skipped loudly without PGHOST).
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool } from "./_pg.js";
import { program, runScenario } from "./sqliteSim.js";

announceSkip("test/stores/sqliteSync.test.ts");
const pool = hasServer ? makePool(2, "loyalty-sqlite-sync") : undefined;
afterAll(async () => {
  await pool?.end();
});

describe.skipIf(!hasServer)("an offline SQLite till syncing to the PostgreSQL store", () => {
  for (const seed of [11, 12]) {
    it(`seed ${seed}: every sale exactly once in the history table, the refused redemption is a typed conflict, balances agree`, async () => {
      const store = createPostgresStore(pool as NonNullable<typeof pool>, {
        program,
        tablePrefix: freshPrefix("sync"),
      });
      await store.migrate();
      const r = await runScenario(store, { seed, sales: 40, drop: 0.3, dup: 0.3, rounds: 80 });
      expect(r.network.dropped).toBeGreaterThan(0);
      expect(r.network.duplicated).toBeGreaterThan(0);
      const counts = new Map<string, number>();
      for (const c of ["c1", "c2", "c3", "c4", "c5"])
        for (const row of await store.history(c))
          counts.set(row.transactionId, (counts.get(row.transactionId) ?? 0) + 1);
      for (const id of r.sales) expect(counts.get(id), id).toBe(1);
      expect(counts.get("r-c2")).toBe(1);
      expect(counts.has("r-c1")).toBe(false);
      expect(r.till.pending()).toEqual([]);
      // c1 at the central store: 100 − 60 (the other till) + 20 (the offline sales before 10:05) = 60 < 80.
      expect(r.till.conflicts().map((c) => [c.transactionId, c.code])).toEqual([["r-c1", "INSUFFICIENT_POINTS"]]);
      for (const [customer, b] of Object.entries(r.balances)) expect(b.till, customer).toBe(b.central);
    }, 60_000);
  }
});

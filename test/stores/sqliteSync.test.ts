// The offline till syncing to the PostgreSQL store over a network that drops, duplicates and
// reorders messages (run by `npm run test:pg` on a throwaway server; skipped loudly without PGHOST).
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool } from "./_pg.js";
import { createPostgresRefusalLog, createSyncHandler } from "../../src/sqlite/index.js";
import { basket, newTill, program, runScenario } from "./sqliteSim.js";

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

describe.skipIf(!hasServer)("createPostgresRefusalLog", () => {
  it("keeps a refusal across a restart of the handler: a stale batch arriving later is refused again, never applied", async () => {
    const prefix = freshPrefix("refusals");
    const store = createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: prefix });
    await store.migrate();
    const log = createPostgresRefusalLog(pool as NonNullable<typeof pool>, {
      programId: program.id,
      tablePrefix: prefix,
    });
    await log.migrate();
    await log.migrate(); // idempotent
    // 10.00 at 1 point per 1.00 (the test program) → 10 points.
    await store.checkout("ann", basket("b0", "2026-03-07T10:00:00.000Z", "10.00"), {
      transactionId: "s0",
      consent: true,
    });
    const { till } = newTill();
    till.receive(await createSyncHandler(store, { refusals: log }).handle(till.batch({ refresh: ["ann"] })));
    till.redeem("ann", { transactionId: "r1", at: "2026-03-07T10:02:00.000Z", points: "10" });
    const stale = till.batch();
    await store.redeem("ann", { transactionId: "other", at: "2026-03-07T10:01:00.000Z", points: "5" });
    const first = await createSyncHandler(store, { refusals: log }).handle(stale);
    expect(first.outcomes[0]).toMatchObject({ outcome: "refused", error: { code: "INSUFFICIENT_POINTS" } });
    // 10 more points arrive; a restarted handler (a new process) gets the stale copy of the batch.
    await store.checkout("ann", basket("b1", "2026-03-07T10:01:30.000Z", "10.00"), {
      transactionId: "s1",
      consent: true,
    });
    const late = await createSyncHandler(store, { refusals: log }).handle(stale);
    expect(late.outcomes[0]).toMatchObject({ outcome: "refused", error: { code: "INSUFFICIENT_POINTS" } });
    expect((await store.history("ann")).map((r) => r.transactionId)).toEqual(["s0", "other", "s1"]);
    till.receive(late);
    expect(till.conflicts().map((c) => c.transactionId)).toEqual(["r1"]);
    // 10 − 5 + 10 = 15 at the central store, and on the till.
    expect(till.balance("ann", { at: "2026-03-07T11:00:00.000Z" })).toBe("15");
  }, 60_000);

  it("syncs holds made offline: captured and released centrally in order; a hold the points no longer cover is a typed conflict", async () => {
    const store = createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: freshPrefix("holds") });
    await store.migrate();
    const handler = createSyncHandler(store);
    const at = "2026-03-07T10:00:00.000Z";
    // 40.00 paid at the central store → 40 points (1 per 1.00); the till learns it, then goes offline.
    await store.checkout("ann", basket("b0", at, "40.00"), { transactionId: "s0", consent: true });
    const { till } = newTill();
    till.receive(await handler.handle(till.batch({ refresh: ["ann"] })));
    till.hold("ann", { transactionId: "h1", at, points: "10" });
    till.capture("ann", { transactionId: "c1", at, holdId: "h1", points: "4" });
    till.hold("ann", { transactionId: "h2", at, points: "5" });
    till.release("ann", { transactionId: "l2", at, holdId: "h2" });
    till.hold("ann", { transactionId: "h3", at, points: "30" });
    // Meanwhile another till redeems 10 online: 40 − 10 − 4 (c1) = 26 left, so the 30-point hold h3 fails.
    await store.redeem("ann", { transactionId: "other", at, points: "10" });
    const batch = till.batch();
    await handler.handle(batch); // a reply lost on the way
    till.receive(await handler.handle(batch)); // the resend: duplicates, answered from the tables
    expect(till.pending()).toEqual([]);
    expect(till.conflicts().map((c) => `${c.transactionId}:${c.code}`)).toEqual(["h3:INSUFFICIENT_POINTS"]);
    const rows = await store.history("ann");
    // The other till's redemption came first; the till's queue followed in the order it was made.
    expect(rows.map((r) => `${r.kind}:${r.transactionId}`)).toEqual([
      "checkout:s0",
      "redeem:other",
      "hold:h1",
      "capture:c1",
      "hold:h2",
      "release:l2",
    ]);
    expect(rows.filter((r) => r.kind === "capture").map((r) => r.transactionId)).toEqual(["c1"]);
    expect(await store.balance("ann", { at })).toBe("26");
    expect(till.balance("ann", { at })).toBe("26");
  });
});

describe.skipIf(!hasServer)("late sales from an offline till", () => {
  it("posts a sale made offline before another till's online sale with its own sale time: applied once, in the account's sales by time", async () => {
    const store = createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: freshPrefix("late") });
    await store.migrate();
    const handler = createSyncHandler(store);
    const { till } = newTill();
    till.receive(await handler.handle(till.batch({ refresh: ["ann"] })));
    // Offline at 10:00 the till sells 20.00; at 11:00 another till sells 30.00 online; the till syncs at 12:00.
    till.checkout("ann", basket("b-offline", "2026-03-07T10:00:00.000Z", "20.00"), {
      transactionId: "offline-1",
      consent: true,
    });
    await store.checkout("ann", basket("b-online", "2026-03-07T11:00:00.000Z", "30.00"), {
      transactionId: "online-1",
      consent: true,
    });
    const batch = till.batch();
    till.receive(await handler.handle(batch));
    till.receive(await handler.handle(batch)); // a resent batch: answered duplicate, nothing applied twice
    expect(till.pending()).toEqual([]);
    expect(till.conflicts()).toEqual([]);
    const rows = await store.history("ann");
    expect(rows.map((r) => r.transactionId).sort()).toEqual(["offline-1", "online-1"]);
    const account = await store.account("ann");
    // 20 + 30 points at 1 per 1.00; the offline sale kept with its own sale time, before the online one
    expect(account?.sales.map((s) => [s.transactionId, s.at])).toEqual([
      ["offline-1", "2026-03-07T10:00:00.000Z"],
      ["online-1", "2026-03-07T11:00:00.000Z"],
    ]);
    const end = { at: "2026-03-07T12:00:00.000Z" };
    expect(await store.balance("ann", end)).toBe("50");
    expect(till.balance("ann", end)).toBe("50");
  });
});

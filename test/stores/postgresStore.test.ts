// The PostgreSQL store's contract, one operation at a time, against a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoyaltyError } from "../../src/errors/errors.js";
import type { LedgerHistoryRecord } from "../../src/ledger/history.js";
import type { ProgramAccount } from "../../src/programs/account.js";
import { refund } from "../../src/programs/refund.js";
import { createPostgresStore, type PgPoolLike, type PostgresStore } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool, program } from "./_pg.js";

announceSkip("test/stores/postgresStore.test.ts");
const pool = hasServer ? makePool(4) : undefined;
let store: PostgresStore;
const at = "2026-03-07T10:00:00Z";
const basket = (id: string, amount: string) => ({
  id,
  at,
  lines: [{ id: "1", sku: "TEE", quantity: 2, unitPrice: { amount, currency: "EUR" } }],
});
const code = async (p: Promise<unknown>): Promise<string> => {
  try {
    await p;
    return "resolved";
  } catch (e) {
    return e instanceof LoyaltyError ? e.code : `untyped: ${String(e)}`;
  }
};

beforeAll(async () => {
  if (pool === undefined) return;
  store = createPostgresStore(pool, { program, tablePrefix: freshPrefix("contract") });
  await store.migrate();
  await store.migrate(); // idempotent
});
afterAll(async () => {
  await pool?.end();
});

describe.skipIf(!hasServer)("createPostgresStore against PostgreSQL", () => {
  it("queues ten concurrent sales to one customer with row locks (lockAfterAttempts 0) and keeps all ten", async () => {
    const locking = createPostgresStore(pool as NonNullable<typeof pool>, {
      program,
      tablePrefix: freshPrefix("locking"),
      lockAfterAttempts: 0,
    });
    await locking.migrate();
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        locking.checkout("busy", basket(`lb${i}`, "1.00"), { transactionId: `l${i}`, consent: true }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(10).fill("applied"));
    expect(await locking.balance("busy", { at })).toBe("20"); // 10 sales × 2 × 1.00 → 2 points each
    expect((await locking.history("busy")).length).toBe(10);
  });

  it("sends named prepared statements (plain text with preparedStatements: false); a copy in memory the row has moved past costs 2 statements, not 3", async () => {
    const p = pool as NonNullable<typeof pool>;
    const seen: { kind: string; text: string }[] = [];
    const recording: PgPoolLike = {
      async connect() {
        const client = await p.connect();
        return {
          query: (q, v) => {
            seen.push(typeof q === "string" ? { kind: "text", text: q } : { kind: "prepared", text: q.text });
            return client.query(q, v);
          },
          release: (err) => client.release(err),
        };
      },
    };
    const prefix = freshPrefix("prepared");
    const a = createPostgresStore(recording, { program, tablePrefix: prefix });
    const b = createPostgresStore(recording, { program, tablePrefix: prefix, preparedStatements: false });
    await a.migrate();
    seen.length = 0;
    await a.checkout("ann", basket("p1", "10.00"), { transactionId: "p1", consent: true }); // read, insert
    expect(seen.map((x) => x.kind)).toEqual(["prepared", "prepared"]);
    seen.length = 0;
    await b.checkout("ann", basket("p2", "10.00"), { transactionId: "p2", consent: true }); // read, update
    expect(seen.map((x) => x.kind)).toEqual(["text", "text"]);
    seen.length = 0;
    // a's copy of ann is at version 1, the row at 2: the write from memory finds that and reads the row in the same statement
    const third = await a.checkout("ann", basket("p3", "10.00"), { transactionId: "p3", consent: true });
    expect(seen).toHaveLength(2);
    expect(third.status).toBe("applied");
    expect(await a.balance("ann", { at })).toBe("60"); // 3 × 20.00, 1 point per 1.00
    expect(() => createPostgresStore(p, { program, preparedStatements: "yes" as never })).toThrow(/preparedStatements/);
  });

  it("reads before it writes while most of its copies in memory are stale, and writes from memory again once they are current", async () => {
    const p = pool as NonNullable<typeof pool>;
    const seen: string[] = [];
    const recording: PgPoolLike = {
      async connect() {
        const client = await p.connect();
        return {
          query: (q, v) => {
            seen.push(typeof q === "string" ? q : q.text);
            return client.query(q, v);
          },
          release: (err) => client.release(err),
        };
      },
    };
    const prefix = freshPrefix("stale");
    const a = createPostgresStore(recording, { program, tablePrefix: prefix });
    const b = createPostgresStore(p, { program, tablePrefix: prefix });
    await a.migrate();
    let n = 0;
    const sale = (s: PostgresStore) =>
      s.checkout("ann", basket(`q${++n}`, "1.00"), { transactionId: `q${n}`, consent: true });
    // The write from memory is recognised by its read of the row when nothing was written.
    const fromMemory = () => seen.filter((t) => t.includes("w.written")).length;
    await sale(a);
    // Another process (b) writes ann before each of a's sales: a's copy is stale every time.
    const perSale: { statements: number; fromMemory: number }[] = [];
    for (let i = 0; i < 8; i++) {
      await sale(b);
      seen.length = 0;
      expect((await sale(a)).status).toBe("applied");
      perSale.push({ statements: seen.length, fromMemory: fromMemory() });
    }
    // Each sale 2 statements; the first ones write from memory (in vain), the last ones read first.
    expect(perSale.map((x) => x.statements)).toEqual(Array(8).fill(2));
    expect(perSale[0]?.fromMemory).toBe(1);
    expect(perSale.slice(-3).map((x) => x.fromMemory)).toEqual([0, 0, 0]);
    // Alone again, a's copy is current: the read sends no snapshot back, and soon a writes from memory in one statement.
    const alone: number[] = [];
    for (let i = 0; i < 12; i++) {
      seen.length = 0;
      await sale(a);
      alone.push(seen.length);
    }
    expect(alone[0]).toBe(2);
    expect(alone.slice(-3)).toEqual([1, 1, 1]);
    expect(await a.balance("ann", { at })).toBe(String(2 * (1 + 8 + 8 + 12))); // 2 × 1.00 per sale, 1 point per 1.00
  });

  it("applies a checkout once and answers its retry as duplicate, even from a fresh store after later sales", async () => {
    // 2 × 10.00 paid at 1 point per 1.00 (the test program) → 20 points.
    const first = await store.checkout("olga", basket("b1", "10.00"), { transactionId: "s1", consent: true });
    expect(first.status).toBe("applied");
    expect(first.pointsEarned).toBe("20");
    await store.checkout("olga", basket("b2", "5.00"), { transactionId: "s2", consent: true });
    // A second store over the same tables has no cache: the answer comes from the history table.
    const other = createPostgresStore(pool as NonNullable<typeof pool>, {
      program,
      tablePrefix: store.tables.accounts.replace(/accounts$/, ""),
    });
    const retry = await other.checkout("olga", basket("b1", "10.00"), { transactionId: "s1", consent: true });
    expect(retry.status).toBe("duplicate");
    expect(retry.pointsEarned).toBe("20");
    expect(await store.balance("olga", { at })).toBe("30"); // 20 + 2 × 5.00
  });

  it("refuses a reused transactionId with a different request, and writes nothing", async () => {
    expect(await code(store.checkout("olga", basket("b1", "99.00"), { transactionId: "s1", consent: true }))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    expect(await code(store.redeem("olga", { transactionId: "s1", at, points: "1" }))).toBe("IDEMPOTENCY_CONFLICT");
    expect(await store.balance("olga", { at })).toBe("30");
  });

  it("refunds, redeems, holds, captures and releases, each recorded as one history row", async () => {
    const back = await store.refund("olga", "s1", { at, transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    expect(back.status).toBe("applied");
    expect(back.pointsReversed).toBe("10"); // half of s1's 20 points
    expect((await store.redeem("olga", { transactionId: "d1", at, points: "5" })).status).toBe("applied");
    expect((await store.hold("olga", { transactionId: "h1", at, points: "6" })).status).toBe("applied");
    expect(await store.balance("olga", { at })).toBe("9"); // 30 − 10 − 5 − 6
    expect((await store.capture("olga", { transactionId: "c1", at, holdId: "h1", points: "4" })).status).toBe(
      "applied",
    );
    expect(await store.balance("olga", { at })).toBe("11"); // the 2 points not captured come back
    expect((await store.hold("olga", { transactionId: "h2", at, points: "3" })).status).toBe("applied");
    const released = await store.release("olga", { transactionId: "l2", at, holdId: "h2" });
    expect(released.entry.kind).toBe("release");
    expect((await store.release("olga", { transactionId: "l2", at, holdId: "h2" })).status).toBe("duplicate");
    expect(await store.balance("olga", { at })).toBe("11");
    const rows = await store.history("olga");
    expect(rows.map((r) => `${r.kind}:${r.transactionId}`)).toEqual([
      "checkout:s1",
      "checkout:s2",
      "refund:r1",
      "redeem:d1",
      "hold:h1",
      "capture:c1",
      "hold:h2",
      "release:l2",
    ]);
    const page = await store.history("olga", { afterSeq: rows[5]?.seq ?? "0", limit: 1 });
    expect(page.map((r) => r.transactionId)).toEqual(["h2"]);
  });

  it("rolls a refused redemption back completely and answers with the library's typed error", async () => {
    const before = await store.account("olga");
    expect(await code(store.redeem("olga", { transactionId: "d-too-much", at, points: "1000" }))).toBe(
      "INSUFFICIENT_POINTS",
    );
    const after = await store.account("olga");
    expect(after?.version).toBe(before?.version);
    expect((await store.history("olga")).some((r) => r.transactionId === "d-too-much")).toBe(false);
    // The same id is free for a valid request afterwards: the refusal stored nothing.
    expect((await store.redeem("olga", { transactionId: "d-too-much", at, points: "1" })).status).toBe("applied");
  });

  it("refuses a ledger operation whose transactionId a checkout already used for its own ledger entry", async () => {
    const sale = await store.checkout("vera", basket("b9", "10.00"), { transactionId: "s9", consent: true });
    expect(sale.entries.map((e) => e.transactionId)).toEqual(["s9:earn"]);
    expect(await code(store.redeem("vera", { transactionId: "s9:earn", at, points: "1" }))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    expect(await store.balance("vera", { at })).toBe("20");
  });

  it("refunds an old sale whose redeem entry the points ledger dropped, reading the points history from its rows", async () => {
    const prefix = freshPrefix("oldrefund");
    const s = createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: prefix });
    await s.migrate();
    const day = (m: number, d: number) => `2026-0${m}-0${d}T10:00:00.000Z`;
    const one = (id: string, when: string, amount: string) => ({
      id,
      at: when,
      lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount, currency: "EUR" } }],
    });
    // What an integrator would store: every ledger entry the operations returned, numbered.
    const history: LedgerHistoryRecord[] = [];
    const keep = (entries: readonly LedgerHistoryRecord["entry"][]) => {
      for (const entry of entries) history.push({ accountId: "nora", sequence: history.length + 1, entry });
    };
    // s1 earns 100; d1 redeems 5 of them; s2 pays 0.90 with 90 of them; s3, 4 months later, earns 10:
    // the points ledger's 90-day snapshot no longer holds s2's redeem entry.
    keep((await s.checkout("nora", one("b1", day(3, 1), "100.00"), { transactionId: "s1", consent: true })).entries);
    keep([(await s.redeem("nora", { transactionId: "d1", at: day(3, 1), points: "5" })).entry]);
    const s2 = await s.checkout("nora", one("b2", day(3, 2), "2.00"), {
      transactionId: "s2",
      consent: true,
      redeemPoints: 90,
    });
    keep(s2.entries);
    keep((await s.checkout("nora", one("b3", day(7, 1), "10.00"), { transactionId: "s3", consent: true })).entries);
    const before = (await s.account("nora")) as ProgramAccount;
    expect(before.points.entries.some((e) => e.transactionId === "s2:redeem")).toBe(false);
    const { status: _s, account: _a, ...record } = s2;
    const options = { at: day(7, 2), transactionId: "r2", record: JSON.parse(JSON.stringify(record)) };
    // The pure refund needs the history; the store reads it from its rows.
    expect(() => refund(program, before, "s2", options)).toThrow(expect.objectContaining({ code: "HISTORY_REQUIRED" }));
    const pure = refund(program, before, "s2", { ...options, history });
    const back = await s.refund("nora", "s2", options);
    expect(back.status).toBe("applied");
    expect(back.pointsRestored).toBe("90");
    expect(JSON.parse(JSON.stringify(back.account.points))).toEqual(JSON.parse(JSON.stringify(pure.account.points)));
    // A store with nothing in memory answers the retry from the history table.
    const fresh = createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: prefix });
    expect((await fresh.refund("nora", "s2", options)).status).toBe("duplicate");
    expect((await fresh.history("nora")).map((r) => r.transactionId)).toEqual(["s1", "d1", "s2", "s3", "r2"]);
  });

  it("gives NOT_FOUND for an account that was never written and a validation error for a bad key", async () => {
    expect(await code(store.balance("nobody", { at }))).toBe("NOT_FOUND");
    expect(await code(store.redeem("nobody", { transactionId: "x1", at, points: "1" }))).toBe("NOT_FOUND");
    expect(await store.account("nobody")).toBeNull();
    expect(await code(store.balance("", { at }))).toBe("VALIDATION");
    expect(() => createPostgresStore(pool as NonNullable<typeof pool>, { program, tablePrefix: "Bad-Prefix" })).toThrow(
      /lower-case letters/,
    );
  });
});

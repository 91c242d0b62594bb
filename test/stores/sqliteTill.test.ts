// The SQLite offline till without a server: its own transactions (exactly once per transactionId,
// nothing half-applied) and the sync protocol against an in-memory central store over a network
// that drops, duplicates and reorders. test/stores/sqliteSync.test.ts runs the same story against PostgreSQL.
import { describe, expect, it } from "vitest";
import { LoyaltyError } from "../../src/errors/errors.js";
import { openProgramAccount } from "../../src/programs/openProgramAccount.js";
import { parseProgram } from "../../src/programs/parseProgram.js";
import { createSqliteTill, createSyncHandler } from "../../src/sqlite/index.js";
import { basket, memoryCentral, newTill, program, runScenario } from "./sqliteSim.js";

const at = "2026-03-07T10:00:00.000Z";
const code = (f: () => unknown): string => {
  try {
    f();
    return "returned";
  } catch (e) {
    return e instanceof LoyaltyError ? e.code : `untyped: ${String(e)}`;
  }
};

describe("createSqliteTill", () => {
  it("sells offline on its own copy, queues the sale once and answers a retry as duplicate", () => {
    const { till } = newTill();
    // 1 point per 1.00 paid (the test program): 12.00 → 12 points.
    const first = till.checkout("ann", basket("b1", at, "12.00"), { transactionId: "s1", consent: true });
    expect(first.status).toBe("applied");
    expect(first.pointsEarned).toBe("12");
    const again = till.checkout("ann", basket("b1", at, "12.00"), { transactionId: "s1", consent: true });
    expect(again.status).toBe("duplicate");
    expect(again.pointsEarned).toBe("12");
    expect(till.balance("ann", { at })).toBe("12");
    expect(till.pending().map((p) => p.transactionId)).toEqual(["s1"]);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("refuses a reused transactionId with a different basket, and a redemption beyond the till's copy, writing nothing", () => {
    const { till } = newTill();
    till.checkout("ann", basket("b1", at, "12.00"), { transactionId: "s1", consent: true });
    expect(code(() => till.checkout("ann", basket("b1", at, "13.00"), { transactionId: "s1", consent: true }))).toBe(
      "IDEMPOTENCY_CONFLICT",
    );
    expect(code(() => till.redeem("ann", { transactionId: "r1", at, points: "13" }))).toBe("INSUFFICIENT_POINTS");
    expect(code(() => till.redeem("bob", { transactionId: "r2", at, points: "1" }))).toBe("NOT_FOUND");
    expect(till.pending().length).toBe(1);
    expect(till.balance("ann", { at })).toBe("12");
  });

  it("refuses nextOrder (a code issued offline could collide with another till's) and queues nothing", () => {
    const { till } = newTill();
    const nextOrder = { nextOrder: { program } } as never;
    expect(
      code(() =>
        till.checkout("ann", basket("b1", at, "12.00"), {
          transactionId: "s1",
          consent: true,
          ...(nextOrder as object),
        }),
      ),
    ).toBe("VALIDATION");
    till.checkout("ann", basket("b1", at, "12.00"), { transactionId: "s1", consent: true });
    expect(code(() => till.refund("ann", "s1", { at, transactionId: "r1", ...(nextOrder as object) }))).toBe(
      "VALIDATION",
    );
    expect(till.pending().map((p) => p.transactionId)).toEqual(["s1"]);
  });

  it("does not mutate the caller's basket or options", () => {
    const { till } = newTill();
    const b = basket("b1", at, "5.00");
    const options = { transactionId: "s1", consent: true };
    const before = JSON.stringify([b, options]);
    till.checkout("ann", b, options);
    expect(JSON.stringify([b, options])).toBe(before);
  });

  it("rejects bad options and foreign replies with typed errors that say what to pass", () => {
    const { db, till } = newTill();
    expect(code(() => createSqliteTill(db, { program, tillId: "" }))).toBe("VALIDATION");
    expect(code(() => createSqliteTill(db, { program, tillId: "t", tablePrefix: "Bad-Prefix" }))).toBe("VALIDATION");
    expect(code(() => till.receive({ tillId: "other", outcomes: [], accounts: [] }))).toBe("VALIDATION");
    expect(
      code(() =>
        till.receive({ tillId: "till-1", outcomes: [], accounts: [{ accountKey: "x", account: { nope: 1 } }] }),
      ),
    ).toBe("VALIDATION");
  });

  it("refuses a reply carrying another program's account, changing nothing", () => {
    const { till } = newTill();
    till.checkout("ann", basket("b1", at, "3.00"), { transactionId: "s1", consent: true });
    const other = openProgramAccount(parseProgram({ ...program, id: "other" }), { customerId: "ann", consent: true });
    const reply = {
      tillId: "till-1",
      outcomes: [{ transactionId: "s1", outcome: "applied" as const }],
      accounts: [{ accountKey: "ann", account: other }],
    };
    expect(code(() => till.receive(reply))).toBe("VALIDATION");
    expect(till.pending().length).toBe(1);
  });

  it("holds, captures and releases offline on its own copy, queued in order; a store without holds refuses them, typed", async () => {
    const { till } = newTill();
    // 30.00 paid → 30 points (1 per 1.00); hold 10 and capture 4 of them (6 come back); hold 5 and release it.
    till.checkout("ann", basket("b1", at, "30.00"), { transactionId: "s1", consent: true });
    expect(till.hold("ann", { transactionId: "h1", at, points: "10" }).entry.kind).toBe("hold");
    expect(till.balance("ann", { at })).toBe("20");
    till.capture("ann", { transactionId: "c1", at, holdId: "h1", points: "4" });
    expect(till.balance("ann", { at })).toBe("26");
    till.hold("ann", { transactionId: "h2", at, points: "5" });
    expect(till.release("ann", { transactionId: "l2", at, holdId: "h2" }).status).toBe("applied");
    expect(till.release("ann", { transactionId: "l2", at, holdId: "h2" }).status).toBe("duplicate");
    expect(till.balance("ann", { at })).toBe("26");
    expect(code(() => till.hold("ann", { transactionId: "h3", at, points: "27" }))).toBe("INSUFFICIENT_POINTS");
    expect(code(() => till.capture("ann", { transactionId: "c9", at, holdId: "nope" }))).not.toBe("returned");
    expect(code(() => till.hold("ann", null as never))).toBe("VALIDATION");
    expect(code(() => till.redeem("ann", "5" as never))).toBe("VALIDATION");
    expect(till.pending().map((p) => `${p.kind}:${p.transactionId}`)).toEqual([
      "checkout:s1",
      "hold:h1",
      "capture:c1",
      "hold:h2",
      "release:l2",
    ]);
    // The in-memory central store has no hold(): the holds come back as typed conflicts, the sale syncs.
    const central = memoryCentral();
    till.receive(await createSyncHandler(central).handle(till.batch()));
    expect(central.applied).toEqual(["s1"]);
    expect(till.conflicts().map((c) => `${c.transactionId}:${c.code}`)).toEqual([
      "h1:VALIDATION",
      "c1:VALIDATION",
      "h2:VALIDATION",
      "l2:VALIDATION",
    ]);
    expect(till.pending()).toEqual([]);
    expect(till.balance("ann", { at })).toBe("30");
  });

  it("keeps a queue across a restart: a new till over the same database sees the pending sale", () => {
    const { db, till } = newTill();
    till.checkout("ann", basket("b1", at, "7.00"), { transactionId: "s1", consent: true });
    const again = createSqliteTill(db, { program, tillId: "till-1" });
    expect(again.pending().map((p) => p.transactionId)).toEqual(["s1"]);
    expect(again.checkout("ann", basket("b1", at, "7.00"), { transactionId: "s1", consent: true }).status).toBe(
      "duplicate",
    );
  });
});

describe("createSqliteTill and an old sale's dropped redeem entry", () => {
  it("refuses to refund it offline with HISTORY_REQUIRED (the till keeps no ledger history) and queues nothing", () => {
    const { till } = newTill();
    // s1 earns 100; s2 pays 1.00 of 2.00 with them; s3, four months later, leaves s2's redeem entry
    // outside the points ledger's 90-day snapshot: the central store refunds it from its history rows.
    till.checkout("ann", basket("b1", "2026-03-01T10:00:00Z", "100.00"), { transactionId: "s1", consent: true });
    const s2 = till.checkout("ann", basket("b2", "2026-03-02T10:00:00Z", "2.00"), {
      transactionId: "s2",
      consent: true,
      redeemPoints: 100,
    });
    till.checkout("ann", basket("b3", "2026-07-01T10:00:00Z", "10.00"), { transactionId: "s3", consent: true });
    const { status: _s, account: _a, ...record } = s2;
    const refund = () =>
      till.refund("ann", "s2", {
        at: "2026-07-02T10:00:00Z",
        transactionId: "r2",
        record: JSON.parse(JSON.stringify(record)),
      });
    expect(code(refund)).toBe("HISTORY_REQUIRED");
    expect(till.pending().map((p) => p.transactionId)).toEqual(["s1", "s2", "s3"]);
    expect(till.balance("ann", { at: "2026-07-02T10:00:00Z" })).toBe("11");
  });
});

describe("syncing an offline till (in-memory central store, lossy network)", () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: every sale exactly once centrally, the refused redemption comes back as INSUFFICIENT_POINTS, balances agree`, async () => {
      const central = memoryCentral();
      const r = await runScenario(central, { seed, sales: 20, drop: 0.3, dup: 0.3, rounds: 40 });
      // The network really misbehaved in this run.
      expect(r.network.dropped).toBeGreaterThan(0);
      expect(r.network.duplicated).toBeGreaterThan(0);
      const counts = new Map<string, number>();
      for (const id of central.applied) counts.set(id, (counts.get(id) ?? 0) + 1);
      for (const id of r.sales) expect(counts.get(id), id).toBe(1);
      expect(counts.get("r-c2")).toBe(1);
      expect(counts.has("r-c1")).toBe(false);
      expect(r.till.pending()).toEqual([]);
      // c1 at the central store: 100 − 60 (the other till) = 40 before the offline sales; the till's
      // 80-point redemption exceeds it and is refused.
      expect(r.till.conflicts().map((c) => [c.transactionId, c.code])).toEqual([["r-c1", "INSUFFICIENT_POINTS"]]);
      for (const [customer, b] of Object.entries(r.balances)) expect(b.till, customer).toBe(b.central);
    }, 30_000); // ~3 s alone; a loaded machine (a CI runner beside other jobs) can take several times that
  }

  it("answers a stale copy of a batch after the refusal with the same refusal (never applies it late)", async () => {
    const central = memoryCentral();
    await central.checkout("ann", basket("b0", at, "10.00"), { transactionId: "s0", consent: true });
    const handler = createSyncHandler(central);
    const { till } = newTill();
    till.receive(await handler.handle(till.batch({ refresh: ["ann"] })));
    till.redeem("ann", { transactionId: "r1", at: "2026-03-07T10:01:00.000Z", points: "10" });
    const stale = till.batch();
    await central.redeem("ann", { transactionId: "other", at: "2026-03-07T10:00:30.000Z", points: "5" });
    const refused = await handler.handle(stale);
    expect(refused.outcomes[0]?.outcome).toBe("refused");
    // The other till's sale is refunded meanwhile: now 10 points would be there again (here: a new earn).
    await central.checkout("ann", basket("b1", "2026-03-07T10:00:40.000Z", "10.00"), {
      transactionId: "s1",
      consent: true,
    });
    const late = await handler.handle(stale);
    expect(late.outcomes[0]).toMatchObject({ outcome: "refused", error: { code: "INSUFFICIENT_POINTS" } });
    expect(central.applied).not.toContain("r1");
    till.receive(late);
    till.receive(refused);
    expect(till.conflicts().map((c) => c.transactionId)).toEqual(["r1"]);
    // 10 + 10 − 5 = 15 at the central store; the till's copy agrees once the refusal is in.
    expect(till.balance("ann", { at: "2026-03-07T11:00:00.000Z" })).toBe("15");
  });
});

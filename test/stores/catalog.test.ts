// A catalog program in the PostgreSQL store: the reward stock is one row shared by every account,
// taken in the same transaction as the sale, never below zero under concurrent tills.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoyaltyError } from "../../src/errors/errors.js";
import { createPostgresStore, type PostgresStore } from "../../src/postgres/index.js";
import { parseProgram } from "../../src/programs/parseProgram.js";
import { announceSkip, freshPrefix, hasServer, makePool } from "./_pg.js";

announceSkip("test/stores/catalog.test.ts");
const pool = hasServer ? makePool(8, "loyalty-catalog") : undefined;
afterAll(async () => {
  await pool?.end();
});

// 1 point per 1.00 paid; a 5.00 voucher for 100 points with 5 in stock; a 2.00 voucher without a stock.
const catalog = parseProgram({
  kind: "catalog",
  id: "gifts",
  name: "Gifts",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  rewards: [
    { id: "voucher", name: "5.00 off", pointsCost: "100", stock: 5, gives: { type: "fixed", amount: "5.00" } },
    { id: "small", name: "2.00 off", pointsCost: "10", gives: { type: "fixed", amount: "2.00" } },
  ],
});
const at = "2026-03-07T10:00:00Z";
const basket = (id: string, amount: string) => ({
  id,
  at,
  lines: [{ id: "1", sku: "BAG", quantity: 1, unitPrice: { amount, currency: "EUR" } }],
});
const codeOf = (r: PromiseSettledResult<unknown>): string =>
  r.status === "fulfilled"
    ? "applied"
    : r.reason instanceof LoyaltyError
      ? r.reason.code
      : `untyped ${String(r.reason)}`;

let store: PostgresStore;
const customers = Array.from({ length: 12 }, (_, i) => `k${i}`);

beforeAll(async () => {
  if (pool === undefined) return;
  store = createPostgresStore(pool, { program: catalog, tablePrefix: freshPrefix("catalog") });
  await store.migrate();
  // Every customer earns 150 points (a 150.00 purchase at 1 point per 1.00): enough for one voucher.
  await Promise.all(
    customers.map((c) =>
      store.checkout(c, basket(`earn-${c}`, "150.00"), { transactionId: `earn-${c}`, consent: true }),
    ),
  );
});

describe.skipIf(!hasServer)("catalog programs in the PostgreSQL store", () => {
  it("starts from the program's stock and hands the 5 units to exactly 5 of 12 concurrent redemptions", async () => {
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 5 }]);
    const results = await Promise.allSettled(
      customers.map((c) =>
        store.checkout(c, basket(`v-${c}`, "20.00"), { transactionId: `v-${c}`, consent: true, rewardId: "voucher" }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "applied")).toHaveLength(5);
    expect(codes.filter((c) => c === "OUT_OF_STOCK")).toHaveLength(7);
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 0 }]);
    // The five winners paid 100 points each (150 − 100 + 15 earned on the 15.00 paid); the refused sales wrote nothing.
    for (const [i, r] of results.entries()) {
      const c = customers[i] as string;
      const rows = await store.history(c);
      if (r.status === "fulfilled") {
        expect(r.value.pointsRedeemed).toBe("100");
        expect(await store.balance(c, { at })).toBe("65");
        expect(rows.map((x) => x.transactionId)).toEqual([`earn-${c}`, `v-${c}`]);
      } else {
        expect(await store.balance(c, { at })).toBe("150");
        expect(rows.map((x) => x.transactionId)).toEqual([`earn-${c}`]);
      }
    }
  });

  it("answers a retried redemption as duplicate without taking another unit, and restocks with setStock", async () => {
    await store.setStock("voucher", 2);
    await store.checkout("m0", basket("earn-m0", "300.00"), { transactionId: "earn-m0", consent: true });
    const first = await store.checkout("m0", basket("again-1", "20.00"), {
      transactionId: "again-1",
      consent: true,
      rewardId: "voucher",
    });
    expect(first.status).toBe("applied");
    const retry = await store.checkout("m0", basket("again-1", "20.00"), {
      transactionId: "again-1",
      consent: true,
      rewardId: "voucher",
    });
    expect(retry.status).toBe("duplicate");
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 1 }]);
    // A reward without a stock leaves the stock table alone.
    const small = await store.checkout("k1", basket("small-1", "20.00"), {
      transactionId: "small-1",
      consent: true,
      rewardId: "small",
    });
    expect(small.pointsRedeemed).toBe("10");
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 1 }]);
  });

  it("refuses setStock for an unknown or unstocked reward and a negative count with typed errors", async () => {
    for (const [reward, n] of [
      ["nope", 1],
      ["small", 1],
      ["voucher", -1],
      ["voucher", 1.5],
    ] as const) {
      const r = await Promise.allSettled([store.setStock(reward, n)]);
      expect(codeOf(r[0] as PromiseSettledResult<unknown>)).toBe("VALIDATION");
    }
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 1 }]);
  });

  it("never goes below zero when 8 tills race for units on the same and on different accounts", async () => {
    await store.setStock("voucher", 3);
    // k5…k11 have 150 points if their first redemption was refused; each tries twice, two at a time.
    const tries = customers.flatMap((c) => [0, 1].map((n) => ({ c, id: `race-${c}-${n}` })));
    const results = await Promise.allSettled(
      tries.map(({ c, id }) =>
        store.checkout(c, basket(id, "20.00"), { transactionId: id, consent: true, rewardId: "voucher" }),
      ),
    );
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === "applied")).toHaveLength(3);
    expect(codes.every((c) => c === "applied" || c === "OUT_OF_STOCK" || c === "INSUFFICIENT_POINTS")).toBe(true);
    expect((await store.stock()).rewards).toEqual([{ rewardId: "voucher", remaining: 0 }]);
    const p = pool as NonNullable<typeof pool>;
    const client = await p.connect();
    try {
      const rows = await client.query(`SELECT remaining FROM ${store.tables.stock}`);
      expect(rows.rows).toEqual([{ remaining: 0 }]);
    } finally {
      client.release();
    }
  });
});

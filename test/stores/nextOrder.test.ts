// Next-order coupons in the PostgreSQL store: a checkout with `nextOrder: { program }` issues the code
// in the promotion's coupon-state row in the sale's transaction, the promotion's own store (same
// table prefix) accepts it at the next visit, and a refund that takes the sale below the minimum spend
// voids it while it is unused — all under concurrent tills, exactly once per transactionId.
import { afterAll, describe, expect, it } from "vitest";
import type { CouponState } from "../../src/index.js";
import { parseProgram } from "../../src/programs/parseProgram.js";
import { createPostgresStore } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool, program } from "./_pg.js";

announceSkip("test/stores/nextOrder.test.ts");
const pool = hasServer ? makePool(8, "loyalty-next-order-till") : undefined;
afterAll(async () => {
  await pool?.end();
});

// RedMart's help page: a $25 coupon for the next order, to be used within 30 days. Retainful: a
// unique, single-use code generated after a successful order. Oracle Commerce's "Spend Y"
// promotions: spend $50 to qualify.
const back = parseProgram({
  kind: "promotion",
  id: "back",
  name: "25.00 off your next order",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "25.00" },
  coupon: { pattern: "BACK-#####-#####", usesPerCode: 1, issue: { minSpend: "50.00", validDays: 30 } },
});
const at = "2026-03-07T10:00:00Z";
/** Line "1": one at `price`; line "2": `more` at `price` (a sale of (1 + more) × price). */
const basket = (id: string, price: string, when = at, more = 1) => ({
  id,
  at: when,
  lines: [
    { id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: price, currency: "EUR" } },
    { id: "2", sku: "TEE", quantity: more, unitPrice: { amount: price, currency: "EUR" } },
  ],
});

async function couponRow(prefix: string, id: string): Promise<{ version: number; state: CouponState } | undefined> {
  const p = pool as NonNullable<typeof pool>;
  const r = await p.query(`SELECT version::int AS version, state FROM ${prefix}coupon_states WHERE program_id = $1`, [
    id,
  ]);
  return r.rows[0] === undefined ? undefined : { version: r.rows[0].version as number, state: r.rows[0].state };
}

async function stores() {
  const p = pool as NonNullable<typeof pool>;
  const prefix = freshPrefix("nextorder");
  const shop = createPostgresStore(p, { program, tablePrefix: prefix });
  const promo = createPostgresStore(p, { program: back, tablePrefix: prefix });
  await shop.migrate();
  return { prefix, shop, promo };
}

describe.skipIf(!hasServer)("next-order coupons in the PostgreSQL store", () => {
  it("8 customers × 4 concurrent sales, half of 60.00 and half of 40.00, every fourth sent twice: one distinct code per sale of 50.00 or more, stored in the promotion's row with the sale", async () => {
    const { prefix, shop } = await stores();
    const sales = Array.from({ length: 32 }, (_, i) => ({
      customer: `c${i % 8}`,
      tx: `s${i}`,
      price: i % 2 ? "20.00" : "30.00",
    }));
    const sends = [...sales, ...sales.filter((_, i) => i % 4 === 0)];
    const results = await Promise.all(
      sends.map((s) =>
        shop.checkout(s.customer, basket(s.tx, s.price), {
          transactionId: s.tx,
          consent: true,
          nextOrder: { program: back },
        }),
      ),
    );
    const byTx = new Map<string, (typeof results)[number]>();
    for (const r of results) {
      const seen = byTx.get(r.transactionId);
      // a double send answers the code issued first (`duplicate`), never a second code
      if (seen !== undefined) expect(r.nextOrder?.coupon?.code).toBe(seen.nextOrder?.coupon?.code);
      if (seen === undefined || r.status === "applied") byTx.set(r.transactionId, r);
    }
    expect(byTx.size).toBe(32);
    const issued = [...byTx.values()].filter((r) => r.nextOrder?.status === "issued");
    expect(issued).toHaveLength(16);
    for (const r of byTx.values())
      if (r.total.amount === "40.00") expect(r.nextOrder?.status).toBe("not-earned");
      else expect(r.nextOrder?.coupon?.code).toMatch(/^BACK-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const row = await couponRow(prefix, "back");
    expect(row?.state.issued).toHaveLength(16);
    expect(new Set(row?.state.issued.map((c) => c.code)).size).toBe(16);
    expect(row?.version).toBe(16);
    expect(row?.state.version).toBe(16);
    for (const c of row?.state.issued ?? []) {
      const sale = byTx.get(c.transactionId);
      expect(sale?.nextOrder?.coupon?.code).toBe(c.code);
      expect(`c${Number(c.transactionId.slice(1)) % 8}`).toBe(c.customerId);
      expect(c.validUntil).toBe("2026-04-05"); // 30 days counting 7 March
    }
    // the history row keeps the code (a retry answers from it), not the coupon state
    const h = await shop.history("c0");
    const first = h.find((x) => x.transactionId === "s0")?.record as {
      nextOrder?: { coupon?: { code?: string }; state?: unknown };
    };
    expect(first.nextOrder?.coupon?.code).toBe(byTx.get("s0")?.nextOrder?.coupon?.code);
    expect(first.nextOrder?.state).toBeUndefined();
    const later = await shop.checkout("c0", basket("s0", "30.00"), {
      transactionId: "s0",
      consent: true,
      nextOrder: { program: back },
    });
    expect(later.status).toBe("duplicate");
    expect(later.nextOrder?.coupon?.code).toBe(byTx.get("s0")?.nextOrder?.coupon?.code);
    // the same sale id without nextOrder is another request
    await expect(
      shop.checkout("c0", basket("s0", "30.00"), { transactionId: "s0", consent: true }),
    ).rejects.toMatchObject({
      code: "IDEMPOTENCY_CONFLICT",
    });
  }, 120_000);

  it("the promotion's store takes the code once, from its customer only", async () => {
    const { shop, promo } = await stores();
    const sale = await shop.checkout("olga", basket("s1", "30.00"), {
      transactionId: "s1",
      consent: true,
      nextOrder: { program: back },
    });
    const code = sale.nextOrder?.coupon?.code as string;
    const other = await promo.checkout("ivan", basket("v0", "40.00", "2026-03-08T10:00:00Z"), {
      transactionId: "v0",
      coupon: { code },
    });
    expect(other.coupon).toMatchObject({ status: "refused", reason: "unknown" });
    const use = await promo.checkout("olga", basket("v1", "40.00", "2026-03-08T10:00:00Z"), {
      transactionId: "v1",
      coupon: { code },
    });
    expect(use.coupon?.status).toBe("applied");
    expect(use.discountTotal.amount).toBe("25.00");
    const again = await promo.checkout("olga", basket("v2", "40.00", "2026-03-09T10:00:00Z"), {
      transactionId: "v2",
      coupon: { code },
    });
    expect(again.coupon).toMatchObject({ status: "refused", reason: "used-up" });
    expect(again.discountTotal.amount).toBe("0.00");
    // a refund of the issuing sale now finds the code used: it stays used
    const r = await shop.refund("olga", "s1", {
      at: "2026-03-10T10:00:00Z",
      transactionId: "r1",
      nextOrder: { program: back },
    });
    expect(r.nextOrder?.status).toBe("used");
  }, 60_000);

  it("a refund below the minimum spend voids the unused code in the refund's transaction; a retry answers the same; a partial refund that keeps 50.00 keeps it", async () => {
    const { prefix, shop, promo } = await stores();
    const big = await shop.checkout("olga", basket("s1", "20.00", at, 3), {
      transactionId: "s1",
      consent: true,
      nextOrder: { program: back },
    });
    const small = await shop.checkout("olga", basket("s2", "30.00", "2026-03-07T11:00:00Z"), {
      transactionId: "s2",
      consent: true,
      nextOrder: { program: back },
    });
    // 80.00 − 20.00 = 60.00 kept: still earns it
    const keep = await shop.refund("olga", "s1", {
      at: "2026-03-08T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
      nextOrder: { program: back },
    });
    expect(keep.nextOrder?.status).toBe("kept");
    // 60.00 − 30.00 = 30.00 kept: below 50.00, voided
    const drop = await shop.refund("olga", "s2", {
      at: "2026-03-08T11:00:00Z",
      transactionId: "r2",
      lines: [{ id: "1", quantity: 1 }],
      nextOrder: { program: back },
    });
    expect(drop.nextOrder?.status).toBe("voided");
    expect(drop.nextOrder?.coupon?.voidedBy).toBe("r2");
    const retry = await shop.refund("olga", "s2", {
      at: "2026-03-08T11:00:00Z",
      transactionId: "r2",
      lines: [{ id: "1", quantity: 1 }],
      nextOrder: { program: back },
    });
    expect(retry.status).toBe("duplicate");
    expect(retry.nextOrder?.status).toBe("voided");
    const row = await couponRow(prefix, "back");
    expect(row?.state.issued.map((c) => [c.transactionId, c.voidedBy ?? null])).toEqual([
      ["s1", null],
      ["s2", "r2"],
    ]);
    const voided = await promo.checkout("olga", basket("v1", "40.00", "2026-03-09T10:00:00Z"), {
      transactionId: "v1",
      coupon: { code: small.nextOrder?.coupon?.code as string },
    });
    expect(voided.coupon).toMatchObject({ status: "refused", reason: "voided" });
    const kept = await promo.checkout("olga", basket("v2", "40.00", "2026-03-09T11:00:00Z"), {
      transactionId: "v2",
      coupon: { code: big.nextOrder?.coupon?.code as string },
    });
    expect(kept.coupon?.status).toBe("applied");
  }, 60_000);

  it("a refund and a redemption of the same code racing: exactly one wins (the code is used, or voided and refused)", async () => {
    const { shop, promo } = await stores();
    for (let i = 0; i < 6; i++) {
      const sale = await shop.checkout(`k${i}`, basket(`s${i}`, "30.00"), {
        transactionId: `s${i}`,
        consent: true,
        nextOrder: { program: back },
      });
      const code = sale.nextOrder?.coupon?.code as string;
      const [r, use] = await Promise.all([
        shop.refund(`k${i}`, `s${i}`, {
          at: "2026-03-08T10:00:00Z",
          transactionId: `r${i}`,
          nextOrder: { program: back },
        }),
        promo.checkout(`k${i}`, basket(`v${i}`, "40.00", "2026-03-08T10:00:00Z"), {
          transactionId: `v${i}`,
          coupon: { code },
        }),
      ]);
      if (use.coupon?.status === "applied") expect(r.nextOrder?.status).toBe("used");
      else {
        expect(use.coupon?.reason).toBe("voided");
        expect(r.nextOrder?.status).toBe("voided");
      }
    }
  }, 60_000);

  it("one promotion that takes a code and issues the next: the sale's use and its new code in one row; a full refund gives the use back and voids the code in one write", async () => {
    const p = pool as NonNullable<typeof pool>;
    const prefix = freshPrefix("loop");
    const loop = parseProgram({ ...back, id: "loop" });
    const store = createPostgresStore(p, { program: loop, tablePrefix: prefix });
    await store.migrate();
    const first = await store.checkout("olga", basket("s0", "40.00"), {
      transactionId: "s0",
      nextOrder: { program: loop },
    });
    const code = first.nextOrder?.coupon?.code as string; // version 1
    const sale = await store.checkout("olga", basket("s1", "40.00", "2026-03-08T10:00:00Z"), {
      transactionId: "s1",
      coupon: { code },
      nextOrder: { program: loop },
    });
    expect(sale.coupon?.status).toBe("applied");
    expect(sale.total.amount).toBe("55.00"); // 80.00 − 25.00, at least 50.00: earns the next code
    expect(sale.nextOrder?.status).toBe("issued");
    expect((await couponRow(prefix, "loop"))?.version).toBe(3); // the use (2) and the new code (3)
    const back1 = await store.refund("olga", "s1", {
      at: "2026-03-09T10:00:00Z",
      transactionId: "r1",
      nextOrder: { program: loop },
    });
    expect(back1.coupon?.status).toBe("returned");
    expect(back1.nextOrder?.status).toBe("voided");
    const row = await couponRow(prefix, "loop");
    expect(row?.version).toBe(5); // the use back (4) and the void (5), both kept
    expect(row?.state.version).toBe(5);
    expect(row?.state.redemptions.map((r) => [r.code, r.returned])).toEqual([[code.replaceAll("-", ""), true]]);
    expect(row?.state.issued.map((c) => c.voidedBy ?? null)).toEqual([null, "r1"]);
    // the use went back: the customer may use the first code again
    const again = await store.checkout("olga", basket("s2", "40.00", "2026-03-10T10:00:00Z"), {
      transactionId: "s2",
      coupon: { code },
    });
    expect(again.coupon?.status).toBe("applied");
  }, 60_000);

  it("a sale the library refuses writes nothing: no account, no history row, no code", async () => {
    const { prefix, shop } = await stores();
    const usd = parseProgram({ ...back, id: "back-usd", currency: "USD" });
    await expect(
      shop.checkout("olga", basket("s1", "30.00"), { transactionId: "s1", consent: true, nextOrder: { program: usd } }),
    ).rejects.toMatchObject({ code: "CURRENCY_MISMATCH" });
    expect(await shop.account("olga")).toBeNull();
    expect(await shop.history("olga")).toEqual([]);
    const row = await couponRow(prefix, "back-usd");
    expect(row === undefined || row.state.issued.length === 0).toBe(true);
    await expect(
      shop.checkout("olga", basket("s1", "30.00"), {
        transactionId: "s1",
        consent: true,
        nextOrder: { program: program },
      }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
  }, 60_000);
});

// The PostgreSQL store enforces coupon limits under concurrency: every checkout that redeems a code
// locks the promotion's coupon-state row in the transaction that writes the sale, so tills on
// separate connections never take more uses than the limits allow.
import { afterAll, describe, expect, it } from "vitest";
import { parseProgram } from "../../src/programs/parseProgram.js";
import { createPostgresStore } from "../../src/postgres/index.js";
import { announceSkip, freshPrefix, hasServer, makePool } from "./_pg.js";

announceSkip("test/stores/coupons.test.ts");
const pool = hasServer ? makePool(8, "loyalty-coupon-till") : undefined;
afterAll(async () => {
  await pool?.end();
});

// Salesforce Loyalty Management's "Coupon Usage Result" sample: redemptionLimit 10,
// redemptionLimitPerCustomer 3.
const spring = parseProgram({
  kind: "promotion",
  id: "spring",
  name: "10.00 off",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "10.00" },
  coupon: { codes: ["SPRING10"], total: 10, perCustomer: 3 },
});
const at = "2026-03-07T10:00:00Z";
const basket = (id: string) => ({
  id,
  at,
  lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: "30.00", currency: "EUR" } }],
});

async function couponRow(prefix: string): Promise<{ version: number; uses: number; holders: Map<string, number> }> {
  const p = pool as NonNullable<typeof pool>;
  const r = await p.query(
    `SELECT version::int AS version, state FROM ${prefix}coupon_states WHERE program_id = 'spring'`,
  );
  const state = r.rows[0].state as { redemptions: { holder: string; returned: boolean }[] };
  const live = state.redemptions.filter((x) => !x.returned);
  const holders = new Map<string, number>();
  for (const x of live) holders.set(x.holder, (holders.get(x.holder) ?? 0) + 1);
  return { version: r.rows[0].version as number, uses: live.length, holders };
}

describe.skipIf(!hasServer)("coupon limits in the PostgreSQL store", () => {
  it("8 customers × 4 concurrent sales with a code limited to 10 uses, 3 per customer: exactly 10 discounted, none over 3, every sale stored; double sends count once", async () => {
    const prefix = freshPrefix("coupons");
    const store = createPostgresStore(pool as NonNullable<typeof pool>, { program: spring, tablePrefix: prefix });
    await store.migrate();
    const sales = Array.from({ length: 32 }, (_, i) => ({ customer: `c${i % 8}`, tx: `s${i}` }));
    // every fourth sale is sent twice at once (a till retrying while the first is in flight)
    const sends = [...sales, ...sales.filter((_, i) => i % 4 === 0)];
    const results = await Promise.all(
      sends.map((s) => store.checkout(s.customer, basket(s.tx), { transactionId: s.tx, coupon: { code: "SPRING10" } })),
    );
    const byTx = new Map<string, (typeof results)[number]>();
    for (const r of results) {
      const seen = byTx.get(r.transactionId);
      if (seen !== undefined) expect(r.discountTotal).toEqual(seen.discountTotal);
      byTx.set(r.transactionId, r);
    }
    expect(byTx.size).toBe(32);
    const discounted = [...byTx.values()].filter((r) => r.discountTotal.amount === "10.00");
    expect(discounted).toHaveLength(10);
    for (const r of byTx.values()) {
      if (r.discountTotal.amount === "10.00") expect(r.coupon?.status).toBe("applied");
      else expect(["used-up", "customer-limit"]).toContain(r.coupon?.reason);
    }
    const row = await couponRow(prefix);
    expect(row.uses).toBe(10);
    expect(Math.max(...row.holders.values())).toBeLessThanOrEqual(3);
    expect(row.version).toBe(10);
    // A full refund of a discounted sale gives its use back in the same transaction; the next sale gets it.
    const d = discounted[0] as NonNullable<(typeof discounted)[number]>;
    const holder = d.coupon?.redemption?.holder.replace(/^customer:/, "") as string;
    const back = await store.refund(holder, d.transactionId, { at: "2026-03-08T10:00:00Z", transactionId: "r1" });
    expect(back.coupon?.status).toBe("returned");
    expect((await couponRow(prefix)).uses).toBe(9);
    const next = await store.checkout(
      "c-new",
      { ...basket("s-new"), at: "2026-03-09T10:00:00Z" },
      {
        transactionId: "s-new",
        coupon: { code: "SPRING10" },
      },
    );
    expect(next.discountTotal.amount).toBe("10.00");
    expect((await couponRow(prefix)).uses).toBe(10);
    // another code on a retry is a conflict, not the first answer
    await expect(
      store.checkout(
        "c-new",
        { ...basket("s-new"), at: "2026-03-09T10:00:00Z" },
        {
          transactionId: "s-new",
          coupon: { code: "OTHER" },
        },
      ),
    ).rejects.toMatchObject({ code: "IDEMPOTENCY_CONFLICT" });
  }, 120_000);

  it("one customer's 6 concurrent sales: exactly 3 discounted (the per-customer limit)", async () => {
    const prefix = freshPrefix("coupons1");
    const store = createPostgresStore(pool as NonNullable<typeof pool>, { program: spring, tablePrefix: prefix });
    await store.migrate();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        store.checkout("olga", basket(`o${i}`), { transactionId: `o${i}`, coupon: { code: "spring10" } }),
      ),
    );
    expect(results.filter((r) => r.discountTotal.amount === "10.00")).toHaveLength(3);
    expect(results.filter((r) => r.coupon?.reason === "customer-limit")).toHaveLength(3);
    expect((await couponRow(prefix)).uses).toBe(3);
  }, 60_000);
});

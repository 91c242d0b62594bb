import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  checkout,
  Decimal,
  LoyaltyError,
  openCouponState,
  openProgramAccount,
  refund,
  type CheckoutResult,
  parseProgram,
  redeemCoupon,
  returnCoupon,
  type CouponState,
} from "../../src/index.js";

// Several tills read the coupon state, price a sale and write back with expectedVersion (the
// compare-and-set a store does). Whatever the interleaving of reads, redemptions and refunds, the
// uses that count never exceed the code's, the customer's or the total limit, nor the money the budget.
const program = parseProgram({
  kind: "promotion",
  id: "p",
  name: "P",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "10.00" },
  coupon: { codes: ["A", "B"], usesPerCode: 3, perCustomer: 2, total: 5, budget: "40.00" },
});

const op = fc.oneof(
  fc.record({
    type: fc.constant("redeem" as const),
    till: fc.integer({ min: 0, max: 2 }),
    code: fc.constantFrom("A", "B"),
    customer: fc.constantFrom("c1", "c2", "c3", "c4"),
    discount: fc.constantFrom("10.00", "7.50", "0.01"),
  }),
  fc.record({ type: fc.constant("read" as const), till: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant("refund" as const), pick: fc.nat() }),
);

// 1,000 runs in the default suite (under 2 s at load 4 on the 2-core machine); DEEP=1 runs 100,000.
const numRuns = process.env["DEEP"] === "1" ? 100_000 : 1_000;

test.prop([fc.array(op, { maxLength: 40 })], { numRuns })(
  "coupon limits hold under any interleaving of tills",
  (ops) => {
    let stored: CouponState = openCouponState(program);
    const seen: CouponState[] = [stored, stored, stored];
    let tx = 0;
    for (const o of ops) {
      try {
        if (o.type === "read") seen[o.till] = stored;
        else if (o.type === "redeem") {
          const base = seen[o.till] as CouponState;
          const r = redeemCoupon(program, base, {
            code: o.code,
            transactionId: `sale-${tx++}`,
            customerId: o.customer,
            discount: o.discount,
            at: "2026-03-01T10:00:00Z",
            expectedVersion: stored.version,
          });
          // the store's compare-and-set: a write from a stale read is refused
          if (base.version !== stored.version) continue;
          stored = r.state;
          seen[o.till] = stored;
        } else {
          const live = stored.redemptions.filter((r) => !r.returned);
          const pick = live[o.pick % Math.max(1, live.length)];
          if (pick === undefined) continue;
          stored = returnCoupon(program, stored, {
            transactionId: pick.transactionId,
            customerId: pick.holder.slice("customer:".length),
          }).state;
        }
      } catch (e) {
        if (!(e instanceof LoyaltyError)) throw e;
      }
      const live = stored.redemptions.filter((r) => !r.returned);
      expect(live.length).toBeLessThanOrEqual(5);
      for (const code of ["A", "B"]) expect(live.filter((r) => r.code === code).length).toBeLessThanOrEqual(3);
      for (const c of ["c1", "c2", "c3", "c4"])
        expect(live.filter((r) => r.holder === `customer:${c}`).length).toBeLessThanOrEqual(2);
      const spent = live.reduce((s, r) => s.plus(r.amount), new Decimal(0));
      expect(spent.lte("40.00")).toBe(true);
    }
  },
);

// The same through checkout and refund, which take and give back the use in their own results: a
// till prices a sale on the coupon state it read; the store keeps the sale and the state only when
// that state is still the stored one (else neither: the sale is priced again). Refunds complete a
// stored sale (full refund) and give its use back.
const sales = fc.oneof(
  fc.record({
    type: fc.constant("sale" as const),
    till: fc.integer({ min: 0, max: 2 }),
    code: fc.constantFrom("A", "B", "a"),
    customer: fc.constantFrom("c1", "c2", "c3", "c4"),
    price: fc.constantFrom("10.00", "7.50", "25.00"),
  }),
  fc.record({ type: fc.constant("read" as const), till: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ type: fc.constant("refund" as const), pick: fc.nat() }),
);

test.prop([fc.array(sales, { maxLength: 25 })], { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 })(
  "coupon limits hold when checkout and refund carry the coupon state",
  (ops) => {
    let stored: CouponState = openCouponState(program);
    const seen: CouponState[] = [stored, stored, stored];
    const kept: CheckoutResult[] = [];
    let tx = 0;
    for (const o of ops) {
      if (o.type === "read") seen[o.till] = stored;
      else if (o.type === "sale") {
        const base = seen[o.till] as CouponState;
        const id = `sale-${tx++}`;
        const r = checkout(
          program,
          openProgramAccount(program),
          {
            id,
            at: "2026-03-01T10:00:00Z",
            customerId: o.customer,
            lines: [{ id: "1", sku: "X", quantity: 1, unitPrice: { amount: o.price, currency: "EUR" } }],
          },
          { transactionId: id, coupon: { code: o.code, state: base } },
        );
        // what the quote took off is what the use records
        if (r.coupon?.status === "applied") expect(r.coupon.redemption?.amount).toBe(r.discountTotal.amount);
        else expect(r.discountTotal.amount).toBe("0.00");
        if (base.version !== stored.version) continue;
        stored = r.coupon?.state as CouponState;
        seen[o.till] = stored;
        kept.push(r);
      } else {
        const sale = kept.splice(o.pick % Math.max(1, kept.length), 1)[0];
        if (sale === undefined) continue;
        const back = refund(program, sale.account, sale, {
          at: "2026-03-02T10:00:00Z",
          transactionId: `refund-${sale.transactionId}`,
          coupon: { state: stored },
        });
        expect(back.coupon?.status).toBe(sale.coupon?.status === "applied" ? "returned" : "none");
        stored = back.coupon?.state as CouponState;
      }
      const live = stored.redemptions.filter((r) => !r.returned);
      expect(live.length).toBeLessThanOrEqual(5);
      for (const code of ["A", "B"]) expect(live.filter((r) => r.code === code).length).toBeLessThanOrEqual(3);
      for (const c of ["c1", "c2", "c3", "c4"])
        expect(live.filter((r) => r.holder === `customer:${c}`).length).toBeLessThanOrEqual(2);
      const spent = live.reduce((s, r) => s.plus(r.amount), new Decimal(0));
      expect(spent.lte("40.00")).toBe(true);
      // and counted on the sales the store kept, not only on the state
      const discounted = kept.filter((k) => k.coupon?.status === "applied");
      expect(discounted.length).toBe(live.length);
      const given = discounted.reduce((s, k) => s.plus(k.discountTotal.amount), new Decimal(0));
      expect(given.eq(spent)).toBe(true);
    }
  },
);

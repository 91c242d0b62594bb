// The coupon parts of checkout and refund results: the use a sale takes of its code, the next-order
// coupon it hands out, and what a refund of the sale gives back or voids.
import { describe, expect, it } from "vitest";
import {
  checkout,
  checkoutAll,
  IdempotencyConflictError,
  LoyaltyValidationError,
  openCouponState,
  openProgramAccount,
  quote,
  refund,
  safeParseProgram,
  type CouponState,
  type Program,
  type ProgramAccount,
} from "../../src/index.js";
import { discount10 } from "../programs/_fixtures.js";
import { basket, common, eur, promotion } from "./_fixtures.js";

const at = "2026-03-01T10:00:00Z";
const tenOff = { type: "amount-off", amount: "10.00" };
// Drupal Commerce's CouponTest: setCustomerUsageLimit(1), one use per customer email.
const welcome = promotion("welcome", tenOff, { coupon: { codes: ["WELCOME10"], perCustomer: 1 } });

function sale(
  p: Program,
  account: ProgramAccount,
  state: CouponState,
  tx: string,
  opts: { code?: string; customerId?: string; price?: string; when?: string } = {},
) {
  return checkout(
    p,
    account,
    basket(opts.when ?? at, [{ price: opts.price ?? "30.00", quantity: 1 }], {
      id: tx,
      ...(opts.customerId === undefined ? {} : { customerId: opts.customerId }),
    }),
    { transactionId: tx, coupon: { code: opts.code ?? "WELCOME10", state } },
  );
}

describe("checkout takes the coupon use in its own result", () => {
  it("the first sale takes the use; the same customer's second sale is refused in the result and priced without it (Drupal Commerce CouponTest, limit 1 per customer)", () => {
    const first = sale(welcome, openProgramAccount(welcome), openCouponState(welcome), "sale-1", {
      customerId: "olga@example.com",
    });
    expect(first.total).toEqual(eur("20.00"));
    expect(first.coupon?.status).toBe("applied");
    expect(first.coupon?.redemption).toMatchObject({
      // normalized as Crockford Base32 reads it: L → 1, O → 0
      code: "WE1C0ME10",
      amount: "10.00",
      holder: "customer:olga@example.com",
    });
    expect(first.coupon?.state.version).toBe(1);
    const second = sale(welcome, first.account, first.coupon?.state as CouponState, "sale-2", {
      customerId: "olga@example.com",
    });
    expect(second.status).toBe("applied");
    expect(second.total).toEqual(eur("30.00"));
    expect(second.coupon).toMatchObject({ status: "refused", reason: "customer-limit", redemption: null });
    expect(second.coupon?.state).toBe(first.coupon?.state);
    expect(second.explain.find((e) => e.rule === "coupon")?.reason).toMatch(/^refused \(customer-limit\)/);
    // its retry answers the same refusal
    const again = sale(welcome, second.account, second.coupon?.state as CouponState, "sale-2", {
      customerId: "olga@example.com",
    });
    expect(again.status).toBe("duplicate");
    expect(again.coupon).toMatchObject({ status: "refused", reason: "customer-limit" });
    // another customer may still use it
    const other = sale(welcome, second.account, second.coupon?.state as CouponState, "sale-3", {
      customerId: "another@example.com",
    });
    expect(other.coupon?.status).toBe("applied");
    expect(other.coupon?.state.redemptions).toHaveLength(2);
  });

  it("without the state the result has no coupon part (the till redeems separately, as before)", () => {
    const r = checkout(welcome, openProgramAccount(welcome), basket(at, [{ price: "30.00" }], { customerId: "c1" }), {
      transactionId: "s",
      coupon: { code: "WELCOME10" },
    });
    expect(r.total).toEqual(eur("20.00"));
    expect("coupon" in r).toBe(false);
  });

  it("a retry is a duplicate with the state unchanged; a retry on a state that lost the write takes the use again", () => {
    const s0 = openCouponState(welcome);
    const first = sale(welcome, openProgramAccount(welcome), s0, "sale-1", { customerId: "c1" });
    const s1 = first.coupon?.state as CouponState;
    const retry = sale(welcome, first.account, s1, "sale-1", { customerId: "c1" });
    expect(retry.status).toBe("duplicate");
    expect(retry.coupon?.status).toBe("duplicate");
    expect(retry.coupon?.state).toBe(s1);
    // the sale was stored but the coupon state write was lost: the retry hands the use back to store
    const recovered = sale(welcome, first.account, s0, "sale-1", { customerId: "c1" });
    expect(recovered.coupon?.status).toBe("applied");
    expect(recovered.coupon?.state.redemptions).toEqual(s1.redemptions);
  });

  it("a retry with another coupon code is an IdempotencyConflictError naming the coupon field; the same code in other case is a retry", () => {
    const spring = promotion("spring", tenOff, { coupon: { codes: ["WELCOME10", "SPRING10"] } });
    const first = sale(spring, openProgramAccount(spring), openCouponState(spring), "sale-1", { customerId: "c1" });
    let caught: unknown;
    try {
      sale(spring, first.account, first.coupon?.state as CouponState, "sale-1", { customerId: "c1", code: "SPRING10" });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IdempotencyConflictError);
    expect((caught as IdempotencyConflictError).details).toMatchObject({ transactionId: "sale-1", field: "coupon" });
    expect((caught as Error).message).toMatch(/coupon differs/);
    const lower = sale(spring, first.account, first.coupon?.state as CouponState, "sale-1", {
      customerId: "c1",
      code: "welcome-10",
    });
    expect(lower.status).toBe("duplicate");
  });

  it("any other differing field is named too (as the ledger names the first differing field)", () => {
    const first = sale(welcome, openProgramAccount(welcome), openCouponState(welcome), "sale-1", { customerId: "c1" });
    let caught: unknown;
    try {
      sale(welcome, first.account, openCouponState(welcome), "sale-1", { customerId: "c1", price: "31.00" });
    } catch (e) {
      caught = e;
    }
    expect((caught as IdempotencyConflictError).details["field"]).toBe("basket.lines.0.unitPrice.amount");
  });

  it("checkoutAll: a 10 % loyalty discount then the coupon; the promotion's result carries its own 10.00 use, and a retry with another code conflicts", () => {
    // Salesforce B2C Commerce proration: each promotion works on what the previous one left.
    const accounts = { ten: openProgramAccount(discount10), welcome: openProgramAccount(welcome) };
    const b = basket(at, [{ price: "50.00" }], { customerId: "c1" });
    const r = checkoutAll([discount10, welcome], accounts, b, {
      transactionId: "all-1",
      programs: { welcome: { coupon: { code: "WELCOME10", state: openCouponState(welcome) } } },
    });
    expect(r.total).toEqual(eur("35.00")); // 50.00 − 5.00 − 10.00
    expect(r.results[0]?.coupon).toBeUndefined();
    expect(r.results[1]?.coupon?.redemption?.amount).toBe("10.00");
    expect(() =>
      checkoutAll([discount10, welcome], r.accounts, b, {
        transactionId: "all-1",
        programs: { welcome: { coupon: { code: "SPRING10" } } },
      }),
    ).toThrow(/coupon differs/);
  });

  it("a budget of 15.00: the second 10.00 off is capped at 5.00, the third is refused; a full refund gives its money back", () => {
    // Salesforce B2C Commerce / commercetools-style money budgets: the last discount is capped to what is left.
    const budget = promotion("budget", tenOff, { coupon: { codes: ["TEN"], budget: "15.00" } });
    let account = openProgramAccount(budget);
    let state = openCouponState(budget);
    const amounts: string[] = [];
    for (const tx of ["s1", "s2", "s3"]) {
      const r = sale(budget, account, state, tx, { code: "TEN", customerId: tx });
      amounts.push(r.discountTotal.amount);
      account = r.account;
      state = r.coupon?.state as CouponState;
    }
    expect(amounts).toEqual(["10.00", "5.00", "0.00"]);
    expect(state.redemptions.map((r) => r.amount)).toEqual(["10.00", "5.00"]);
    const back = refund(budget, account, "s1", { at: "2026-03-02T10:00:00Z", transactionId: "r1", coupon: { state } });
    expect(back.coupon?.status).toBe("returned");
    const again = sale(budget, back.account, back.coupon?.state as CouponState, "s4", {
      code: "TEN",
      customerId: "s4",
      when: "2026-03-03T10:00:00Z",
    });
    expect(again.discountTotal).toEqual(eur("10.00"));
  });

  it("refund: a partial refund keeps the use, the refund that completes the sale gives it back (idempotent)", () => {
    const first = checkout(
      welcome,
      openProgramAccount(welcome),
      basket(at, [{ price: "20.00", quantity: 2 }], { customerId: "c1" }),
      { transactionId: "sale-1", coupon: { code: "WELCOME10", state: openCouponState(welcome) } },
    );
    const s1 = first.coupon?.state as CouponState;
    const part = refund(welcome, first.account, first, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
      coupon: { state: s1 },
    });
    expect(part.moneyBack).toEqual(eur("15.00"));
    expect(part.coupon).toMatchObject({ status: "kept", state: s1 });
    const rest = refund(welcome, part.account, first, {
      at: "2026-03-03T10:00:00Z",
      transactionId: "r2",
      coupon: { state: s1 },
    });
    expect(rest.complete).toBe(true);
    expect(rest.coupon?.status).toBe("returned");
    expect(rest.coupon?.state.version).toBe(2);
    const retry = refund(welcome, rest.account, first, {
      at: "2026-03-03T10:00:00Z",
      transactionId: "r2",
      coupon: { state: rest.coupon?.state as CouponState },
    });
    expect(retry.status).toBe("duplicate");
    expect(retry.coupon?.state).toBe(rest.coupon?.state);
    // the customer may use the code again
    const q = quote(welcome, rest.account, basket("2026-03-04T10:00:00Z", [{ price: "30.00" }], { customerId: "c1" }), {
      coupon: { code: "WELCOME10", state: rest.coupon?.state as CouponState },
    });
    expect(q.discountTotal).toEqual(eur("10.00"));
  });
});

// RedMart's help page: a $25 coupon for the next order, to be used within 30 days. Retainful: a
// unique, single-use code generated after a successful order. Oracle Commerce's "Spend Y" promotions:
// spend $50 to qualify.
const back = promotion(
  "back",
  { type: "amount-off", amount: "25.00" },
  {
    coupon: { pattern: "BACK-#####-#####", usesPerCode: 1, issue: { minSpend: "50.00", validDays: 30 } },
  },
);
const shop = promotion("shop", { type: "amount-off", amount: "0.01", minSpend: "1000000.00" });
const seeded = (seed: number) => (bytes: Uint8Array) => {
  let x = seed;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    bytes[i] = x % 256;
  }
  return bytes;
};

function buy(tx: string, price: string, state: CouponState, when = at, account = openProgramAccount(shop)) {
  return checkout(shop, account, basket(when, [{ price, quantity: 2 }], { id: tx, customerId: "c1" }), {
    transactionId: tx,
    nextOrder: { program: back, state, randomBytes: seeded(tx.length * 7919) },
  });
}

describe("next-order coupons", () => {
  it("a sale of 60.00 issues a code for the customer, valid 30 days from the sale's day in Berlin; 40.00 does not", () => {
    // 2026-03-01T23:30Z is already 2 March in Berlin: the code is valid 2 March … 31 March.
    const r = buy("sale-1", "30.00", openCouponState(back), "2026-03-01T23:30:00Z");
    expect(r.nextOrder?.status).toBe("issued");
    expect(r.nextOrder?.coupon).toMatchObject({ customerId: "c1", transactionId: "sale-1", validUntil: "2026-03-31" });
    expect(r.nextOrder?.coupon?.code).toMatch(/^BACK-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(r.nextOrder?.state.version).toBe(1);
    const small = buy("sale-2", "20.00", r.nextOrder?.state as CouponState);
    expect(small.nextOrder).toMatchObject({ status: "not-earned", coupon: null });
    expect(small.nextOrder?.reason).toMatch(/40\.00 EUR is below the 50\.00 EUR/);
    // a retry hands out the same code
    const retry = buy("sale-1", "30.00", r.nextOrder?.state as CouponState, "2026-03-01T23:30:00Z", r.account);
    expect(retry.nextOrder?.status).toBe("duplicate");
    expect(retry.nextOrder?.coupon?.code).toBe(r.nextOrder?.coupon?.code);
  });

  it("the code works on the next visit until its last day, not after, not for another customer, and a typo is caught", () => {
    const r = buy("sale-1", "30.00", openCouponState(back), "2026-03-01T23:30:00Z");
    const code = r.nextOrder?.coupon?.code as string;
    const state = r.nextOrder?.state as CouponState;
    const visit = (when: string, customerId = "c1", c = code) =>
      quote(back, openProgramAccount(back), basket(when, [{ price: "40.00" }], { customerId }), {
        coupon: { code: c, state },
      });
    // 31 March 23:59 in Berlin (CEST, UTC+2) is still valid; midnight is not
    expect(visit("2026-03-31T21:59:00Z").discountTotal).toEqual(eur("25.00"));
    expect(visit("2026-03-31T22:00:00Z").explain.find((e) => e.rule === "coupon")?.reason).toMatch(
      /^refused \(expired\)/,
    );
    expect(visit("2026-03-10T10:00:00Z", "c2").explain.find((e) => e.rule === "coupon")?.reason).toMatch(
      /^refused \(unknown\)/,
    );
    const typo = `${code.slice(0, 5)}${code[5] === "A" ? "B" : "A"}${code.slice(6)}`;
    expect(visit("2026-03-10T10:00:00Z", "c1", typo).explain.find((e) => e.rule === "coupon")?.reason).toMatch(
      /^refused \(mistyped\)/,
    );
  });

  it("refunds: keeping 50.00 keeps the code, going below voids it while unused; a used code stays used", () => {
    const r = buy("sale-1", "30.00", openCouponState(back));
    const s1 = r.nextOrder?.state as CouponState;
    // 2 × 30.00 = 60.00; giving 10.00 back is not possible per line, so a 3-line sale: 30 + 20 + 10
    const three = checkout(
      shop,
      openProgramAccount(shop),
      basket(at, [{ price: "30.00" }, { price: "20.00" }, { price: "10.00" }], { id: "t", customerId: "c1" }),
      { transactionId: "sale-3", nextOrder: { program: back, state: s1, randomBytes: seeded(3) } },
    );
    const s2 = three.nextOrder?.state as CouponState;
    const keep = refund(shop, three.account, three, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "3", quantity: 1 }],
      nextOrder: { program: back, state: s2 },
    });
    expect(keep.nextOrder).toMatchObject({ status: "kept", state: s2 });
    const drop = refund(shop, keep.account, three, {
      at: "2026-03-03T10:00:00Z",
      transactionId: "r2",
      lines: [{ id: "2", quantity: 1 }],
      nextOrder: { program: back, state: s2 },
    });
    expect(drop.nextOrder?.status).toBe("voided");
    expect(drop.nextOrder?.coupon?.voidedBy).toBe("r2");
    const code = three.nextOrder?.coupon?.code as string;
    const q = quote(
      back,
      openProgramAccount(back),
      basket("2026-03-04T10:00:00Z", [{ price: "40.00" }], { customerId: "c1" }),
      {
        coupon: { code, state: drop.nextOrder?.state as CouponState },
      },
    );
    expect(q.explain.find((e) => e.rule === "coupon")?.reason).toMatch(/^refused \(voided\)/);
    // sale-1's code is used on the next visit, then sale-1 is refunded in full: it stays used
    const used = checkout(
      back,
      openProgramAccount(back),
      basket("2026-03-05T10:00:00Z", [{ price: "40.00" }], { customerId: "c1" }),
      { transactionId: "visit-2", coupon: { code: r.nextOrder?.coupon?.code as string, state: s1 } },
    );
    expect(used.coupon?.status).toBe("applied");
    const late = refund(shop, r.account, "sale-1", {
      at: "2026-03-06T10:00:00Z",
      transactionId: "r3",
      nextOrder: { program: back, state: used.coupon?.state as CouponState },
    });
    expect(late.nextOrder?.status).toBe("used");
  });

  it("two tills' sale-1 for two customers are two sales: each gets its own code, a refund voids only its own, and returns only its own use", () => {
    const one = buy("sale-1", "30.00", openCouponState(back));
    const twoAccount = openProgramAccount(shop, { customerId: "c2" });
    const two = checkout(shop, twoAccount, basket(at, [{ price: "60.00" }], { id: "t2", customerId: "c2" }), {
      transactionId: "sale-1",
      nextOrder: { program: back, state: one.nextOrder?.state as CouponState, randomBytes: seeded(5) },
    });
    expect(two.nextOrder?.status).toBe("issued");
    expect(two.nextOrder?.coupon?.code).not.toBe(one.nextOrder?.coupon?.code);
    const s = two.nextOrder?.state as CouponState;
    const r2 = refund(shop, two.account, two, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r",
      nextOrder: { program: back, state: s },
    });
    expect(r2.nextOrder?.coupon?.customerId).toBe("c2");
    expect(r2.nextOrder?.state.issued.map((c) => c.voidedBy ?? null)).toEqual([null, "r"]);
    // the same for the use of a code: sale-1 of two customers' accounts
    const w1 = sale(welcome, openProgramAccount(welcome, { customerId: "c1" }), openCouponState(welcome), "sale-1", {
      customerId: "c1",
    });
    const w2 = sale(
      welcome,
      openProgramAccount(welcome, { customerId: "c2" }),
      w1.coupon?.state as CouponState,
      "sale-1",
      {
        customerId: "c2",
      },
    );
    const back2 = refund(welcome, w2.account, w2, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r",
      coupon: { state: w2.coupon?.state as CouponState },
    });
    expect(back2.coupon?.redemption?.holder).toBe("customer:c2");
    expect(back2.coupon?.state.redemptions.map((x) => x.returned)).toEqual([false, true]);
  });

  it("redeeming a next-order code and earning a new one in the same sale: both parts carry the final state", () => {
    const r = buy("sale-1", "30.00", openCouponState(back));
    const again = checkout(
      back,
      openProgramAccount(back),
      basket("2026-03-05T10:00:00Z", [{ price: "40.00", quantity: 2 }], { customerId: "c1" }),
      {
        transactionId: "visit-2",
        coupon: { code: r.nextOrder?.coupon?.code as string, state: r.nextOrder?.state as CouponState },
        nextOrder: { program: back, state: r.nextOrder?.state as CouponState, randomBytes: seeded(11) },
      },
    );
    expect(again.total).toEqual(eur("55.00"));
    expect(again.coupon?.status).toBe("applied");
    expect(again.nextOrder?.status).toBe("issued");
    expect(again.coupon?.state).toEqual(again.nextOrder?.state);
    // version 1 (sale-1 issued), 2 (visit-2 redeemed), 3 (visit-2 issued)
    expect(again.nextOrder?.state.version).toBe(3);
  });

  it("bad configuration and options are typed validation errors naming the path", () => {
    const noPattern = safeParseProgram({
      ...common,
      kind: "promotion",
      id: "x",
      name: "x",
      rule: tenOff,
      coupon: { codes: ["A"], issue: { validDays: 30 } },
    });
    expect(noPattern.success).toBe(false);
    expect(JSON.stringify(noPattern)).toContain('"coupon","issue"');
    expect(() => buyWith({ program: welcome, state: openCouponState(welcome) })).toThrow(LoyaltyValidationError);
    expect(() => buyWith({ program: back, state: "nope" })).toThrow(/nextOrder\.state|coupon state/);
    expect(() => buyWith(42)).toThrow(LoyaltyValidationError);
  });
});

function buyWith(nextOrder: unknown) {
  return checkout(shop, openProgramAccount(shop), basket(at, [{ price: "60.00" }], { customerId: "c1" }), {
    transactionId: "x",
    nextOrder: nextOrder as never,
  });
}

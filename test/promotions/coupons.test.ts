import { describe, expect, it } from "vitest";
import {
  checkout,
  generateCouponCodes,
  issueCoupon,
  openCouponState,
  openProgramAccount,
  OperationError,
  quote,
  redeemCoupon,
  returnCoupon,
  safeParseProgram,
  VersionConflictError,
  type CouponState,
  type Program,
} from "../../src/index.js";
import { basket, common, eur, promotion } from "./_fixtures.js";

const at = "2026-03-01T10:00:00Z";
const tenOff = { type: "amount-off", amount: "10.00" };
const welcome = promotion("welcome", tenOff, { coupon: { codes: ["WELCOME10"], perCustomer: 1 } });

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof OperationError && e.code === "COUPON_REFUSED") return (e.details as { reason: string }).reason;
    throw e;
  }
  throw new Error("expected COUPON_REFUSED");
}

function redeem(p: Program, s: CouponState, code: string, tx: string, customerId: string, discount = "10.00") {
  return redeemCoupon(p, s, { code, transactionId: tx, customerId, discount, at }).state;
}

describe("coupon codes", () => {
  it("a per-customer limit of 1: the same customer is refused, another customer is not (Drupal Commerce CouponTest)", () => {
    // Drupal Commerce's CouponTest sets setCustomerUsageLimit(1): after one use by an order's email the
    // coupon is unavailable for that email and available for another one.
    const once = redeem(welcome, openCouponState(welcome), "WELCOME10", "sale-1", "olga@example.com");
    expect(refusal(() => redeem(welcome, once, "WELCOME10", "sale-2", "olga@example.com"))).toBe("customer-limit");
    expect(redeem(welcome, once, "WELCOME10", "sale-2", "another@example.com").redemptions).toHaveLength(2);
    // and the quote says so without throwing
    const q = quote(
      welcome,
      openProgramAccount(welcome),
      basket(at, [{ price: "30.00" }], { customerId: "olga@example.com" }),
      {
        coupon: { code: "WELCOME10", state: once },
      },
    );
    expect(q.discountTotal).toEqual(eur("0.00"));
    expect(q.explain.find((e) => e.rule === "coupon")?.reason).toMatch(/^refused \(customer-limit\)/);
  });

  it("limits in total and per customer: Salesforce Loyalty's coupon usage sample (10 in total, 3 per customer)", () => {
    // Salesforce Loyalty Management, "Coupon Usage Result" sample: redemptionLimit 10,
    // redemptionLimitPerCustomer 3, remainingRedemptionCount 6, remainingRedemptionCountForCustomer 1:
    // 4 uses so far, 2 of them by this customer, who may use it once more.
    const p = promotion("sf", tenOff, { coupon: { codes: ["QWERTY"], total: 10, perCustomer: 3 } });
    let s = openCouponState(p);
    s = redeem(p, s, "QWERTY", "s1", "me");
    s = redeem(p, s, "QWERTY", "s2", "me");
    s = redeem(p, s, "QWERTY", "s3", "you");
    s = redeem(p, s, "QWERTY", "s4", "them");
    s = redeem(p, s, "QWERTY", "s5", "me");
    expect(refusal(() => redeem(p, s, "QWERTY", "s6", "me"))).toBe("customer-limit");
    for (let i = 0; i < 5; i++) s = redeem(p, s, "QWERTY", `t${i}`, `other-${i}`);
    expect(s.redemptions).toHaveLength(10);
    expect(refusal(() => redeem(p, s, "QWERTY", "t9", "newcomer"))).toBe("used-up");
  });

  it("tells unknown, mistyped, expired and not-yet-valid codes apart in the quote, without throwing", () => {
    const [code = ""] = generateCouponCodes("SPRING-####-####", { count: 1 });
    const p = promotion("spring", tenOff, {
      coupon: { pattern: "SPRING-####-####", codes: [code], validFrom: "2026-03-01", validUntil: "2026-03-31" },
    });
    const reason = (c: string, when: string) =>
      quote(p, openProgramAccount(p), basket(when, [{ price: "30.00" }]), { coupon: { code: c } }).explain.find(
        (e) => e.rule === "coupon",
      )?.reason;
    // one character changed: the check character no longer fits
    const last = code.at(-2) === "0" ? "1" : "0";
    const typo = `${code.slice(0, -2)}${last}${code.at(-1)}`;
    expect(reason(typo, "2026-03-10T10:00:00Z")).toMatch(/^refused \(mistyped\)/);
    expect(reason("nonsense", "2026-03-10T10:00:00Z")).toMatch(/^refused \(mistyped\)/);
    // Berlin: 2026-03-01 starts at 2026-02-28T23:00Z; 2026-03-31 ends at 2026-03-31T22:00Z (summer time)
    expect(reason(code, "2026-02-28T22:59:59Z")).toMatch(/^refused \(not-yet-valid\)/);
    expect(reason(code, "2026-02-28T23:00:00Z")).toBe(`code ${code} accepted`);
    expect(reason(code, "2026-03-31T21:59:59Z")).toMatch(/accepted$/);
    expect(reason(code, "2026-03-31T22:00:00Z")).toMatch(/^refused \(expired\)/);
    // a well-formed code that was never handed out
    const [other = ""] = generateCouponCodes("SPRING-####-####", { count: 2 }).filter((c) => c !== code);
    expect(reason(other, "2026-03-10T10:00:00Z")).toMatch(/^refused \(unknown\)/);
    expect(reason("", "2026-03-10T10:00:00Z")).toMatch(/^refused \(missing\)/);
  });

  it("reads codes without case, spaces or dashes and with O read as 0", () => {
    const p = promotion("p", tenOff, { coupon: { codes: ["SAVE-2026"] } });
    const q = quote(p, openProgramAccount(p), basket(at, [{ price: "30.00" }]), { coupon: { code: " save 2o26 " } });
    expect(q.discountTotal).toEqual(eur("10.00"));
  });

  it("a single-use code is used up after one use; a refund gives the use back", () => {
    const p = promotion("single", tenOff, { coupon: { codes: ["ONCE"], usesPerCode: 1 } });
    const s1 = redeem(p, openCouponState(p), "ONCE", "sale-1", "c1");
    expect(refusal(() => redeem(p, s1, "ONCE", "sale-2", "c2"))).toBe("used-up");
    const back = returnCoupon(p, s1, { transactionId: "sale-1", customerId: "c1" });
    expect(returnCoupon(p, back.state, { transactionId: "sale-1", customerId: "c1" }).status).toBe("duplicate");
    expect(redeem(p, back.state, "ONCE", "sale-2", "c2").redemptions).toHaveLength(2);
    // keep-use: the money goes back to the budget, the use stays taken
    const kept = promotion("kept", tenOff, { coupon: { codes: ["ONCE"], usesPerCode: 1, onRefund: "keep-use" } });
    const k1 = redeem(kept, openCouponState(kept), "ONCE", "sale-1", "c1");
    const k2 = returnCoupon(kept, k1, { transactionId: "sale-1", customerId: "c1" }).state;
    expect(refusal(() => redeem(kept, k2, "ONCE", "sale-2", "c2"))).toBe("used-up");
  });

  it("a money budget caps the last discount and then refuses", () => {
    const p = promotion("budget", tenOff, { coupon: { codes: ["B"], budget: "25.00" } });
    let s = redeem(p, openCouponState(p), "B", "s1", "c1");
    s = redeem(p, s, "B", "s2", "c2");
    // 5.00 left: the quote takes 5.00 off, not 10.00
    const q = quote(p, openProgramAccount(p), basket(at, [{ price: "30.00" }, { price: "10.00" }]), {
      coupon: { code: "B", state: s },
    });
    expect(q.discountTotal).toEqual(eur("5.00"));
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["3.75", "1.25"]);
    expect(refusal(() => redeem(p, s, "B", "s3", "c3", "10.00"))).toBe("budget-spent");
    s = redeem(p, s, "B", "s3", "c3", "5.00");
    expect(refusal(() => redeem(p, s, "B", "s4", "c4", "0.01"))).toBe("budget-spent");
  });

  it("redeeming is idempotent by (program, customer or till, transaction) and refuses a stale version", () => {
    const p = promotion("multi", tenOff, { coupon: { codes: ["M"] } });
    const s0 = openCouponState(p);
    const a = redeemCoupon(p, s0, { code: "M", transactionId: "sale-1", tillId: "till-1", discount: "10.00", at });
    expect(
      redeemCoupon(p, a.state, { code: "m", transactionId: "sale-1", tillId: "till-1", discount: "10.00", at }).status,
    ).toBe("duplicate");
    // sale-1 at another till is another sale
    const b = redeemCoupon(p, a.state, { code: "M", transactionId: "sale-1", tillId: "till-2", discount: "10.00", at });
    expect(b.state.redemptions).toHaveLength(2);
    expect(() =>
      redeemCoupon(p, b.state, {
        code: "M",
        transactionId: "sale-9",
        tillId: "till-1",
        discount: "10.00",
        at,
        expectedVersion: 1,
      }),
    ).toThrow(VersionConflictError);
  });

  it("a checkout prices the code; next-order coupons are issued for one customer", () => {
    const back = promotion(
      "back",
      { type: "amount-off", amount: "5.00" },
      { coupon: { pattern: "BACK-####-####", usesPerCode: 1 } },
    );
    const [code = ""] = generateCouponCodes("BACK-####-####", { count: 1 });
    const issued = issueCoupon(back, openCouponState(back), { code, transactionId: "sale-1", customerId: "c1" });
    expect(issueCoupon(back, issued.state, { code, transactionId: "sale-1", customerId: "c1" }).status).toBe(
      "duplicate",
    );
    const sale = checkout(
      back,
      openProgramAccount(back),
      basket("2026-03-08T10:00:00Z", [{ price: "20.00" }], { customerId: "c1" }),
      {
        transactionId: "sale-2",
        coupon: { code, state: issued.state },
      },
    );
    expect(sale.total).toEqual(eur("15.00"));
    const other = quote(back, openProgramAccount(back), basket(at, [{ price: "20.00" }], { customerId: "c2" }), {
      coupon: { code, state: issued.state },
    });
    expect(other.explain.find((e) => e.rule === "coupon")?.reason).toMatch(/^refused \(unknown\): .*another customer/);
  });

  it("refuses contradictory coupon rules, naming the path", () => {
    const r = safeParseProgram({
      ...common,
      kind: "promotion",
      id: "x",
      name: "x",
      rule: tenOff,
      coupon: {
        pattern: "A-####",
        codes: ["A-0000", "a 0000", "A-0001"],
        validFrom: "2026-05-01",
        validUntil: "2026-04-01",
      },
    });
    expect(r.success).toBe(false);
    if (!r.success)
      // "A-0000" fits (the check character of 000 is 0); "a 0000" is the same code; "A-0001" has a wrong check character
      expect(r.error.issues.map((i) => i.path.join("."))).toEqual([
        "coupon.codes.1",
        "coupon.codes.2",
        "coupon.validUntil",
      ]);
  });

  it("generates distinct codes whose every single-character typo is caught", () => {
    const codes = generateCouponCodes("X-#####", { count: 200 });
    expect(new Set(codes).size).toBe(200);
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const p = promotion("x", tenOff, { coupon: { pattern: "X-#####", codes } });
    const code = codes[0] ?? "";
    for (let pos = 2; pos < code.length; pos++)
      for (const ch of alphabet) {
        if (ch === code[pos]) continue;
        const typo = code.slice(0, pos) + ch + code.slice(pos + 1);
        const q = quote(p, openProgramAccount(p), basket(at, [{ price: "30.00" }]), { coupon: { code: typo } });
        expect(q.explain.find((e) => e.rule === "coupon")?.reason).toMatch(/^refused \(mistyped\)/);
      }
  });
});

import { describe, expect, it } from "vitest";
import { checkoutAll, openProgramAccount, selectPromotions } from "../../src/index.js";
import { basket, eur, promotion } from "./_fixtures.js";

const at = "2026-03-01T10:00:00Z";
const b = basket(at, [{ sku: "TEE", price: "12.00", quantity: 3 }]);
const b2g1 = (combine: string, extra: Record<string, unknown> = {}) =>
  promotion("b2g1", { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } }, { combine, ...extra });
const fiveOff = (combine: string, extra: Record<string, unknown> = {}) =>
  promotion("five", { type: "amount-off", amount: "5.00" }, { combine, ...extra });

describe("stacking promotions", () => {
  it("best for the customer: the larger discount alone wins, and explain says why the other lost", () => {
    const r = selectPromotions([fiveOff("best-for-customer"), b2g1("best-for-customer")], b);
    expect(r.programs.map((p) => p.id)).toEqual(["b2g1"]);
    // buy 2 get 1 on three 12.00 tees: 12.00 off, more than 5.00
    expect(r.explain.find((e) => e.rule === "promotion:five")?.reason).toBe(
      "five: left out, 5.00 EUR off is less than b2g1's 12.00 EUR",
    );
  });

  it("exclusive: the first exclusive promotion that applies is the only one", () => {
    const r = selectPromotions([fiveOff("stack"), b2g1("exclusive")], b);
    expect(r.programs.map((p) => p.id)).toEqual(["b2g1"]);
    expect(r.explain.find((e) => e.rule === "promotion:five")?.reason).toBe("five: left out, b2g1 is exclusive");
  });

  it("stack in priority order, each on what the previous left", () => {
    const r = selectPromotions([fiveOff("stack", { priority: 2 }), b2g1("stack", { priority: 1 })], b);
    expect(r.programs.map((p) => p.id)).toEqual(["b2g1", "five"]);
    const accounts = Object.fromEntries(r.programs.map((p) => [p.id, openProgramAccount(p)]));
    const sale = checkoutAll(r.programs, accounts, b, { transactionId: "sale-1" });
    // 36.00 − 12.00 (one tee free) − 5.00 = 19.00
    expect(sale.total).toEqual(eur("19.00"));
    expect(r.explain.at(-1)?.reason).toBe("applied in this order, each on what the previous left: b2g1, five");
  });

  it("leaves out a promotion that takes nothing off, and says so", () => {
    const r = selectPromotions(
      [fiveOff("stack", { rule: { type: "amount-off", amount: "5.00", minSpend: "100.00" } }), b2g1("stack")],
      b,
    );
    expect(r.programs.map((p) => p.id)).toEqual(["b2g1"]);
    expect(r.explain[0]).toEqual({
      rule: "promotion:five",
      applied: false,
      reason: "five: takes nothing off this basket",
    });
  });
});

describe("coupons through checkoutAll", () => {
  it("passes a program's coupon through its per-program options", () => {
    const welcome = promotion("welcome", { type: "amount-off", amount: "10.00" }, { coupon: { codes: ["WELCOME10"] } });
    const accounts = { welcome: openProgramAccount(welcome) };
    const withCode = checkoutAll([welcome], accounts, b, {
      transactionId: "sale-1",
      programs: { welcome: { coupon: { code: "WELCOME10" } } },
    });
    // 3 × 12.00 − 10.00
    expect(withCode.total).toEqual(eur("26.00"));
    const without = checkoutAll([welcome], accounts, b, { transactionId: "sale-2" });
    expect(without.total).toEqual(eur("36.00"));
  });
});

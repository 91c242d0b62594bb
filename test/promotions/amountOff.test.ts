import { describe, expect, it } from "vitest";
import { checkout, checkoutAll, openProgramAccount, parseProgram, quote, refund } from "../../src/index.js";
import { basket, eur, promotion } from "./_fixtures.js";

describe("amount off", () => {
  it("takes one fixed amount off the whole order, not once per line, split by price × quantity", () => {
    // The Spree FixedAmtDiscount README: a flat-rate adjustment per line took £10 off each line of a
    // three-item basket (£30); the fix spreads one £10 over the lines weighted by price × quantity.
    const tenOff = promotion("ten-off", { type: "amount-off", amount: "10.00" }, { currency: "GBP" });
    const b = {
      id: "b1",
      at: "2026-03-01T10:00:00Z",
      lines: [
        { id: "1", sku: "A", quantity: 1, unitPrice: { amount: "20.00", currency: "GBP" } },
        { id: "2", sku: "B", quantity: 2, unitPrice: { amount: "15.00", currency: "GBP" } },
        { id: "3", sku: "C", quantity: 1, unitPrice: { amount: "50.00", currency: "GBP" } },
      ],
    };
    const q = quote(tenOff, openProgramAccount(tenOff), b);
    expect(q.discountTotal).toEqual({ amount: "10.00", currency: "GBP" });
    // weights 20 : 30 : 50 of 100
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["2.00", "3.00", "5.00"]);
    expect(q.total.amount).toBe("90.00");
    expect(q.kind).toBe("promotion");
  });

  it("splits a remainder by largest remainder, ties to the earlier line, and the lines add up", () => {
    const tenOff = promotion("ten-off", { type: "amount-off", amount: "10.00" });
    const q = quote(
      tenOff,
      openProgramAccount(tenOff),
      basket("2026-03-01T10:00:00Z", [{ price: "20.00" }, { price: "20.00" }, { price: "20.00" }]),
    );
    // 10.00 / 3 = 3.333…: one cent left over goes to the first line
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["3.34", "3.33", "3.33"]);
    expect(q.total).toEqual(eur("50.00"));
  });

  it("needs the minimum spend on the lines it applies to, and says why it did not apply", () => {
    const p = promotion("ten-from-50", { type: "amount-off", amount: "10.00", minSpend: "50.00" });
    const b = basket("2026-03-01T10:00:00Z", [{ price: "45.00" }, { price: "9.90", kind: "delivery", sku: "SHIP" }]);
    const q = quote(p, openProgramAccount(p), b);
    expect(q.discountTotal).toEqual(eur("0.00"));
    const why = q.explain.find((e) => e.rule === "min-spend");
    expect(why?.applied).toBe(false);
    // delivery does not count toward the 50.00
    expect(why?.reason).toContain("45.00 EUR of eligible lines is below the minimum spend of 50.00 EUR");
  });

  it("never takes more than the lines cost: 10.00 off 4.00 is 4.00, a total of 0.00 and never -0.00", () => {
    const p = promotion("ten-off", { type: "amount-off", amount: "10.00" });
    const q = quote(p, openProgramAccount(p), basket("2026-03-01T10:00:00Z", [{ price: "1.50" }, { price: "2.50" }]));
    expect(q.discountTotal).toEqual(eur("4.00"));
    expect(q.lines.map((l) => l.net.amount)).toEqual(["0.00", "0.00"]);
    expect(q.total.amount).toBe("0.00");
    expect(q.explain.find((e) => e.rule === "amount-off")?.reason).toContain("capped at what they cost");
  });

  it("off matching lines only", () => {
    const p = promotion("shoes", { type: "amount-off", amount: "5.00", match: { categories: ["shoes"] } });
    const b = basket("2026-03-01T10:00:00Z", [
      { price: "60.00", category: "shoes" },
      { price: "40.00", category: "shirts" },
    ]);
    const q = quote(p, openProgramAccount(p), b);
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["5.00", "0.00"]);
  });

  it("stacks in order after a product promotion: the Salesforce B2C Commerce proration example", () => {
    // Salesforce B2C Commerce help, "Promotion Proration Logic": SKU1 60.00 with "$10 off SKU1" and
    // SKU2 50.00, then "15% off orders over $100" on the 100.00 left: 7.50 on each line, total 85.00.
    const usd = { currency: "USD", timeZone: "America/New_York", active: { from: "2026-01-01T00:00:00Z" } };
    const sku1Off = parseProgram({
      ...usd,
      kind: "promotion",
      id: "sku1-10",
      name: "$10 off SKU1",
      rule: { type: "amount-off", amount: "10.00", match: { skus: ["SKU1"] } },
    });
    const order15 = parseProgram({
      ...usd,
      kind: "discount",
      id: "order-15",
      name: "15% off orders over $100",
      percent: "15",
      minSpend: "100.00",
    });
    const r = checkoutAll(
      [sku1Off, order15],
      { "sku1-10": openProgramAccount(sku1Off), "order-15": openProgramAccount(order15) },
      {
        id: "b1",
        at: "2026-03-01T10:00:00Z",
        lines: [
          { id: "1", sku: "SKU1", quantity: 1, unitPrice: { amount: "60.00", currency: "USD" } },
          { id: "2", sku: "SKU2", quantity: 1, unitPrice: { amount: "50.00", currency: "USD" } },
        ],
      },
      { transactionId: "sale-1" },
    );
    expect(r.results[0]?.lines.map((l) => l.discount.amount)).toEqual(["10.00", "0.00"]);
    expect(r.results[1]?.lines.map((l) => l.discount.amount)).toEqual(["7.50", "7.50"]);
    expect(r.total).toEqual({ amount: "85.00", currency: "USD" });
  });

  it("a refund gives back the net paid per line, and any split adds up to the full refund", () => {
    const p = promotion("ten-off", { type: "amount-off", amount: "10.00" });
    const sale = checkout(
      p,
      openProgramAccount(p),
      basket("2026-03-01T10:00:00Z", [{ price: "20.00", quantity: 3 }, { price: "40.00" }]),
      { transactionId: "sale-1" },
    );
    // 10.00 over 60.00 : 40.00 → 6.00 / 4.00; line 1 net 54.00 for 3 units
    expect(sale.lines.map((l) => l.net.amount)).toEqual(["54.00", "36.00"]);
    const one = refund(p, sale.account, sale, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
    });
    const rest = refund(p, one.account, sale, { at: "2026-03-02T11:00:00Z", transactionId: "r2" });
    expect(one.moneyBack.amount).toBe("18.00");
    expect(rest.moneyBack.amount).toBe("72.00");
    // 18.00 + 72.00 = 90.00 = what was paid
    expect(sale.total.amount).toBe("90.00");
  });
});

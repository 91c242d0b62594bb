import { describe, expect, it } from "vitest";
import { addGiftLines, checkout, openProgramAccount, quote, refund } from "../../src/index.js";
import { basket, eur, promotion } from "./_fixtures.js";

const at = "2026-03-01T10:00:00Z";
// A free cooling pad with a laptop, the example in the issue asking for gifts with purchase.
const pad = promotion("pad", {
  type: "gift",
  gift: { sku: "PAD", unitPrice: "24.90", category: "accessories" },
  when: { match: { categories: ["laptops"] } },
});

describe("gift with purchase", () => {
  it("adds the gift as its own line at its price, and the quote takes 100 % off it", () => {
    const b = addGiftLines(pad, basket(at, [{ sku: "LAPTOP-14", category: "laptops", price: "899.00" }]));
    expect(b.lines.map((l) => `${l.id} ${l.sku} ${l.unitPrice.amount.toFixed(2)}`)).toEqual([
      "1 LAPTOP-14 899.00",
      "gift:pad PAD 24.90",
    ]);
    const q = quote(pad, openProgramAccount(pad), b);
    expect(q.lines[1]?.gross).toEqual(eur("24.90"));
    expect(q.lines[1]?.discount).toEqual(eur("24.90"));
    expect(q.lines[1]?.net).toEqual(eur("0.00"));
    expect(q.total).toEqual(eur("899.00"));
    expect(q.explain.find((e) => e.rule === "gift")?.reason).toContain("1 × PAD free (24.90 EUR, 100 % off)");
    // adding twice adds one gift
    expect(addGiftLines(pad, b).lines).toHaveLength(2);
  });

  it("adds nothing when the condition does not hold, and the quote says why", () => {
    const b = basket(at, [{ sku: "MOUSE", category: "accessories", price: "19.00" }]);
    expect(addGiftLines(pad, b).lines).toHaveLength(1);
    const q = quote(pad, openProgramAccount(pad), b);
    const why = q.explain.find((e) => e.rule === "gift");
    expect(why?.applied).toBe(false);
    expect(why?.reason).toContain("0 units of laptops bought, fewer than 1");
  });

  it("a gift line scanned without earning it is paid; earned but not scanned is explained", () => {
    const paid = quote(pad, openProgramAccount(pad), basket(at, [{ sku: "PAD", price: "24.90" }]));
    expect(paid.total).toEqual(eur("24.90"));
    const missing = quote(pad, openProgramAccount(pad), basket(at, [{ category: "laptops", price: "899.00" }]));
    expect(missing.explain.find((e) => e.rule === "gift")?.reason).toContain("not in the basket: add its line");
  });

  it("from a minimum spend, on eligible lines other than the gift", () => {
    const tote = promotion("tote", {
      type: "gift",
      gift: { sku: "TOTE", unitPrice: "5.00" },
      when: { minSpend: "50.00" },
    });
    const below = basket(at, [{ price: "45.00" }, { price: "9.00", kind: "delivery", sku: "SHIP" }]);
    expect(addGiftLines(tote, below).lines).toHaveLength(2);
    const enough = addGiftLines(tote, basket(at, [{ price: "50.00" }]));
    expect(quote(tote, openProgramAccount(tote), enough).total).toEqual(eur("50.00"));
  });

  it("refunding the gift gives back nothing; refunding the purchase gives back what was paid", () => {
    const b = addGiftLines(pad, basket(at, [{ sku: "LAPTOP-14", category: "laptops", price: "899.00" }]));
    const sale = checkout(pad, openProgramAccount(pad), b, { transactionId: "sale-1" });
    const giftBack = refund(pad, sale.account, sale, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "gift:pad", quantity: 1 }],
    });
    expect(giftBack.moneyBack).toEqual(eur("0.00"));
    const laptopBack = refund(pad, giftBack.account, sale, { at: "2026-03-02T11:00:00Z", transactionId: "r2" });
    expect(laptopBack.moneyBack).toEqual(eur("899.00"));
  });
});

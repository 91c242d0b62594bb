import { describe, expect, it } from "vitest";
import { checkout, openProgramAccount, quote, refund } from "../../src/index.js";
import { basket, eur, promotion } from "./_fixtures.js";

const at = "2026-03-01T10:00:00Z";

describe("buy X get Y", () => {
  // Google Merchant Center promotion attributes, "Buy 2, get 1 free" example:
  // buy_this_quantity 2, get_this_quantity_discounted 1, percent_off 100.
  const b2g1 = promotion("b2g1", { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } });

  it("buy 2 get 1 free gives the cheapest of three units, as Shopify's 'Buy 2 Get 1 Free' script does", () => {
    // The Shopify Scripts example sorts the qualifying items by price, high to low, and discounts every
    // third: of 30.00, 20.00 and 10.00 the 10.00 item is free.
    const q = quote(
      b2g1,
      openProgramAccount(b2g1),
      basket(at, [
        { sku: "TEE-A", price: "30.00" },
        { sku: "TEE-B", price: "20.00" },
        { sku: "TEE-C", price: "10.00" },
      ]),
      null,
    );
    expect(q.discountTotal).toEqual(eur("10.00"));
    expect(q.total).toEqual(eur("50.00"));
    expect(q.explain.find((e) => e.rule === "buy-x-get-y")?.reason).toContain("1 × TEE-C (10.00 EUR)");
  });

  it("free units only, on request: the discounted unit carries the whole discount", () => {
    const p = promotion("b2g1-units", {
      type: "buy-x-get-y",
      buy: { quantity: 2 },
      get: { quantity: 1 },
      allocation: "free-units",
    });
    const q = quote(
      p,
      openProgramAccount(p),
      basket(at, [
        { sku: "TEE-A", price: "30.00" },
        { sku: "TEE-B", price: "20.00" },
        { sku: "TEE-C", price: "10.00" },
      ]),
    );
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["0.00", "0.00", "10.00"]);
  });

  it("six units make two groups: the two cheapest are free; five make one", () => {
    const six = quote(
      b2g1,
      openProgramAccount(b2g1),
      basket(at, [
        { price: "10.00", quantity: 4 },
        { price: "4.00", quantity: 2 },
      ]),
    );
    // 6 units / 3 = 2 free: both 4.00 units
    expect(six.discountTotal).toEqual(eur("8.00"));
    const five = quote(
      b2g1,
      openProgramAccount(b2g1),
      basket(at, [
        { price: "10.00", quantity: 3 },
        { price: "4.00", quantity: 2 },
      ]),
    );
    // 5 units: one group, one 4.00 unit free
    expect(five.discountTotal).toEqual(eur("4.00"));
  });

  it("the most expensive unit free when the rule says so", () => {
    const p = promotion("b2g1-max", {
      type: "buy-x-get-y",
      buy: { quantity: 2 },
      get: { quantity: 1 },
      free: "most-expensive",
      allocation: "free-units",
    });
    const q = quote(p, openProgramAccount(p), basket(at, [{ price: "30.00" }, { price: "20.00" }, { price: "10.00" }]));
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["30.00", "0.00", "0.00"]);
  });

  it("caps the free units: Magento's 'Buy 5 Get 2 Free, at most 4 free items'", () => {
    // Magento 1.9 user guide, "Buy X Get Y Free": Maximum Qty Discount = (X + Y) × (M / Y) = 7 × 2 = 14
    // for X = 5, Y = 2, M = 4 free items; here that is two applications.
    const p = promotion("b5g2", {
      type: "buy-x-get-y",
      buy: { quantity: 5 },
      get: { quantity: 2 },
      maxApplications: 2,
    });
    const q = quote(p, openProgramAccount(p), basket(at, [{ price: "3.00", quantity: 21 }]));
    // 21 units would make 3 applications (6 free); the cap leaves 4 free units of 3.00
    expect(q.discountTotal).toEqual(eur("12.00"));
  });

  it("second item half price: the cheaper of two at 50 % off", () => {
    const p = promotion("second-half", {
      type: "buy-x-get-y",
      buy: { quantity: 1 },
      get: { quantity: 1, percent: "50" },
      allocation: "free-units",
    });
    const q = quote(p, openProgramAccount(p), basket(at, [{ price: "30.00" }, { price: "19.99" }]));
    // 19.99 / 2 = 9.995, half-even to 10.00
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["0.00", "10.00"]);
    expect(q.explain.find((e) => e.rule === "buy-x-get-y")?.reason).toContain("buy 1 get 1 at 50% off");
  });

  it("buy a laptop, get the cooling pad free; the bundle shares the discount so a partial refund takes its share back", () => {
    const p = promotion("laptop-pad", {
      type: "buy-x-get-y",
      buy: { quantity: 1, match: { categories: ["laptops"] } },
      get: { quantity: 1, match: { skus: ["PAD"] } },
    });
    const b = basket(at, [
      { id: "1", sku: "LAPTOP-14", category: "laptops", price: "900.00" },
      { id: "2", sku: "PAD", price: "25.00" },
    ]);
    const sale = checkout(p, openProgramAccount(p), b, { transactionId: "sale-1" });
    // 25.00 over 900.00 : 25.00 → 24.324… / 0.675…: 24.32 / 0.67 and the cent left to the larger remainder (0.68)
    expect(sale.lines.map((l) => l.discount.amount)).toEqual(["24.32", "0.68"]);
    expect(sale.total).toEqual(eur("900.00"));
    const laptopBack = refund(p, sale.account, sale, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
    });
    // returning the laptop but keeping the pad: the pad is no longer free, so 875.68 comes back, not 900.00
    expect(laptopBack.moneyBack).toEqual(eur("875.68"));
  });

  it("a partial refund of a bundle on one line takes back its share, and the parts add up", () => {
    const sale = checkout(b2g1, openProgramAccount(b2g1), basket(at, [{ id: "1", price: "10.00", quantity: 3 }]), {
      transactionId: "sale-1",
    });
    expect(sale.lines[0]?.net).toEqual(eur("20.00"));
    const one = refund(b2g1, sale.account, sale, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
    });
    const two = refund(b2g1, one.account, sale, { at: "2026-03-02T11:00:00Z", transactionId: "r2" });
    // 20.00 × 1/3 = 6.67 (half-even), the rest 13.33: together the 20.00 paid
    expect([one.moneyBack.amount, two.moneyBack.amount]).toEqual(["6.67", "13.33"]);
  });

  it("says why it did not apply, and leaves goods sold by weight out", () => {
    const q = quote(
      b2g1,
      openProgramAccount(b2g1),
      basket(at, [
        { price: "10.00", quantity: 2 },
        { price: "3.00", quantity: "1.5" },
      ]),
    );
    expect(q.discountTotal).toEqual(eur("0.00"));
    const why = q.explain.find((e) => e.rule === "buy-x-get-y");
    expect(why?.applied).toBe(false);
    expect(why?.reason).toContain("2 units to buy");
    expect(why?.reason).toContain("1 line sold by weight");
  });

  it("handles a million units without walking them one by one", () => {
    const q = quote(b2g1, openProgramAccount(b2g1), basket(at, [{ price: "1.00", quantity: 1_000_000 }]));
    // floor(1,000,000 / 3) = 333,333 free units
    expect(q.discountTotal).toEqual(eur("333333.00"));
  });
});

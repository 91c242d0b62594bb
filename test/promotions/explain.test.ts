import { describe, expect, it } from "vitest";
import {
  addGiftLines,
  checkout,
  openCouponState,
  openProgramAccount,
  quote,
  selectPromotions,
  type CouponState,
  type Explanation,
} from "../../src/index.js";
import { basket, promotion } from "./_fixtures.js";

// Every kind of sentence the promotions write into `explain` (and the reason of a next-order coupon),
// pinned word for word. The promotion kinds are those the promotions tests cite: "buy X get Y" and
// "spend Y" promotions (Oracle Commerce), a gift with purchase, coupons with a budget, and a coupon for
// the next order (RedMart's help page). The prices, budgets and codes are this test's own; the
// sentences were recorded from loyalty-kit before they moved into one module
// (src/programs/_lib/explainPromotions.ts).
const at = "2026-03-10T10:00:00Z";
const text = (explain: readonly Explanation[]) =>
  explain.map((e) => `${e.rule} | ${e.applied ? "applied" : "not applied"} | ${e.reason}`).join("\n");
const promotionText = (explain: readonly Explanation[]) =>
  text(explain.filter((e) => ["coupon", "amount-off", "min-spend", "buy-x-get-y", "gift"].includes(e.rule)));
const priced = (p: ReturnType<typeof promotion>, b: ReturnType<typeof basket>, code?: string, state?: CouponState) =>
  promotionText(
    quote(p, openProgramAccount(p), b, code === undefined ? {} : { coupon: { code, ...(state ? { state } : {}) } })
      .explain,
  );

describe("coupon sentences", () => {
  const coded = promotion(
    "spring",
    { type: "amount-off", amount: "10.00" },
    { coupon: { codes: ["SPRING10"], budget: "25.00" } },
  );
  it("refused, accepted, and capped at what is left of the budget", () => {
    expect(priced(coded, basket(at, [{ price: "30.00" }]), "WINTER10")).toMatchInlineSnapshot(
      `"coupon | not applied | refused (unknown): code WINTER10 was never handed out"`,
    );
    expect(priced(coded, basket(at, [{ price: "30.00" }]), "SPRING10")).toMatchInlineSnapshot(`
      "amount-off | applied | 10.00 EUR off 30.00 EUR of eligible lines, split over 1 line in proportion to their amounts
      coupon | applied | code SPRING10 accepted"
    `);
    // 20.00 of the 25.00 budget spent by two earlier sales: 5.00 left.
    let state = openCouponState(coded);
    for (const tx of ["s1", "s2"]) {
      const r = checkout(coded, openProgramAccount(coded), basket(at, [{ price: "30.00" }], { id: tx }), {
        transactionId: tx,
        coupon: { code: "SPRING10", state },
      });
      state = r.coupon?.state as CouponState;
    }
    expect(priced(coded, basket(at, [{ price: "30.00" }]), "SPRING10", state)).toMatchInlineSnapshot(`
      "amount-off | applied | 10.00 EUR off 30.00 EUR of eligible lines, split over 1 line in proportion to their amounts
      coupon | applied | code SPRING10 accepted; the discount is capped at the 5.00 EUR left in the promotion's budget"
    `);
  });
});

type Lines = Parameters<typeof basket>[1];

describe("amount-off sentences", () => {
  const shoes = promotion("shoes", {
    type: "amount-off",
    amount: "15.00",
    match: { categories: ["shoes"] },
    minSpend: "50.00",
  });
  const big = promotion("big", { type: "amount-off", amount: "50.00" });
  // [what the case shows, the promotion, the basket's lines, the sentence]
  const cases: [string, typeof shoes, Lines, string][] = [
    [
      "nothing to take off",
      shoes,
      [{ price: "30.00", category: "shirts" }],
      "amount-off | not applied | no lines matching shoes left to pay: nothing taken off",
    ],
    [
      "below the minimum spend",
      shoes,
      [{ price: "40.00", category: "shoes" }],
      "min-spend | not applied | 40.00 EUR of lines matching shoes is below the minimum spend of 50.00 EUR: no amount off",
    ],
    [
      "applied",
      shoes,
      [
        { price: "39.00", category: "shoes" },
        { price: "21.00", category: "shoes" },
      ],
      "amount-off | applied | 15.00 EUR off 60.00 EUR of lines matching shoes (minimum spend 50.00 EUR reached), split over 2 lines in proportion to their amounts",
    ],
    [
      "capped at what the lines cost",
      big,
      [{ price: "30.00" }],
      "amount-off | applied | 30.00 EUR off 30.00 EUR of eligible lines (capped at what they cost; the promotion is 50.00 EUR), split over 1 line in proportion to their amounts",
    ],
  ];
  it.each(cases)("%s", (_, p, lines, sentence) => {
    expect(priced(p, basket(at, lines))).toBe(sentence);
  });
});

describe("buy X get Y sentences", () => {
  const b2g1 = promotion("b2g1", { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } });
  const half = promotion("half", {
    type: "buy-x-get-y",
    buy: { quantity: 1 },
    get: { quantity: 1, percent: "50" },
    free: "most-expensive",
    allocation: "free-units",
  });
  // [what the case shows, the promotion, the basket's lines, the sentence]
  const cases: [string, typeof b2g1, Lines, string][] = [
    [
      "not enough units (a line sold by weight takes no part)",
      b2g1,
      [
        { sku: "TEE", price: "10.00", quantity: 2 },
        { sku: "APPLES", price: "3.00", quantity: "1.5" },
      ],
      "buy-x-get-y | not applied | buy 2 get 1 free: 2 units to buy and 2 to give in the basket, not enough for one (1 line sold by weight take no part)",
    ],
    [
      "applied to a bundle",
      b2g1,
      [
        { sku: "TEE-A", price: "20.00" },
        { sku: "TEE-B", price: "15.00" },
        { sku: "TEE-C", price: "10.00" },
      ],
      "buy-x-get-y | applied | buy 2 get 1 free, cheapest units first: 1 time; discounted 1 × TEE-C (10.00 EUR): 10.00 EUR off, spread over the bundle's units in proportion to their prices",
    ],
    [
      "at a percentage, on the free units",
      half,
      [
        { sku: "MUG", price: "8.00" },
        { sku: "BOWL", price: "12.00" },
      ],
      "buy-x-get-y | applied | buy 1 get 1 at 50% off, most expensive units first: 1 time; discounted 1 × BOWL (6.00 EUR): 6.00 EUR off, on the discounted units",
    ],
  ];
  it.each(cases)("%s", (_, p, lines, sentence) => {
    expect(priced(p, basket(at, lines))).toBe(sentence);
  });
});

describe("gift sentences", () => {
  const pad = promotion("pad", {
    type: "gift",
    gift: { sku: "PAD", unitPrice: "24.90" },
    when: { minSpend: "100.00", match: { categories: ["laptops"] } },
  });
  const always = promotion("tote", { type: "gift", gift: { sku: "TOTE", unitPrice: "5.00" }, when: {} });
  it("not earned, earned but not scanned, less than one unit, given", () => {
    expect(priced(pad, basket(at, [{ price: "80.00", category: "bags" }]))).toMatchInlineSnapshot(
      `"gift | not applied | gift PAD: 80.00 EUR spent, below 100.00; 0 units of laptops bought, fewer than 1"`,
    );
    expect(priced(pad, basket(at, [{ price: "900.00", category: "laptops" }]))).toMatchInlineSnapshot(
      `"gift | not applied | gift PAD earned (900.00 EUR spent, at least 100.00; 1 unit of laptops bought, at least 1) but not in the basket: add its line (addGiftLines does) to give it"`,
    );
    expect(
      priced(always, basket(at, [{ price: "20.00" }, { sku: "TOTE", price: "5.00", quantity: "0.5" }])),
    ).toMatchInlineSnapshot(`"gift | not applied | gift TOTE: the line holds less than one unit"`);
    const withGift = addGiftLines(pad, basket(at, [{ price: "900.00", category: "laptops" }]));
    expect(priced(pad, withGift)).toMatchInlineSnapshot(
      `"gift | applied | gift with purchase: 1 × PAD free (24.90 EUR, 100 % off) — 900.00 EUR spent, at least 100.00; 1 unit of laptops bought, at least 1"`,
    );
    expect(priced(always, addGiftLines(always, basket(at, [{ price: "20.00" }])))).toMatchInlineSnapshot(
      `"gift | applied | gift with purchase: 1 × TOTE free (5.00 EUR, 100 % off) — given with every purchase"`,
    );
  });
});

describe("the sentences of selectPromotions", () => {
  const fiveOff = { type: "amount-off", amount: "5.00" };
  const buy2get1 = { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } };
  const five = promotion("five", fiveOff);
  const b2g1 = promotion("b2g1", buy2get1);
  const shoes = promotion("shoes", { type: "amount-off", amount: "15.00", match: { categories: ["shoes"] } });
  const three = [
    { sku: "TEE", price: "10.00" },
    { sku: "TEE", price: "10.00" },
    { sku: "TEE", price: "10.00" },
  ];
  it("takes nothing off, stacks, in order", () => {
    expect(text(selectPromotions([five, b2g1, shoes], basket(at, three)).explain)).toMatchInlineSnapshot(`
      "promotion:shoes | not applied | shoes: takes nothing off this basket
      promotion:five | applied | five: stacks, 5.00 EUR off alone
      promotion:b2g1 | applied | b2g1: stacks, 10.00 EUR off alone
      stacking | applied | applied in this order, each on what the previous left: five, b2g1"
    `);
  });
  it("exclusive, and left out beside it", () => {
    const exclusive = promotion("b2g1", buy2get1, { combine: "exclusive" });
    expect(text(selectPromotions([five, exclusive], basket(at, three)).explain)).toMatchInlineSnapshot(`
      "promotion:b2g1 | applied | b2g1: exclusive, 10.00 EUR off; no other promotion applies with it
      promotion:five | not applied | five: left out, b2g1 is exclusive"
    `);
  });
  it("the best for the customer, and the one that lost", () => {
    const a = promotion("five", fiveOff, { combine: "best-for-customer" });
    const b = promotion("b2g1", buy2get1, { combine: "best-for-customer" });
    expect(text(selectPromotions([a, b], basket(at, three)).explain)).toMatchInlineSnapshot(`
      "promotion:five | not applied | five: left out, 5.00 EUR off is less than b2g1's 10.00 EUR
      promotion:b2g1 | applied | b2g1: the best for the customer, 10.00 EUR off"
    `);
  });
});

describe("next-order coupon reasons", () => {
  const back = promotion(
    "back",
    { type: "amount-off", amount: "25.00" },
    { coupon: { pattern: "BACK-#####", usesPerCode: 1, issue: { minSpend: "50.00", validDays: 30 } } },
  );
  const shop = promotion("shop", { type: "amount-off", amount: "0.01", minSpend: "1000000.00" });
  const closed = promotion(
    "closed",
    { type: "amount-off", amount: "0.01" },
    {
      active: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" },
    },
  );
  const zeros = (bytes: Uint8Array) => bytes.fill(0);
  const buy = (p: typeof shop, tx: string, price: string, state: CouponState, account = openProgramAccount(p)) =>
    checkout(p, account, basket(at, [{ price }], { id: tx, customerId: "c1" }), {
      transactionId: tx,
      nextOrder: { program: back, state, randomBytes: zeros },
    });
  it("issued, a retry, below the minimum, program not active", () => {
    const first = buy(shop, "sale-1", "60.00", openCouponState(back));
    expect(first.nextOrder?.reason).toMatchInlineSnapshot(
      `"a total of 60.00 EUR earns code BACK-00000, valid until 2026-04-08 (Europe/Berlin)"`,
    );
    const state = first.nextOrder?.state as CouponState;
    expect(buy(shop, "sale-1", "60.00", state, first.account).nextOrder?.reason).toMatchInlineSnapshot(
      `"sale sale-1 issued BACK-00000"`,
    );
    expect(buy(shop, "sale-2", "40.00", state).nextOrder?.reason).toMatchInlineSnapshot(
      `"the total of 40.00 EUR is below the 50.00 EUR that earns a next-order coupon"`,
    );
    expect(buy(closed, "sale-3", "60.00", state).nextOrder?.reason).toMatchInlineSnapshot(
      `"the program was not active: no next-order coupon"`,
    );
  });
});

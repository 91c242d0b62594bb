import { describe, expect, it } from "vitest";
import {
  checkout,
  openProgramAccount,
  parseBasket,
  parseProgram,
  post,
  quote,
  type ProgramAccount,
  type ProgramInput,
  type QuoteOptions,
} from "../../src/index.js";

// Every kind of sentence the pricing engine writes into `explain`, pinned word for word. The
// programs, points and baskets are this test's own (prices as a fashion shop or a coffee bar would
// set them); the expected sentences were recorded from loyalty-kit before the sentences moved into
// one module (src/programs/_lib/explain.ts), and the same cases give the same `explain` on both.
const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } } as const;

interface Line {
  sku: string;
  price: string;
  kind?: "merchandise" | "service" | "delivery" | "gift-card" | "fee";
}

interface Case {
  name: string;
  program: ProgramInput;
  /** Points on the account before, and earlier purchases (checked out at 09:00 the same day). */
  setup: { points?: string; history?: Line[][] };
  lines: Line[];
  options: QuoteOptions;
  explain: [rule: string, applied: boolean, reason: string][];
}

const cases: Case[] = [
  {
    name: "lines that do not count, and a capped percentage",
    program: { ...common, ...{ kind: "discount", id: "d", name: "10%", percent: "10", maxDiscount: "5.00" } },
    setup: {},
    lines: [
      { sku: "DRESS", price: "80.00" },
      { sku: "SHIP", price: "4.90", kind: "delivery" },
    ],
    options: {},
    explain: [
      ["eligibility", true, "1 of 2 lines do not count: SHIP (delivery)"],
      ["discount", true, "10% off 80.00 EUR of eligible lines: 5.00 EUR (capped at the maximum discount of 5.00 EUR)"],
    ],
  },
  {
    name: "outside the active window",
    program: {
      ...common,
      active: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" },
      ...{ kind: "discount", id: "d", name: "10%", percent: "10" },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "80.00" }],
    options: {},
    explain: [
      [
        "active-window",
        false,
        "program not active at 2026-02-15T10:00:00.000Z (active from 2026-01-01T00:00:00.000Z until 2026-02-01T00:00:00.000Z): nothing applied",
      ],
    ],
  },
  {
    name: "nothing eligible to discount",
    program: { ...common, ...{ kind: "discount", id: "d", name: "10%", percent: "10" } },
    setup: {},
    lines: [{ sku: "SHIP", price: "4.90", kind: "delivery" }],
    options: {},
    explain: [
      ["eligibility", true, "1 of 1 lines do not count: SHIP (delivery)"],
      ["discount", false, "no eligible lines to discount"],
    ],
  },
  {
    name: "below a discount's minimum spend",
    program: { ...common, ...{ kind: "discount", id: "d", name: "10%", percent: "10", minSpend: "50.00" } },
    setup: {},
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: {},
    explain: [["min-spend", false, "eligible amount 40.00 EUR is below the minimum spend of 50.00 EUR: no discount"]],
  },
  {
    name: "below the lowest tier, this purchase not counted",
    program: {
      ...common,
      ...{
        kind: "cumulative",
        id: "vip",
        name: "VIP",
        window: { type: "lifetime" },
        tiers: [{ name: "Silver", threshold: "1000", percent: "5" }],
      },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "1200.00" }],
    options: {},
    explain: [
      ["tier", false, "accumulated spend 0.00 EUR (this purchase not counted) is below the lowest tier threshold"],
    ],
  },
  {
    name: "a tier reached with this purchase, discount capped",
    program: {
      ...common,
      ...{
        kind: "cumulative",
        id: "vip",
        name: "VIP",
        window: { type: "lifetime" },
        includeCurrentPurchase: true,
        maxDiscount: "50.00",
        tiers: [{ name: "Silver", threshold: "1000", percent: "5" }],
      },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "1200.00" }],
    options: {},
    explain: [
      [
        "tier",
        true,
        "Silver (threshold 1000, 5%): accumulated spend 1200.00 EUR (0.00 EUR before plus 1200.00 EUR of this purchase)",
      ],
      ["discount", true, "5% off 1200.00 EUR of eligible lines: 50.00 EUR (capped at the maximum discount)"],
    ],
  },
  {
    name: "points redeemed up to the maximum share, earn rules, points valid for 12 months",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: {
          rules: [
            { type: "per-amount", points: "1", per: "1.00" },
            { type: "multiplier", factor: "2", match: { skus: ["BOOT"] } },
          ],
          validityMonths: 12,
        },
        redeem: { pointValue: "0.01", maxShare: "50" },
      },
    },
    setup: { points: "5000" },
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: { redeemPoints: "max" },
    explain: [
      [
        "redeem",
        true,
        "2000 points × 0.01 = 20.00 EUR paid with points (capped at 50% of 40.00 EUR: at most 2000 points)",
      ],
      ["earn:earn-1", true, "earn-1: 1 points per 1.00 paid — on 1 line"],
      ["earn:earn-2", false, "earn-2: ×2 — no matching line with an amount paid"],
      [
        "points",
        true,
        "20.00 points on 20.00 EUR paid after discounts and points, rounded floor: 20 points, valid until 2027-03-01T22:59:59.999Z",
      ],
    ],
  },
  {
    name: "below the minimum points to redeem",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
        redeem: { pointValue: "0.01", minPoints: "100" },
      },
    },
    setup: { points: "50" },
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: { redeemPoints: "max" },
    explain: [
      ["redeem", false, "50 points is below the minimum of 100 points to redeem"],
      ["earn:earn-1", true, "earn-1: 1 points per 1.00 paid — on 1 line"],
      ["points", true, "40.00 points on 40.00 EUR paid after discounts and points, rounded floor: 40 points"],
    ],
  },
  {
    name: "no points to redeem",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
        redeem: { pointValue: "0.01" },
      },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: { redeemPoints: "max" },
    explain: [
      ["redeem", false, "no points available"],
      ["earn:earn-1", true, "earn-1: 1 points per 1.00 paid — on 1 line"],
      ["points", true, "40.00 points on 40.00 EUR paid after discounts and points, rounded floor: 40 points"],
    ],
  },
  {
    name: "welcome points, below the minimum order",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], minOrder: "50.00" },
        welcomeBonus: { points: "100", on: "first-purchase" },
      },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: {},
    explain: [
      ["welcome-bonus", true, "100 welcome points with the first purchase"],
      ["min-order", false, "40.00 EUR paid on eligible lines is below the minimum order of 50.00 EUR: no points"],
    ],
  },
  {
    name: "capped per transaction",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: {
          rules: [
            { type: "per-amount", points: "1", per: "1.00" },
            { type: "per-unit", id: "socks", points: "5", match: { skus: ["SOCKS"] } },
          ],
          capPerTransaction: "30",
        },
      },
    },
    setup: {},
    lines: [{ sku: "DRESS", price: "40.50" }],
    options: {},
    explain: [
      ["earn:earn-1", true, "earn-1: 1 points per 1.00 paid — on 1 line"],
      ["earn:socks", false, "socks: 5 points per unit — no matching line with an amount paid"],
      ["cap-transaction", true, "capped at 30 points per transaction (40 before the cap)"],
      ["points", true, "40.50 points on 40.50 EUR paid after discounts and points, rounded floor: 30 points"],
    ],
  },
  {
    name: "capped per month after an earlier purchase",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: {
          rules: [{ type: "per-amount", points: "1", per: "1.00" }],
          capPerPeriod: { points: "50", period: "month" },
        },
      },
    },
    setup: { history: [[{ sku: "DRESS", price: "30.00" }]] },
    lines: [{ sku: "COAT", price: "40.00" }],
    options: {},
    explain: [
      ["earn:earn-1", true, "earn-1: 1 points per 1.00 paid — on 1 line"],
      ["cap-period", true, "capped at 50 points per month: 30 already earned this month, 20 left"],
      ["points", true, "40.00 points on 40.00 EUR paid after discounts and points, rounded floor: 20 points"],
    ],
  },
  {
    name: "a catalog reward gives a product free",
    program: {
      ...common,
      ...{
        kind: "catalog",
        id: "gifts",
        name: "Gifts",
        rewards: [{ id: "scarf", name: "Silk scarf", pointsCost: "500", gives: { type: "product", sku: "SCARF" } }],
      },
    },
    setup: { points: "500" },
    lines: [{ sku: "SCARF", price: "12.00" }],
    options: { rewardId: "scarf" },
    explain: [["reward", true, "Silk scarf for 500 points: one SCARF free (12.00 EUR)"]],
  },
  {
    name: "a catalog reward takes money off",
    program: {
      ...common,
      ...{
        kind: "catalog",
        id: "gifts",
        name: "Gifts",
        rewards: [{ id: "five", name: "Five off", pointsCost: "200", gives: { type: "fixed", amount: "5.00" } }],
      },
    },
    setup: { points: "500" },
    lines: [{ sku: "DRESS", price: "40.00" }],
    options: { rewardId: "five" },
    explain: [["reward", true, "Five off for 200 points: 5.00 EUR off 40.00 EUR of eligible lines"]],
  },
  {
    name: "a full card kept for later; stamps per purchase with a minimum",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-purchase", minAmount: "3.00" },
        reward: { type: "free-item" },
      },
    },
    setup: { points: "3" },
    lines: [{ sku: "LATTE", price: "3.40" }],
    options: { redeemCard: false },
    explain: [
      ["card", false, "card full (3 of 3 stamps) but not used on this purchase"],
      ["stamps", true, "1 stamp for a purchase of 3.40 EUR (at least 3.00 EUR)"],
    ],
  },
  {
    name: "a full card gives the dearest item free up to a value",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-purchase" },
        reward: { type: "free-item", maxValue: "3.00" },
      },
    },
    setup: { points: "3" },
    lines: [
      { sku: "LATTE", price: "3.40" },
      { sku: "MUFFIN", price: "2.20" },
    ],
    options: {},
    explain: [
      ["card", true, "full card of 3 stamps: one LATTE free (3.00 EUR, up to 3.00 EUR)"],
      ["stamps", true, "1 stamp for a purchase of 2.60 EUR"],
    ],
  },
  {
    name: "a full card with no item to give free; below a stamp's minimum",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-purchase", minAmount: "3.00" },
        reward: { type: "free-item", match: { skus: ["LATTE"] } },
      },
    },
    setup: { points: "3" },
    lines: [{ sku: "MUFFIN", price: "2.20" }],
    options: {},
    explain: [
      [
        "card",
        false,
        "full card of 3 stamps, but no eligible item in the basket to give free: kept for the next purchase",
      ],
      ["stamps", false, "2.20 EUR paid on eligible lines is below 3.00 EUR: no stamp"],
    ],
  },
  {
    name: "a full card takes money off; one stamp per amount",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-amount", per: "2.50" },
        reward: { type: "fixed", amount: "2.00" },
      },
    },
    setup: { points: "3" },
    lines: [
      { sku: "LATTE", price: "3.40" },
      { sku: "MUFFIN", price: "2.20" },
    ],
    options: {},
    explain: [
      ["card", true, "full card of 3 stamps: 2.00 EUR off"],
      ["stamps", true, "one stamp per 2.50 EUR paid: 1 for 3.60 EUR"],
    ],
  },
  {
    name: "a full card with nothing eligible to discount",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-purchase" },
        reward: { type: "percent", percent: "20" },
      },
    },
    setup: { points: "3" },
    lines: [{ sku: "SHIP", price: "4.90", kind: "delivery" }],
    options: {},
    explain: [
      ["eligibility", true, "1 of 1 lines do not count: SHIP (delivery)"],
      ["card", false, "full card, but nothing eligible to discount: kept for the next purchase"],
      ["stamps", false, "0.00 EUR paid on eligible lines: no stamp"],
    ],
  },
  {
    name: "nothing left to pay with points",
    program: {
      ...common,
      ...{
        kind: "bonus",
        id: "bonus",
        name: "Bonus",
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
        redeem: { pointValue: "0.01" },
      },
    },
    setup: { points: "500" },
    lines: [{ sku: "SHIP", price: "4.90", kind: "delivery" }],
    options: { redeemPoints: "max" },
    explain: [
      ["eligibility", true, "1 of 1 lines do not count: SHIP (delivery)"],
      ["redeem", false, "nothing left to pay with points"],
      ["earn:earn-1", false, "earn-1: 1 points per 1.00 paid — no matching line with an amount paid"],
      ["points", false, "0.00 points on 0.00 EUR paid after discounts and points, rounded floor: 0 points"],
    ],
  },
  {
    name: "more than five lines that do not count",
    program: {
      ...common,
      ...{ kind: "discount", id: "d", name: "10%", percent: "10", eligibility: { excludeSkus: ["TOBACCO"] } },
    },
    setup: {},
    lines: [
      { sku: "DRESS", price: "80.00" },
      { sku: "TOBACCO", price: "8.00" },
      { sku: "SHIP", price: "4.90", kind: "delivery" },
      { sku: "CARD", price: "25.00", kind: "gift-card" },
      { sku: "FEE", price: "1.00", kind: "fee" },
      { sku: "TOBACCO", price: "8.00" },
      { sku: "TOBACCO", price: "8.00" },
    ],
    options: {},
    explain: [
      [
        "eligibility",
        true,
        "6 of 7 lines do not count: TOBACCO (excluded product or category), SHIP (delivery), CARD (gift-card), FEE (fee), TOBACCO (excluded product or category), …",
      ],
      ["discount", true, "10% off 80.00 EUR of eligible lines: 8.00 EUR"],
    ],
  },
  {
    name: "two stamps per purchase",
    program: {
      ...common,
      ...{
        kind: "stamps",
        id: "card",
        name: "Coffee card",
        cardSize: 3,
        earn: { type: "per-purchase", stamps: 2 },
        reward: { type: "free-item" },
      },
    },
    setup: {},
    lines: [{ sku: "LATTE", price: "3.40" }],
    options: {},
    explain: [["stamps", true, "2 stamps for a purchase of 3.40 EUR"]],
  },
];

function linesOf(lines: Line[]) {
  return lines.map((l, j) => ({
    id: String(j + 1),
    sku: l.sku,
    ...(l.kind === undefined ? {} : { kind: l.kind }),
    quantity: 1,
    unitPrice: { amount: l.price, currency: "EUR" },
  }));
}

describe("explain: every sentence of the pricing engine", () => {
  it.each(cases)("$name", (c) => {
    const program = parseProgram(c.program);
    let account: ProgramAccount = openProgramAccount(program, { customerId: "olga", consent: true });
    if (c.setup.points !== undefined) {
      const opening = {
        kind: "earn",
        transactionId: "opening",
        at: "2026-01-02T00:00:00Z",
        points: c.setup.points,
      } as const;
      account = { ...account, points: post(account.points, opening).account };
    }
    for (const [i, lines] of (c.setup.history ?? []).entries()) {
      const earlier = parseBasket({
        id: `h${i}`,
        at: "2026-03-01T09:00:00Z",
        customerId: "olga",
        lines: linesOf(lines),
      });
      account = checkout(program, account, earlier, { transactionId: `h${i}`, consent: true }).account;
    }
    const at = program.active.to === undefined ? "2026-03-01T10:00:00Z" : "2026-02-15T10:00:00Z";
    const basket = parseBasket({ id: "b", at, customerId: "olga", lines: linesOf(c.lines) });
    const q = quote(program, account, basket, { consent: true, ...c.options });
    expect(q.explain.map((e) => [e.rule, e.applied, e.reason])).toEqual(c.explain);
  });
});

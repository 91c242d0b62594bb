// Shared builders for the programs tests: programs as a shop would write them, baskets as a till sends them.
import { parseBasket, parseProgram, type BasketInput, type Program } from "../../src/index.js";

export const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } } as const;

export function eur(amount: string): { amount: string; currency: string } {
  return { amount, currency: "EUR" };
}

type Line = {
  id?: string;
  sku?: string;
  category?: string;
  kind?: "merchandise" | "service" | "delivery" | "gift-card" | "fee";
  quantity?: string | number;
  price: string;
};

export function basket(at: string, lines: Line[], extra: Partial<BasketInput> = {}) {
  return parseBasket({
    id: `b-${at}`,
    at,
    ...extra,
    lines: lines.map((l, i) => ({
      id: l.id ?? String(i + 1),
      sku: l.sku ?? `SKU-${i + 1}`,
      ...(l.category === undefined ? {} : { category: l.category }),
      ...(l.kind === undefined ? {} : { kind: l.kind }),
      quantity: l.quantity ?? 1,
      unitPrice: eur(l.price),
    })),
  });
}

export const discount10: Program = parseProgram({
  ...common,
  kind: "discount",
  id: "ten",
  name: "10% off",
  percent: "10",
});

export const tiers = [
  { name: "Bronze", threshold: "0", percent: "0" },
  { name: "Silver", threshold: "1000", percent: "5" },
  { name: "Gold", threshold: "5000", percent: "10" },
];

export function cumulative(includeCurrentPurchase: boolean): Program {
  return parseProgram({
    ...common,
    kind: "cumulative",
    id: "vip",
    name: "VIP",
    tiers,
    window: { type: "rolling", months: 12 },
    includeCurrentPurchase,
  });
}

export const bonus: Program = parseProgram({
  ...common,
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
  redeem: { pointValue: "0.01", maxShare: "50" },
});

export const stamps: Program = parseProgram({
  ...common,
  kind: "stamps",
  id: "card6",
  name: "Card of six",
  cardSize: 6,
  earn: { type: "per-purchase", minAmount: "10.00" },
  reward: { type: "free-item", maxValue: "15.00" },
});

// Olga's coupon card: a card of six, one stamp per purchase of 10.00 or more,
// a full card gives one item free up to 15.00. No customer database needed.
import { parseProgram, openProgramAccount, checkout } from "loyalty-kit";

const program = parseProgram({
  kind: "stamps",
  id: "olga-card",
  name: "Olga's card",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  cardSize: 6,
  earn: { type: "per-purchase", minAmount: "10.00" },
  reward: { type: "free-item", maxValue: "15.00" },
});
let card = openProgramAccount(program, { cardId: "card-0007" });
const prices = ["12.00", "9.50", "25.00", "10.00", "14.90", "31.00", "11.00"];
prices.forEach((price, i) => {
  const r = checkout(
    program,
    card,
    {
      id: `b${i}`,
      at: `2026-03-${String(i + 1).padStart(2, "0")}T10:00:00Z`,
      lines: [{ id: "1", sku: "TOP", quantity: 1, unitPrice: { amount: price, currency: "EUR" } }],
    },
    { transactionId: `visit-${i + 1}` },
  );
  card = r.account;
  console.log(
    `visit ${i + 1}: ${price} → pay ${r.total.amount}, stamps ${r.stamps.before} → ${r.stamps.after}${r.stamps.redeemed > 0 ? " (full card used)" : ""}`,
  );
});
const r = checkout(
  program,
  card,
  {
    id: "b8",
    at: "2026-03-09T10:00:00Z",
    lines: [
      { id: "1", sku: "COAT", quantity: 1, unitPrice: { amount: "89.00", currency: "EUR" } },
      { id: "2", sku: "SOCKS", quantity: 1, unitPrice: { amount: "6.00", currency: "EUR" } },
    ],
  },
  { transactionId: "visit-8" },
);
console.log(`visit 8: ${r.explain.find((e) => e.rule === "card").reason}; pay ${r.total.amount}`);

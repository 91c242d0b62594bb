// A plain 10% discount: merchandise only, delivery untouched, the discount spread over the lines.
import { parseProgram, parseBasket, openProgramAccount, quote } from "loyalty-kit";

const program = parseProgram({
  kind: "discount",
  id: "ten",
  name: "10% off",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  percent: "10",
});
const basket = parseBasket({
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [
    { id: "1", sku: "SKIRT", quantity: 1, unitPrice: { amount: "19.99", currency: "EUR" } },
    { id: "2", sku: "BELT", quantity: 1, unitPrice: { amount: "5.01", currency: "EUR" } },
    { id: "3", sku: "SHIP", kind: "delivery", quantity: 1, unitPrice: { amount: "4.90", currency: "EUR" } },
  ],
});
const q = quote(program, openProgramAccount(program), basket);
for (const l of q.lines)
  console.log(`${l.sku.padEnd(6)} ${l.gross.amount.padStart(6)} −${l.discount.amount} = ${l.net.amount}`);
console.log(`discount ${q.discountTotal.amount}, to pay ${q.total.amount} ${q.total.currency}`);
for (const e of q.explain) console.log(`- ${e.rule}: ${e.reason}`);

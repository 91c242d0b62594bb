// 10.00 off orders from 50.00: one amount split over the lines by their amounts, delivery untouched.
import { openProgramAccount, parseBasket, parseProgram, quote } from "loyalty-kit";

const tenOff = parseProgram({
  kind: "promotion",
  id: "ten-off",
  name: "10.00 off from 50.00",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  rule: { type: "amount-off", amount: "10.00", minSpend: "50.00" },
});
const basket = parseBasket({
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [
    { id: "1", sku: "DRESS", quantity: 1, unitPrice: { amount: "39.90", currency: "EUR" } },
    { id: "2", sku: "SCARF", quantity: 2, unitPrice: { amount: "9.95", currency: "EUR" } },
    { id: "3", sku: "SHIP", kind: "delivery", quantity: 1, unitPrice: { amount: "4.90", currency: "EUR" } },
  ],
});
const q = quote(tenOff, openProgramAccount(tenOff), basket);
for (const l of q.lines)
  console.log(`${l.sku.padEnd(6)} ${l.gross.amount.padStart(6)} −${l.discount.amount.padStart(5)} = ${l.net.amount}`);
console.log(`to pay ${q.total.amount} ${q.total.currency}`);
for (const e of q.explain) console.log(`- ${e.rule}: ${e.reason}`);

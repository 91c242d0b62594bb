// Buy 2 get 1 free, a free cooling pad with a laptop (gift with purchase), and what refunds give back.
import { addGiftLines, checkout, openProgramAccount, parseProgram, quote, refund } from "loyalty-kit";

const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } };
const b2g1 = parseProgram({
  ...common,
  kind: "promotion",
  id: "b2g1",
  name: "Buy 2 tees, get 1 free",
  rule: { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 }, allocation: "free-units" },
  eligibility: { includeCategories: ["tees"] },
});
const tees = quote(b2g1, openProgramAccount(b2g1), {
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [
    { id: "1", sku: "TEE-RED", category: "tees", quantity: 2, unitPrice: { amount: "15.00", currency: "EUR" } },
    { id: "2", sku: "TEE-LOGO", category: "tees", quantity: 1, unitPrice: { amount: "19.00", currency: "EUR" } },
  ],
});
console.log(tees.lines.map((l) => `${l.sku} −${l.discount.amount}`).join(", "), `→ ${tees.total.amount}`);
console.log(`- ${tees.explain.at(-1)?.reason}`);

const pad = parseProgram({
  ...common,
  kind: "promotion",
  id: "pad",
  name: "Free cooling pad with a laptop",
  rule: { type: "gift", gift: { sku: "PAD", unitPrice: "24.90" }, when: { match: { categories: ["laptops"] } } },
});
const basket = addGiftLines(pad, {
  id: "b2",
  at: "2026-03-01T11:00:00Z",
  lines: [
    { id: "1", sku: "LAPTOP-14", category: "laptops", quantity: 1, unitPrice: { amount: "899.00", currency: "EUR" } },
  ],
});
const sale = checkout(pad, openProgramAccount(pad), basket, { transactionId: "sale-2" });
for (const l of sale.lines)
  console.log(
    `${l.id.padEnd(8)} ${l.sku.padEnd(9)} ${l.gross.amount.padStart(6)} −${l.discount.amount} = ${l.net.amount}`,
  );
const giftBack = refund(pad, sale.account, sale, {
  at: "2026-03-02T10:00:00Z",
  transactionId: "r1",
  lines: [{ id: "gift:pad", quantity: 1 }],
});
console.log(`pad returned: ${giftBack.moneyBack.amount} back`);

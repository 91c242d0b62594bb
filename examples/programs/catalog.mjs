// A catalog program: points buy rewards; stock is a snapshot you keep.
import { parseProgram, openProgramAccount, openCatalogStock, checkout } from "loyalty-kit";

const program = parseProgram({
  kind: "catalog",
  id: "gifts",
  name: "Gifts",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "10", per: "1.00" }] },
  rewards: [{ id: "scarf", name: "Silk scarf", pointsCost: "500", stock: 1, gives: { type: "product", sku: "SCARF" } }],
});
const line = (id, sku, amount) => ({ id, sku, quantity: 1, unitPrice: { amount, currency: "EUR" } });
let stock = openCatalogStock(program);
let account = openProgramAccount(program, { customerId: "olga-0042", consent: true });

const r1 = checkout(
  program,
  account,
  { id: "b1", at: "2026-03-01T10:00:00Z", lines: [line("1", "DRESS", "59.90")] },
  { transactionId: "s1", consent: true, stock },
);
account = r1.account;
console.log(`dress: ${r1.pointsEarned} points`);
const r2 = checkout(
  program,
  account,
  { id: "b2", at: "2026-03-05T10:00:00Z", lines: [line("1", "BELT", "10.00"), line("2", "SCARF", "24.00")] },
  { transactionId: "s2", consent: true, rewardId: "scarf", stock },
);
account = r2.account;
stock = r2.stock;
console.log(
  `scarf for ${r2.pointsRedeemed} points: pay ${r2.total.amount}, earn ${r2.pointsEarned}; scarves left: ${stock.rewards[0].remaining}`,
);
try {
  checkout(
    program,
    account,
    { id: "b3", at: "2026-03-06T10:00:00Z", lines: [line("1", "SCARF", "24.00")] },
    { transactionId: "s3", consent: true, rewardId: "scarf", stock },
  );
} catch (e) {
  console.log(`${e.code}: ${e.message}`);
}

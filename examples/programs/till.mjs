// A till integration in 15 lines: validate the program once, then check out each basket.
import { parseProgram, openProgramAccount, checkout } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "olga-bonus",
  name: "Olga's bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
  welcomeBonus: { points: "1000", on: "first-purchase" },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
let account = openProgramAccount(program, { customerId: "olga-0042", consent: true }); // in production: load it from your store

function pay(basket, transactionId, redeemPoints) {
  const r = checkout(program, account, basket, {
    transactionId,
    consent: true,
    ...(redeemPoints ? { redeemPoints } : {}),
  });
  account = r.account; // store r.account together with the sale, in one transaction
  return `${r.status}: pay ${r.total.amount} ${r.total.currency}, ${r.pointsRedeemed} points used, ${r.pointsEarned} + ${r.welcomeBonus} earned`;
}
const line = (price) => ({ id: "1", sku: "DRESS-38", quantity: 1, unitPrice: { amount: price, currency: "EUR" } });
console.log(pay({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [line("35.70")] }, "till-1:0001"));
console.log(pay({ id: "b1", at: "2026-03-01T10:00:00Z", lines: [line("35.70")] }, "till-1:0001")); // retry after a lost reply
console.log(pay({ id: "b2", at: "2026-03-08T10:00:00Z", lines: [line("20.00")] }, "till-1:0002", "max"));

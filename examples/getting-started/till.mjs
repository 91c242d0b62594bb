// At the till: a bonus program with a welcome bonus; pay part of a basket with points; retry safely.
import { balance, checkout, openProgramAccount, parseBasket, parseProgram } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "toko-points",
  name: "Toko Olga points",
  currency: "IDR",
  timeZone: "Asia/Jakarta",
  active: { from: "2026-01-01T00:00:00+07:00" },
  welcomeBonus: { points: "50", on: "enrollment" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "10000" }], validityMonths: 12 }, // 1 point per Rp 10,000 paid
  redeem: { pointValue: "100", maxShare: "50" }, // 1 point = Rp 100, at most half the basket
});
const account = openProgramAccount(program, {
  customerId: "olga-0042",
  consent: true,
  at: "2026-03-01T10:00:00+07:00",
});
const basket = parseBasket({
  id: "r-1041",
  at: "2026-03-01T10:05:00+07:00",
  lines: [
    { id: "1", sku: "BATIK-SHIRT", quantity: 1, unitPrice: { amount: "250000", currency: "IDR" } },
    { id: "2", sku: "SCARF", quantity: 2, unitPrice: { amount: "50000", currency: "IDR" } },
  ],
});
const options = { transactionId: "r-1041", consent: true, redeemPoints: "50" };
const sale = checkout(program, account, basket, options);
console.log(
  sale.status,
  sale.gross.amount,
  "-",
  sale.pointsMoney.amount,
  "=",
  sale.total.amount,
  "| earned",
  sale.pointsEarned,
);
const retry = checkout(program, sale.account, basket, options); // the network dropped the answer
console.log(retry.status, "balance", balance(retry.account.points, { at: "2026-03-02T00:00:00+07:00" }));

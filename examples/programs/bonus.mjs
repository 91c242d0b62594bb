// A bonus program: points on what is paid, points as money up to half the basket, refunds and retries.
import { parseProgram, openProgramAccount, checkout, refund, balance } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor", validityMonths: 12 },
  redeem: { pointValue: "0.01", maxShare: "50" },
  clawback: "deduct-available",
});
const basket = (id, at, lines) => ({
  id,
  at,
  lines: lines.map(([sku, qty, amount], i) => ({
    id: String(i + 1),
    sku,
    quantity: qty,
    unitPrice: { amount, currency: "EUR" },
  })),
});
const show = (at, account) => balance(account.points, { at });

let account = openProgramAccount(program, { customerId: "olga-0042", consent: true });
const first = checkout(program, account, basket("b1", "2026-01-31T15:00:00Z", [["DRESS", 1, "35.70"]]), {
  transactionId: "s1",
  consent: true,
});
console.log(`35.70 paid → ${first.pointsEarned} points, valid until ${first.expiresAt}`);
account = first.account;

const second = checkout(program, account, basket("b2", "2026-02-10T10:00:00Z", [["TEE", 2, "10.00"]]), {
  transactionId: "s2",
  consent: true,
  redeemPoints: "max",
});
console.log(
  `20.00 basket, ${show("2026-02-10T09:00:00Z", account)} points available → ${second.pointsRedeemed} used (${second.pointsMoney.amount} EUR), pay ${second.total.amount}, earn ${second.pointsEarned}`,
);
account = second.account;

const retry = checkout(program, account, basket("b2", "2026-02-10T10:00:00Z", [["TEE", 2, "10.00"]]), {
  transactionId: "s2",
  consent: true,
  redeemPoints: "max",
});
console.log(`retry of s2: ${retry.status}, balance still ${show("2026-02-11T00:00:00Z", retry.account)}`);

const back = refund(program, account, second, {
  at: "2026-02-12T10:00:00Z",
  transactionId: "r1",
  lines: [{ id: "1", quantity: 1 }],
});
console.log(
  `one tee back: ${back.moneyBack.amount} EUR, ${back.pointsRestored} points restored, ${back.pointsReversed} taken back → balance ${show("2026-02-13T00:00:00Z", back.account)}`,
);
try {
  refund(program, back.account, second, {
    at: "2026-02-13T10:00:00Z",
    transactionId: "r2",
    lines: [{ id: "1", quantity: 2 }],
  });
} catch (e) {
  console.log(`${e.code}: ${e.message}`);
}

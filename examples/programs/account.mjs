// A program account is one JSON document per customer per program: the points ledger, the sales and
// refunds of its last retainDays days (default 90) as figures, and running totals for the rest. Its
// size depends on what is open, not on the customer's age. You store it; parseProgramAccount reads it back.
import { parseProgram, openProgramAccount, checkout, refund, parseProgramAccount } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "olga-bonus",
  name: "Olga's bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
});
let account = openProgramAccount(program, { customerId: "olga-0042", consent: true });

const basket = {
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [
    { id: "1", sku: "DRESS-38", quantity: 1, unitPrice: { amount: "35.70", currency: "EUR" } },
    { id: "2", sku: "BELT", quantity: 1, unitPrice: { amount: "5.00", currency: "EUR" } },
  ],
};
const sale = checkout(program, account, basket, { transactionId: "till-1:0001", consent: true });
account = sale.account;
account = refund(program, account, sale, {
  at: "2026-03-03T10:00:00Z",
  transactionId: "till-1:0001:refund",
  lines: [{ id: "2", quantity: 1 }],
}).account;

const stored = JSON.stringify(account); // what you keep next to your sales
const back = parseProgramAccount(JSON.parse(stored));
console.log("keys:", Object.keys(back).join(", "));
console.log(
  "version:",
  back.version,
  "| points ledger entries:",
  back.points.entries.map((e) => `${e.kind} ${e.points}`).join(", "),
);
console.log("retainDays:", back.retainDays);
console.log(
  "sales:",
  back.sales.map((s) => `${s.transactionId} spend ${s.spend}, earned ${s.pointsEarned}`).join("; "),
);
console.log(
  "refunds:",
  back.refunds.map((r) => `${r.transactionId} of ${r.originalTransactionId}, ${r.lines.length} line(s)`).join("; "),
);
console.log("bytes:", stored.length);

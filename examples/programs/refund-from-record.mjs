// A refund of a sale the program account no longer holds: pass the checkout record you stored in
// your history as options.record. It is checked (this program, this points account, figures that
// add up) before anything is applied; an edited record is refused with HISTORY_MISMATCH.
import { parseProgram, openProgramAccount, checkout, refund, balance } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "olga-bonus",
  name: "Olga's bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
});
const opened = openProgramAccount(program, { customerId: "olga-0042", consent: true });
const basket = {
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [{ id: "1", sku: "TEE", quantity: 3, unitPrice: { amount: "10.00", currency: "EUR" } }],
};
const sale = checkout(program, opened, basket, { transactionId: "till-3:0042", consent: true });

// What you append to your history table with the sale (everything but status, account and stock).
const { status: _status, account, stock: _stock, ...record } = sale;
const historyRow = JSON.stringify(record);
console.log(`stored record ${record.transactionId} for points account ${record.accountId}`);

// 100 days later another sale: the account keeps 90 days (its retainDays), so the first sale has
// left it, as figures in its totals.
const later = checkout(
  program,
  account,
  { ...basket, id: "b2", at: "2026-06-09T10:00:00Z" },
  {
    transactionId: "till-3:0107",
    consent: true,
  },
).account;
console.log(`the account holds: ${later.sales.map((s) => s.transactionId).join(", ")}`);
const back = refund(program, later, "till-3:0042", {
  at: "2026-06-10T10:00:00Z",
  transactionId: "till-3:0043",
  lines: [{ id: "1", quantity: 1 }],
  record: JSON.parse(historyRow),
});
console.log(
  `refund: ${back.moneyBack.amount} EUR back, ${back.pointsReversed} points taken back, balance ${balance(back.account.points, { at: "2026-06-10T10:00:00Z" })}`,
);

// The same record with a line's net raised from 30.00 to 90.00 is refused, and nothing is applied.
const edited = JSON.parse(historyRow);
edited.lines[0].net.amount = "90.00";
try {
  refund(program, later, "till-3:0042", { at: "2026-06-10T10:00:00Z", transactionId: "till-3:0108", record: edited });
} catch (e) {
  console.log(`${e.code}: ${e.message}`);
}

// A refund of a sale the program account no longer holds: pass the checkout record you stored in
// your history as options.record. It is checked (this program, this points account, figures that
// add up) before anything is applied; an edited record is refused with HISTORY_MISMATCH. A sale that
// paid with points whose redeem entry the points ledger has dropped too needs the points account's
// history records as options.history.
import { parseProgram, openProgramAccount, checkout, refund, balance } from "loyalty-kit";

const program = parseProgram({
  kind: "bonus",
  id: "olga-bonus",
  name: "Olga's bonus",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
const opened = openProgramAccount(program, { customerId: "olga-0042", consent: true });

// The points account's history records, as you append them to your history table with each
// operation: the ledger entries it returned, numbered on from the points account's version.
const ledger = [];
const keep = (points, entries) =>
  entries.forEach((entry, i) => ledger.push({ accountId: points.accountId, sequence: points.version + i + 1, entry }));

const basket = {
  id: "b1",
  at: "2026-03-01T10:00:00Z",
  lines: [{ id: "1", sku: "TEE", quantity: 3, unitPrice: { amount: "10.00", currency: "EUR" } }],
};
const sale = checkout(program, opened, basket, { transactionId: "till-3:0042", consent: true });
keep(opened.points, sale.entries);

// What you append to your history table with the sale (everything but status, account and stock).
const { status: _status, account, stock: _stock, ...record } = sale;
const historyRow = JSON.stringify(record);
console.log(`stored record ${record.transactionId} for points account ${record.accountId}`);

// 100 days later another sale: the account keeps 90 days (its retainDays), so the first sale has
// left it, as figures in its totals.
const second = checkout(
  program,
  account,
  { ...basket, id: "b2", at: "2026-06-09T10:00:00Z" },
  {
    transactionId: "till-3:0107",
    consent: true,
  },
);
keep(account.points, second.entries);
const later = second.account;
console.log(`the account holds: ${later.sales.map((s) => s.transactionId).join(", ")}`);
const back = refund(program, later, "till-3:0042", {
  at: "2026-06-10T10:00:00Z",
  transactionId: "till-3:0043",
  lines: [{ id: "1", quantity: 1 }],
  record: JSON.parse(historyRow),
});
keep(later.points, back.entries);
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

// A sale paying 0.20 of 2.00 with 20 points, and 100 days later another sale: the points ledger
// has dropped this sale's redeem entry too. Its 20 points go back into the lot they came from, which
// only the points account's history knows: without it the refund is HISTORY_REQUIRED.
const socks = {
  id: "b3",
  at: "2026-06-11T10:00:00Z",
  lines: [{ id: "1", sku: "SOCKS", quantity: 1, unitPrice: { amount: "2.00", currency: "EUR" } }],
};
const paid = checkout(program, back.account, socks, { transactionId: "till-3:0044", consent: true, redeemPoints: 20 });
keep(back.account.points, paid.entries);
const { status: _s, account: _a, stock: _k, ...paidRecord } = paid;
const autumn = checkout(
  program,
  paid.account,
  { ...basket, id: "b4", at: "2026-09-19T10:00:00Z" },
  { transactionId: "till-3:0200", consent: true },
);
keep(paid.account.points, autumn.entries);
const options = { at: "2026-09-20T10:00:00Z", transactionId: "till-3:0201", record: paidRecord };
try {
  refund(program, autumn.account, "till-3:0044", options);
} catch (e) {
  console.log(`${e.code}: ${e.message}`);
}
const old = refund(program, autumn.account, "till-3:0044", { ...options, history: ledger });
console.log(
  `refund: ${old.moneyBack.amount} EUR back, ${old.pointsRestored} points given back, ${old.pointsReversed} taken back, balance ${balance(old.account.points, { at: "2026-09-20T10:00:00Z" })}`,
);

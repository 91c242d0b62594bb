// loyalty-kit demo: a points ledger walkthrough at a small shop's till.
// Run with `npm run demo` (builds the package first; this file imports the built "loyalty-kit").
import { balance, openAccount, post, postMany, statement, sweepExpired } from "loyalty-kit";

const say = (text) => console.log(text);
let account = openAccount({ accountId: "card-0042" });
say(`Opened account ${account.accountId} (version ${account.version}).`);

// 1. Two purchases earn points; the January points are valid until the end of February.
account = post(account, { kind: "earn", transactionId: "sale-0101", at: "2026-01-10T10:00:00Z", points: "120", expiresAt: "2026-02-28T23:59:59Z", meta: { spend: "120.00" } }).account;
account = post(account, { kind: "earn", transactionId: "sale-0201", at: "2026-02-03T16:30:00Z", points: "80", meta: { spend: "80.00" } }).account;
say(`Earned 120 (expiring 28 Feb) and 80: balance ${balance(account, { at: "2026-02-03T16:30:00Z" })}.`);

// 2. At the till: hold 50 points while the card payment runs, then capture them.
account = post(account, { kind: "hold", transactionId: "till-7:hold", at: "2026-02-10T12:00:00Z", points: "50", timeoutAt: "2026-02-10T12:15:00Z" }).account;
say(`Held 50 at the till: available ${balance(account, { at: "2026-02-10T12:00:00Z" })}.`);
account = post(account, { kind: "capture", transactionId: "till-7:capture", at: "2026-02-10T12:01:00Z", holdId: "till-7:hold" }).account;

// 3. A checkout redeems 60 points and earns 9 on what was paid, atomically.
const checkout = [
  { kind: "redeem", transactionId: "sale-0215:redeem", at: "2026-02-15T11:00:00Z", points: "60" },
  { kind: "earn", transactionId: "sale-0215:earn", at: "2026-02-15T11:00:00Z", points: "9", meta: { spend: "9.00" } },
];
account = postMany(account, checkout, { expectedVersion: account.version }).account;
say(`Checkout redeemed 60 and earned 9: balance ${balance(account, { at: "2026-02-15T11:00:00Z" })}.`);

// 4. The till's network dropped the reply and it retries the checkout: nothing happens twice.
const retry = postMany(account, checkout, { expectedVersion: account.version - 2 });
say(`Retry of the checkout: ${retry.status}, version still ${retry.account.version}.`);

// 5. Half of the redeemed basket comes back: reverse 30 of the 60 redeemed points.
account = post(account, { kind: "reverse", transactionId: "refund-0220", at: "2026-02-20T09:00:00Z", reverses: "sale-0215:redeem", points: "30" }).account;

// 6. The nightly sweep on 1 March expires what is left of the January points.
account = sweepExpired(account, { at: "2026-03-01T00:00:00Z", transactionId: "sweep-2026-03-01" }).account;

// The statement: every entry with its effect on the available balance, and the expiry.
const s = statement(account, { from: "2026-01-01T00:00:00Z", to: "2026-03-01T00:00:00Z" });
const rows = [["date", "kind", "transaction", "change", "balance"], ...s.lines.map((l) => [l.at.slice(0, 16).replace("T", " "), l.kind, l.transactionId, l.change, l.balance])];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => r.map((cell, c) => (c >= 3 ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join("  ");
say(`\nStatement ${s.from.slice(0, 10)} – ${s.to.slice(0, 10)} for ${s.accountId}`);
say(line(rows[0]));
say(widths.map((w) => "-".repeat(w)).join("  "));
say(line(["", "opening", "", "", s.opening]));
for (const r of rows.slice(1)) say(line(r));
say(line(["", "closing", "", "", s.closing]));

// Idempotency: every entry carries the transactionId that caused it; posting it again is safe.
import { openAccount, post, postMany, balance, IdempotencyConflictError } from "loyalty-kit";

let account = openAccount({ accountId: "card-0042" });
const earn = { kind: "earn", transactionId: "sale-1001", at: "2026-03-02T10:00:00Z", points: "40" };

account = post(account, earn).account;
const retry = post(account, earn); // e.g. the till timed out waiting for the reply and sent it again
console.log(
  "retry:",
  retry.status,
  "| same account object:",
  retry.account === account,
  "| balance:",
  balance(account, { at: "2026-03-02T10:00:00Z" }),
);

try {
  post(account, { ...earn, points: "400" }); // same id, different payload: a bug or tampering
} catch (e) {
  if (e instanceof IdempotencyConflictError) console.log("conflict:", e.code, e.details.transactionId);
}

// A checkout posts its entries together; a retried checkout is a duplicate as a whole.
const checkout = [
  { kind: "redeem", transactionId: "sale-1002:redeem", at: "2026-03-03T12:00:00Z", points: "25" },
  { kind: "earn", transactionId: "sale-1002:earn", at: "2026-03-03T12:00:00Z", points: "6", meta: { spend: "6.20" } },
];
const first = postMany(account, checkout);
const again = postMany(first.account, checkout);
console.log(
  "checkout:",
  first.status,
  "then",
  again.status,
  "| version",
  again.account.version,
  "| balance",
  balance(again.account, { at: "2026-03-03T12:00:00Z" }),
);

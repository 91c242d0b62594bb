// Expiry: lots stop counting at their expiresAt; the sweep records the loss; statements show both.
import { openAccount, postMany, balance, sweepExpired, statement } from "loyalty-kit";

let account = postMany(openAccount({ accountId: "card-5" }), [
  // Earned 31 January with a one-month validity: end of the same day next month, clamped → 28 February.
  {
    kind: "earn",
    transactionId: "jan",
    at: "2026-01-31T15:00:00Z",
    points: "100",
    expiresAt: "2026-02-28T23:59:59.999Z",
  },
  { kind: "earn", transactionId: "feb", at: "2026-02-10T15:00:00Z", points: "30" },
  { kind: "redeem", transactionId: "spend", at: "2026-02-20T15:00:00Z", points: "70" }, // takes the expiring lot first
]).account;

console.log(
  "28 Feb:",
  balance(account, { at: "2026-02-28T12:00:00Z" }),
  "| 1 Mar:",
  balance(account, { at: "2026-03-01T00:00:00Z" }),
);
account = sweepExpired(account, { at: "2026-03-01T00:00:00Z", transactionId: "sweep-2026-03-01" }).account;
console.log(
  "swept:",
  JSON.stringify(account.lots.map((l) => ({ lot: l.lotId, remaining: l.remaining, expired: l.expired }))),
);
const s = statement(account, { from: "2026-02-15T00:00:00Z", to: "2026-03-01T00:00:00Z" });
console.log("statement:", s.opening, s.lines.map((l) => `${l.kind} ${l.change}`).join(", "), "→", s.closing);

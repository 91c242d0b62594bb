// Holds: a two-phase redemption at a till — reserve, then capture or release; holds may time out.
import { openAccount, postMany, post, balance, LoyaltyError } from "loyalty-kit";

let account = postMany(openAccount({ accountId: "card-9" }), [
  { kind: "earn", transactionId: "e1", at: "2026-05-01T10:00:00Z", points: "60", expiresAt: "2026-05-31T23:59:59Z" },
  { kind: "earn", transactionId: "e2", at: "2026-05-02T10:00:00Z", points: "40" },
]).account;

// Reserve 50 while the card terminal runs; the points leave the lots at once (soonest-expiring first).
account = post(account, {
  kind: "hold",
  transactionId: "h1",
  at: "2026-05-10T12:00:00Z",
  points: "50",
  timeoutAt: "2026-05-10T12:15:00Z",
}).account;
console.log(
  "held 50 → available",
  balance(account, { at: "2026-05-10T12:00:00Z" }),
  "| taken from",
  JSON.stringify(account.holds[0].lots),
);

// The payment succeeded for a smaller basket: capture 35, the other 15 go back.
account = post(account, {
  kind: "capture",
  transactionId: "c1",
  at: "2026-05-10T12:02:00Z",
  holdId: "h1",
  points: "35",
}).account;
console.log("captured 35 → available", balance(account, { at: "2026-05-10T12:02:00Z" }));

// A hold nobody captures stops reserving at its timeout; it can then be released but not captured.
account = post(account, {
  kind: "hold",
  transactionId: "h2",
  at: "2026-05-11T09:00:00Z",
  points: "20",
  timeoutAt: "2026-05-11T09:15:00Z",
}).account;
console.log(
  "h2 held → available",
  balance(account, { at: "2026-05-11T09:00:00Z" }),
  "| after its timeout",
  balance(account, { at: "2026-05-11T09:15:00Z" }),
);
try {
  post(account, { kind: "capture", transactionId: "c2", at: "2026-05-11T09:20:00Z", holdId: "h2" });
} catch (e) {
  if (e instanceof LoyaltyError && e.code === "HOLD_TIMED_OUT") console.log("late capture:", e.code, e.message);
}
account = post(account, { kind: "release", transactionId: "r2", at: "2026-05-11T09:20:00Z", holdId: "h2" }).account;
console.log(
  "released → open holds",
  account.holds.length,
  "| available",
  balance(account, { at: "2026-05-11T09:20:00Z" }),
);

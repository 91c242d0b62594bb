// Refunds via reverse: give back redeemed points, take back earned points, and what to do when the
// earned points were already spent (the program's clawback policy).
import {
  openAccount,
  postMany,
  post,
  balance,
  unconsumedPoints,
  reversiblePoints,
  InsufficientPointsError,
} from "loyalty-kit";

let account = postMany(openAccount({ accountId: "card-3" }), [
  { kind: "earn", transactionId: "old", at: "2026-06-01T10:00:00Z", points: "20" },
  {
    kind: "earn",
    transactionId: "sale-1:earn",
    at: "2026-06-05T10:00:00Z",
    points: "50",
    expiresAt: "2026-12-31T23:59:59Z",
  },
  // Spends the expiring sale-1 lot (50) first, then 10 of "old".
  { kind: "redeem", transactionId: "sale-2:redeem", at: "2026-06-06T10:00:00Z", points: "60" },
]).account;
console.log(
  "balance",
  balance(account, { at: "2026-06-06T10:00:00Z" }),
  "| unconsumed of sale-1:",
  unconsumedPoints(account, "sale-1:earn"),
);

// A third of sale 2 comes back: 20 points return to exactly the lots it used, last used first.
account = post(account, {
  kind: "reverse",
  transactionId: "refund-2",
  at: "2026-06-07T10:00:00Z",
  reverses: "sale-2:redeem",
  points: "20",
}).account;
console.log(
  "after refund-2: balance",
  balance(account, { at: "2026-06-07T10:00:00Z" }),
  "| lots",
  account.lots.map((l) => `${l.lotId}=${l.remaining}`).join(" "),
  "| still reversible of sale-2:",
  reversiblePoints(account, "sale-2:redeem"),
);

// Sale 1 comes back entirely, but only 10 of its 50 points are left in its lot. By default that is refused…
const refund1 = { kind: "reverse", transactionId: "refund-1", at: "2026-06-08T10:00:00Z", reverses: "sale-1:earn" };
try {
  post(account, refund1);
} catch (e) {
  if (e instanceof InsufficientPointsError) console.log("default:", e.message);
}
// …"deduct-available" takes the lot's 10 and the customer's other 20, and forgives the last 20…
const gentle = post(account, { ...refund1, shortfall: "deduct-available" }).account;
console.log("deduct-available: balance", balance(gentle, { at: "2026-06-08T10:00:00Z" }));
// …"negative-balance" takes all 50: the customer owes 20, repaid from the next points earned.
const strict = post(account, { ...refund1, shortfall: "negative-balance" }).account;
console.log("negative-balance: balance", balance(strict, { at: "2026-06-08T10:00:00Z" }), "| owed", strict.deficit);

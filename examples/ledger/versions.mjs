// Versions: optimistic concurrency when two tills write to one account, and snapshots stored as JSON.
import { openAccount, post, parseAccount, replayAccount, balance, VersionConflictError } from "loyalty-kit";

// The server stores the snapshot as JSON.
let stored = JSON.stringify(
  post(openAccount({ accountId: "card-7" }), {
    kind: "earn",
    transactionId: "s1",
    at: "2026-04-01T09:00:00Z",
    points: "100",
  }).account,
);

// Each request carries the version its till last saw; the server applies it to the current snapshot.
function handle(request) {
  const current = parseAccount(JSON.parse(stored));
  const { account } = post(current, request.entry, { expectedVersion: request.seenVersion });
  stored = JSON.stringify(account);
  return account.version;
}

// Both tills showed the customer version 1 with 100 points. Till A is first…
console.log(
  "till A: now at version",
  handle({ seenVersion: 1, entry: { kind: "redeem", transactionId: "a-1", at: "2026-04-01T09:05:00Z", points: "70" } }),
);
// …so till B's request, based on what it saw, is refused instead of spending the same points twice.
const requestB = {
  seenVersion: 1,
  entry: { kind: "redeem", transactionId: "b-1", at: "2026-04-01T09:06:00Z", points: "70" },
};
try {
  handle(requestB);
} catch (e) {
  if (e instanceof VersionConflictError) console.log("till B:", e.message);
}
// Till B reloads (version 2, 30 points) and asks the customer again: now the real balance decides.
try {
  handle({ ...requestB, seenVersion: 2 });
} catch (e) {
  console.log("till B after reload:", e.code, e.details);
}

// The entries are the truth; lots and debits are a cache that replayAccount rebuilds exactly.
const account = parseAccount(JSON.parse(stored));
console.log(
  "replayAccount equals snapshot:",
  JSON.stringify(replayAccount(account.entries, account)) === stored,
  "| balance",
  balance(account, { at: "2026-04-02T00:00:00Z" }),
);

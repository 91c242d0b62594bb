// Two tills serve the same customer at once. Each read the account at version 1 and posts with
// expectedVersion; the slower one gets VersionConflictError, reloads, re-decides and retries.
import { balance, openAccount, post, VersionConflictError } from "loyalty-kit";

// The "server": one stored snapshot (in real life a database row, see the SQLite example).
let stored = post(openAccount({ accountId: "card-0042" }), {
  kind: "earn",
  transactionId: "sale-1",
  at: "2026-03-01T10:00:00Z",
  points: "150",
}).account;
const load = () => stored;
const save = (entry, expectedVersion) => {
  const r = post(stored, entry, { expectedVersion }); // throws VersionConflictError when stale
  stored = r.account;
  return r;
};

// Retry loop: reload, decide again with the fresh balance, post with the version just read.
function redeemUpTo(points, transactionId, at, read = load(), attempts = 3) {
  for (let attempt = 1; ; attempt++) {
    const available = Number(balance(read, { at }));
    const take = Math.min(points, available);
    if (take === 0) return `${transactionId}: nothing to redeem`;
    try {
      save({ kind: "redeem", transactionId, at, points: String(take) }, read.version);
      return `${transactionId}: redeemed ${take} on attempt ${attempt}`;
    } catch (e) {
      if (!(e instanceof VersionConflictError) || attempt === attempts) throw e;
      console.log(
        `${transactionId}: ${e.code} (read version ${e.details.expected}, now ${e.details.actual}), reloading`,
      );
      read = load();
    }
  }
}

const tillA = load(); // both tills read version 1, balance 150
const tillB = load();
console.log(redeemUpTo(100, "till-a:r1", "2026-03-01T10:05:00Z", tillA));
console.log(redeemUpTo(100, "till-b:r7", "2026-03-01T10:05:30Z", tillB));
console.log(`balance ${balance(stored, { at: "2026-03-01T11:00:00Z" })}, version ${stored.version}`);

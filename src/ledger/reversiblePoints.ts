import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import { reversibleOf } from "./_lib/queries.js";

/**
 * How many points of an entry can still be reversed.
 *
 * For an earn or positive adjust: its points minus what earlier reverses already took back. For a
 * redeem, capture or negative adjust: its points minus what earlier reverses already restored. Other
 * kinds (expire, hold, release, reverse) cannot be reversed: "0".
 *
 * @param account - The snapshot. Not mutated.
 * @param transactionId - The entry's transactionId.
 * @returns A non-negative decimal string with the account's scale.
 * @throws {OperationError} with code NOT_FOUND when no entry has that id.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, postMany, reversiblePoints } from "loyalty-kit";
 * const { account } = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "sale-1", at: "2026-01-10T10:00:00Z", points: "80" },
 *   { kind: "reverse", transactionId: "refund-1", at: "2026-01-11T10:00:00Z", reverses: "sale-1", points: "30" },
 * ]);
 * console.log(reversiblePoints(account, "sale-1")); // 50
 * ```
 */
export function reversiblePoints(account: Account, transactionId: string): string {
  return guardInputs("reversiblePoints", { account, transactionId }, () =>
    reversiblePointsUnguarded(account, transactionId),
  );
}

function reversiblePointsUnguarded(account: Account, transactionId: string): string {
  return reversibleOf(account, transactionId);
}

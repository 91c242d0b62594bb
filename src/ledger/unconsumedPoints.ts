import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import { lotOf } from "./_lib/queries.js";

/**
 * How many points of an earn (or positive adjust) are still in its lot — not yet spent, expired
 * (by a sweep) or reversed.
 *
 * A refund decides its clawback with this: reversing up to this many points takes them straight
 * back out of the lot; beyond it, the reverse's `shortfall` policy applies (`deduct-available` or
 * `negative-balance`, as the program's clawback policy says).
 *
 * @param account - The snapshot. Not mutated.
 * @param transactionId - The transactionId of the earn or positive adjust (its lot id).
 * @returns A decimal string with the account's scale.
 * @throws {OperationError} with code NOT_FOUND when no lot has that id.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, postMany, unconsumedPoints } from "loyalty-kit";
 * const { account } = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "sale-1", at: "2026-01-10T10:00:00Z", points: "80" },
 *   { kind: "redeem", transactionId: "sale-2", at: "2026-01-11T10:00:00Z", points: "50" },
 * ]);
 * console.log(unconsumedPoints(account, "sale-1")); // 30
 * ```
 */
export function unconsumedPoints(account: Account, transactionId: string): string {
  return guardInputs("unconsumedPoints", { account, transactionId }, () =>
    unconsumedPointsUnguarded(account, transactionId),
  );
}

function unconsumedPointsUnguarded(account: Account, transactionId: string): string {
  return lotOf(account, transactionId).remaining;
}

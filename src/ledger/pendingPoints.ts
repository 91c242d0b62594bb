import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import type { AtOptions } from "./balance.js";
import { pendingOf } from "./_lib/queries.js";
import { requireOptions } from "./_lib/options.js";

/**
 * The points on an account that are pending at an instant: earned with an `availableAt` still after
 * `at` (a return window, like the "pending points" LoyaltyLion shows beside approved ones). They are
 * not in {@link balance} and cannot be redeemed or held; they become available at their
 * `availableAt` with nothing to post (any later entry, the expiry sweep, or a balance asked at a
 * later instant sees them released), and a refund inside the window reverses them in full, with no
 * clawback. Pending + balance is what the customer will have once every window has ended.
 *
 * @param account - The snapshot. Not mutated.
 * @param options - `{ at }`.
 * @returns A decimal string with the account's scale ("0" when nothing is pending).
 * @throws {LoyaltyValidationError} when `at` is not a valid instant or `options` is missing.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, balance, pendingPoints } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "sale-1", at: "2026-03-01T10:00:00Z", points: "120", availableAt: "2026-03-31T10:00:00Z" });
 * console.log(balance(account, { at: "2026-03-10T00:00:00Z" }), pendingPoints(account, { at: "2026-03-10T00:00:00Z" })); // 0 120
 * console.log(balance(account, { at: "2026-04-01T00:00:00Z" }), pendingPoints(account, { at: "2026-04-01T00:00:00Z" })); // 120 0
 * ```
 */
export function pendingPoints(account: Account, options: AtOptions): string {
  return guardInputs("pendingPoints", { account, options }, () => pendingPointsUnguarded(account, options));
}

function pendingPointsUnguarded(account: Account, options: AtOptions): string {
  return pendingOf(account, requireOptions(options, "pendingPoints", "{ at }").at);
}

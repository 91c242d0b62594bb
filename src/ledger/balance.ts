import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import { balanceOf } from "./_lib/queries.js";
import { requireOptions } from "./_lib/options.js";

/**
 * Options for {@link balance} and {@link availableLots}.
 *
 * @example
 * ```ts
 * import type { AtOptions } from "loyalty-kit";
 * const o: AtOptions = { at: new Date("2026-03-01T00:00:00Z") };
 * console.log(o.at instanceof Date);
 * ```
 * @category ledger
 */
export interface AtOptions {
  /** The instant: an ISO-8601 string with an offset, or a Date. */
  readonly at: string | Date;
}

/**
 * The points available on an account at an instant.
 *
 * Available = points remaining in lots that have not expired by `at` (a lot expiring exactly at `at`
 * is gone) − points owed (a negative balance). Held points are not in the lots — a hold takes them
 * out at once — so holds are already subtracted; a hold that times out by `at` counts as given back.
 * Pending points (earned with an `availableAt` after `at`) are not included: see {@link pendingPoints}.
 * At or after the last entry it is computed from the snapshot's working state in O(lots + holds +
 * debits + kept entries); for an earlier instant it replays the entries up to `at` (O(entries)).
 *
 * @param account - The snapshot. Not mutated.
 * @param options - `{ at }`.
 * @returns The balance as a decimal string with the account's scale; negative only when the
 *   account's negative limit allowed it.
 * @throws {LoyaltyValidationError} when `at` is not a valid instant, or `options` is missing or `null`
 *   (there is no default instant: pass `{ at: new Date() }` for now).
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, balance } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80", expiresAt: "2026-02-10T23:59:59Z" });
 * console.log(balance(account, { at: "2026-02-01T00:00:00Z" }), balance(account, { at: "2026-03-01T00:00:00Z" })); // 80 0
 * ```
 */
export function balance(account: Account, options: AtOptions): string {
  return guardInputs("balance", { account, options }, () => balanceUnguarded(account, options));
}

function balanceUnguarded(account: Account, options: AtOptions): string {
  return balanceOf(account, requireOptions(options, "balance", "{ at }").at);
}

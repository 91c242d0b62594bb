import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import type { AtOptions } from "./balance.js";
import { availableLotsOf } from "./_lib/queries.js";
import { requireOptions } from "./_lib/options.js";

/**
 * A lot that still has points at an instant, as {@link availableLots} lists it.
 *
 * @example
 * ```ts
 * import type { AvailableLot } from "loyalty-kit";
 * const lot: AvailableLot = { lotId: "t1", at: "2026-01-10T10:00:00.000Z", remaining: "80" };
 * console.log(lot.remaining);
 * ```
 * @category ledger
 */
export interface AvailableLot {
  readonly lotId: string;
  readonly at: string;
  readonly expiresAt?: string;
  readonly remaining: string;
}

/**
 * The lots that still hold points at an instant, in the order a redeem would consume them.
 *
 * The order: soonest expiry first, then oldest; lots without expiry last. Lots
 * already expired at `at`, and empty lots, are left out. Points held by open holds are not in the lots
 * (a hold takes them out until capture or release).
 *
 * @param account - The snapshot. Not mutated.
 * @param options - `{ at }`.
 * @returns Fresh objects, one per lot with points left.
 * @throws {LoyaltyValidationError} when `at` is invalid, or `options` is missing or `null` (there is no
 *   default instant: pass `{ at: new Date() }` for now).
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, postMany, availableLots } from "loyalty-kit";
 * const { account } = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "no-expiry", at: "2026-01-01T10:00:00Z", points: "10" },
 *   { kind: "earn", transactionId: "expires", at: "2026-01-02T10:00:00Z", points: "20", expiresAt: "2026-06-30T00:00:00Z" },
 * ]);
 * console.log(availableLots(account, { at: "2026-01-03T00:00:00Z" }).map((l) => l.lotId)); // [ 'expires', 'no-expiry' ]
 * ```
 */
export function availableLots(account: Account, options: AtOptions): AvailableLot[] {
  return guardInputs("availableLots", { account, options }, () => availableLotsUnguarded(account, options));
}

function availableLotsUnguarded(account: Account, options: AtOptions): AvailableLot[] {
  return availableLotsOf(account, requireOptions(options, "availableLots", "{ at }").at);
}

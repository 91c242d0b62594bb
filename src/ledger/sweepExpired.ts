import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import { post, type PostResult } from "./post.js";
import { requireOptions } from "./_lib/options.js";

/**
 * Options for {@link sweepExpired}.
 *
 * @example
 * ```ts
 * import type { SweepOptions } from "loyalty-kit";
 * const o: SweepOptions = { at: "2026-03-01T00:00:00Z", transactionId: "sweep-2026-03-01" };
 * console.log(o.transactionId);
 * ```
 * @category ledger
 */
export interface SweepOptions {
  readonly at: string | Date;
  /** The idempotency key of the sweep, e.g. `sweep-<date>`: re-running the same sweep is a duplicate. */
  readonly transactionId: string;
  readonly expectedVersion?: number;
}

/**
 * The expiry sweep: posts an `expire` entry at `at`, which empties every lot whose expiry is at or
 * before `at`.
 *
 * Lots earned with a validity expire at their `expiresAt` (for example the end of the same day of the next
 * month, in the program's time zone — computed by the program, stored on the earn). Balances already
 * ignore lapsed lots; the sweep records the loss in the ledger so statements and totals show it.
 * Pending points (an earn's `availableAt`) at or before `at` are released by it like by any later
 * entry: the sweep is one way to move the ledger's clock past a return window, never required for it.
 *
 * @param account - The snapshot. Not mutated.
 * @param options - `{ at, transactionId, expectedVersion? }`.
 * @returns As {@link post}.
 * @throws {LoyaltyValidationError} when `at` is invalid or before the last entry, or `options` is missing
 *   or `null` (a sweep has no default instant or idempotency key).
 * @throws {IdempotencyConflictError} when the transactionId was used for something else.
 * @throws {VersionConflictError} when `expectedVersion` is stale.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, sweepExpired } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80", expiresAt: "2026-02-28T23:59:59Z" });
 * const swept = sweepExpired(account, { at: "2026-03-01T00:00:00Z", transactionId: "sweep-2026-03-01" }).account;
 * console.log(swept.lots[0]?.expired); // 80
 * ```
 */
export function sweepExpired(account: Account, options: SweepOptions): PostResult {
  return guardInputs("sweepExpired", { account, options }, () => sweepExpiredUnguarded(account, options));
}

function sweepExpiredUnguarded(account: Account, options: SweepOptions): PostResult {
  const { at, transactionId, expectedVersion } = requireOptions(options, "sweepExpired", "{ at, transactionId }");
  return post(account, { kind: "expire", transactionId, at }, expectedVersion === undefined ? {} : { expectedVersion });
}

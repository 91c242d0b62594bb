import { guardInputs } from "../core/guard.js";
import type { Account } from "./schemas.js";
import type { LedgerHistoryRecord } from "./history.js";
import { upgradeChecked } from "./_lib/settings.js";
import { LoyaltyValidationError } from "../errors/errors.js";

/**
 * What {@link upgradeAccount} returns: the bounded snapshot and the full history it was built from.
 *
 * @example
 * ```ts
 * import type { UpgradedAccount } from "loyalty-kit";
 * const show = (u: UpgradedAccount) => `${u.account.version} entries, ${u.history.length} history records`;
 * console.log(typeof show); // function
 * ```
 * @category ledger
 */
export interface UpgradedAccount {
  readonly account: Account;
  /** Every entry the 0.1 snapshot held, as history records (sequence 1, 2, 3…): store them before the snapshot. */
  readonly history: readonly LedgerHistoryRecord[];
}

/**
 * Converts a loyalty-kit 0.1 ledger snapshot (the whole ledger in `entries`) into the bounded form
 * plus the history it contained, so nothing stored by 0.1 is lost.
 *
 * The 0.1 snapshot is checked as 0.1 checked it (its lots, holds, debits and deficit must be what
 * replaying its entries gives), then replayed into a bounded snapshot. Store `history` in the
 * account's history table (unique keys `(accountId, sequence)` and `(accountId, entry.transactionId)`)
 * and then replace the stored snapshot with `account`; run it once per stored account.
 *
 * @param input - A 0.1 snapshot (for example `JSON.parse` of a stored one).
 * @param options - `{ retainDays? }`: the idempotency window of the new snapshot (default 90 days).
 * @returns `{ account, history }`, both frozen.
 * @throws {LoyaltyValidationError} when the input is not a 0.1 snapshot (or is already bounded), or
 *   its derived parts do not match its entries.
 * @category ledger
 * @example
 * ```ts
 * import { upgradeAccount } from "loyalty-kit";
 * const v01 = {
 *   accountId: "a", scale: 0, negativeLimit: "0", version: 1,
 *   entries: [{ kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00.000Z", points: "80" }],
 *   lots: [{ lotId: "t1", at: "2026-01-10T10:00:00.000Z", points: "80", remaining: "80", consumed: "0", expired: "0", reversed: "0", clawedBack: "0" }],
 *   holds: [], debits: [], deficit: "0",
 * };
 * const { account, history } = upgradeAccount(v01);
 * console.log(account.checkpoint.balance, history.length); // 80 1
 * ```
 */
export function upgradeAccount(input: unknown, options: { readonly retainDays?: number } = {}): UpgradedAccount {
  return guardInputs("upgradeAccount", { input, options }, () => upgradeAccountUnguarded(input, options));
}

function upgradeAccountUnguarded(input: unknown, options: { readonly retainDays?: number } = {}): UpgradedAccount {
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError(
      [{ path: ["options"], message: "expected an options object { retainDays? } or nothing" }],
      "options",
    );
  const retainDays = options.retainDays;
  if (retainDays !== undefined && (!Number.isInteger(retainDays) || retainDays < 0 || retainDays > 36_500))
    throw new LoyaltyValidationError(
      [{ path: ["retainDays"], message: `expected an integer from 0 to 36500, got ${String(retainDays)}` }],
      "options",
    );
  return upgradeChecked(input, retainDays);
}

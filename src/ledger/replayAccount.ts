import { guardInputs } from "../core/guard.js";
import type { Account, AccountSettings, Checkpoint, EntryInput } from "./schemas.js";
import type { LedgerHistoryRecord } from "./history.js";
import { replayEntries } from "./_lib/settings.js";

/**
 * Options of {@link replayAccount}.
 *
 * @example
 * ```ts
 * import type { ReplayOptions } from "loyalty-kit";
 * const options: ReplayOptions = { checkpoint: { version: 2, at: "2026-01-20T10:00:00Z", balance: "50" } };
 * console.log(options.checkpoint?.version); // 2
 * ```
 * @category ledger
 */
export interface ReplayOptions {
  /** A snapshot to continue from: the history then holds the records after its version. */
  readonly from?: Account;
  /** Where the history must end (a stored snapshot's `checkpoint`): anything else is `HISTORY_MISMATCH`. */
  readonly checkpoint?: Checkpoint;
}

/**
 * Rebuilds an account snapshot from its history.
 *
 * The history is the truth and the snapshot a bounded cache of it: `replayAccount(history, account)`
 * deep-equals `account` when `history` holds every record the operations returned. The history may
 * be {@link LedgerHistoryRecord}s (checked: this account, sequences 1, 2, 3… without a gap) or plain
 * entries. With `{ from: snapshot }` only the records after the snapshot's version are replayed onto
 * it; with `{ checkpoint }` the result must end on that checkpoint. Entries are validated once at
 * the boundary and applied with exact integer arithmetic in one pass — O(entries), amortized
 * O(log lots) per consumed lot. Duplicate transactionIds are rejected here (a stored history never
 * has them).
 *
 * @param history - The history records (or entries) in posting order.
 * @param settings - `{ accountId, currency?, scale?, negativeLimit?, retainDays? }` — an Account works
 *   too (its other fields are ignored).
 * @param options - `{ from?, checkpoint? }`.
 * @returns A fresh frozen bounded account with `version` = the number of entries in the history.
 * @throws {LoyaltyValidationError} when an entry is malformed, out of time order or repeats a transactionId.
 * @throws {OperationError} `HISTORY_MISMATCH` when a record belongs to another account, a sequence
 *   is missing or repeated, or the result does not end on `checkpoint` (`details.field` says which
 *   figure differs); nothing is returned.
 * @throws {InsufficientPointsError} when the entries overdraw the account.
 * @throws {OperationError} `HOLD_ALREADY_CAPTURED` / `HOLD_ALREADY_RELEASED` when an entry captures or releases a closed hold, `HOLD_TIMED_OUT` when it captures a timed-out hold, `CAPTURE_EXCEEDS_HOLD` when it captures more than the hold holds.
 * @throws {OperationError} with code NOT_FOUND when an entry names an unknown transaction.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, postMany, replayAccount } from "loyalty-kit";
 * const r = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80" },
 *   { kind: "redeem", transactionId: "t2", at: "2026-01-20T10:00:00Z", points: "30" },
 * ]);
 * const rebuilt = replayAccount(r.history, r.account, { checkpoint: r.account.checkpoint });
 * console.log(JSON.stringify(rebuilt) === JSON.stringify(r.account), rebuilt.checkpoint.balance); // true 50
 * ```
 */
export function replayAccount(
  history: readonly (LedgerHistoryRecord | EntryInput)[],
  settings: AccountSettings,
  options: ReplayOptions = {},
): Account {
  return guardInputs("replayAccount", { history, settings, options }, () => replayEntries(history, settings, options));
}

import { guardInputs } from "../core/guard.js";
import type { Account, EntryInput } from "./schemas.js";
import { postEntries } from "./_lib/apply.js";
import type { LedgerHistoryRecord } from "./history.js";

/**
 * Options for {@link post}, {@link postMany} and {@link sweepExpired}.
 *
 * @example
 * ```ts
 * import type { PostOptions } from "loyalty-kit";
 * const options: PostOptions = { expectedVersion: 3 };
 * console.log(options.expectedVersion);
 * ```
 * @category ledger
 */
export interface PostOptions {
  /** The version the caller read; a different current version throws VersionConflictError. */
  readonly expectedVersion?: number;
}

/**
 * What {@link post} did: `applied` with the new snapshot, or `duplicate` with the account unchanged
 * (the very same object) because this transactionId was already posted with the same payload.
 *
 * @example
 * ```ts
 * import { openAccount, post, type PostResult } from "loyalty-kit";
 * const r: PostResult = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-01T10:00:00Z", points: "5" });
 * console.log(r.status); // applied
 * ```
 * @category ledger
 */
export interface PostResult {
  readonly status: "applied" | "duplicate";
  readonly account: Account;
  /** The history records this call created (one per applied entry; none for a duplicate): append them to the account's history. */
  readonly history: readonly LedgerHistoryRecord[];
}

/**
 * Posts one entry to an account, idempotently and with optimistic concurrency.
 *
 * The rules: posting a transactionId that is already in the ledger with an
 * identical payload (after normalizing instants and points) is a no-op reported as `duplicate` — even
 * when `expectedVersion` is now stale, so a retry after a lost reply is safe; with a different payload
 * it is an IdempotencyConflictError. Otherwise, when `expectedVersion` is given and differs from
 * `account.version`, it is a VersionConflictError (someone else wrote first: reload and retry).
 * Entries must come in time order (`at` not before the last entry's). Redeems and holds may not take
 * the balance (points in unexpired lots − points owed; held points have already left the lots) below
 * minus the account's negative limit.
 * The version goes up by one per applied entry: it counts the account's whole history, while the
 * snapshot keeps only the entries of the last `retainDays` days and those still open (see
 * {@link Account}). Each applied entry comes back as a {@link LedgerHistoryRecord} in `history`, to
 * append to the caller's store; a retry older than the window is refused as out of time order, and
 * the store's unique key `(accountId, transactionId)` catches any other reuse beyond the window.
 *
 * @param account - The current snapshot (from openAccount, post, replayAccount or parseAccount). Not mutated.
 * @param entry - The entry to post (see {@link "loyalty-kit/schemas"!EntrySchema}).
 * @param options - `{ expectedVersion? }`.
 * @returns `{ status, account, history }`; the new account is a fresh frozen snapshot sharing unchanged parts.
 * @throws {LoyaltyValidationError} when the entry is malformed, has more decimals than the account's
 *   scale, is earlier than the last entry, or reverses/captures something it cannot.
 * @throws {IdempotencyConflictError} when the transactionId was posted with a different payload.
 * @throws {VersionConflictError} when `expectedVersion` is stale.
 * @throws {InsufficientPointsError} when a redeem, hold or negative adjust needs more points than are
 *   available (`details.available` says how many are), or a reverse of an earn would fall short and
 *   its `shortfall` policy is `reject`.
 * @throws {OperationError} `HOLD_ALREADY_CAPTURED` / `HOLD_ALREADY_RELEASED` when capturing or releasing a hold that is closed, `HOLD_TIMED_OUT` when capturing a hold that timed out (release it instead), `CAPTURE_EXCEEDS_HOLD` when capturing more points than the hold holds.
 * @throws {OperationError} with code NOT_FOUND when a reverse, capture or release names an unknown transaction.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, balance } from "loyalty-kit";
 * let account = openAccount({ accountId: "card-0042" });
 * account = post(account, { kind: "earn", transactionId: "sale-1", at: "2026-03-01T10:00:00Z", points: "120" }).account;
 * const retry = post(account, { kind: "earn", transactionId: "sale-1", at: "2026-03-01T10:00:00Z", points: "120" });
 * console.log(retry.status, balance(retry.account, { at: "2026-03-02T00:00:00Z" })); // duplicate 120
 * ```
 */
export function post(account: Account, entry: EntryInput, options: PostOptions = {}): PostResult {
  return guardInputs("post", { account, entry, options }, () => postUnguarded(account, entry, options));
}

function postUnguarded(account: Account, entry: EntryInput, options: PostOptions = {}): PostResult {
  const r = postEntries(account, [entry], options, false);
  return { status: r.status, account: r.account, history: r.history };
}

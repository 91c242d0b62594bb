import { guardInputs } from "../core/guard.js";
import type { Account, EntryInput } from "./schemas.js";
import type { PostOptions } from "./post.js";
import type { LedgerHistoryRecord } from "./history.js";
import { postEntries } from "./_lib/apply.js";

/**
 * What {@link postMany} did, overall and per entry.
 *
 * @example
 * ```ts
 * import { openAccount, postMany, type PostManyResult } from "loyalty-kit";
 * const r: PostManyResult = postMany(openAccount({ accountId: "a" }), [
 *   { kind: "earn", transactionId: "t1", at: "2026-01-01T10:00:00Z", points: "5" },
 *   { kind: "earn", transactionId: "t1", at: "2026-01-01T10:00:00Z", points: "5" },
 * ]);
 * console.log(r.results.map((e) => `${e.transactionId}:${e.status}`).join(", ")); // t1:applied, t1:duplicate
 * ```
 * @category ledger
 */
export interface PostManyResult {
  /** `applied` when at least one entry was applied; `duplicate` when every entry was a duplicate. */
  readonly status: "applied" | "duplicate";
  readonly account: Account;
  /** One result per entry, in order. */
  readonly results: readonly { readonly transactionId: string; readonly status: "applied" | "duplicate" }[];
  /** The history records of the entries applied (none for duplicates), in order: append them to the account's history. */
  readonly history: readonly LedgerHistoryRecord[];
}

/**
 * Posts several entries atomically: all are applied or none (the input account is never changed).
 *
 * Made for a checkout that posts an earn and a redeem together. Each entry is checked for duplicates
 * like {@link post} does (an entry repeated inside the batch counts too), so retrying a whole batch is
 * a `duplicate` as a whole. `expectedVersion` is checked once, against the account before the batch,
 * and only when the batch holds at least one new entry. The version goes up by one per applied entry
 * (not per batch): it counts the entries of the account's whole history, and `history` returns one
 * record per applied entry with its sequence.
 *
 * @param account - The current snapshot. Not mutated.
 * @param entries - The entries, applied in order.
 * @param options - `{ expectedVersion? }`.
 * @returns `{ status, account, results, history }`.
 * @throws {LoyaltyValidationError} when an entry is malformed (the path starts with its index).
 * @throws {IdempotencyConflictError} when a transactionId was posted with a different payload.
 * @throws {VersionConflictError} when `expectedVersion` is stale.
 * @throws {InsufficientPointsError} when an entry needs more points than are available at that point of the batch.
 * @throws {OperationError} `HOLD_ALREADY_CAPTURED` / `HOLD_ALREADY_RELEASED` when capturing or releasing a closed hold, `HOLD_TIMED_OUT` when capturing a timed-out hold, `CAPTURE_EXCEEDS_HOLD` when capturing more than the hold holds.
 * @throws {OperationError} with code NOT_FOUND when an entry names an unknown transaction.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, postMany, balance } from "loyalty-kit";
 * let account = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "s1", at: "2026-03-01T10:00:00Z", points: "100" }).account;
 * const checkout = [
 *   { kind: "redeem", transactionId: "s2:redeem", at: "2026-03-02T10:00:00Z", points: "60" },
 *   { kind: "earn", transactionId: "s2:earn", at: "2026-03-02T10:00:00Z", points: "15" },
 * ] as const;
 * account = postMany(account, checkout, { expectedVersion: 1 }).account;
 * console.log(postMany(account, checkout, { expectedVersion: 1 }).status, balance(account, { at: "2026-03-03T00:00:00Z" })); // duplicate 55
 * ```
 */
export function postMany(account: Account, entries: readonly EntryInput[], options: PostOptions = {}): PostManyResult {
  return guardInputs("postMany", { account, entries, options }, () => postManyUnguarded(account, entries, options));
}

function postManyUnguarded(
  account: Account,
  entries: readonly EntryInput[],
  options: PostOptions = {},
): PostManyResult {
  return postEntries(account, entries, options, true);
}

import { guardInputs } from "../core/guard.js";
import { loyaltyError } from "../errors/errors.js";
import type { Account, Entry, EntryInput } from "./schemas.js";
import { readAccount } from "./_lib/snapshot.js";
import { normalizeEntry } from "./_lib/entries.js";
import { post, type PostOptions, type PostResult } from "./post.js";

const DAY_MS = 86_400_000;

/**
 * Posts an entry that may be earlier than the account's newest entry: a late sale from a till that
 * was offline. An entry at or after the newest entry is simply {@link post}ed.
 *
 * A late `earn` is booked at the newest entry's instant with its own sale time as `earnedAt`: its lot
 * counts from the sale time (`lot.at`) and expires at the `expiresAt` the caller computed from the
 * sale time — already lapsed if that has passed. Nothing already booked is reordered: later redeems
 * and holds keep the lots they took, and a points debt is repaid from the late lot as from any new
 * lot. A retry of a late earn (same transactionId and payload) is reported as `duplicate`.
 *
 * **What is promised:** when every entry is an earn without a negative balance involved, posting
 * the same earns with `postLate` in any order ends in the same balance (at any instant at or after
 * the newest entry) and the same lots (compared by `lotId`; the snapshot lists lots in the order
 * they were booked) as posting them in time order. Entries, `version` aside, differ: a late earn's
 * `at` is its booking time. A balance asked for at an instant before a late earn's booking does not
 * include it (the ledger says what it knew then).
 *
 * **What cannot be back-dated** (`LATE_ENTRY_CONFLICT`, nothing applied): any other kind earlier
 * than the newest entry — a redeem, hold or negative adjust would spend points that later entries
 * may have spent since, a capture or release would act on a hold that may have been closed since,
 * a reverse or expire sweep would change what later entries did; `details.conflict` names the first
 * later entry. Also refused: a late earn whose sale time is more than the account's `retainDays`
 * before its newest entry, because a retry that old could no longer be told from a new sale: check
 * the history store's unique `(accountId, transactionId)` key, then {@link post} the earn yourself
 * with `at` now and `earnedAt` the sale time.
 *
 * @param account - The current snapshot. Not mutated.
 * @param entry - The entry, with its own (sale) time as `at`.
 * @param options - `{ expectedVersion? }`, as for {@link post}.
 * @returns `{ status, account, history }`, as {@link post} returns.
 * @throws {OperationError} `LATE_ENTRY_CONFLICT` as above (`details`: accountId, transactionId, kind, at, newest, conflict).
 * @throws {LoyaltyValidationError} and the other errors of {@link post}.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, postLate, balance } from "loyalty-kit";
 * let account = openAccount({ accountId: "card-0042" });
 * account = post(account, { kind: "earn", transactionId: "online-1", at: "2026-03-01T12:00:00Z", points: "50" }).account;
 * // The offline till's sale of 09:30 arrives after the 12:00 one.
 * const late = postLate(account, { kind: "earn", transactionId: "till-7:s-19", at: "2026-03-01T09:30:00Z", points: "20", expiresAt: "2027-03-01T09:30:00Z" });
 * console.log(late.account.lots[1]?.at, late.history[0]?.entry.at); // 2026-03-01T09:30:00.000Z 2026-03-01T12:00:00.000Z
 * console.log(balance(late.account, { at: "2026-03-02T00:00:00Z" })); // 70
 * try {
 *   postLate(late.account, { kind: "redeem", transactionId: "till-7:s-20", at: "2026-03-01T09:45:00Z", points: "10" });
 * } catch (e) {
 *   console.log((e as { code: string }).code); // LATE_ENTRY_CONFLICT
 * }
 * ```
 */
export function postLate(account: Account, entry: EntryInput, options: PostOptions = {}): PostResult {
  return guardInputs("postLate", { account, entry, options }, () => postLateUnguarded(account, entry, options));
}

function postLateUnguarded(account: Account, entry: EntryInput, options: PostOptions = {}): PostResult {
  account = readAccount(account); // as post does: a snapshot the library did not write is checked first
  const list: readonly Entry[] = account.entries;
  const newest = list[list.length - 1];
  if (newest === undefined) return post(account, entry, options);
  const e = normalizeEntry(entry, account.scale, [], "postLate");
  const atMs = Date.parse(e.at);
  const newestMs = Date.parse(newest.at);
  // In time order, or a late earn the caller already booked itself: an ordinary post.
  if (atMs >= newestMs || (e.kind === "earn" && e.earnedAt !== undefined)) return post(account, entry, options);
  const stored = list.find((x) => x.transactionId === e.transactionId);
  if (e.kind === "earn" && stored?.kind === "earn" && stored.earnedAt !== undefined)
    return post(account, { ...e, at: stored.at, earnedAt: e.at }, options); // a retry of a late earn
  if (stored !== undefined) return post(account, entry, options); // a retry of an entry booked in time
  const details = (conflict: string) => ({
    accountId: account.accountId,
    transactionId: e.transactionId,
    kind: e.kind,
    at: e.at,
    newest: newest.at,
    conflict,
  });
  if (e.kind !== "earn") {
    const next = list.find((x) => Date.parse(x.at) > atMs) ?? newest;
    const why =
      e.kind === "capture" || e.kind === "release"
        ? `the hold ${JSON.stringify(e.holdId)} may have been closed or timed out since`
        : e.kind === "redeem" || e.kind === "hold" || e.kind === "adjust"
          ? "it would spend points that later entries may have spent since"
          : "it would change what the later entries did";
    throw loyaltyError(
      "LATE_ENTRY_CONFLICT",
      `postLate: the ${e.kind} ${JSON.stringify(e.transactionId)} at ${e.at} is earlier than the account's newest entry (${newest.at}) and only an earn can be back-dated: ${why} (the first later entry is the ${next.kind} ${JSON.stringify(next.transactionId)} at ${next.at}); post it at ${newest.at} or later instead`,
      details(`${next.kind} ${next.transactionId}`),
    );
  }
  if (atMs < newestMs - account.retainDays * DAY_MS)
    throw loyaltyError(
      "LATE_ENTRY_CONFLICT",
      `postLate: the earn ${JSON.stringify(e.transactionId)} at ${e.at} is more than the account's ${account.retainDays} retained days before its newest entry (${newest.at}), so a retry could not be told from a new sale; check the history store's unique (accountId, transactionId) key, then post it with at set to now and earnedAt ${e.at}`,
      details("retainDays"),
    );
  return post(account, { ...e, at: newest.at, earnedAt: e.at }, options);
}

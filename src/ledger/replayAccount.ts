import { guardInputs } from "../core/guard.js";
import type { Account, AccountSettings, EntryInput } from "./schemas.js";
import { replayEntries } from "./_lib/settings.js";

/**
 * Rebuilds an account from its entries alone.
 *
 * The ledger is the truth and the snapshot's lots, holds and debits are a cache:
 * `replayAccount(account.entries, account)` deep-equals `account`. Entries are validated once at the
 * boundary (a fast check for entries already in stored form, the full schema otherwise) and then
 * applied with exact integer arithmetic in one pass — O(entries), amortized O(log lots) per consumed
 * lot. Duplicate transactionIds are rejected here (a stored ledger never has them).
 *
 * @param entries - The entries in posting order.
 * @param settings - `{ accountId, currency?, scale?, negativeLimit? }` — an Account works too (its
 *   other fields are ignored).
 * @returns A fresh frozen account with `version = entries.length`.
 * @throws {LoyaltyValidationError} when an entry is malformed, out of time order or repeats a transactionId.
 * @throws {InsufficientPointsError} when the entries overdraw the account.
 * @throws {OperationError} `HOLD_ALREADY_CAPTURED` / `HOLD_ALREADY_RELEASED` when an entry captures or releases a closed hold, `HOLD_TIMED_OUT` when it captures a timed-out hold, `CAPTURE_EXCEEDS_HOLD` when it captures more than the hold holds.
 * @throws {OperationError} with code NOT_FOUND when an entry names an unknown transaction.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, replayAccount } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80" });
 * console.log(JSON.stringify(replayAccount(account.entries, account)) === JSON.stringify(account)); // true
 * ```
 */
export function replayAccount(entries: readonly EntryInput[], settings: AccountSettings): Account {
  return guardInputs("replayAccount", { entries, settings }, () => replayAccountUnguarded(entries, settings));
}

function replayAccountUnguarded(entries: readonly EntryInput[], settings: AccountSettings): Account {
  return replayEntries(entries, settings);
}

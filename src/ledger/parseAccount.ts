import { guardInputs } from "../core/guard.js";
import type { SafeParseResult } from "../_lib/validation.js";
import type { Account } from "./schemas.js";
import { parseAccountChecked } from "./_lib/settings.js";
import { LoyaltyValidationError } from "../errors/errors.js";

/**
 * Reads an account snapshot (for example `JSON.parse` of a stored one) and checks it.
 *
 * Checks the shape ({@link "loyalty-kit/schemas"!AccountSchema}: no extra keys, no `__proto__` keys, decimal strings,
 * instants) and then that the snapshot's figures add up: each lot matches the entry that created it
 * and its parts sum to its points, each debit and hold matches its lots, the checkpoint's balance is
 * what the lots give. A bounded snapshot no longer holds every entry, so an edit that keeps every
 * figure consistent (an entry and its lot changed together) can only be found against the history:
 * pass `{ history }` (every record from sequence 1) and the snapshot must be exactly what replaying
 * it gives. A snapshot written with `JSON.stringify` (the compact stored form) reads back equal; the
 * object form (a structured clone, or a snapshot stored by the previous release) is read too. A loyalty-kit 0.1 snapshot
 * (the whole ledger in `entries`, no `checkpoint`) is refused with a message naming
 * {@link upgradeAccount}, which converts it.
 *
 * @param input - Any value.
 * @param options - `{ history? }`: the account's stored history, to check the snapshot against.
 * @returns The account, frozen.
 * @throws {LoyaltyValidationError} listing every problem with its path, or the figure that does not
 *   add up, or saying the input is a 0.1 snapshot to convert with upgradeAccount.
 * @throws {OperationError} `HISTORY_MISMATCH` when `history` does not give this snapshot.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, parseAccount } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80" });
 * const stored = JSON.stringify(account);
 * console.log(parseAccount(JSON.parse(stored)).lots[0]?.remaining); // 80
 * ```
 */
export function parseAccount(input: unknown, options: ParseAccountOptions = {}): Account {
  return guardInputs("parseAccount", { input, options }, () => parseAccountChecked(input, options ?? {}));
}

/**
 * Options of {@link parseAccount}.
 *
 * @example
 * ```ts
 * import type { ParseAccountOptions } from "loyalty-kit";
 * const options: ParseAccountOptions = { history: [] };
 * console.log(options.history?.length); // 0
 * ```
 * @category ledger
 */
export interface ParseAccountOptions {
  /** The account's history (records or entries, from the first on): the snapshot must be what it gives. */
  readonly history?: readonly unknown[];
}

/**
 * Like {@link parseAccount}, but returns a tagged result instead of throwing.
 *
 * @param input - Any value.
 * @returns `{ success: true, data }` or `{ success: false, error }` (a LoyaltyValidationError).
 * @category ledger
 * @example
 * ```ts
 * import { safeParseAccount } from "loyalty-kit";
 * const r = safeParseAccount({ accountId: "a", version: 1 });
 * if (!r.success) console.log(r.error.code); // VALIDATION
 * ```
 */
export function safeParseAccount(input: unknown): SafeParseResult<Account> {
  return guardInputs("safeParseAccount", { input }, () => safeParseAccountUnguarded(input));
}

function safeParseAccountUnguarded(input: unknown): SafeParseResult<Account> {
  try {
    return { success: true, data: parseAccountChecked(input) };
  } catch (e) {
    if (e instanceof LoyaltyValidationError) return { success: false, error: e };
    throw e;
  }
}

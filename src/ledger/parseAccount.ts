import { guardInputs } from "../core/guard.js";
import type { SafeParseResult } from "../_lib/validation.js";
import type { Account } from "./schemas.js";
import { parseAccountChecked } from "./_lib/settings.js";
import { LoyaltyValidationError } from "../errors/errors.js";

/**
 * Reads an account snapshot (for example `JSON.parse` of a stored one) and checks it.
 *
 * Checks the shape ({@link AccountSchema}: no extra keys, no `__proto__` keys, decimal strings,
 * instants) and then that the snapshot is consistent: replaying its entries must give exactly its
 * lots, holds, debits, deficit and version. A snapshot written with `JSON.stringify` reads back equal.
 *
 * @param input - Any value.
 * @returns The account, frozen.
 * @throws {LoyaltyValidationError} listing every problem with its path, or naming the first entry
 *   that cannot be replayed, or the derived part that does not match the entries.
 * @category ledger
 * @example
 * ```ts
 * import { openAccount, post, parseAccount } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-10T10:00:00Z", points: "80" });
 * const stored = JSON.stringify(account);
 * console.log(parseAccount(JSON.parse(stored)).lots[0]?.remaining); // 80
 * ```
 */
export function parseAccount(input: unknown): Account {
  return guardInputs("parseAccount", { input }, () => parseAccountUnguarded(input));
}

function parseAccountUnguarded(input: unknown): Account {
  return parseAccountChecked(input);
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

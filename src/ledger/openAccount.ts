import { guardInputs } from "../core/guard.js";
import type { Account, AccountSettings } from "./schemas.js";
import { emptyState } from "./_lib/state.js";
import { toAccount } from "./_lib/toAccount.js";
import { settingsFrom } from "./_lib/settings.js";

/**
 * Opens an empty points account: version 0, no entries, no lots.
 *
 * Points are a ledger, not a number: the account is a JSON snapshot whose
 * balance is derived from an append-only list of entries. `scale` fixes how many digits after the
 * decimal point points may have (0 — whole points — by default); `negativeLimit` says how far below
 * zero a redeem or hold may take the balance (default "0": never).
 *
 * @param settings - `{ accountId, currency?, scale?, negativeLimit? }`.
 * @returns A frozen, empty account snapshot.
 * @throws {LoyaltyValidationError} when a setting is missing or malformed (empty id, scale outside
 *   0–18, a negative or over-scale limit, an unknown-shaped currency code, extra keys).
 * @category ledger
 * @example
 * ```ts
 * import { openAccount } from "loyalty-kit";
 * const account = openAccount({ accountId: "card-0042", scale: 2, negativeLimit: "100" });
 * console.log(account.version, account.negativeLimit); // 0 "100.00"
 * ```
 */
export function openAccount(settings: AccountSettings): Account {
  return guardInputs("openAccount", { settings }, () => openAccountUnguarded(settings));
}

function openAccountUnguarded(settings: AccountSettings): Account {
  return toAccount(emptyState(settingsFrom(settings, "openAccount")), true);
}

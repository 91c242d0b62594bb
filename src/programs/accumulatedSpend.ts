import { guardInputs } from "../core/guard.js";
import type DecimalJs from "decimal.js";
import { parseInstant } from "../_lib/values.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { minorUnits } from "../money/currencies.js";
import { parseProgram } from "./parseProgram.js";
import { assertAccount } from "./_lib/engine.js";
import { accumulatedSpendAt } from "./_lib/records.js";
import type { ProgramAccount } from "./account.js";
import type { Program } from "./program.js";
import type { MoneyJson } from "../money/json.js";

/**
 * The spend a customer has accumulated in a program at an instant: the eligible amounts of the
 * purchases inside the program's window (cumulative programs: the last N months, the calendar year,
 * or lifetime; other kinds: lifetime), minus what refunds made by then took back.
 *
 * Stored where checkout records it: each purchase record on the account carries its `spend`, each
 * refund record its `spendReversed` (see {@link "loyalty-kit/schemas"!ProgramAccountSchema}).
 *
 * @param program - the program
 * @param account - the program account
 * @param options - `{ at }`
 * @returns the accumulated spend as money JSON
 * @throws {LoyaltyValidationError} when `options` or its `at` is missing or invalid, or the account is of another program
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openProgramAccount, accumulatedSpend } from "loyalty-kit";
 * const program = parseProgram({ kind: "cumulative", id: "vip", name: "VIP", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   window: { type: "rolling", months: 12 }, tiers: [{ name: "Bronze", threshold: "0", percent: "0" }] });
 * console.log(accumulatedSpend(program, openProgramAccount(program, { customerId: "c1", consent: true }), { at: "2026-03-01T00:00:00Z" })); // { amount: '0.00', currency: 'EUR' }
 * ```
 */
export function accumulatedSpend(
  program: Program,
  account: ProgramAccount,
  options: { readonly at: string | Date },
): MoneyJson {
  return guardInputs("accumulatedSpend", { program, account, options }, () =>
    accumulatedSpendUnguarded(program, account, options),
  );
}

function accumulatedSpendUnguarded(
  program: Program,
  account: ProgramAccount,
  options: { readonly at: string | Date },
): MoneyJson {
  const p = parseProgram(program);
  assertAccount(p, account);
  if (typeof options !== "object" || options === null || options.at === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["options", "at"],
        message: `expected options { at } with the instant to measure the spend at (the spend depends on the window), got ${options === null ? "null" : typeof options === "object" ? "no at" : typeof options}`,
      },
    ]);
  const atMs = parseInstant(options.at, "at");
  const d: DecimalJs = accumulatedSpendAt(p, account, atMs);
  return { amount: d.toFixed(minorUnits(p.currency) ?? 2), currency: p.currency };
}

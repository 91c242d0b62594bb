import * as z from "zod/mini";
import { guardInputs } from "../core/guard.js";
import { instantMs } from "../core/instant.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { parseAccount } from "../ledger/parseAccount.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { ProgramAccountSchema, type ProgramAccount } from "./account.js";
import {
  fromProgramStoredForm,
  isProgramStoredForm,
  withImpliedEntries,
  withStoredForm,
} from "./_lib/storedAccount.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

// The points ledger is read by the ledger's own reader (parseAccount): it checks the snapshot's
// figures once here, so the checkouts that follow do not check them again on every call.
const ShellSchema = /* @__PURE__ */ (() => z.extend(ProgramAccountSchema, { points: z.unknown() }))();
const parsers = /* @__PURE__ */ makeParsers(ShellSchema, "program account");

/**
 * Reads a stored program account (JSON) back, checking every part of it. An account stored by
 * loyalty-kit 0.1 or 0.2 (every sale in `purchases`) is refused with a message that says to
 * convert it once with {@link upgradeProgramAccount}.
 *
 * `JSON.stringify(account)` writes a compact stored form (`form: "compact-1"`: kept sales as tuples
 * with instants in epoch milliseconds; the points ledger's entries that a kept sale's figures give
 * exactly left to that sale); read back here it deep-equals the original. The object form (a spread
 * `{ ...account }`, a structured clone) and accounts stored by earlier builds (sales as objects) are
 * read too. An edited stored form is refused: a sale's points that no longer match the ledger's lots
 * and debits, an entry left to a sale that does not give it.
 *
 * @param input - the stored account
 * @returns the account
 * @throws {LoyaltyValidationError} when the input is not a program account
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openProgramAccount, parseProgramAccount } from "loyalty-kit";
 * const program = parseProgram({ kind: "stamps", id: "coffee", name: "Coffee card", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, cardSize: 6, earn: { type: "per-purchase" }, reward: { type: "free-item" } });
 * const stored = JSON.stringify(openProgramAccount(program, { cardId: "card-7" }));
 * console.log(parseProgramAccount(JSON.parse(stored)).cardId); // card-7
 * ```
 */
export function parseProgramAccount(input: unknown): ProgramAccount {
  return guardInputs("parseProgramAccount", { input }, () => parseProgramAccountUnguarded(input));
}

function parseProgramAccountUnguarded(input: unknown): ProgramAccount {
  refuseOldShape(input);
  // The stored form (what JSON.stringify writes): its sales are rebuilt and checked first, then the
  // ledger entries it leaves to them are made from those checked sales.
  const stored = isProgramStoredForm(input);
  const shell = parsers.parse(stored ? fromProgramStoredForm(input) : input);
  const ledger = stored ? withImpliedEntries(shell.points, shell.programId, shell.sales) : shell.points;
  let points: ProgramAccount["points"];
  try {
    points = parseAccount(ledger);
  } catch (e) {
    if (e instanceof LoyaltyValidationError)
      throw new LoyaltyValidationError(
        e.issues.map((i) => ({ path: ["points", ...i.path], message: i.message })),
        "program account",
      );
    throw e;
  }
  inTimeOrder(shell.sales, "sales");
  inTimeOrder(shell.refunds, "refunds");
  return withStoredForm({ ...shell, points });
}

/** Sales and refunds are kept in time order (checkout and refund keep them so; pruning relies on it); instantMs reads them as Date.parse does. */
function inTimeOrder(list: readonly { readonly at: string }[], name: "sales" | "refunds"): void {
  for (let i = 1; i < list.length; i++) {
    const before = (list[i - 1] as { readonly at: string }).at;
    const at = (list[i] as { readonly at: string }).at;
    if (instantMs(at) < instantMs(before))
      throw new LoyaltyValidationError(
        [
          {
            path: [name, i, "at"],
            message: `expected ${name} in time order: ${at} is before the previous one's ${before} (the account was edited outside loyalty-kit; store the account checkout or refund returned)`,
          },
        ],
        "program account",
      );
  }
}

/** A 0.1/0.2 account (every sale in `purchases`) is converted once with upgradeProgramAccount, not read as is. */
function refuseOldShape(input: unknown): void {
  if (typeof input === "object" && input !== null && "purchases" in input && !("sales" in input))
    throw new LoyaltyValidationError(
      [
        {
          path: ["purchases"],
          message:
            "expected a bounded program account (sales, refunds, totals); this looks like one stored by loyalty-kit 0.1 or 0.2 (every sale in purchases): convert it once with upgradeProgramAccount(program, stored), which returns { account, history } — store both",
        },
      ],
      "program account",
    );
}

/**
 * Like {@link parseProgramAccount}, but returns a tagged result instead of throwing.
 *
 * @param input - the stored account
 * @returns `{ success: true, data }` or `{ success: false, error }`
 * @category programs
 * @example
 * ```ts
 * import { safeParseProgramAccount } from "loyalty-kit";
 * console.log(safeParseProgramAccount({ programId: "x" }).success); // false
 * ```
 */
export function safeParseProgramAccount(input: unknown): SafeParseResult<ProgramAccount> {
  return guardInputs("safeParseProgramAccount", { input }, () => safeParseProgramAccountUnguarded(input));
}

function safeParseProgramAccountUnguarded(input: unknown): SafeParseResult<ProgramAccount> {
  try {
    return { success: true, data: parseProgramAccountUnguarded(input) };
  } catch (error) {
    if (error instanceof LoyaltyValidationError) return { success: false, error };
    throw error;
  }
}

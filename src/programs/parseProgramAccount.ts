import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { ProgramAccountSchema, type ProgramAccount } from "./account.js";

const parsers = /* @__PURE__ */ makeParsers(ProgramAccountSchema, "program account");

/**
 * Reads a stored program account (JSON) back, checking every part of it. An account stored by
 * loyalty-kit 0.1 or 0.2 (every sale in `purchases`) is refused with a message that says to
 * convert it once with {@link upgradeProgramAccount}.
 *
 * `JSON.stringify` of an account read back here deep-equals the original.
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
  return parsers.parse(input);
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
    refuseOldShape(input);
  } catch (error) {
    return { success: false, error: error as LoyaltyValidationError };
  }
  return parsers.safeParse(input);
}

import { guardInputs } from "../core/guard.js";
import type { SafeParseResult } from "../_lib/validation.js";
import { miniParsers } from "./_lib/parsers.js";
import { brand, isBranded } from "./_lib/brand.js";
import { ProgramSchema, type Program } from "./program.js";

const parsers = /* @__PURE__ */ miniParsers(ProgramSchema, "program");

/**
 * Validates a program configuration (JSON) and returns it typed, deep-frozen and ready for the till.
 *
 * Every issue is reported at once, each with its path and what was expected:
 * unknown `kind`, extra keys, amounts with more decimals than the currency allows, duplicate tier
 * thresholds, an `active.to` before `active.from`, an unknown time zone, … Validate once when the
 * program is loaded and pass the result to {@link quote} and {@link checkout}, which then skip
 * validating it again.
 *
 * @param input - the configuration, usually parsed JSON
 * @returns the validated program
 * @throws {LoyaltyValidationError} when the configuration is invalid (`issues` lists every problem)
 * @category programs
 * @example
 * ```ts
 * import { parseProgram } from "loyalty-kit";
 * const program = parseProgram({
 *   kind: "bonus", id: "olga-bonus", name: "Olga's bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" },
 *   earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 },
 *   redeem: { pointValue: "0.01", maxShare: "50" },
 * });
 * if (program.kind === "bonus") console.log(program.kind, program.earn.rules.length); // bonus 1
 * ```
 */
export function parseProgram(input: unknown): Program {
  return guardInputs("parseProgram", { input }, () => parseProgramUnguarded(input));
}

function parseProgramUnguarded(input: unknown): Program {
  if (isBranded(input, "program")) return input as Program;
  return brand(parsers.parse(input), "program");
}

/**
 * Like {@link parseProgram}, but returns `{ success: true, data }` or `{ success: false, error }`
 * instead of throwing.
 *
 * @param input - the configuration
 * @returns a tagged result; `error` is a LoyaltyValidationError with every issue
 * @category programs
 * @example
 * ```ts
 * import { safeParseProgram } from "loyalty-kit";
 * const r = safeParseProgram({ kind: "discount", id: "d", name: "Ten", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "110" });
 * if (!r.success) console.log(r.error.issues[0]?.path.join(".")); // percent
 * ```
 */
export function safeParseProgram(input: unknown): SafeParseResult<Program> {
  return guardInputs("safeParseProgram", { input }, () => safeParseProgramUnguarded(input));
}

function safeParseProgramUnguarded(input: unknown): SafeParseResult<Program> {
  if (isBranded(input, "program")) return { success: true, data: input as Program };
  const r = parsers.safeParse(input);
  return r.success ? { success: true, data: brand(r.data, "program") } : r;
}

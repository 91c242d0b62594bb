import { guardInputs } from "../../core/guard.js";
import { makeParsers, type SafeParseResult } from "../../core/validation.js";
import { EventRulesSchema, type EventRules } from "./eventRules.js";

const parsers = /* @__PURE__ */ makeParsers(EventRulesSchema, "event rules");

/**
 * Validates event rules (see {@link EventRulesSchema}).
 *
 * @param input - the rules as JSON
 * @returns the validated rules
 * @throws {LoyaltyValidationError} listing every issue with its path
 * @category programs
 * @example
 * ```ts
 * import { parseEventRules } from "loyalty-kit";
 * console.log(parseEventRules({ timeZone: "Europe/Berlin", birthday: { points: "200" } }).birthday?.points); // 200
 * ```
 */
export function parseEventRules(input: unknown): EventRules {
  return guardInputs("parseEventRules", { input }, () => parseEventRulesUnguarded(input));
}

function parseEventRulesUnguarded(input: unknown): EventRules {
  return parsers.parse(input);
}

/**
 * Like {@link parseEventRules}, but returns `{ success, data | error }` and never throws.
 *
 * @param input - the rules as JSON
 * @returns the tagged result
 * @category programs
 * @example
 * ```ts
 * import { safeParseEventRules } from "loyalty-kit";
 * console.log(safeParseEventRules({ timeZone: "Mars/Olympus" }).success); // false
 * ```
 */
export function safeParseEventRules(input: unknown): SafeParseResult<EventRules> {
  return guardInputs("safeParseEventRules", { input }, () => safeParseEventRulesUnguarded(input));
}

function safeParseEventRulesUnguarded(input: unknown): SafeParseResult<EventRules> {
  return parsers.safeParse(input);
}

import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { deepFreeze } from "../core/json.js";
import { miniParsers } from "../programs/_lib/parsers.js";
import type { SafeParseResult } from "../_lib/validation.js";
import { type Strategy, StrategySchema } from "./strategy.js";

const parsers = /* @__PURE__ */ miniParsers(StrategySchema, "strategy");

/**
 * Validates a strategy written as data and fills its defaults (channels email → sms → phone → post).
 * Rule ids must be unique, so that every planned action can name the rule that chose it.
 *
 * @param input - A {@link StrategyInput}, e.g. read from JSON.
 * @returns The frozen {@link Strategy}.
 * @throws {LoyaltyValidationError} listing every problem with its path, e.g. a holdout share above 0.5
 *   or a duplicate rule id.
 * @example
 * ```ts
 * import { parseStrategy } from "loyalty-kit";
 * const s = parseStrategy({
 *   timeZone: "Europe/Berlin",
 *   quietHours: { start: "21:00", end: "08:00" },
 *   budget: "50",
 *   holdout: { share: 0.1, seed: "2026-q2" },
 *   rules: [{ id: "keep-cant-lose", when: { segments: ["cant-lose"] }, action: { type: "offer", coupon: "COMEBACK10", cost: "1.00" } }],
 * });
 * console.log(s.rules[0]?.id, s.channels.length); // keep-cant-lose 4
 * ```
 * @category crm
 */
export function parseStrategy(input: unknown): Strategy {
  return guardInputs("parseStrategy", { input }, () => parseStrategyUnguarded(input));
}

function parseStrategyUnguarded(input: unknown): Strategy {
  const r = safeParseStrategy(input);
  if (!r.success) throw r.error;
  return r.data;
}

/**
 * Like {@link parseStrategy} but returns `{ success, data | error }` instead of throwing.
 *
 * @param input - A {@link StrategyInput}.
 * @returns A tagged result with the frozen strategy or a LoyaltyValidationError.
 * @example
 * ```ts
 * import { safeParseStrategy } from "loyalty-kit";
 * const r = safeParseStrategy({ timeZone: "UTC", budget: "1", holdout: { share: 0.9, seed: "x" }, rules: [] });
 * console.log(r.success); // false
 * ```
 * @category crm
 */
export function safeParseStrategy(input: unknown): SafeParseResult<Strategy> {
  return guardInputs("safeParseStrategy", { input }, () => safeParseStrategyUnguarded(input));
}

function safeParseStrategyUnguarded(input: unknown): SafeParseResult<Strategy> {
  const r = parsers.safeParse(input);
  if (!r.success) return r;
  const seen = new Set<string>();
  for (const [i, rule] of r.data.rules.entries()) {
    if (seen.has(rule.id)) {
      return {
        success: false,
        error: new LoyaltyValidationError(
          [
            {
              path: ["rules", i, "id"],
              message: `duplicate rule id ${JSON.stringify(rule.id)}: give every rule its own id`,
            },
          ],
          "strategy",
        ),
      };
    }
    seen.add(rule.id);
  }
  return { success: true, data: deepFreeze(r.data) };
}

import * as z from "zod/mini";
import { ReferralRulesSchema } from "./referralRules.js";

/**
 * The JSON Schema (draft 2020-12) of referral rules, generated from {@link ReferralRulesSchema}.
 *
 * @returns a fresh JSON Schema object
 * @category programs
 * @example
 * ```ts
 * import { referralRulesJsonSchema } from "loyalty-kit";
 * console.log(referralRulesJsonSchema().type); // object
 * ```
 */
export function referralRulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ReferralRulesSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
}

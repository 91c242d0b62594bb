import * as z from "zod/mini";
import { EventRulesSchema } from "./eventRules.js";

/**
 * The JSON Schema (draft 2020-12) of event rules, generated from {@link EventRulesSchema}; unique
 * event ids are checked by {@link parseEventRules} only.
 *
 * @returns a fresh JSON Schema object
 * @category programs
 * @example
 * ```ts
 * import { eventRulesJsonSchema } from "loyalty-kit";
 * console.log(eventRulesJsonSchema().type); // object
 * ```
 */
export function eventRulesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(EventRulesSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}

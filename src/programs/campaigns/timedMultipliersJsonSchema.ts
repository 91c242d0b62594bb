import * as z from "zod/mini";
import { TimedMultipliersSchema } from "./timedMultiplier.js";

/**
 * The JSON Schema (draft 2020-12) of a list of time-boxed multipliers, generated from
 * {@link TimedMultipliersSchema}; `to` after `from`, `end` after `start` and unique ids are checked by
 * {@link timedBonusEntry} only.
 *
 * @returns a fresh JSON Schema object
 * @category programs
 * @example
 * ```ts
 * import { timedMultipliersJsonSchema } from "loyalty-kit";
 * console.log(timedMultipliersJsonSchema().type); // array
 * ```
 */
export function timedMultipliersJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TimedMultipliersSchema, {
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  }) as Record<string, unknown>;
}

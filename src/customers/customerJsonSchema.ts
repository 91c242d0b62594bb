import * as z from "zod/mini";
import { CustomerSchema } from "./customer.js";

/**
 * The JSON Schema (draft 2020-12) of a customer profile as it travels on the wire, so a POS or a form
 * builder can validate the same documents.
 *
 * Generated with zod's `z.toJSONSchema` from {@link CustomerSchema} (input side: what a caller sends).
 * Instants are `date-time` strings. What JSON Schema cannot say — GS1 check digits, E.164 phones,
 * calendar dates, the order of consent statements — is still checked by {@link parseCustomer}.
 *
 * @returns A fresh JSON Schema object.
 * @throws Never.
 * @example
 * ```ts
 * import { customerJsonSchema } from "loyalty-kit";
 * const schema = customerJsonSchema();
 * console.log(schema.type, schema.additionalProperties); // object false
 * ```
 * @category customers
 */
export function customerJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(CustomerSchema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      // Instants accept a Date in TypeScript; on the wire they are ISO-8601 strings with an offset.
      if (ctx.zodSchema._zod.def.type === "date") {
        for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
        Object.assign(ctx.jsonSchema, { type: "string", format: "date-time" });
      }
    },
  }) as Record<string, unknown>;
}

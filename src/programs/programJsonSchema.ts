import * as z from "zod/mini";
import { ProgramSchema } from "./program.js";

/**
 * The JSON Schema (draft 2020-12) of a program configuration, generated from {@link ProgramSchema}
 * by zod's own conversion, so non-TypeScript systems (a POS, a form builder) can validate the same
 * documents. It describes the input side: optional fields with defaults are optional. Cross-field
 * rules (decimals per currency, unique tier thresholds, time-zone names) are checked by
 * {@link parseProgram} only.
 *
 * @returns a fresh JSON Schema object
 * @category programs
 * @example
 * ```ts
 * import { programJsonSchema } from "loyalty-kit";
 * const schema = programJsonSchema();
 * console.log(schema.$schema); // https://json-schema.org/draft/2020-12/schema
 * ```
 */
export function programJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ProgramSchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}

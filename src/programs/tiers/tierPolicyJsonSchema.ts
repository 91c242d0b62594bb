import * as z from "zod/mini";
import { TierPolicySchema } from "./tierPolicy.js";

/**
 * The JSON Schema (draft 2020-12) of a tier policy, generated from {@link TierPolicySchema}, so a
 * back office or a form builder can validate the same documents. Cross-field rules (currency for a
 * spend basis, unique thresholds, retention allowed by the window) are checked by
 * {@link parseTierPolicy} only.
 *
 * @returns a fresh JSON Schema object
 * @category programs
 * @example
 * ```ts
 * import { tierPolicyJsonSchema } from "loyalty-kit";
 * console.log(tierPolicyJsonSchema().type); // object
 * ```
 */
export function tierPolicyJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TierPolicySchema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
}

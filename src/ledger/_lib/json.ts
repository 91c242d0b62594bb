// JSON values for the ledger: the `JsonValue` type of an entry's opaque `meta`, and the shared JSON
// helpers of src/core (one equality, one first-difference, one deepFreeze) under the names it uses.

/**
 * A JSON value: what an entry's opaque `meta` may hold.
 *
 * @example
 * ```ts
 * import type { JsonValue } from "loyalty-kit";
 * const meta: JsonValue = { spend: "12.50", lines: [{ sku: "A-1", qty: 2 }] };
 * console.log(JSON.stringify(meta));
 * ```
 * @category ledger
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The JSON-value check for `meta`: the shared one in src/core. */
export { isJsonValue } from "../../core/json.js";

/** Equality, the first differing field, copying and freezing: the shared helpers in src/core. */
export { deepFreeze, firstDifference, jsonCopy, jsonEqual } from "../../core/json.js";

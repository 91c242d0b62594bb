// JSON values: the check used for opaque `meta`, and a key-order-insensitive equality used for the
// idempotency comparison of entries.

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

/** Deep equality of two JSON-shaped values, ignoring object key order; `undefined` properties count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) {
    if (!Object.hasOwn(rb, k)) return false;
    if (!jsonEqual(ra[k], rb[k])) return false;
  }
  return true;
}

/**
 * The path to the first place two JSON-shaped values differ (the first value's keys in order, then
 * keys only the second has), or `undefined` when they are equal as {@link jsonEqual} sees them.
 * `undefined` properties count as absent.
 */
export function firstDifference(a: unknown, b: unknown): (string | number)[] | undefined {
  if (jsonEqual(a, b)) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return [];
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      const d = firstDifference(a[i], b[i]);
      if (d !== undefined) return [i, ...d];
    }
    return [];
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...Object.keys(ra), ...Object.keys(rb).filter((k) => !Object.hasOwn(ra, k))];
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k]);
    if (d !== undefined) return [k, ...d];
  }
  return [];
}

/** Deep-freezes a freshly built JSON value (objects and arrays) and returns it. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

// JSON helpers shared by every module: the JSON-value check, one deepFreeze, one equality, one
// canonical form, and the path of the first difference (for idempotency conflicts).
// Internal: not re-exported from the package root.

/** A JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 64;

/** True for null, booleans, finite numbers, strings, arrays and plain objects of those (no `__proto__` key, no cycles, ≤ 64 deep). */
export function isJsonValue(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || depth >= MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!isJsonValue(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  if (Object.getOwnPropertySymbols(value).length > 0) return false;
  for (const key of Object.getOwnPropertyNames(value)) {
    if (key === "__proto__") return false;
    const d = Object.getOwnPropertyDescriptor(value, key);
    if (d === undefined || !("value" in d) || !d.enumerable) return false;
    if (!isJsonValue(d.value, depth + 1)) return false;
  }
  return true;
}

/**
 * Deep-freezes a freshly built value (its objects and arrays) and returns it. Already-frozen
 * sub-objects are not walked again (they were frozen by this function or are the caller's).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function definedKeys(r: Record<string, unknown>): string[] {
  return Object.keys(r).filter((k) => r[k] !== undefined);
}

/**
 * The path of the first field where two JSON-shaped values differ, or `undefined` when they are
 * equal. Object key order is ignored and `undefined` properties count as absent; keys are visited in
 * sorted order, so the answer does not depend on insertion order. The root differing gives `[]`.
 */
export function firstDifference(a: unknown, b: unknown): (string | number)[] | undefined {
  if (a === b) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return [];
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return [];
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) {
      if (i >= a.length || i >= b.length) return [i];
      const d = firstDifference(a[i], b[i]);
      if (d !== undefined) return [i, ...d];
    }
    return undefined;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...definedKeys(ra), ...definedKeys(rb)])].sort();
  for (const k of keys) {
    const d = firstDifference(ra[k], rb[k]);
    if (d !== undefined) return [k, ...d];
  }
  return undefined;
}

/** Deep equality of two JSON-shaped values, ignoring object key order; `undefined` properties count as absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  return firstDifference(a, b) === undefined;
}

/**
 * The canonical JSON text of a JSON-shaped value: object keys sorted by UTF-16 code units (as RFC 8785,
 * the JSON Canonicalization Scheme, orders them), `undefined` properties left out, no whitespace.
 * Two values are {@link jsonEqual} exactly when their canonical texts are equal.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? "null" : canonicalJson(v))).join(",")}]`;
  const r = value as Record<string, unknown>;
  const keys = definedKeys(r).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(r[k])}`).join(",")}}`;
}

/**
 * A deep copy of a JSON value (one {@link isJsonValue} accepts): what `JSON.parse(JSON.stringify(value))`
 * gives (`-0` becomes 0, every object a plain one, keys in the same order), without writing the text
 * and reading it back.
 */
export function jsonCopy<T>(value: T): T {
  return copyJson(value) as T;
}

function copyJson(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return typeof v === "number" ? v + 0 : v;
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (let i = 0; i < v.length; i++) out.push(copyJson(v[i]));
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = copyJson((v as Record<string, unknown>)[k]);
    // An own "__proto__" key (JSON.parse makes one) is not the prototype.
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

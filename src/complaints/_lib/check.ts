// Hand-written checks for the transition path. They accept exactly what the zod schemas in
// ../schema.ts accept (a property test holds them to that) without pulling zod into a bundle that
// needs only { openComplaint, transition, can }.
import { LoyaltyError, LoyaltyValidationError, type ValidationIssue } from "../../errors/errors.js";

import { EXPECTED_INSTANT, instantMillis, previewValue as preview } from "../../_lib/values.js";

export { instantMillis, preview };

export type UnknownRecord = Readonly<Record<string, unknown>>;

export function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** What {@link checker} returns: readers for the fields of one object that record every issue. */
export interface Checker {
  readonly issues: ValidationIssue[];
  fail(key: string | null, message: string): void;
  text(key: string, what: string, optional?: boolean): string | undefined;
  note(): string | undefined;
  string(key: string): string | undefined;
  instant(key: string): string | undefined;
  oneOf<T extends string>(key: string, options: readonly T[], optional?: boolean): T | undefined;
  boolean(key: string): boolean | undefined;
  index(key: string): number | undefined;
  days(key: string, optional?: boolean): number | undefined;
  /** Flags every key not in `allowed` (extra keys and `__proto__` are rejected). */
  only(allowed: readonly string[]): void;
}

/** Reads the fields of one object (own properties only), collecting an issue for each bad one. */
export function checker(input: UnknownRecord, base: readonly (string | number)[] = []): Checker {
  const issues: ValidationIssue[] = [];
  const get = (key: string): unknown => (Object.hasOwn(input, key) ? input[key] : undefined);
  const fail = (key: string | null, message: string): void => {
    issues.push({ path: key === null ? [...base] : [...base, key], message });
  };
  return {
    issues,
    fail,
    text(key, what, optional = false) {
      const v = get(key);
      if (v === undefined && optional) return undefined;
      if (typeof v === "string" && /\S/.test(v)) return v;
      fail(key, `expected ${what} (a non-empty string), got ${preview(v)}`);
      return undefined;
    },
    string(key) {
      const v = get(key);
      if (typeof v === "string") return v;
      fail(key, `expected a string, got ${preview(v)}`);
      return undefined;
    },
    note() {
      const v = get("note");
      if (v === undefined || typeof v === "string") return v;
      fail("note", `expected a string, got ${preview(v)}`);
      return undefined;
    },
    instant(key) {
      const v = get(key);
      const ms = instantMillis(v);
      if (Number.isFinite(ms)) return new Date(ms).toISOString();
      fail(key, `${EXPECTED_INSTANT}, got ${preview(v)}`);
      return undefined;
    },
    oneOf<T extends string>(key: string, options: readonly T[], optional = false): T | undefined {
      const v = get(key);
      if (v === undefined && optional) return undefined;
      if (typeof v === "string" && (options as readonly string[]).includes(v)) return v as T;
      fail(key, `expected one of ${options.map((o) => JSON.stringify(o)).join(", ")}, got ${preview(v)}`);
      return undefined;
    },
    boolean(key) {
      const v = get(key);
      if (typeof v === "boolean") return v;
      fail(key, `expected a boolean, got ${preview(v)}`);
      return undefined;
    },
    index(key) {
      const v = get(key);
      if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return v;
      fail(key, `expected the 0-based index of an analyzed alternative, got ${preview(v)}`);
      return undefined;
    },
    days(key, optional = false) {
      const v = get(key);
      if (v === undefined && optional) return undefined;
      if (typeof v === "number" && Number.isFinite(v) && v > 0 && v <= 3650) return v;
      fail(key, `expected a positive number of days up to 3650, got ${preview(v)}`);
      return undefined;
    },
    only(allowed) {
      const extra = Object.keys(input).filter((k) => !allowed.includes(k));
      if (extra.length > 0)
        fail(null, `unexpected key${extra.length > 1 ? "s" : ""} ${extra.map((k) => JSON.stringify(k)).join(", ")}`);
    },
  };
}

/**
 * Runs a reader over untrusted input: a getter or proxy that throws while being read becomes a
 * LoyaltyValidationError like any other bad input.
 */
export function reading<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof LoyaltyError) throw e;
    throw new LoyaltyValidationError(
      [{ path: [], message: `could not read input: ${e instanceof Error ? e.message : String(e)}` }],
      what,
    );
  }
}

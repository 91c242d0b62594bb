// Shared validation helpers: zod schemas for the wire formats every module uses (decimal strings,
// instants, currency codes) and the bridge from zod's issues to LoyaltyValidationError.
// Internal: not re-exported from the package root.
import * as z from "zod";
import { LoyaltyValidationError, type ValidationIssue } from "../errors/errors.js";
import { DECIMAL_PATTERN, EXPECTED_INSTANT, instantMillis, previewValue } from "./values.js";

export { DECIMAL_PATTERN, instantMillis, invalid, parseInstant, previewValue } from "./values.js";

/**
 * The tagged result of every `safeParseX` function: the parsed value, or the validation error that
 * `parseX` would have thrown.
 *
 * @example
 * ```ts
 * import { safeParseMoney, type SafeParseResult, type Money } from "loyalty-kit";
 * const r: SafeParseResult<Money> = safeParseMoney({ amount: "12.50", currency: "EUR" });
 * console.log(r.success ? r.data.amount.toString() : r.error.message); // 12.5
 * ```
 * @category errors
 */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: LoyaltyValidationError };

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    if (!Object.hasOwn(v, key)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Turns zod issues into ours: a path of strings and numbers, and a message that says what was given. */
export function issuesFromZod(
  error: z.ZodError,
  input: unknown,
  basePath: readonly (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const got = issue.code === "unrecognized_keys" ? "" : `, got ${previewValue(valueAt(input, issue.path))}`;
    const message = issue.message.replace(/^Invalid input: /, "");
    return {
      path: [...basePath, ...path],
      message: message.includes(", got ") || message.includes("received") ? message : `${message}${got}`,
    };
  });
}

/**
 * Builds the `parseX` / `safeParseX` pair for a schema. `parseX` throws a LoyaltyValidationError
 * listing every issue with its path; `safeParseX` returns a tagged result and never throws.
 */
export function makeParsers<S extends z.ZodType>(
  schema: S,
  what: string,
): {
  parse: (input: unknown) => z.output<S>;
  safeParse: (input: unknown) => SafeParseResult<z.output<S>>;
} {
  const safeParse = (input: unknown): SafeParseResult<z.output<S>> => {
    let result: ReturnType<S["safeParse"]>;
    try {
      result = schema.safeParse(input) as ReturnType<S["safeParse"]>;
    } catch (e) {
      // A getter or proxy in the input threw while being read: still a validation failure.
      return {
        success: false,
        error: new LoyaltyValidationError(
          [{ path: [], message: `could not read input: ${e instanceof Error ? e.message : String(e)}` }],
          what,
        ),
      };
    }
    if (result.success) return { success: true, data: result.data as z.output<S> };
    return {
      success: false,
      error: new LoyaltyValidationError(issuesFromZod(result.error as z.ZodError, input), what),
    };
  };
  const parse = (input: unknown): z.output<S> => {
    const r = safeParse(input);
    if (!r.success) throw r.error;
    return r.data;
  };
  return { parse, safeParse };
}

/** A decimal string such as "12.50" or "-3". */
export const DecimalStringSchema = /* @__PURE__ */ z
  .string()
  .regex(DECIMAL_PATTERN, { message: 'expected a decimal string such as "12.50"' });

/** A non-negative decimal string. */
export const NonNegativeDecimalStringSchema = /* @__PURE__ */ z
  .string()
  .regex(/^(0|[1-9]\d*)(\.\d+)?$/, { message: 'expected a non-negative decimal string such as "12.50"' });

/** A positive decimal string (greater than zero). */
export const PositiveDecimalStringSchema = /* @__PURE__ */ NonNegativeDecimalStringSchema.refine(
  (s) => /[1-9]/.test(s),
  { message: "expected a positive decimal string" },
);

/**
 * An instant: an ISO-8601 string with an offset ("2026-01-31T10:00:00Z", "…+07:00") or a valid Date.
 * Output is the canonical UTC ISO string (`Date#toISOString`), so snapshots are JSON and round-trip.
 */
export const InstantSchema = /* @__PURE__ */ z.union([z.string(), z.date()]).transform((value, ctx) => {
  const ms = instantMillis(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: "custom", message: EXPECTED_INSTANT });
    return z.NEVER;
  }
  return new Date(ms).toISOString();
});

/** An ISO 4217 alphabetic code shape (three upper-case letters); whether it is known is checked by money. */
export const CurrencyCodeSchema = /* @__PURE__ */ z
  .string()
  .regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as "EUR"' });

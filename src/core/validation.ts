// Validation on zod/mini: the wire-format schemas every module shares (decimal strings, instants,
// currency codes), the one bridge from a schema to `parseX` / `safeParseX`, and the one issue
// formatter, so every module words the same mistake the same way. Internal: not re-exported from the root.
import * as z from "zod/mini";
import { en } from "zod/locales";
import { LoyaltyValidationError, type ValidationIssue } from "../errors/errors.js";
import { DECIMAL_PATTERN, NON_NEGATIVE_DECIMAL_PATTERN } from "./decimal.js";
import { describeThrown, unreadableInputError } from "./guard.js";
import { canonicalInstant, expectedInstant, type InstantOptions, previewValue } from "./instant.js";

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

export { formatIssues, MAX_LISTED_ISSUES } from "./issues.js";

// zod/mini loads no locale (its issues all say "Invalid input"); classic zod loaded the English one
// for every schema. Load it here, once, so "expected string, received number" and 'Unrecognized key:
// "x"' stay the messages every parser gives (about 1 kB brotli).
z.config(en());

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
  error: z.core.$ZodError,
  input: unknown,
  basePath: readonly (string | number)[] = [],
): ValidationIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const got = issue.code === "unrecognized_keys" ? "" : `, got ${previewValue(valueAt(input, issue.path))}`;
    const message = issue.message.replace(/^Invalid input: /, "");
    return {
      path: [...basePath, ...path],
      // zod's own messages say ", received number"; a message that merely names a value "received"
      // (a complaint state) still gets what was given.
      message: message.includes(", got ") || message.includes(", received ") ? message : `${message}${got}`,
    };
  });
}

/** At most this many issues are kept on a LoyaltyValidationError from a schema; the message counts the rest. */
export const MAX_KEPT_ISSUES = 1_000;

/**
 * A sparse array (at the top or as a property of the top-level object) is refused before the schema
 * runs: one issue naming the first empty slot and counting them, instead of one issue per slot
 * (a length-300,000 array with one element gave 300,000 issues and seconds of work).
 */
function sparseIssue(input: unknown): ValidationIssue | undefined {
  const check = (value: unknown, path: (string | number)[]): ValidationIssue | undefined => {
    if (!Array.isArray(value)) return undefined;
    let first = -1;
    let empty = 0;
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) {
        if (first < 0) first = i;
        empty++;
      }
    }
    if (first < 0) return undefined;
    return {
      path: [...path, first],
      message: `expected an element, got an empty slot: the array (length ${value.length.toLocaleString("en-US")}) has ${empty.toLocaleString("en-US")} empty slot${empty === 1 ? "" : "s"}; pass a dense array`,
    };
  };
  const top = check(input, []);
  if (top !== undefined || typeof input !== "object" || input === null || Array.isArray(input)) return top;
  for (const key of Object.keys(input)) {
    const found = check((input as Record<string, unknown>)[key], [key]);
    if (found !== undefined) return found;
  }
  return undefined;
}

function unreadableError(what: string, thrown: unknown): LoyaltyValidationError {
  return new LoyaltyValidationError(
    [{ path: [], message: `could not read the input (${describeThrown(thrown)}); pass plain data` }],
    what,
  );
}

/**
 * Builds the `parseX` / `safeParseX` pair for a zod/mini schema. `parseX` throws a
 * LoyaltyValidationError listing every issue with its path; `safeParseX` returns a tagged result and
 * never throws, not even when a getter or proxy in the input throws while being read.
 */
export function makeParsers<S extends z.core.$ZodType>(
  schema: S,
  what: string,
): {
  parse: (input: unknown) => z.output<S>;
  safeParse: (input: unknown) => SafeParseResult<z.output<S>>;
} {
  const safeParse = (input: unknown): SafeParseResult<z.output<S>> => {
    try {
      const holes = sparseIssue(input);
      if (holes !== undefined) return { success: false, error: new LoyaltyValidationError([holes], what) };
      const result = z.safeParse(schema, input);
      if (result.success) return { success: true, data: result.data };
      const total = result.error.issues.length;
      const kept = total > MAX_KEPT_ISSUES ? { issues: result.error.issues.slice(0, MAX_KEPT_ISSUES) } : result.error;
      return {
        success: false,
        error: new LoyaltyValidationError(issuesFromZod(kept as z.core.$ZodError, input), what, total),
      };
    } catch (e) {
      // A getter or Proxy in the input threw while zod (or the issue builder) read it: name the path.
      return {
        success: false,
        error: unreadableInputError(what, { input }, e, 1) ?? unreadableError(what, e),
      };
    }
  };
  const parse = (input: unknown): z.output<S> => {
    const r = safeParse(input);
    if (!r.success) throw r.error;
    return r.data;
  };
  return { parse, safeParse };
}

export { DECIMAL_PATTERN } from "./decimal.js";

/** The message for a decimal field given as something else: says what is wrong and how to write it. */
function decimalMessage(kind: string) {
  return (issue: { input?: unknown }): string =>
    typeof issue.input === "number"
      ? `must be a${kind ? ` ${kind}` : ""} decimal string such as "12.50", not a number (write "${issue.input}")`
      : `expected a${kind ? ` ${kind}` : ""} decimal string such as "12.50"`;
}

// Each schema below is built inside a pure call, `/* @__PURE__ */ (() => …)()`: esbuild does not
// carry zod's own side-effect-free marks across modules, so a schema built by nested zod calls at
// the top of a module would stay in every bundle that imports the module for something else (with
// whatever it reads). Wrapped, a bundle keeps only the schemas it uses; where one is used, esbuild
// inlines the call.

/** A decimal string such as "12.50" or "-3". */
export const DecimalString = /* @__PURE__ */ (() =>
  z
    .string({ error: decimalMessage("") })
    .check(z.regex(DECIMAL_PATTERN, { error: 'expected a decimal string such as "12.50"' })))();

/** A non-negative decimal string; a negative one is told it is negative. */
export const NonNegativeDecimalString = /* @__PURE__ */ (() =>
  z.string({ error: decimalMessage("non-negative") }).check(
    z.refine((s) => !s.startsWith("-") || !DECIMAL_PATTERN.test(s), { error: "must not be negative" }),
    z.regex(NON_NEGATIVE_DECIMAL_PATTERN, {
      error: 'expected a non-negative decimal string such as "12.50"',
      abort: true,
    }),
  ))();

/** A positive decimal string (greater than zero). */
export const PositiveDecimalString = /* @__PURE__ */ (() =>
  z.string({ error: decimalMessage("positive") }).check(
    z.refine((s) => !s.startsWith("-") || !DECIMAL_PATTERN.test(s), {
      error: "must be positive, got a negative number",
    }),
    z.regex(NON_NEGATIVE_DECIMAL_PATTERN, { error: 'expected a positive decimal string such as "12.50"', abort: true }),
    z.refine((s) => /[1-9]/.test(s), { error: "must be positive, got zero" }),
  ))();

/**
 * An instant schema: an ISO-8601 string with an offset or a valid Date (and a date-only string only
 * when `options.dateOnly` says so). Output is the canonical UTC ISO string (`Date#toISOString`).
 */
export function instantSchema(options?: InstantOptions) {
  return z.pipe(
    z.union([z.string(), z.date()]),
    z.transform((value: string | Date, ctx) => {
      const iso = canonicalInstant(value, options);
      if (iso === undefined) {
        ctx.issues.push({ code: "custom", message: expectedInstant(options), input: value });
        return z.NEVER;
      }
      return iso;
    }),
  );
}

/** An instant (no date-only strings): see {@link instantSchema}. */
export const Instant = /* @__PURE__ */ instantSchema();

/** An ISO 4217 alphabetic code shape (three upper-case letters); whether it is known is checked by money. */
export const CurrencyCode = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Z]{3}$/, { error: 'expected an ISO 4217 currency code such as "EUR"' })))();

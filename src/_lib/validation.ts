// Shared validation helpers: zod/mini schemas for the wire formats every module uses (decimal strings,
// instants, currency codes) and the bridge from zod's issues to LoyaltyValidationError.
// Internal: not re-exported from the package root.
import * as z from "zod/mini";
import { canonicalInstant, EXPECTED_INSTANT } from "../core/instant.js";
import { DECIMAL_PATTERN } from "../core/decimal.js";

// The bridge, the formatter and the helpers live in src/core; the schemas below keep the messages
// the ledger, complaints, customers and measurement modules have always given.
export { instantMillis, parseInstant, previewValue } from "../core/instant.js";
export { invalid } from "../core/invalid.js";
export { DECIMAL_PATTERN } from "../core/decimal.js";
export { issuesFromZod, makeParsers, type SafeParseResult } from "../core/validation.js";

// Each schema is built inside a pure call so a bundle that does not use it drops it (see the note
// above DecimalString in src/core/validation.ts).

/** A decimal string such as "12.50" or "-3". */
export const DecimalStringSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: 'expected a decimal string such as "12.50"' })
    .check(z.regex(DECIMAL_PATTERN, { message: 'expected a decimal string such as "12.50"' })))();

/** A non-negative decimal string. */
export const NonNegativeDecimalStringSchema = /* @__PURE__ */ (() =>
  z
    .string({ error: 'expected a non-negative decimal string such as "12.50"' })
    .check(z.regex(/^(0|[1-9]\d*)(\.\d+)?$/, { message: 'expected a non-negative decimal string such as "12.50"' })))();

/** A positive decimal string (greater than zero). */
export const PositiveDecimalStringSchema = /* @__PURE__ */ (() =>
  z.string({ error: 'expected a decimal string such as "12.50"' }).check(
    z.regex(/^(0|[1-9]\d*)(\.\d+)?$/, { message: 'expected a non-negative decimal string such as "12.50"' }),
    z.refine((s) => /[1-9]/.test(s), { message: "expected a positive decimal string" }),
  ))();

/**
 * An instant: an ISO-8601 string with an offset ("2026-01-31T10:00:00Z", "…+07:00") or a valid Date.
 * Output is the canonical UTC ISO string (`Date#toISOString`), so snapshots are JSON and round-trip.
 */
export const InstantSchema = /* @__PURE__ */ (() =>
  z.pipe(
    // A number or an object says what an instant is, not zod's bare "Invalid input".
    z.union([z.string(), z.date()], { error: EXPECTED_INSTANT }),
    z.transform((value: string | Date, ctx) => {
      const iso = canonicalInstant(value);
      if (iso === undefined) {
        ctx.issues.push({ code: "custom", message: EXPECTED_INSTANT, input: value });
        return z.NEVER;
      }
      return iso;
    }),
  ))();

/** An ISO 4217 alphabetic code shape (three upper-case letters); whether it is known is checked by money. */
export const CurrencyCodeSchema = /* @__PURE__ */ (() =>
  z.string().check(z.regex(/^[A-Z]{3}$/, { message: 'expected an ISO 4217 currency code such as "EUR"' })))();

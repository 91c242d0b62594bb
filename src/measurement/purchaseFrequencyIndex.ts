import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { assertTimeZone } from "../_lib/time.js";
import { InstantSchema, invalid, makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { periodsBetween } from "./_lib/periods.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * Options of {@link purchaseFrequencyIndex}: the reference rate (`reference` purchases per `period`),
 * the observation window [`from`, `to`) and the time zone whose calendar defines the periods.
 *
 * @example
 * ```ts
 * import { PurchaseFrequencyOptionsSchema } from "loyalty-kit/schemas";
 * const o = PurchaseFrequencyOptionsSchema.parse({
 *   reference: 1, period: "month", from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z",
 * });
 * console.log(o.timeZone); // "UTC"
 * ```
 * @category measurement
 */
export const PurchaseFrequencyOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Reference purchase rate per period: the category's or the shop's typical rate. Positive. */
    reference: z.number().check(z.positive()),
    period: z.enum(["day", "week", "month", "quarter", "year"]),
    from: InstantSchema,
    to: InstantSchema,
    timeZone: z._default(z.string(), "UTC"),
  }))();

/**
 * Options of {@link purchaseFrequencyIndex} as callers pass them.
 *
 * @example
 * ```ts
 * import type { PurchaseFrequencyOptions } from "loyalty-kit";
 * const q1: PurchaseFrequencyOptions = { reference: 2, period: "month", from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" };
 * console.log(q1.period);
 * ```
 * @category measurement
 */
export type PurchaseFrequencyOptions = z.input<typeof PurchaseFrequencyOptionsSchema>;

/**
 * What {@link parsePurchaseFrequencyOptions} returns: the options with their defaults filled in.
 *
 * @example
 * ```ts
 * import { parsePurchaseFrequencyOptions, type ParsedPurchaseFrequencyOptions } from "loyalty-kit";
 * const parsed: ParsedPurchaseFrequencyOptions = parsePurchaseFrequencyOptions({ reference: 2, period: "month", from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
 * console.log(parsed.period); // month
 * ```
 * @category measurement
 */
export type ParsedPurchaseFrequencyOptions = z.output<typeof PurchaseFrequencyOptionsSchema>;

const optionParsers = /* @__PURE__ */ makeParsers(PurchaseFrequencyOptionsSchema, "purchaseFrequencyIndex options");
const PurchasesSchema = /* @__PURE__ */ (() => z.union([z.int().check(z.minimum(0)), z.array(InstantSchema)]))();
const purchasesParsers = /* @__PURE__ */ makeParsers(PurchasesSchema, "purchaseFrequencyIndex purchases");

/**
 * Validates purchase-frequency options.
 *
 * @param input - Untrusted data.
 * @returns The options with instants as UTC ISO strings and the default time zone filled in.
 * @throws {LoyaltyValidationError} when a field is missing or invalid.
 * @category measurement
 * @example
 * ```ts
 * import { parsePurchaseFrequencyOptions } from "loyalty-kit";
 * const o = parsePurchaseFrequencyOptions({ reference: 1, period: "week", from: "2026-01-05T00:00:00Z", to: "2026-02-02T00:00:00Z" });
 * console.log(o.from); // "2026-01-05T00:00:00.000Z"
 * ```
 */
export function parsePurchaseFrequencyOptions(input: unknown): ParsedPurchaseFrequencyOptions {
  return guardInputs("parsePurchaseFrequencyOptions", { input }, () => parsePurchaseFrequencyOptionsUnguarded(input));
}

function parsePurchaseFrequencyOptionsUnguarded(input: unknown): ParsedPurchaseFrequencyOptions {
  return optionParsers.parse(input);
}

/**
 * Validates purchase-frequency options without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParsePurchaseFrequencyOptions } from "loyalty-kit";
 * console.log(safeParsePurchaseFrequencyOptions({ reference: 0, period: "month" }).success); // false
 * ```
 */
export function safeParsePurchaseFrequencyOptions(input: unknown): SafeParseResult<ParsedPurchaseFrequencyOptions> {
  return guardInputs("safeParsePurchaseFrequencyOptions", { input }, () =>
    safeParsePurchaseFrequencyOptionsUnguarded(input),
  );
}

function safeParsePurchaseFrequencyOptionsUnguarded(input: unknown): SafeParseResult<ParsedPurchaseFrequencyOptions> {
  return optionParsers.safeParse(input);
}

/**
 * The result of {@link purchaseFrequencyIndex}.
 *
 * @example
 * ```ts
 * import { purchaseFrequencyIndex, type PurchaseFrequency } from "loyalty-kit";
 * const f: PurchaseFrequency = purchaseFrequencyIndex(3, { reference: 1, period: "month", from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
 * console.log(f.index); // 1
 * ```
 * @category measurement
 */
export interface PurchaseFrequency {
  /** Purchases counted in the window. */
  readonly purchases: number;
  /** Length of the window in periods (calendar periods in the time zone; may be fractional). */
  readonly periods: number;
  /** The customer's rate: purchases / periods. */
  readonly rate: number;
  /** The reference rate per period. */
  readonly referenceRate: number;
  /** rate / referenceRate. */
  readonly index: number;
  /** index > 1: buys more often than the reference, a sign of behavioural loyalty. */
  readonly aboveReference: boolean;
}

/**
 * Purchase frequency index: the customer's purchase rate over a reference rate.
 *
 * Counting purchases gives a more accurate measure of loyalty than a survey — compare how
 * often the customer buys the brand's product or service with a reference rate; exceeding it
 * indicates loyalty. The window [`from`, `to`) is measured in calendar periods on the wall clock of
 * `timeZone` (default "UTC"): 1 January to 1 April is exactly 3 months or 1 quarter, and a partial
 * period counts as the elapsed fraction of it. The reference might be the shop's average rate per
 * customer, or a category norm (for example, a clothing shopper buys about once a month).
 *
 * @param purchases - The purchase count in the window, or the customer's purchase instants (those in
 *   [`from`, `to`) are counted).
 * @param options - `reference` (purchases per period, > 0), `period` ("day" | "week" | "month" |
 *   "quarter" | "year"), `from`, `to` (instants), `timeZone` (default "UTC").
 * @returns The rates, their ratio, and whether it is above 1.
 * @throws {LoyaltyValidationError} when the purchases or options are invalid, the time zone is unknown,
 *   or `to` is not after `from`.
 * @category measurement
 * @example
 * ```ts
 * import { purchaseFrequencyIndex } from "loyalty-kit";
 * // 6 purchases in the first quarter against a reference of 1 a month
 * const f = purchaseFrequencyIndex(6, { reference: 1, period: "month", from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
 * console.log(f.periods, f.rate, f.index, f.aboveReference); // 3 2 2 true
 * ```
 */
export function purchaseFrequencyIndex(
  purchases: number | readonly (string | Date)[],
  options: PurchaseFrequencyOptions,
): PurchaseFrequency {
  return guardInputs("purchaseFrequencyIndex", { purchases, options }, () =>
    purchaseFrequencyIndexUnguarded(purchases, options),
  );
}

function purchaseFrequencyIndexUnguarded(
  purchases: number | readonly (string | Date)[],
  options: PurchaseFrequencyOptions,
): PurchaseFrequency {
  const o = optionParsers.parse(options);
  const bought = purchasesParsers.parse(purchases);
  assertTimeZone(o.timeZone);
  const from = Date.parse(o.from);
  const to = Date.parse(o.to);
  if (!(from < to)) invalid(["to"], `expected "to" after "from" (${o.from}), got ${o.to}`, "purchaseFrequencyIndex");
  const count =
    typeof bought === "number"
      ? bought
      : bought.filter((at) => {
          const ms = Date.parse(at);
          return ms >= from && ms < to;
        }).length;
  const periods = periodsBetween(from, to, o.period, o.timeZone);
  const rate = count / periods;
  const index = rate / o.reference;
  if (!Number.isFinite(index))
    invalid(
      ["reference"],
      `expected a reference rate large enough to divide by, got ${o.reference}`,
      "purchaseFrequencyIndex",
    );
  return { purchases: count, periods, rate, referenceRate: o.reference, index, aboveReference: index > 1 };
}

import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { makeParsers, PositiveDecimalStringSchema, type SafeParseResult } from "../_lib/validation.js";
import { isMoney, Decimal, type Money } from "../money/money.js";
import { MoneyJsonSchema, parseMoney } from "../money/json.js";
import { round } from "../money/round.js";
import { subtract } from "../money/arithmetic.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * Input of {@link retentionEconomics}: the cost of winning one new customer, how many times dearer
 * that is than keeping one (default 5), and how many customers are at stake (for example,
 * those lost in a period, who must be replaced or could have been kept).
 *
 * @example
 * ```ts
 * import { RetentionEconomicsInputSchema } from "loyalty-kit/schemas";
 * const r = RetentionEconomicsInputSchema.parse({ acquisitionCost: { amount: "50", currency: "EUR" }, customers: 80 });
 * console.log(r.retentionCostRatio); // "5"
 * ```
 * @category measurement
 */
export const RetentionEconomicsInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    acquisitionCost: z
      .union([
        z.custom<Money>((v) => isMoney(v) && v.amount.isFinite(), {
          message: "expected a Money value with a finite amount",
        }),
        z.pipe(
          MoneyJsonSchema,
          z.transform((j): Money => parseMoney(j)),
        ),
      ])
      .check(z.refine((m) => !m.amount.isNegative(), { message: "expected a non-negative amount" })),
    retentionCostRatio: z.pipe(
      z._default(z.union([z.number().check(z.positive()), PositiveDecimalStringSchema]), 5),
      z.transform((r) => String(r)),
    ),
    customers: z.int().check(z.minimum(0)),
  }))();

/**
 * Input of {@link retentionEconomics} as callers pass it.
 *
 * @example
 * ```ts
 * import { money, type RetentionEconomicsInput } from "loyalty-kit";
 * const i: RetentionEconomicsInput = { acquisitionCost: money("50", "EUR"), customers: 80 };
 * console.log(i.customers);
 * ```
 * @category measurement
 */
export type RetentionEconomicsInput = z.input<typeof RetentionEconomicsInputSchema>;

/**
 * What {@link parseRetentionEconomicsInput} returns: the input with Money values and the retention
 * cost ratio as a decimal string (default `"5"`).
 *
 * @example
 * ```ts
 * import { parseRetentionEconomicsInput, type ParsedRetentionEconomicsInput } from "loyalty-kit";
 * const parsed: ParsedRetentionEconomicsInput = parseRetentionEconomicsInput({ acquisitionCost: { amount: "50.00", currency: "EUR" }, customers: 80 });
 * console.log(parsed.retentionCostRatio); // 5
 * ```
 * @category measurement
 */
export type ParsedRetentionEconomicsInput = z.output<typeof RetentionEconomicsInputSchema>;

const parsers = /* @__PURE__ */ makeParsers(RetentionEconomicsInputSchema, "retentionEconomics");

/**
 * Validates retention-economics input.
 *
 * @param input - Untrusted data.
 * @returns The input with Money values and the ratio as a decimal string.
 * @throws {LoyaltyValidationError} when a field is missing or invalid.
 * @category measurement
 * @example
 * ```ts
 * import { parseRetentionEconomicsInput } from "loyalty-kit";
 * const i = parseRetentionEconomicsInput({ acquisitionCost: { amount: "50", currency: "EUR" }, customers: 3, retentionCostRatio: 4 });
 * console.log(i.retentionCostRatio); // "4"
 * ```
 */
export function parseRetentionEconomicsInput(input: unknown): ParsedRetentionEconomicsInput {
  return guardInputs("parseRetentionEconomicsInput", { input }, () => parseRetentionEconomicsInputUnguarded(input));
}

function parseRetentionEconomicsInputUnguarded(input: unknown): ParsedRetentionEconomicsInput {
  return parsers.parse(input);
}

/**
 * Validates retention-economics input without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseRetentionEconomicsInput } from "loyalty-kit";
 * console.log(safeParseRetentionEconomicsInput({ acquisitionCost: { amount: "50", currency: "EUR" }, customers: 3, retentionCostRatio: 0 }).success); // false
 * ```
 */
export function safeParseRetentionEconomicsInput(input: unknown): SafeParseResult<ParsedRetentionEconomicsInput> {
  return guardInputs("safeParseRetentionEconomicsInput", { input }, () =>
    safeParseRetentionEconomicsInputUnguarded(input),
  );
}

function safeParseRetentionEconomicsInputUnguarded(input: unknown): SafeParseResult<ParsedRetentionEconomicsInput> {
  return parsers.safeParse(input);
}

/**
 * The result of {@link retentionEconomics}. Amounts are rounded half-even to the currency's minor unit.
 *
 * @example
 * ```ts
 * import { money, retentionEconomics, type RetentionEconomics } from "loyalty-kit";
 * const r: RetentionEconomics = retentionEconomics({ acquisitionCost: money("50", "EUR"), customers: 1 });
 * console.log(r.retentionCost.amount.toFixed(2)); // "10.00"
 * ```
 * @category measurement
 */
export interface RetentionEconomics {
  /** Cost of winning one new customer. */
  readonly acquisitionCost: Money;
  /** Cost of keeping one existing customer: acquisitionCost / retentionCostRatio. */
  readonly retentionCost: Money;
  /** The ratio used, as a decimal string. */
  readonly retentionCostRatio: string;
  /** Customers at stake. */
  readonly customers: number;
  /** customers × acquisitionCost: replacing them with new customers. */
  readonly replaceCost: Money;
  /** customers × retentionCost: keeping them instead. */
  readonly retainCost: Money;
  /** replaceCost − retainCost. */
  readonly savings: Money;
}

/**
 * Acquisition versus retention cost: what replacing lost customers costs against keeping them.
 *
 * The marketing rule of thumb: it costs about five times as much to attract a new customer as to
 * retain an old one. So the cost of keeping a customer is the acquisition cost
 * divided by `retentionCostRatio` (default 5, a rule of thumb: pass your own). For `customers` at
 * stake, replacing them costs customers × acquisitionCost, keeping them customers × retentionCost,
 * and the difference is what retention saves. Computed exactly with decimals; each amount is
 * rounded once, half-even, to the currency's minor unit.
 *
 * @param input - `acquisitionCost` (Money or `{ amount, currency }`), `customers` (a non-negative
 *   integer), `retentionCostRatio` (a positive number or decimal string, default 5).
 * @returns Per-customer costs, totals and savings.
 * @throws {LoyaltyValidationError} when a field is missing or invalid (negative cost, non-positive ratio, …).
 * @category measurement
 * @example
 * ```ts
 * import { money, retentionEconomics } from "loyalty-kit";
 * // 80 customers lost in a quarter; winning a new one costs 50 EUR
 * const r = retentionEconomics({ acquisitionCost: money("50", "EUR"), customers: 80 });
 * console.log(r.replaceCost.amount.toFixed(2), r.retainCost.amount.toFixed(2), r.savings.amount.toFixed(2)); // "4000.00" "800.00" "3200.00"
 * ```
 */
export function retentionEconomics(input: RetentionEconomicsInput): RetentionEconomics {
  return guardInputs("retentionEconomics", { input }, () => retentionEconomicsUnguarded(input));
}

function retentionEconomicsUnguarded(input: RetentionEconomicsInput): RetentionEconomics {
  const i = parsers.parse(input);
  const ratio = new Decimal(i.retentionCostRatio);
  const currency = i.acquisitionCost.currency;
  const make = (amount: Decimal): Money => round(Object.freeze({ amount, currency }));
  const perRetention = i.acquisitionCost.amount.div(ratio);
  const replaceCost = make(i.acquisitionCost.amount.times(i.customers));
  const retainCost = make(perRetention.times(i.customers));
  return {
    acquisitionCost: make(i.acquisitionCost.amount),
    retentionCost: make(perRetention),
    retentionCostRatio: i.retentionCostRatio,
    customers: i.customers,
    replaceCost,
    retainCost,
    savings: subtract(replaceCost, retainCost),
  };
}

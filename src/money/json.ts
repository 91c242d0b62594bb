import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { DecimalStringSchema, makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { isCurrencyCode } from "./currencies.js";
import { asMoney, Decimal, makeMoney, minorOf, type Money, type MoneyLike } from "./money.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * JSON shape of money on the wire: `{ "amount": "12.50", "currency": "EUR" }` — the amount a decimal
 * string, the currency an active ISO 4217 code. No other keys.
 *
 * @example
 * ```ts
 * import { MoneyJsonSchema } from "loyalty-kit/schemas";
 * console.log(MoneyJsonSchema.safeParse({ amount: "12.50", currency: "EUR" }).success); // true
 * ```
 * @category money
 */
export const MoneyJsonSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    amount: DecimalStringSchema,
    currency: z
      .string()
      .check(z.refine(isCurrencyCode, { message: 'expected an active ISO 4217 currency code such as "EUR"' })),
  }))();

/**
 * Money as JSON: `{ amount: string, currency: string }`.
 *
 * @example
 * ```ts
 * import type { MoneyJson } from "loyalty-kit";
 * const wire: MoneyJson = { amount: "12.50", currency: "EUR" };
 * console.log(wire.amount);
 * ```
 * @category money
 */
export type MoneyJson = z.infer<typeof MoneyJsonSchema>;

/**
 * Money to its wire form. The amount string keeps at least the currency's minor-unit decimals
 * ("12.50", not "12.5") and every decimal the amount has, so {@link parseMoney} gives back an equal value.
 *
 * @param money - the amount
 * @returns `{ amount, currency }`
 * @example
 * ```ts
 * import { toJSON, money } from "loyalty-kit";
 * console.log(JSON.stringify(toJSON(money("12.5", "EUR")))); // {"amount":"12.50","currency":"EUR"}
 * ```
 * @category money
 */
export function toJSON(money: MoneyLike): MoneyJson {
  return guardInputs("toJSON", { money }, () => toJSONUnguarded(money));
}

function toJSONUnguarded(money: MoneyLike): MoneyJson {
  const m = asMoney(money, "money");
  return { amount: m.amount.toFixed(Math.max(minorOf(m.currency), m.amount.decimalPlaces())), currency: m.currency };
}

const parsers = /* @__PURE__ */ makeParsers(MoneyJsonSchema, "money");

/**
 * Reads money from its wire form.
 *
 * @param input - `{ "amount": "12.50", "currency": "EUR" }`
 * @returns a Money
 * @throws {LoyaltyValidationError} listing every issue (bad amount, unknown currency, extra keys)
 * @example
 * ```ts
 * import { parseMoney } from "loyalty-kit";
 * console.log(parseMoney({ amount: "12.50", currency: "EUR" }).amount.toString()); // "12.5"
 * ```
 * @category money
 */
export function parseMoney(input: unknown): Money {
  return guardInputs("parseMoney", { input }, () => parseMoneyUnguarded(input));
}

function parseMoneyUnguarded(input: unknown): Money {
  const json = parsers.parse(input);
  return makeMoney(new Decimal(json.amount), json.currency);
}

/**
 * Reads money from its wire form without throwing.
 *
 * @param input - `{ "amount": "12.50", "currency": "EUR" }`
 * @returns `{ success: true, data }` or `{ success: false, error }` with a LoyaltyValidationError
 * @example
 * ```ts
 * import { safeParseMoney } from "loyalty-kit";
 * const r = safeParseMoney({ amount: "1e3", currency: "EUR" });
 * console.log(r.success); // false
 * ```
 * @category money
 */
export function safeParseMoney(input: unknown): SafeParseResult<Money> {
  return guardInputs("safeParseMoney", { input }, () => safeParseMoneyUnguarded(input));
}

function safeParseMoneyUnguarded(input: unknown): SafeParseResult<Money> {
  const r = parsers.safeParse(input);
  return r.success ? { success: true, data: makeMoney(new Decimal(r.data.amount), r.data.currency) } : r;
}

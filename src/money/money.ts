import { guardInputs } from "../core/guard.js";
import DecimalJs from "decimal.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { DECIMAL_PATTERN, previewValue } from "../_lib/values.js";
import { isCurrencyCode, minorUnits } from "./currencies.js";

/**
 * The decimal.js constructor loyalty-kit computes with: 40 significant digits (decimal.js's default
 * of 20 is too few for large totals with many decimals), half-even rounding. Instances interoperate
 * with any other decimal.js `Decimal`.
 *
 * @example
 * ```ts
 * import { Decimal } from "loyalty-kit";
 * console.log(new Decimal("0.1").plus("0.2").toString()); // "0.3"
 * ```
 * @category money
 */
export const Decimal = /* @__PURE__ */ DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
/** A decimal.js value. @category money */
export type Decimal = DecimalJs;

/**
 * What can stand for a decimal: a decimal string ("12.50"), a `Decimal`, or a finite JavaScript number.
 *
 * @example
 * ```ts
 * import { toDecimal, type DecimalInput } from "loyalty-kit";
 * const rate: DecimalInput = "1.5";
 * console.log(toDecimal(rate).times(2).toString()); // "3"
 * ```
 * @category money
 */
export type DecimalInput = string | number | DecimalJs;

/**
 * An amount of money: an exact decimal and an ISO 4217 currency. A readonly (frozen) snapshot;
 * operations return new values. On the wire it is `{ "amount": "12.50", "currency": "EUR" }`
 * (see {@link toJSON}).
 *
 * @example
 * ```ts
 * import { money, type Money } from "loyalty-kit";
 * const price: Money = money("12.50", "EUR");
 * console.log(price.amount.toFixed(2), price.currency); // 12.50 EUR
 * ```
 * @category money
 */
export interface Money {
  readonly amount: DecimalJs;
  readonly currency: string;
}

/**
 * Converts a decimal input to a `Decimal`, rejecting what is not a finite decimal.
 *
 * Strings must be plain decimals (`-12.50`, `3`): no exponent, spaces or thousands separators.
 * Numbers must be finite; pass `{ integerNumbersOnly: true }` where a fractional float has already
 * lost precision (money amounts).
 *
 * @param value - the input
 * @param options - `path` names the argument in errors; `integerNumbersOnly` rejects fractional numbers
 * @returns a Decimal
 * @throws {LoyaltyValidationError} when the input is not a finite decimal
 * @example
 * ```ts
 * import { toDecimal } from "loyalty-kit";
 * console.log(toDecimal("19.99").plus(toDecimal(1)).toString()); // "20.99"
 * ```
 * @category money
 */
export function toDecimal(
  value: unknown,
  options: { path?: readonly (string | number)[]; integerNumbersOnly?: boolean } = {},
): DecimalJs {
  return guardInputs("toDecimal", { value, options }, () => toDecimalUnguarded(value, options));
}

function toDecimalUnguarded(
  value: unknown,
  options: { path?: readonly (string | number)[]; integerNumbersOnly?: boolean } = {},
): DecimalJs {
  const path = options?.path ?? []; // a null options argument reads as no options
  const fail = (message: string): never => {
    throw new LoyaltyValidationError([{ path, message }]);
  };
  if (DecimalJs.isDecimal(value)) {
    const d = value as DecimalJs;
    if (!d.isFinite()) fail(`expected a finite decimal, got ${d.toString()}`);
    return new Decimal(d);
  }
  if (typeof value === "string") {
    if (!DECIMAL_PATTERN.test(value)) fail(`expected a decimal string such as "12.50", got ${previewValue(value)}`);
    return new Decimal(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) fail(`expected a finite number, got ${String(value)}`);
    if (options?.integerNumbersOnly === true && !Number.isInteger(value)) {
      fail(
        `a fractional number (${String(value)}) has already lost precision as a binary float: pass the amount as a decimal string such as "${String(value)}"`,
      );
    }
    return new Decimal(value);
  }
  return fail(`expected a decimal string, a Decimal or a finite number, got ${previewValue(value)}`);
}

/** Throws unless `currency` is a known ISO 4217 code. */
export function assertCurrency(
  currency: unknown,
  path: readonly (string | number)[] = ["currency"],
): asserts currency is string {
  if (!isCurrencyCode(currency)) {
    throw new LoyaltyValidationError([
      { path, message: `expected an active ISO 4217 currency code such as "EUR", got ${previewValue(currency)}` },
    ]);
  }
}

/** Minor units of a currency known to be valid. */
export function minorOf(currency: string): number {
  const units = minorUnits(currency);
  if (units === undefined) assertCurrency(currency);
  return units ?? 0;
}

/** The wire form of a Money: the amount with at least the currency's minor units ("20.00", not "20"). */
function moneyJson(this: Money): { amount: string; currency: string } {
  return {
    amount: this.amount.toFixed(Math.max(minorOf(this.currency), this.amount.decimalPlaces())),
    currency: this.currency,
  };
}

/**
 * Builds a frozen Money without validation (internal: callers have validated). `JSON.stringify` writes it in
 * its wire shape `{ "amount": "12.50", "currency": "EUR" }` through a non-enumerable `toJSON`.
 */
export function makeMoney(amount: DecimalJs, currency: string): Money {
  const m = { amount, currency };
  Object.defineProperty(m, "toJSON", { value: moneyJson, enumerable: false });
  return Object.freeze(m);
}

/**
 * A Money or its JSON wire shape `{ amount: "12.50", currency: "EUR" }` (what {@link toJSON}, `JSON.stringify`
 * and every result of loyalty-kit write, such as a quote's `total`). The arithmetic functions and
 * {@link format} take either, so a checkout result's total can be added and formatted directly.
 *
 * @example
 * ```ts
 * import { add, money, type MoneyLike } from "loyalty-kit";
 * const total: MoneyLike = { amount: "12.50", currency: "EUR" };
 * console.log(JSON.stringify(add(total, money("1", "EUR")))); // {"amount":"13.50","currency":"EUR"}
 * ```
 * @category money
 */
export type MoneyLike = Money | { readonly amount: string; readonly currency: string };

/**
 * Reads a Money or its JSON wire shape (internal), or throws a typed error that says what is wrong.
 *
 * @param value - the argument as given
 * @param name - the parameter's name, used as the error's path
 */
export function asMoney(value: unknown, name: string): Money {
  if (isMoney(value)) return value;
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const { amount, currency } = value as { amount?: unknown; currency?: unknown };
    assertCurrency(currency, [name, "currency"]);
    if (typeof amount === "number") {
      throw new LoyaltyValidationError([
        {
          path: [name, "amount"],
          message: `amount must be a decimal string such as "12.50", got the number ${String(amount)}`,
        },
      ]);
    }
    if (typeof amount === "string" && DECIMAL_PATTERN.test(amount)) return makeMoney(new Decimal(amount), currency);
    if (DecimalJs.isDecimal(amount)) return makeMoney(toDecimal(amount, { path: [name, "amount"] }), currency);
    throw new LoyaltyValidationError([
      {
        path: [name, "amount"],
        message: `amount must be a decimal string such as "12.50", got ${previewValue(amount)}`,
      },
    ]);
  }
  throw new LoyaltyValidationError([
    {
      path: [name],
      message: `expected a Money value (money("12.50", "EUR")) or its JSON shape { amount: "12.50", currency: "EUR" }, got ${previewValue(value)}`,
    },
  ]);
}

/**
 * Creates a money value.
 *
 * The amount is kept exactly as given (no rounding: see {@link round}). A JavaScript number is
 * accepted only when it is an integer, since a fractional float such as `0.1` has already lost
 * precision; pass decimal strings for fractional amounts.
 *
 * @param amount - a decimal string ("12.50"), a `Decimal`, or an integer number
 * @param currency - an active ISO 4217 code
 * @returns a frozen Money
 * @throws {LoyaltyValidationError} when the amount is not a finite decimal, is a fractional number, or the currency is unknown
 * @example
 * ```ts
 * import { money } from "loyalty-kit";
 * const m = money("12.50", "EUR");
 * console.log(m.amount.toString(), m.currency); // 12.5 EUR
 * ```
 * @category money
 */
export function money(amount: DecimalInput, currency: string): Money {
  return guardInputs("money", { amount, currency }, () => moneyUnguarded(amount, currency));
}

function moneyUnguarded(amount: DecimalInput, currency: string): Money {
  assertCurrency(currency);
  return makeMoney(toDecimal(amount, { path: ["amount"], integerNumbersOnly: true }), currency);
}

/**
 * Zero in a currency.
 *
 * @param currency - an active ISO 4217 code
 * @returns a Money of amount 0
 * @throws {LoyaltyValidationError} when the currency is unknown
 * @example
 * ```ts
 * import { zero } from "loyalty-kit";
 * console.log(zero("JPY").amount.isZero()); // true
 * ```
 * @category money
 */
export function zero(currency: string): Money {
  return guardInputs("zero", { currency }, () => zeroUnguarded(currency));
}

function zeroUnguarded(currency: string): Money {
  assertCurrency(currency);
  return makeMoney(new Decimal(0), currency);
}

/**
 * Whether a value is a Money (a frozen object with a Decimal amount and a known currency).
 *
 * @param value - anything
 * @returns true for Money values
 * @example
 * ```ts
 * import { isMoney, money } from "loyalty-kit";
 * console.log(isMoney(money("1", "EUR")), isMoney({ amount: "1", currency: "EUR" })); // true false
 * ```
 * @category money
 */
export function isMoney(value: unknown): value is Money {
  return guardInputs("isMoney", { value }, () => isMoneyUnguarded(value));
}

function isMoneyUnguarded(value: unknown): value is Money {
  return (
    typeof value === "object" &&
    value !== null &&
    DecimalJs.isDecimal((value as { amount?: unknown }).amount) &&
    isCurrencyCode((value as { currency?: unknown }).currency)
  );
}

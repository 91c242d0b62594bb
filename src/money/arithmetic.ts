import { guardInputs } from "../core/guard.js";
import { CurrencyMismatchError, LoyaltyValidationError } from "../errors/errors.js";
import { assertCurrency, Decimal, isMoney, makeMoney, toDecimal, type DecimalInput, type Money } from "./money.js";
import { previewValue } from "../_lib/values.js";

/** Throws unless `value` is a Money. */
function assertMoney(value: unknown, name: string): asserts value is Money {
  if (!isMoney(value)) {
    throw new LoyaltyValidationError([
      { path: [name], message: `expected a Money value (use money("12.50", "EUR")), got ${previewValue(value)}` },
    ]);
  }
}

/** Throws CurrencyMismatchError unless both are Money of one currency. */
function sameCurrency(a: unknown, b: unknown, operation: string): asserts a is Money {
  assertMoney(a, "a");
  assertMoney(b, "b");
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency, operation);
}

/**
 * Adds two amounts of one currency, exactly.
 *
 * @param a - first amount
 * @param b - second amount, same currency
 * @returns a + b
 * @throws {CurrencyMismatchError} when the currencies differ
 * @example
 * ```ts
 * import { add, money } from "loyalty-kit";
 * console.log(add(money("0.10", "EUR"), money("0.20", "EUR")).amount.toString()); // "0.3"
 * ```
 * @category money
 */
export function add(a: Money, b: Money): Money {
  return guardInputs("add", { a, b }, () => addUnguarded(a, b));
}

function addUnguarded(a: Money, b: Money): Money {
  sameCurrency(a, b, "add");
  return makeMoney(a.amount.plus(b.amount), a.currency);
}

/**
 * Subtracts one amount from another of the same currency, exactly. The result may be negative.
 *
 * @param a - minuend
 * @param b - subtrahend, same currency
 * @returns a − b
 * @throws {CurrencyMismatchError} when the currencies differ
 * @example
 * ```ts
 * import { subtract, money } from "loyalty-kit";
 * console.log(subtract(money("10", "USD"), money("2.50", "USD")).amount.toString()); // "7.5"
 * ```
 * @category money
 */
export function subtract(a: Money, b: Money): Money {
  return guardInputs("subtract", { a, b }, () => subtractUnguarded(a, b));
}

function subtractUnguarded(a: Money, b: Money): Money {
  sameCurrency(a, b, "subtract");
  return makeMoney(a.amount.minus(b.amount), a.currency);
}

/**
 * Multiplies an amount by a decimal factor, exactly (no rounding: round at the edge with {@link round}).
 *
 * @param m - the amount
 * @param factor - a decimal string, Decimal or finite number
 * @returns m × factor
 * @throws {LoyaltyValidationError} when the factor is not a finite decimal
 * @example
 * ```ts
 * import { multiply, money } from "loyalty-kit";
 * console.log(multiply(money("19.99", "EUR"), 3).amount.toString()); // "59.97"
 * ```
 * @category money
 */
export function multiply(m: Money, factor: DecimalInput): Money {
  return guardInputs("multiply", { m, factor }, () => multiplyUnguarded(m, factor));
}

function multiplyUnguarded(m: Money, factor: DecimalInput): Money {
  assertMoney(m, "m");
  return makeMoney(m.amount.times(toDecimal(factor, { path: ["factor"] })), m.currency);
}

/**
 * A percentage of an amount: m × percent / 100, exact and unrounded.
 *
 * @param m - the amount
 * @param percent - the percentage (10 means 10 %)
 * @returns m × percent / 100
 * @throws {LoyaltyValidationError} when percent is not a finite decimal
 * @example
 * ```ts
 * import { percentage, money } from "loyalty-kit";
 * console.log(percentage(money("25.00", "EUR"), 10).amount.toString()); // "2.5"
 * ```
 * @category money
 */
export function percentage(m: Money, percent: DecimalInput): Money {
  return guardInputs("percentage", { m, percent }, () => percentageUnguarded(m, percent));
}

function percentageUnguarded(m: Money, percent: DecimalInput): Money {
  assertMoney(m, "m");
  return makeMoney(m.amount.times(toDecimal(percent, { path: ["percent"] })).div(100), m.currency);
}

/**
 * Compares two amounts of one currency.
 *
 * @param a - first amount
 * @param b - second amount, same currency
 * @returns −1 when a < b, 0 when equal, 1 when a > b
 * @throws {CurrencyMismatchError} when the currencies differ
 * @example
 * ```ts
 * import { compare, money } from "loyalty-kit";
 * console.log(compare(money("1.50", "EUR"), money("1.5", "EUR"))); // 0
 * ```
 * @category money
 */
export function compare(a: Money, b: Money): -1 | 0 | 1 {
  return guardInputs("compare", { a, b }, () => compareUnguarded(a, b));
}

function compareUnguarded(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, "compare");
  const c = a.amount.comparedTo(b.amount);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

/**
 * Whether two amounts are equal in value and currency ("1.50" equals "1.5"). Different currencies are
 * simply not equal (no error).
 *
 * @param a - first amount
 * @param b - second amount
 * @returns true when equal
 * @example
 * ```ts
 * import { equals, money } from "loyalty-kit";
 * console.log(equals(money("1.50", "EUR"), money("1.5", "EUR")), equals(money("1", "EUR"), money("1", "USD"))); // true false
 * ```
 * @category money
 */
export function equals(a: Money, b: Money): boolean {
  return guardInputs("equals", { a, b }, () => equalsUnguarded(a, b));
}

function equalsUnguarded(a: Money, b: Money): boolean {
  assertMoney(a, "a");
  assertMoney(b, "b");
  return a.currency === b.currency && a.amount.eq(b.amount);
}

/**
 * The smaller of one or more amounts of one currency (the first of equals).
 *
 * @param first - an amount
 * @param rest - more amounts, same currency
 * @returns the smallest
 * @throws {CurrencyMismatchError} when the currencies differ
 * @example
 * ```ts
 * import { min, money } from "loyalty-kit";
 * console.log(min(money("3", "EUR"), money("2", "EUR")).amount.toString()); // "2"
 * ```
 * @category money
 */
export function min(first: Money, ...rest: Money[]): Money {
  return guardInputs("min", { first, rest }, () => minUnguarded(first, ...rest));
}

function minUnguarded(first: Money, ...rest: Money[]): Money {
  assertMoney(first, "first");
  let best = first;
  for (const m of rest) {
    sameCurrency(first, m, "min");
    if (m.amount.lt(best.amount)) best = m;
  }
  return best;
}

/**
 * The larger of one or more amounts of one currency (the first of equals).
 *
 * @param first - an amount
 * @param rest - more amounts, same currency
 * @returns the largest
 * @throws {CurrencyMismatchError} when the currencies differ
 * @example
 * ```ts
 * import { max, money } from "loyalty-kit";
 * console.log(max(money("3", "EUR"), money("2", "EUR")).amount.toString()); // "3"
 * ```
 * @category money
 */
export function max(first: Money, ...rest: Money[]): Money {
  return guardInputs("max", { first, rest }, () => maxUnguarded(first, ...rest));
}

function maxUnguarded(first: Money, ...rest: Money[]): Money {
  assertMoney(first, "first");
  let best = first;
  for (const m of rest) {
    sameCurrency(first, m, "max");
    if (m.amount.gt(best.amount)) best = m;
  }
  return best;
}

/**
 * Sums amounts of one currency; an empty list sums to zero in `currency`.
 *
 * @param amounts - amounts, all in `currency`
 * @param currency - the currency of the result (and of every amount)
 * @returns the exact sum
 * @throws {CurrencyMismatchError} when an amount is in another currency
 * @example
 * ```ts
 * import { sum, money } from "loyalty-kit";
 * console.log(sum([money("19.99", "EUR"), money("5.01", "EUR")], "EUR").amount.toString()); // "25"
 * ```
 * @category money
 */
export function sum(amounts: Iterable<Money>, currency: string): Money {
  return guardInputs("sum", { amounts, currency }, () => sumUnguarded(amounts, currency));
}

function sumUnguarded(amounts: Iterable<Money>, currency: string): Money {
  assertCurrency(currency);
  let total = new Decimal(0);
  let i = 0;
  for (const m of amounts) {
    assertMoney(m, String(i++));
    if (m.currency !== currency) throw new CurrencyMismatchError(currency, m.currency, "sum");
    total = total.plus(m.amount);
  }
  return makeMoney(total, currency);
}

/**
 * Whether an amount is zero.
 *
 * @param m - the amount
 * @returns true when m = 0
 * @example
 * ```ts
 * import { isZero, money } from "loyalty-kit";
 * console.log(isZero(money("0.00", "EUR"))); // true
 * ```
 * @category money
 */
export function isZero(m: Money): boolean {
  return guardInputs("isZero", { m }, () => isZeroUnguarded(m));
}

function isZeroUnguarded(m: Money): boolean {
  assertMoney(m, "m");
  return m.amount.isZero();
}

/**
 * Whether an amount is below zero.
 *
 * @param m - the amount
 * @returns true when m < 0
 * @example
 * ```ts
 * import { isNegative, money } from "loyalty-kit";
 * console.log(isNegative(money("-0.01", "EUR"))); // true
 * ```
 * @category money
 */
export function isNegative(m: Money): boolean {
  return guardInputs("isNegative", { m }, () => isNegativeUnguarded(m));
}

function isNegativeUnguarded(m: Money): boolean {
  assertMoney(m, "m");
  return m.amount.lt(0);
}

/**
 * Whether an amount is above zero.
 *
 * @param m - the amount
 * @returns true when m > 0
 * @example
 * ```ts
 * import { isPositive, money } from "loyalty-kit";
 * console.log(isPositive(money("0.01", "EUR"))); // true
 * ```
 * @category money
 */
export function isPositive(m: Money): boolean {
  return guardInputs("isPositive", { m }, () => isPositiveUnguarded(m));
}

function isPositiveUnguarded(m: Money): boolean {
  assertMoney(m, "m");
  return m.amount.gt(0);
}

export { assertMoney };

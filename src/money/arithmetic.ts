import { guardInputs } from "../core/guard.js";
import { CurrencyMismatchError } from "../errors/errors.js";
import {
  asMoney,
  assertCurrency,
  Decimal,
  makeMoney,
  toDecimal,
  type DecimalInput,
  type Money,
  type MoneyLike,
} from "./money.js";

/** Both arguments as Money of one currency, or a typed error. */
function sameCurrency(
  a: unknown,
  b: unknown,
  operation: string,
  names: readonly [string, string] = ["a", "b"],
): [Money, Money] {
  const x = asMoney(a, names[0]);
  const y = asMoney(b, names[1]);
  if (x.currency !== y.currency) throw new CurrencyMismatchError(x.currency, y.currency, operation);
  return [x, y];
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
export function add(a: MoneyLike, b: MoneyLike): Money {
  return guardInputs("add", { a, b }, () => addUnguarded(a, b));
}

function addUnguarded(a: MoneyLike, b: MoneyLike): Money {
  const [x, y] = sameCurrency(a, b, "add");
  return makeMoney(x.amount.plus(y.amount), x.currency);
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
export function subtract(a: MoneyLike, b: MoneyLike): Money {
  return guardInputs("subtract", { a, b }, () => subtractUnguarded(a, b));
}

function subtractUnguarded(a: MoneyLike, b: MoneyLike): Money {
  const [x, y] = sameCurrency(a, b, "subtract");
  return makeMoney(x.amount.minus(y.amount), x.currency);
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
export function multiply(m: MoneyLike, factor: DecimalInput): Money {
  return guardInputs("multiply", { m, factor }, () => multiplyUnguarded(m, factor));
}

function multiplyUnguarded(m: MoneyLike, factor: DecimalInput): Money {
  const x = asMoney(m, "m");
  return makeMoney(x.amount.times(toDecimal(factor, { path: ["factor"] })), x.currency);
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
export function percentage(m: MoneyLike, percent: DecimalInput): Money {
  return guardInputs("percentage", { m, percent }, () => percentageUnguarded(m, percent));
}

function percentageUnguarded(m: MoneyLike, percent: DecimalInput): Money {
  const x = asMoney(m, "m");
  return makeMoney(x.amount.times(toDecimal(percent, { path: ["percent"] })).div(100), x.currency);
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
export function compare(a: MoneyLike, b: MoneyLike): -1 | 0 | 1 {
  return guardInputs("compare", { a, b }, () => compareUnguarded(a, b));
}

function compareUnguarded(a: MoneyLike, b: MoneyLike): -1 | 0 | 1 {
  const [x, y] = sameCurrency(a, b, "compare");
  const c = x.amount.comparedTo(y.amount);
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
export function equals(a: MoneyLike, b: MoneyLike): boolean {
  return guardInputs("equals", { a, b }, () => equalsUnguarded(a, b));
}

function equalsUnguarded(a: MoneyLike, b: MoneyLike): boolean {
  const x = asMoney(a, "a");
  const y = asMoney(b, "b");
  return x.currency === y.currency && x.amount.eq(y.amount);
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
export function min(first: MoneyLike, ...rest: MoneyLike[]): Money {
  return guardInputs("min", { first, rest }, () => minUnguarded(first, ...rest));
}

function minUnguarded(first: MoneyLike, ...rest: MoneyLike[]): Money {
  let best = asMoney(first, "first");
  rest.forEach((value, i) => {
    const [, m] = sameCurrency(best, value, "min", ["first", `rest.${i}`]);
    if (m.amount.lt(best.amount)) best = m;
  });
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
export function max(first: MoneyLike, ...rest: MoneyLike[]): Money {
  return guardInputs("max", { first, rest }, () => maxUnguarded(first, ...rest));
}

function maxUnguarded(first: MoneyLike, ...rest: MoneyLike[]): Money {
  let best = asMoney(first, "first");
  rest.forEach((value, i) => {
    const [, m] = sameCurrency(best, value, "max", ["first", `rest.${i}`]);
    if (m.amount.gt(best.amount)) best = m;
  });
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
export function sum(amounts: Iterable<MoneyLike>, currency: string): Money {
  return guardInputs("sum", { amounts, currency }, () => sumUnguarded(amounts, currency));
}

function sumUnguarded(amounts: Iterable<MoneyLike>, currency: string): Money {
  assertCurrency(currency);
  let total = new Decimal(0);
  let i = 0;
  for (const m of amounts) {
    const x = asMoney(m, String(i++));
    if (x.currency !== currency) throw new CurrencyMismatchError(currency, x.currency, "sum");
    total = total.plus(x.amount);
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
export function isZero(m: MoneyLike): boolean {
  return guardInputs("isZero", { m }, () => isZeroUnguarded(m));
}

function isZeroUnguarded(m: MoneyLike): boolean {
  return asMoney(m, "m").amount.isZero();
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
export function isNegative(m: MoneyLike): boolean {
  return guardInputs("isNegative", { m }, () => isNegativeUnguarded(m));
}

function isNegativeUnguarded(m: MoneyLike): boolean {
  return asMoney(m, "m").amount.lt(0);
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
export function isPositive(m: MoneyLike): boolean {
  return guardInputs("isPositive", { m }, () => isPositiveUnguarded(m));
}

function isPositiveUnguarded(m: MoneyLike): boolean {
  return asMoney(m, "m").amount.gt(0);
}

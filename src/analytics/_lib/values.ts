// Reading customer values for the analytics functions, kept free of zod and decimal.js so that
// `gini` and `pareto` stay small in a bundle. Statistics (shares, Gini, Lorenz points) are ratios
// computed in binary floating point: a money amount is converted to a number once, on input, and no
// money amount is ever produced from these floats.
import { CurrencyMismatchError, LoyaltyValidationError } from "../../errors/errors.js";
import { DECIMAL_PATTERN } from "../../_lib/values.js";

/**
 * One customer value as the analytics functions accept it: a finite number, a decimal string
 * ("12.50"), or a money amount of the shape `{ amount, currency }` (a `Money` from `money(…)`, whose
 * amount is a `Decimal`, or its wire form with a decimal-string amount).
 *
 * @example
 * ```ts
 * import { money, type ValueLike } from "loyalty-kit";
 * const values: ValueLike[] = [120, "80.50", money("40", "EUR")];
 * console.log(values.length); // 3
 * ```
 * @category analytics
 */
export type ValueLike = number | string | { readonly amount: unknown; readonly currency: string };

/**
 * Options shared by the functions that take customer values: `value` reads the value from each item
 * when the items are objects (`{ value: (c) => c.revenue }`).
 *
 * @example
 * ```ts
 * import { pareto, type ValueOptions } from "loyalty-kit";
 * const options: ValueOptions<{ revenue: number }> = { value: (c) => c.revenue };
 * console.log(pareto([{ revenue: 90 }, { revenue: 10 }], { ...options, topShare: 0.5 }).valueShare); // 0.9
 * ```
 * @category analytics
 */
export interface ValueOptions<T> {
  /** Reads the value of one item; needed when the items are not values themselves. */
  readonly value?: (item: T, index: number) => ValueLike;
}

/** Values read into one fresh Float64Array (the only copy made), with the currency if money was given. */
export interface ReadValues {
  readonly values: Float64Array;
  readonly currency: string | undefined;
}

// Kept short on purpose: this file is in the bundle of `gini` and `pareto` (budget 1 kB brotli).

/** A short rendering of a value for messages (a lighter previewValue). */
export const show = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : typeof v === "object" && v !== null ? "an object" : String(v));

/** Throws a LoyaltyValidationError with one issue. */
export function bad(path: readonly (string | number)[], message: string, what: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

/** Converts one value to a finite number, or throws naming its path. Tracks the currency in `state`. */
export function valueToNumber(value: unknown, path: readonly (string | number)[], state: { currency: string | undefined }, what: string): number {
  let n = Number.NaN;
  if (typeof value === "number") n = value;
  else if (typeof value === "string") n = DECIMAL_PATTERN.test(value) ? Number(value) : n;
  else if (typeof value === "object" && value !== null && "amount" in value && typeof (value as { currency?: unknown }).currency === "string") {
    const { amount, currency } = value as { amount: unknown; currency: string };
    // A Decimal converts through its string form; a wire amount is a decimal string.
    n = typeof amount === "string" ? (DECIMAL_PATTERN.test(amount) ? Number(amount) : n) : typeof amount === "object" && amount !== null ? Number(String(amount)) : n;
    if (n - n === 0) {
      if (state.currency !== undefined && state.currency !== currency) throw new CurrencyMismatchError(state.currency, currency, what);
      state.currency = currency;
    }
  }
  return n - n === 0 ? n : bad(path, `expected a finite number, decimal string or money amount, got ${show(value)}`, what);
}

/**
 * Reads values from an array, a typed array or any iterable (read once), optionally through an
 * accessor, into one fresh Float64Array. Throws on an empty input, a non-finite value, a malformed
 * value or mixed currencies. The input is never modified.
 */
export function readValues<T>(input: Iterable<T> | Float64Array, accessor: ((item: T, index: number) => ValueLike) | undefined, what: string): ReadValues {
  const state = { currency: undefined as string | undefined };
  let buffer: Float64Array;
  let n = 0;
  if (accessor === undefined && input instanceof Float64Array) {
    buffer = input.slice();
    for (n = 0; n < buffer.length; n++) {
      const v = buffer[n] as number;
      if (v - v !== 0) bad([n], `expected a finite number, got ${v}`, what);
    }
  } else {
    if (typeof input !== "object" || input === null || !(Symbol.iterator in input)) bad([], `expected an array or iterable of values, got ${show(input)}`, what);
    buffer = new Float64Array(Array.isArray(input) ? input.length : 1024);
    for (const item of input as Iterable<T>) {
      const raw = accessor === undefined ? item : accessor(item, n);
      if (n === buffer.length) {
        const bigger = new Float64Array(2 * n + 1024);
        bigger.set(buffer);
        buffer = bigger;
      }
      buffer[n] = typeof raw === "number" && raw - raw === 0 ? raw : valueToNumber(raw, [n], state, what);
      n++;
    }
  }
  if (n === 0) bad([], "expected at least one value, got none", what);
  return { values: n === buffer.length ? buffer : buffer.subarray(0, n), currency: state.currency };
}

/** Throws unless the smallest value of the sorted copy is ≥ 0 (Gini and Lorenz need non-negative values). */
export function assertNonNegativeSorted(sorted: Float64Array, what: string): void {
  if ((sorted[0] as number) < 0) bad([], `expected non-negative values (net refunds first), got ${sorted[0]}`, what);
}

/** Sum of an array (pairwise-free Neumaier summation: exact enough for shares of millions of values). */
export function total(values: Float64Array): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** Throws unless the net total is positive or every value is zero (shares of a non-positive total mean nothing). */
export function assertShareableTotal(values: Float64Array, sum: number, what: string): void {
  if (sum > 0) return;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) {
      throw new LoyaltyValidationError([{ path: [], message: `expected a positive net total of values (shares of a total ≤ 0 are undefined), got a total of ${String(sum)}` }], what);
    }
  }
}

/** Throws unless `options` is an object (or undefined, when `optional`); returns it or an empty object. */
export function optionsObject<O extends object>(options: O | undefined, what: string, optional: boolean): O {
  if (options === undefined && optional) return {} as O;
  return typeof options === "object" && options !== null ? options : bad([], `expected an options object, got ${show(options)}`, what);
}

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
  const m = typeof value === "object" && value !== null ? (value as { amount?: unknown; currency?: unknown }) : undefined;
  const a = m === undefined ? value : m.amount;
  // A Decimal amount converts through its string form; strings must be plain decimals.
  const n = typeof a === "string" ? (DECIMAL_PATTERN.test(a) ? +a : Number.NaN) : m === undefined ? (typeof a === "number" ? a : Number.NaN) : typeof a === "object" && a !== null ? +String(a) : Number.NaN;
  const currency = m?.currency;
  if (!(n - n === 0) || (m !== undefined && typeof currency !== "string")) bad(path, `expected a finite number, decimal string or money amount, got ${show(value)}`, what);
  if (typeof currency === "string") {
    if (state.currency !== undefined && state.currency !== currency) throw new CurrencyMismatchError(state.currency, currency, what);
    state.currency = currency;
  }
  return n;
}

/**
 * Reads values from an array, a typed array or any iterable (read once), optionally through an
 * accessor, into one fresh Float64Array. Throws on an empty input, a non-finite value, a malformed
 * value or mixed currencies. The input is never modified.
 */
export function readValues<T>(input: Iterable<T> | Float64Array, accessor: ((item: T, index: number) => ValueLike) | undefined, what: string): ReadValues {
  const state = { currency: undefined as string | undefined };
  const direct = accessor === undefined && input instanceof Float64Array;
  if (!direct && !(typeof input === "object" && input !== null && Symbol.iterator in input)) bad([], `expected values, got ${show(input)}`, what);
  let buffer = direct ? input.slice() : new Float64Array(Array.isArray(input) ? input.length : 1024);
  let n = 0;
  if (direct) n = buffer.length;
  else {
    for (const item of input as Iterable<T>) {
      const raw = accessor === undefined ? item : accessor(item, n);
      if (n === buffer.length) {
        const bigger = new Float64Array(2 * n + 1024);
        bigger.set(buffer);
        buffer = bigger;
      }
      buffer[n] = typeof raw === "number" ? raw : valueToNumber(raw, [n], state, what);
      n++;
    }
  }
  return { values: n === buffer.length ? buffer : buffer.subarray(0, n), currency: state.currency };
}

/**
 * Sorts ascending in place unless already sorted: an O(n) check that stops at the first descent (or
 * NaN), so a caller who sorted once can pass the same sorted array to several functions cheaply.
 */
export function sortAscending(v: Float64Array): Float64Array {
  for (let i = 1; i < v.length; i++) if (!((v[i] as number) >= (v[i - 1] as number))) return v.sort();
  return v;
}

/**
 * Checks the sorted copy in O(1): typed-array sort puts NaN last and ±Infinity at the ends, so the
 * first and last values decide whether all are finite (and, with `nonNegative`, ≥ 0). Also rejects
 * an empty input.
 */
export function checkSorted(sorted: Float64Array, input: unknown, nonNegative: boolean, what: string): void {
  const n = sorted.length;
  if (n === 0) bad([], "expected at least one value, got none", what);
  const lo = sorted[0] as number;
  const hi = sorted[n - 1] as number;
  const finite = hi - hi === 0 && lo - lo === 0;
  if (finite && !(nonNegative && lo < 0)) return;
  // The error path only: name the first offending index when the input can be indexed.
  const ok = (x: unknown): boolean => typeof x !== "number" || (x - x === 0 && !(nonNegative && x < 0));
  const i = Array.isArray(input) || input instanceof Float64Array ? Array.prototype.findIndex.call(input, (x: unknown) => !ok(x)) : -1;
  bad(i < 0 ? [] : [i], finite ? `expected non-negative values (net refunds first), got ${lo}` : `expected finite values, got ${hi - hi === 0 ? lo : hi}`, what);
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

/**
 * The shared start of pareto and paretoShareFor: read the values, sort them ascending, reject
 * non-finite ones, and require a positive net total (or all zeros).
 */
export function readShareValues<T>(input: Iterable<T> | Float64Array, accessor: ((item: T, index: number) => ValueLike) | undefined, what: string): { values: Float64Array; currency: string | undefined; sum: number } {
  const { values, currency } = readValues(input, accessor, what);
  sortAscending(values);
  checkSorted(values, input, false, what);
  const sum = total(values);
  assertShareableTotal(values, sum, what);
  return { values, currency, sum };
}

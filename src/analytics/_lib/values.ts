// Reading customer values for the analytics functions, kept free of zod and decimal.js so that
// `gini` and `pareto` stay small in a bundle. Statistics (shares, Gini, Lorenz points) are ratios
// computed in binary floating point: a money amount is converted to a number once, on input, and no
// money amount is ever produced from these floats.
import { CurrencyMismatchError, LoyaltyValidationError } from "../../errors/errors.js";
import { decimalToNumber } from "../../core/decimal.js";
import { describeThrown } from "../../core/guard.js";

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
  readonly currency?: string | undefined;
}

// Kept short on purpose: this file is in the bundle of `gini` and `pareto` (see .size-limit.cjs).

/** A short rendering of a value for messages (a lighter previewValue). */
export const show = (v: unknown): string =>
  typeof v === "string" ? JSON.stringify(v.slice(0, 40)) : v && typeof v === "object" ? "an object" : String(v);

/** Throws a LoyaltyValidationError with one issue. */
export function bad(path: readonly (string | number)[], message: string, what: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

/**
 * One value as a number: a number as it is, a plain decimal string, or a money amount (a Decimal,
 * read through its string form, or a decimal string) in one currency across the whole input, which
 * `state` remembers. NaN when the value is none of these.
 *
 * @throws {CurrencyMismatchError} when a money amount's currency differs from an earlier one
 */
export function toNumber(value: unknown, state: { currency?: string | undefined }, what: string): number {
  let a = value;
  if (value && typeof value === "object") {
    const { amount, currency } = value as { amount?: unknown; currency?: unknown };
    if (typeof currency !== "string") return NaN;
    if ((state.currency ??= currency) !== currency) throw new CurrencyMismatchError(state.currency, currency, what);
    a = amount && typeof amount === "object" ? +String(amount) : typeof amount === "string" ? amount : NaN;
  }
  return typeof a === "number" ? a : typeof a === "string" ? decimalToNumber(a) : NaN;
}

/** {@link toNumber}, finite or a validation error at `path`. */
export function valueToNumber(
  value: unknown,
  path: readonly (string | number)[],
  state: { currency?: string | undefined },
  what: string,
): number {
  const n = toNumber(value, state, what);
  if (!(n - n === 0)) bad(path, `expected a finite number, decimal string or money amount, got ${show(value)}`, what);
  return n;
}

/**
 * Reads customer values into a new Float64Array (never the caller's): numbers as they are, decimal
 * strings and money amounts through {@link toNumber}. Every value must be finite (and ≥ 0 when
 * `nonNegative`), and there must be at least one; the error names the first offending index.
 */
export function readValues<T>(
  input: Iterable<T> | Float64Array,
  accessor: ((item: T, index: number) => ValueLike) | undefined,
  what: string,
  nonNegative: boolean,
): ReadValues {
  const state: { currency?: string } = {};
  if (!(input && typeof input === "object" && Symbol.iterator in input))
    bad([], `expected values, got ${show(input)}`, what);
  if (!(accessor === undefined || typeof accessor === "function"))
    bad(["value"], `expected a function, got ${show(accessor)}`, what);
  // A plain loop into a preallocated array: Float64Array.from with a mapping function is ~10× slower.
  // Arrays and typed arrays are read by index; other iterables are spread into an array first.
  const items: ArrayLike<unknown> = "length" in input ? (input as ArrayLike<unknown>) : [...input];
  const n = items.length;
  if (!n) bad([], "expected values, got none", what);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = accessor ? readWith(accessor, items[i] as T, i, what) : items[i];
    const x = typeof raw === "number" ? raw : toNumber(raw, state, what);
    if (!(x - x === 0) || (nonNegative && x < 0))
      bad(
        [i],
        `expected a finite${nonNegative ? " non-negative" : ""} number, decimal string or money amount, got ${show(raw)}`,
        what,
      );
    values[i] = x;
  }
  return { values, ...state };
}

/** The caller's `value` function applied to one item; what it throws becomes a validation error at the item. */
function readWith<T>(accessor: (item: T, index: number) => ValueLike, item: T, i: number, what: string): unknown {
  try {
    return accessor(item, i);
  } catch (e) {
    return bad([i], `the value option threw (${describeThrown(e)}); make it return the item's value`, what);
  }
}

/**
 * Sorts ascending in place unless already sorted: an O(n) check that stops at the first descent, so a
 * caller who sorted once can pass the same sorted array to several functions cheaply.
 */
export function sortAscending(v: Float64Array): Float64Array {
  for (let i = 1; i < v.length; i++) if (!((v[i] as number) >= (v[i - 1] as number))) return v.sort();
  return v;
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
      throw new LoyaltyValidationError(
        [
          {
            path: [],
            message: `expected a positive net total of values (shares of a total ≤ 0 are undefined), got a total of ${String(sum)}`,
          },
        ],
        what,
      );
    }
  }
}

/** Throws unless `options` is an object (or undefined, when `optional`); returns it or an empty object. */
export function optionsObject<O extends object>(options: O | undefined, what: string, optional: boolean): O {
  if (options === undefined && optional) return {} as O;
  return typeof options === "object" && options !== null
    ? options
    : bad([], `expected an options object, got ${show(options)}`, what);
}

/**
 * The shared start of pareto and paretoShareFor: read the values, sort them ascending, reject
 * non-finite ones, and require a positive net total (or all zeros).
 */
export function readShareValues<T>(
  input: Iterable<T> | Float64Array,
  accessor: ((item: T, index: number) => ValueLike) | undefined,
  what: string,
): { values: Float64Array; currency: string | undefined; sum: number } {
  const { values, currency } = readValues(input, accessor, what, false);
  sortAscending(values);
  const sum = total(values);
  assertShareableTotal(values, sum, what);
  return { values, currency, sum };
}

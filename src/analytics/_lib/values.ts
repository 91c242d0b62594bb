// Reading customer values for the analytics functions, kept free of zod and decimal.js so that
// `gini` and `pareto` stay small in a bundle. Statistics (shares, Gini, Lorenz points) are ratios
// computed in binary floating point: a money amount is converted to a number once, on input, and no
// money amount is ever produced from these floats.
import { CurrencyMismatchError, LoyaltyValidationError } from "../../errors/errors.js";
import { DECIMAL_PATTERN, previewValue } from "../../_lib/values.js";

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

const NUMBER_TEXT = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Converts one value to a finite number, or throws naming its index. Tracks the currency in `state`. */
export function valueToNumber(value: unknown, path: readonly (string | number)[], state: { currency: string | undefined }, what: string): number {
  let n: number;
  if (typeof value === "number") {
    n = value;
  } else if (typeof value === "string") {
    if (!DECIMAL_PATTERN.test(value)) {
      throw new LoyaltyValidationError([{ path, message: `expected a number, a decimal string such as "12.50" or a money amount, got ${previewValue(value)}` }], what);
    }
    n = Number(value);
  } else if (typeof value === "object" && value !== null && "amount" in value && "currency" in value) {
    const { amount, currency } = value as { amount: unknown; currency: unknown };
    if (typeof currency !== "string") {
      throw new LoyaltyValidationError([{ path: [...path, "currency"], message: `expected a currency code, got ${previewValue(currency)}` }], what);
    }
    // A Decimal prints as a plain or exponent decimal; a wire amount is a decimal string.
    const text = typeof amount === "string" ? amount : typeof amount === "object" && amount !== null ? String(amount) : "";
    if (!NUMBER_TEXT.test(text)) {
      throw new LoyaltyValidationError([{ path: [...path, "amount"], message: `expected a finite decimal amount, got ${previewValue(amount)}` }], what);
    }
    if (state.currency === undefined) state.currency = currency;
    else if (state.currency !== currency) throw new CurrencyMismatchError(state.currency, currency, `${what} at ${path.join(".")}`);
    n = Number(text);
  } else {
    throw new LoyaltyValidationError([{ path, message: `expected a number, a decimal string or a money amount, got ${previewValue(value)}` }], what);
  }
  if (!Number.isFinite(n)) {
    throw new LoyaltyValidationError([{ path, message: `expected a finite value, got ${previewValue(value)}` }], what);
  }
  return n;
}

/**
 * Reads values from an array, a typed array or any iterable (read once), optionally through an
 * accessor, into one fresh Float64Array. Throws on an empty input, a non-finite value, a malformed
 * value or mixed currencies. The input is never modified.
 */
export function readValues<T>(input: Iterable<T> | ArrayLike<number>, accessor: ((item: T, index: number) => ValueLike) | undefined, what: string): ReadValues {
  const state = { currency: undefined as string | undefined };
  let values: Float64Array;
  if (accessor === undefined && (input instanceof Float64Array || input instanceof Float32Array || input instanceof Int32Array || input instanceof Uint32Array)) {
    values = input instanceof Float64Array ? input.slice() : Float64Array.from(input);
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as number;
      if (v - v !== 0) throw new LoyaltyValidationError([{ path: [i], message: `expected a finite value, got ${String(v)}` }], what);
    }
  } else if (typeof input !== "object" || input === null || !(Symbol.iterator in input)) {
    throw new LoyaltyValidationError([{ path: [], message: `expected an array, a typed array or an iterable of values, got ${previewValue(input)}` }], what);
  } else {
    let buffer = new Float64Array(Array.isArray(input) ? Math.max(input.length, 1) : 1024);
    let n = 0;
    for (const item of input as Iterable<T>) {
      const raw = accessor === undefined ? item : accessor(item, n);
      const v = typeof raw === "number" && raw - raw === 0 ? raw : valueToNumber(raw, [n], state, what);
      if (n === buffer.length) {
        const bigger = new Float64Array(buffer.length * 2);
        bigger.set(buffer);
        buffer = bigger;
      }
      buffer[n++] = v;
    }
    values = n === buffer.length ? buffer : buffer.subarray(0, n);
  }
  if (values.length === 0) throw new LoyaltyValidationError([{ path: [], message: "expected at least one value, got an empty input" }], what);
  return { values, currency: state.currency };
}

/**
 * Throws unless every value is ≥ 0 (Gini and Lorenz are defined for non-negative values). Called on
 * the sorted copy, so one look at the smallest value decides; the error then names the first
 * negative value's index in the input when the input can be indexed.
 */
export function assertNonNegativeSorted(sorted: Float64Array, input: unknown, what: string): void {
  const smallest = sorted[0] as number;
  if (!(smallest < 0)) return;
  let path: number[] = [];
  if (Array.isArray(input) || ArrayBuffer.isView(input)) {
    const list = input as ArrayLike<unknown>;
    for (let i = 0; i < list.length; i++) {
      const v = list[i];
      if ((typeof v === "number" && v < 0) || (typeof v === "string" && v.startsWith("-") && Number(v) < 0)) {
        path = [i];
        break;
      }
    }
  }
  throw new LoyaltyValidationError([{ path, message: `expected a non-negative value (Gini and Lorenz curves are defined for non-negative values; net refunds first or drop such customers), got ${String(smallest)}` }], what);
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
  if (typeof options !== "object" || options === null) {
    throw new LoyaltyValidationError([{ path: [], message: `expected an options object, got ${previewValue(options)}` }], what);
  }
  return options;
}

import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import {
  assertShareableTotal,
  readValues,
  sortAscending,
  total,
  type ValueLike,
  type ValueOptions,
} from "./_lib/values.js";

/**
 * An ABC class: A holds the bulk of the value, B the middle, C the long tail.
 *
 * @example
 * ```ts
 * import type { AbcClass } from "loyalty-kit";
 * const cls: AbcClass = "A";
 * console.log(cls);
 * ```
 * @category analytics
 */
export type AbcClass = "A" | "B" | "C";

/**
 * Per-class figures of an ABC analysis.
 *
 * @example
 * ```ts
 * import { abc, type AbcClassSummary } from "loyalty-kit";
 * const a: AbcClassSummary = abc([70, 20, 10], { a: 0.7, b: 0.9 }).summary.A;
 * console.log(a.count, a.valueShare); // 1 0.7
 * ```
 * @category analytics
 */
export interface AbcClassSummary {
  /** Items in the class. */
  readonly count: number;
  /** `count / n`. */
  readonly countShare: number;
  /** Sum of the class's values. */
  readonly value: number;
  /** `value / total` (the count share when every value is zero). */
  readonly valueShare: number;
  /** The smallest value in the class; undefined when the class is empty. */
  readonly minValue: number | undefined;
}

/**
 * What {@link abc} returns.
 *
 * @example
 * ```ts
 * import { abc, type AbcResult } from "loyalty-kit";
 * const r: AbcResult = abc([5, 90, 5], { a: 0.8, b: 0.95 });
 * console.log(r.classes.join("")); // "BAB"
 * ```
 * @category analytics
 */
export interface AbcResult {
  /** The class of each item, in input order. */
  readonly classes: readonly AbcClass[];
  /** Counts and value shares per class. */
  readonly summary: Readonly<Record<AbcClass, AbcClassSummary>>;
  /** Number of items. */
  readonly n: number;
  /** Sum of the values (net). */
  readonly total: number;
  /** The currency, when the values were money amounts. */
  readonly currency?: string;
}

/**
 * Options of {@link abc}: the class boundaries as cumulative value shares, and an accessor for object items.
 *
 * @example
 * ```ts
 * import { abc, type AbcOptions } from "loyalty-kit";
 * const options: AbcOptions<{ sales: number }> = { a: 0.7, b: 0.9, value: (p) => p.sales };
 * console.log(abc([{ sales: 7 }, { sales: 2 }, { sales: 1 }], options).classes); // [ "A", "B", "C" ]
 * ```
 * @category analytics
 */
export interface AbcOptions<T> extends ValueOptions<T> {
  /** Cumulative value share where class A ends, in (0, 1]. Default 0.8. */
  readonly a?: number;
  /** Cumulative value share where class B ends, in [a, 1]. Default 0.95. */
  readonly b?: number;
}

/**
 * ABC analysis: classes items (customers, products) by their cumulative share of total value,
 * largest first — A up to `a` (80 %), B up to `b` (95 %), C the rest.
 *
 * **Boundary rule:** an item whose cumulative share crosses a boundary belongs to the class in which
 * it *starts*: with the items ranked largest first, an item is A when the value of the items ranked
 * before it is below `a × total`, B when it is below `b × total`, otherwise C (relative tolerance
 * 1e-12). So the largest item is always A, and A alone reaches at least `a` of the value.
 * **Ties:** items with equal values are one block and share a class — the class the block starts
 * in — so the result does not depend on input order. **Negative values** rank last (so fall in C) and
 * are allowed while the net total is positive. **All zero:** all items are one tied block, class A.
 * A `Float64Array` input is copied once (to rank); other inputs are read once into a `Float64Array`,
 * which is then copied once more to rank while the first copy labels items in input order.
 *
 * @param items - values (array, `Float64Array` or iterable; numbers, decimal strings or money amounts
 *   of one currency), or objects read through `options.value`
 * @param input - options: `a` and `b` boundaries (defaults 0.8 and 0.95); `value` accessor
 * @returns the class of each item in input order, and counts and value shares per class
 * @throws {LoyaltyValidationError} when the input is empty, a value is not finite or malformed, the
 *   boundaries are not 0 < a ≤ b ≤ 1, or the net total is ≤ 0 while some value is not zero
 * @throws {CurrencyMismatchError} when money amounts of different currencies are mixed
 * @example
 * ```ts
 * import { abc } from "loyalty-kit";
 * const r = abc([500, 300, 80, 40, 30, 20, 10, 10, 5, 5], { a: 0.8, b: 0.95 });
 * console.log(r.classes.join(" ")); // A A B B B C C C C C
 * console.log(r.summary.B.valueShare); // 0.15
 * ```
 * @category analytics
 */
export function abc<T = ValueLike>(items: Iterable<T> | Float64Array, input: AbcOptions<T> = {}): AbcResult {
  return guardInputs("abc", { items, input }, () => abcUnguarded<T>(items, input));
}

function abcUnguarded<T = ValueLike>(items: Iterable<T> | Float64Array, input: AbcOptions<T> = {}): AbcResult {
  const what = "abc";
  const options = input ?? {};
  const a = options.a ?? 0.8;
  const b = options.b ?? 0.95;
  if (typeof a !== "number" || !(a > 0 && a <= 1))
    throw new LoyaltyValidationError(
      [{ path: ["a"], message: `expected a share in (0, 1], got ${previewValue(a)}` }],
      what,
    );
  if (typeof b !== "number" || !(b >= a && b <= 1))
    throw new LoyaltyValidationError(
      [{ path: ["b"], message: `expected a share between a (${a}) and 1, got ${previewValue(b)}` }],
      what,
    );
  const read = readValues(items, options.value, what, false);
  const currency = read.currency;
  // Label items from input-order values and rank a sorted copy. A Float64Array input is read in
  // place for the labels, so it is copied once; other inputs are read once and that copy is ranked.
  const direct = items instanceof Float64Array && options.value === undefined;
  const original = direct ? items : read.values;
  const v = sortAscending(direct ? read.values : read.values.slice());
  const n = original.length;
  const sum = total(v);
  assertShareableTotal(v, sum, what);
  // Walk blocks of equal values, largest first, and find the smallest value of A and of B.
  const tolerance = 1e-12 * Math.abs(sum);
  const aLimit = sum === 0 ? Number.POSITIVE_INFINITY : a * sum - tolerance;
  const bLimit = sum === 0 ? Number.POSITIVE_INFINITY : b * sum - tolerance;
  let before = 0;
  let minA = Number.POSITIVE_INFINITY;
  let minB = Number.POSITIVE_INFINITY;
  let i = n - 1;
  while (i >= 0) {
    const x = v[i] as number;
    if (before < aLimit) minA = x;
    else if (before < bLimit) minB = x;
    else break;
    let j = i;
    while (j >= 0 && v[j] === x) {
      before += x;
      j--;
    }
    i = j;
  }
  const classes: AbcClass[] = new Array<AbcClass>(n);
  const counts = [0, 0, 0];
  const sums = [0, 0, 0];
  const mins = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  for (let k = 0; k < n; k++) {
    const x = original[k] as number;
    const c = x >= minA ? 0 : x >= minB ? 1 : 2;
    classes[k] = c === 0 ? "A" : c === 1 ? "B" : "C";
    counts[c] = (counts[c] as number) + 1;
    sums[c] = (sums[c] as number) + x;
    if (x < (mins[c] as number)) mins[c] = x;
  }
  const summaryOf = (c: number): AbcClassSummary => {
    const count = counts[c] as number;
    const value = sums[c] as number;
    return Object.freeze({
      count,
      countShare: count / n,
      value,
      valueShare: sum === 0 ? count / n : value / sum,
      minValue: count === 0 ? undefined : (mins[c] as number),
    });
  };
  const summary = Object.freeze({ A: summaryOf(0), B: summaryOf(1), C: summaryOf(2) });
  const result: AbcResult = {
    classes: Object.freeze(classes),
    summary,
    n,
    total: sum,
    ...(currency === undefined ? {} : { currency }),
  };
  return Object.freeze(result);
}

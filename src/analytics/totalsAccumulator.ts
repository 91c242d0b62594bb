import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { checkCustomerId } from "./_lib/rfm.js";
import {
  checkPurchaseCustomer,
  customerNumber,
  customerOrder,
  customers,
  mergeCurrency,
  purchaseValue,
} from "./_lib/purchases.js";
import type { ValueLike } from "./_lib/values.js";

/**
 * A customer's total: the sum of their purchase values.
 *
 * @example
 * ```ts
 * import type { CustomerTotal } from "loyalty-kit";
 * const t: CustomerTotal = { customerId: "ana", total: 120.5 };
 * console.log(t.total);
 * ```
 * @category analytics
 */
export interface CustomerTotal {
  readonly customerId: string | number;
  readonly total: number;
}

/**
 * The JSON-serializable state of a {@link TotalsAccumulator}.
 *
 * @example
 * ```ts
 * import { totalsAccumulator, type TotalsAccumulatorState } from "loyalty-kit";
 * const s: TotalsAccumulatorState = totalsAccumulator().add({ customerId: "a", value: 5 }).state();
 * console.log(JSON.stringify(s)); // {"customers":[["a",5]]}
 * ```
 * @category analytics
 */
export interface TotalsAccumulatorState {
  readonly currency?: string;
  readonly customers: readonly (readonly [string | number, number])[];
}

/**
 * A mergeable partial of customer totals, the input of Pareto, ABC, Lorenz and Gini.
 *
 * @example
 * ```ts
 * import { totalsAccumulator, type TotalsAccumulator } from "loyalty-kit";
 * const acc: TotalsAccumulator = totalsAccumulator();
 * console.log(acc.add({ customerId: 1, value: "9.99" }).result()); // [ { customerId: 1, total: 9.99 } ]
 * ```
 * @category analytics
 */
export interface TotalsAccumulator {
  /** Adds one purchase (`value` a number, decimal string or money); returns the same accumulator. */
  add(tx: { readonly customerId: string | number; readonly value: ValueLike }): TotalsAccumulator;
  /** Adds the totals of another accumulator or state; the other is not changed. */
  merge(other: TotalsAccumulator | TotalsAccumulatorState): TotalsAccumulator;
  /** One total per customer, ordered by customer id (numbers first). */
  result(): CustomerTotal[];
  /** A JSON-serializable copy of the state. */
  state(): TotalsAccumulatorState;
}

/**
 * Starts a mergeable accumulator of per-customer totals — the splittable first step of
 * {@link pareto}, {@link paretoShareFor}, {@link abc}, {@link lorenz} and {@link gini}, which need
 * every customer's total before they can rank (a rank cannot be merged; totals can).
 *
 * Feed purchases from chunks, workers or a database cursor, merge the partials in any order, and pass
 * `result()` to the ranking functions with `{ value: (c) => c.total }`. Merging adds per-customer
 * sums, so any split gives the same totals as one pass (exactly for integer values; within
 * floating-point rounding otherwise). Like {@link rfmAccumulator} it is a small closure, updated in
 * place for O(1) adds, whose whole state is available as JSON through `state()`.
 *
 * @param initial - optional state to resume from
 * @returns a new accumulator
 * @throws {LoyaltyValidationError} when the initial state is malformed; `add` throws it for a bad id or value
 * @throws {CurrencyMismatchError} from `add` or `merge` when money amounts of different currencies meet
 * @example
 * ```ts
 * import { totalsAccumulator, pareto } from "loyalty-kit";
 * const monday = totalsAccumulator().add({ customerId: "a", value: 70 }).add({ customerId: "b", value: 10 });
 * const tuesday = totalsAccumulator().add({ customerId: "a", value: 10 }).add({ customerId: "c", value: 10 });
 * const totals = monday.merge(tuesday).result();
 * console.log(pareto(totals, { topShare: 1 / 3, value: (c) => c.total }).valueShare); // 0.8
 * ```
 * @category analytics
 */
export function totalsAccumulator(initial?: TotalsAccumulatorState): TotalsAccumulator {
  return guardInputs("totalsAccumulator", { initial }, () => totalsAccumulatorUnguarded(initial));
}

function totalsAccumulatorUnguarded(initial?: TotalsAccumulatorState): TotalsAccumulator {
  const what = "totalsAccumulator";
  // Customers numbered in order of first appearance, with their totals in a typed array by number
  // (grown by doubling).
  const table = customers();
  let totals = new Float64Array(1024);
  const add = (c: number, v: number): void => {
    if (c >= totals.length) {
      const next = new Float64Array(Math.max(2 * totals.length, c + 1));
      next.set(totals);
      totals = next;
    }
    totals[c] = (totals[c] as number) + v;
  };
  const money = { currency: undefined as string | undefined };
  let index = 0;
  const acc: TotalsAccumulator = {
    add(tx) {
      if (typeof tx !== "object" || tx === null)
        throw new LoyaltyValidationError(
          [{ path: [index], message: `expected { customerId, value }, got ${previewValue(tx)}` }],
          what,
        );
      const id = tx.customerId;
      // The id is checked before the value (a known id passes, as it did when it was numbered) and
      // looked up once, after it: so a purchase with a bad value numbers no one and adds nothing.
      checkPurchaseCustomer(id, index, what);
      const v = purchaseValue(tx.value, money, index, false, what);
      add(customerNumber(table, id), v);
      index++;
      return acc;
    },
    merge(other) {
      const s: unknown =
        typeof other === "object" && other !== null && typeof (other as TotalsAccumulator).state === "function"
          ? (other as TotalsAccumulator).state()
          : other;
      if (typeof s !== "object" || s === null || !Array.isArray((s as { customers?: unknown }).customers)) {
        throw new LoyaltyValidationError(
          [
            {
              path: [],
              message: `expected an accumulator or its state { customers: [[id, total], …] }, got ${previewValue(s)}`,
            },
          ],
          what,
        );
      }
      const { currency, customers } = s as { currency?: unknown; customers: unknown[] };
      customers.forEach((e, i) => {
        if (!(Array.isArray(e) && e.length === 2 && Number.isFinite(e[1]))) {
          throw new LoyaltyValidationError(
            [{ path: ["customers", i], message: `expected [customerId, finite total], got ${previewValue(e)}` }],
            what,
          );
        }
        checkCustomerId(e[0], ["customers", i, 0], what);
      });
      mergeCurrency(money, currency, what);
      for (const [id, t] of customers as [string | number, number][]) add(customerNumber(table, id), t);
      return acc;
    },
    result() {
      return Array.from(customerOrder(table), (c) =>
        Object.freeze({ customerId: table.keys[c] as string | number, total: totals[c] as number }),
      );
    },
    state() {
      const list = Array.from(
        customerOrder(table),
        (c) => [table.keys[c] as string | number, totals[c] as number] as const,
      );
      return money.currency === undefined ? { customers: list } : { currency: money.currency, customers: list };
    },
  };
  if (initial !== undefined) acc.merge(initial);
  return acc;
}

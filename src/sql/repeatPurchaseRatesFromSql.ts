import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import type { RepeatPurchaseResult } from "../measurement/repeatPurchaseRate.js";
import { checkRows, numberCell } from "./_lib/cells.js";
import { compareStores, countCell, storeCell } from "./_lib/store.js";

/**
 * One store's repeat-purchase rate read from the database: the `RepeatPurchaseResult` of
 * `repeatPurchaseRate` and its `store` (null when the query had no store column).
 *
 * @example
 * ```ts
 * import type { StoreRepeatPurchase } from "loyalty-kit";
 * const r: StoreRepeatPurchase = { store: "berlin", customers: 10, repeatCustomers: 4, rate: 0.4 };
 * console.log(r.rate);
 * ```
 * @category sql
 */
export interface StoreRepeatPurchase extends RepeatPurchaseResult {
  readonly store: string | number | null;
}

/**
 * Turns the result rows of {@link repeatPurchaseRateSql} into the results `repeatPurchaseRate`
 * gives in process for the same window (`rate` null when nobody bought), one per store.
 *
 * @param rows - result rows with columns `[store,] customers, repeat_customers`
 * @returns frozen results ordered by store (numbers first)
 * @throws {LoyaltyValidationError} naming the row index and column of a missing, non-integer or inconsistent cell
 * @example
 * ```ts
 * import { repeatPurchaseRatesFromSql } from "loyalty-kit";
 * console.log(repeatPurchaseRatesFromSql([{ customers: 2357n, repeat_customers: 1126n }])[0]?.rate); // 0.47772592278319897
 * ```
 * @category sql
 */
export function repeatPurchaseRatesFromSql(rows: readonly Record<string, unknown>[]): StoreRepeatPurchase[] {
  return guardInputs("repeatPurchaseRatesFromSql", { rows }, () => repeatPurchaseRatesFromSqlUnguarded(rows));
}

function repeatPurchaseRatesFromSqlUnguarded(rows: readonly Record<string, unknown>[]): StoreRepeatPurchase[] {
  const what = "repeatPurchaseRatesFromSql";
  checkRows(rows, what);
  return rows
    .map((r, i) => {
      const customers = countCell(numberCell(r, "customers", i, what), i, "customers", what);
      const repeatCustomers = countCell(numberCell(r, "repeat_customers", i, what), i, "repeat_customers", what);
      if (repeatCustomers > customers) {
        throw new LoyaltyValidationError(
          [
            {
              path: [i, "repeat_customers"],
              message: `expected at most customers (${customers}), got ${repeatCustomers}`,
            },
          ],
          what,
        );
      }
      return Object.freeze({
        store: storeCell(r, i, what),
        customers,
        repeatCustomers,
        rate: customers === 0 ? null : repeatCustomers / customers,
      });
    })
    .sort((a, b) => compareStores(a.store, b.store));
}

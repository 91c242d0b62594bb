import { guardInputs } from "../core/guard.js";
import type { CustomerTotal } from "../analytics/totalsAccumulator.js";
import { checkRows, idCell, numberCell } from "./_lib/cells.js";

/**
 * Turns the result rows of {@link customerTotalsSql} into `CustomerTotal`s; pass
 * `totals.map((c) => c.total)` to `pareto`, `gini`, `lorenz` or `abc`.
 *
 * @param rows - result rows with columns `customer_id, total`
 * @returns frozen `{ customerId, total }` objects in the order given
 * @throws {LoyaltyValidationError} naming the row index and column of a missing or non-numeric cell
 * @example
 * ```ts
 * import { customerTotalsFromSql } from "loyalty-kit";
 * console.log(customerTotalsFromSql([{ customer_id: "ana", total: "120.50" }])); // [ { customerId: 'ana', total: 120.5 } ]
 * ```
 * @category sql
 */
export function customerTotalsFromSql(rows: readonly Record<string, unknown>[]): CustomerTotal[] {
  return guardInputs("customerTotalsFromSql", { rows }, () => customerTotalsFromSqlUnguarded(rows));
}

function customerTotalsFromSqlUnguarded(rows: readonly Record<string, unknown>[]): CustomerTotal[] {
  const what = "customerTotalsFromSql";
  checkRows(rows, what);
  return rows.map((r, i) => Object.freeze({ customerId: idCell(r, i, what), total: numberCell(r, "total", i, what) }));
}

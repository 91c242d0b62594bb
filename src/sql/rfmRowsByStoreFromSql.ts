import { guardInputs } from "../core/guard.js";
import type { RfmRow } from "../analytics/rfmAccumulator.js";
import { checkRows } from "./_lib/cells.js";
import { rfmRowCell } from "./_lib/rfmRow.js";
import { compareStores, storeCell } from "./_lib/store.js";

/**
 * One store's RFM rows read from the database: `rfmSummary` of that store's purchases.
 *
 * @example
 * ```ts
 * import type { StoreRfmRows } from "loyalty-kit";
 * const s: StoreRfmRows = { store: 2, rows: [{ customerId: 7, frequency: 0, recency: 0, T: 3, monetary: 0 }] };
 * console.log(s.rows.length); // 1
 * ```
 * @category sql
 */
export interface StoreRfmRows {
  readonly store: string | number | null;
  readonly rows: readonly RfmRow[];
}

/**
 * Turns the result rows of {@link rfmSummarySql} with a `store` column (`table.store` given) into
 * one list of `RfmRow`s per store — each the `rfmSummary` of that store's purchases, ready for
 * `fitBgNbd` or `rfmScores` per store. Stores come in order (numbers ascending, then strings by code
 * unit), rows within a store in the order given; rows without a store column form one entry with
 * `store: null`.
 *
 * @param rows - result rows with columns `store, customer_id, frequency, recency, t, monetary` (+ holdout columns)
 * @returns frozen `{ store, rows }` entries, none for an empty result
 * @throws {LoyaltyValidationError} naming the row index and column of a missing or malformed cell
 * @example
 * ```ts
 * import { rfmRowsByStoreFromSql } from "loyalty-kit";
 * const stores = rfmRowsByStoreFromSql([
 *   { store: 2n, customer_id: 7n, frequency: 1n, recency: 3, t: 5, monetary: "12.5" },
 *   { store: 1n, customer_id: 7n, frequency: 0n, recency: 0, t: 5, monetary: 0 },
 * ]);
 * console.log(stores.map((s) => `${s.store}: ${s.rows.length}`)); // [ '1: 1', '2: 1' ]
 * ```
 * @category sql
 */
export function rfmRowsByStoreFromSql(rows: readonly Record<string, unknown>[]): StoreRfmRows[] {
  return guardInputs("rfmRowsByStoreFromSql", { rows }, () => rfmRowsByStoreFromSqlUnguarded(rows));
}

function rfmRowsByStoreFromSqlUnguarded(rows: readonly Record<string, unknown>[]): StoreRfmRows[] {
  const what = "rfmRowsByStoreFromSql";
  checkRows(rows, what);
  const byStore = new Map<string | number | null, RfmRow[]>();
  rows.forEach((r, i) => {
    const store = storeCell(r, i, what);
    const own = byStore.get(store) ?? [];
    if (own.length === 0) byStore.set(store, own);
    own.push(rfmRowCell(r, i, what));
  });
  return [...byStore]
    .sort(([a], [b]) => compareStores(a, b))
    .map(([store, own]) => Object.freeze({ store, rows: Object.freeze(own) }));
}

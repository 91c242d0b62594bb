/**
 * `loyalty-kit/sql`: parameterised SQL for DuckDB and PostgreSQL that computes customer totals and
 * the RFM summary inside the database, and readers that turn the result rows into the inputs of
 * the in-process analytics. Pure: no driver is imported; pass `{ text, params }` to yours.
 * @module
 */
export { type CohortSqlOptions, cohortRetentionSql, type StorePurchaseTable } from "./cohortRetentionSql.js";
export { cohortTablesFromSql, type StoreCohortTable } from "./cohortTablesFromSql.js";
export { type RepeatPurchaseSqlOptions, repeatPurchaseRateSql } from "./repeatPurchaseRateSql.js";
export { repeatPurchaseRatesFromSql, type StoreRepeatPurchase } from "./repeatPurchaseRatesFromSql.js";
export { customerTotalsFromSql } from "./customerTotalsFromSql.js";
export { type CustomerTotalsSqlOptions, customerTotalsSql } from "./customerTotalsSql.js";
export { purchaseDaysSql } from "./purchaseDaysSql.js";
export { rfmStateFromSql } from "./rfmStateFromSql.js";
export { rfmRowsFromSql } from "./rfmRowsFromSql.js";
export { rfmRowsByStoreFromSql, type StoreRfmRows } from "./rfmRowsByStoreFromSql.js";
export { type RfmSqlOptions, rfmSummarySql } from "./rfmSummarySql.js";
export type { PurchaseTable, SqlDialect, SqlQuery } from "./types.js";

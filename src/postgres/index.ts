/**
 * `loyalty-kit/postgres`: a PostgreSQL store for program accounts — every till operation as one
 * database transaction, exactly once per transactionId, with bounded jittered retries. No driver is
 * imported: pass a `pg` Pool (an optional peer dependency).
 * @module
 */
export { createPostgresStore } from "./createPostgresStore.js";
export { postgresSchemaSql } from "./postgresSchemaSql.js";
// The subpath's public types, named one by one so that a type is public only once listed here. The
// same names stand in the imports of createPostgresStore.ts and sqlite/types.ts, which use them.
export type {
  HistoryRow,
  PgClientLike,
  PgPoolLike,
  PgQueryResult,
  PostgresStore,
  PostgresStoreOptions,
  StoreCaptureInput,
  StoreCheckoutOptions,
  StoreCheckoutResult,
  StoreHoldInput,
  StorePostResult,
  StoreRedeemInput,
  StoreRefundOptions,
  StoreRefundResult,
  StoreReleaseInput,
} from "./types.js";

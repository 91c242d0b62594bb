/**
 * `loyalty-kit/sqlite`: an offline till on SQLite — it sells on its own copy of the accounts it has
 * seen, queues every operation, and syncs the queue to the central store (`loyalty-kit/postgres`)
 * exactly once per transactionId over any transport. No driver is imported: pass a `better-sqlite3`
 * 12 Database (an optional peer dependency).
 * @module
 */
export { createSqliteTill } from "./createSqliteTill.js";
export { createPostgresRefusalLog } from "./createPostgresRefusalLog.js";
export { createSyncHandler, type SyncRefusalLog } from "./createSyncHandler.js";
// The subpath's public types, named one by one so that a type is public only once listed here. The
// same names stand in the imports of createSqliteTill.ts, which uses them.
export type {
  CentralStoreLike,
  SqliteDatabaseLike,
  SqliteStatementLike,
  SqliteTill,
  SqliteTillOptions,
  SyncBatch,
  SyncConflict,
  SyncKind,
  SyncOperation,
  SyncOutcome,
  SyncReply,
  TillCheckoutOptions,
  TillRefundOptions,
} from "./types.js";

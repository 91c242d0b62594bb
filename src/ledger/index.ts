// The points ledger: an append-only list of entries per account, with lots, holds and debits derived
// from it; pure functions over JSON snapshots.
export {
  MAX_POINTS_SCALE,
  DEFAULT_RETAIN_DAYS,
  MAX_RETAIN_DAYS,
  type Entry,
  type EntryInput,
  type EntryKind,
  type Lot,
  type Hold,
  type Debit,
  type Checkpoint,
  type AccountSettings,
  type Account,
  type JsonValue,
} from "./schemas.js";
export { openAccount } from "./openAccount.js";
export { post, type PostOptions, type PostResult } from "./post.js";
export { postMany, type PostManyResult } from "./postMany.js";
export { postLate } from "./postLate.js";
export { balance, type AtOptions } from "./balance.js";
export { pendingPoints } from "./pendingPoints.js";
export { availableLots, type AvailableLot } from "./availableLots.js";
export { statement, type Statement, type StatementLine, type StatementOptions } from "./statement.js";
export { replayAccount, type ReplayOptions } from "./replayAccount.js";
export { parseAccount, safeParseAccount, type ParseAccountOptions } from "./parseAccount.js";
export type { LedgerHistoryRecord } from "./history.js";
export { upgradeAccount, type UpgradedAccount } from "./upgradeAccount.js";
export { parseEntry, safeParseEntry } from "./parseEntry.js";
export { findEntry } from "./findEntry.js";
export { unconsumedPoints } from "./unconsumedPoints.js";
export { reversiblePoints } from "./reversiblePoints.js";
export { sweepExpired, type SweepOptions } from "./sweepExpired.js";
export { entryJsonSchema, accountJsonSchema, ledgerHistoryRecordJsonSchema } from "./jsonSchema.js";

// A points ledger persisted in SQLite (sql.js: SQLite compiled to WebAssembly, no native build).
// Helper module for the examples beside it (no .expected.txt, so not run on its own).
//
// The pattern, the same on any SQL database:
// 1. The entries table is the truth: one row per ledger entry, in posting order, with a UNIQUE
//    constraint on (account_id, transaction_id): a retried sale can never be stored twice, even
//    if two tills race past the library's own duplicate check.
// 2. The accounts table holds each account's settings and version (= its number of entries).
// 3. A post runs in ONE database transaction: read the account (replaying its entries), let the
//    library decide (`post` is pure: applied / duplicate / typed error), insert the new entries,
//    and move the version forward only if it is still the one we read
//    (`UPDATE … WHERE version = ?`). Any throw before COMMIT rolls the whole transaction back.
// 4. On load the account is rebuilt from its entries with `replayAccount`; the snapshot is a cache.
import { post, replayAccount, VersionConflictError } from "loyalty-kit";

export const SCHEMA = `
  CREATE TABLE IF NOT EXISTS accounts (
    account_id TEXT PRIMARY KEY,
    settings   TEXT NOT NULL,              -- JSON: { accountId, currency?, scale?, negativeLimit? }
    version    INTEGER NOT NULL DEFAULT 0  -- = number of entries; the optimistic-concurrency token
  );
  CREATE TABLE IF NOT EXISTS entries (
    account_id     TEXT NOT NULL REFERENCES accounts(account_id),
    seq            INTEGER NOT NULL,       -- 0, 1, 2, … in posting order
    transaction_id TEXT NOT NULL,
    entry          TEXT NOT NULL,          -- JSON, as the ledger stores it
    PRIMARY KEY (account_id, seq),
    UNIQUE (account_id, transaction_id)
  );
`;

/** Opens a store on a sql.js Database (fresh, or loaded from bytes a previous run exported). */
export function openStore(db) {
  db.exec("PRAGMA foreign_keys = ON;");
  db.exec(SCHEMA);

  function query(sql, params = []) {
    const stmt = db.prepare(sql);
    try {
      stmt.bind(params);
      const rows = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.free();
    }
  }

  /** Rebuilds an account from its stored entries (replay), checking the stored version. */
  function load(accountId) {
    const [row] = query("SELECT settings, version FROM accounts WHERE account_id = ?", [accountId]);
    if (row === undefined) throw new Error(`no account ${accountId}`);
    const entries = query("SELECT entry FROM entries WHERE account_id = ? ORDER BY seq", [accountId]).map((r) =>
      JSON.parse(r.entry),
    );
    const account = replayAccount(entries, JSON.parse(row.settings));
    if (account.version !== row.version)
      throw new Error(`account ${accountId}: version ${row.version} but ${entries.length} entries`);
    return account;
  }

  function createAccount(settings) {
    db.run("INSERT INTO accounts (account_id, settings, version) VALUES (?, ?, 0)", [
      settings.accountId,
      JSON.stringify(settings),
    ]);
    return load(settings.accountId);
  }

  /**
   * Posts one entry durably. `options.expectedVersion` is passed to the library (a till that read
   * version 3 says so); `hooks.beforeCommit` lets a test crash between the writes.
   */
  // #region post
  function postEntry(accountId, entry, options = {}, hooks = {}) {
    db.exec("BEGIN IMMEDIATE");
    let open = true;
    try {
      const before = load(accountId);
      const result = post(before, entry, options); // pure: throws a LoyaltyError or decides
      if (result.status === "duplicate") {
        db.exec("ROLLBACK");
        open = false;
        return result;
      }
      const added = result.account.entries.slice(before.entries.length);
      added.forEach((e, i) => {
        db.run("INSERT INTO entries (account_id, seq, transaction_id, entry) VALUES (?, ?, ?, ?)", [
          accountId,
          before.version + i,
          e.transactionId,
          JSON.stringify(e),
        ]);
      });
      hooks.beforeCommit?.(); // a crash here must lose nothing and duplicate nothing
      db.run("UPDATE accounts SET version = ? WHERE account_id = ? AND version = ?", [
        result.account.version,
        accountId,
        before.version,
      ]);
      if (db.getRowsModified() !== 1) {
        const [now] = query("SELECT version FROM accounts WHERE account_id = ?", [accountId]);
        throw new VersionConflictError(before.version, now.version);
      }
      db.exec("COMMIT");
      open = false;
      return result;
    } catch (error) {
      if (open) db.exec("ROLLBACK"); // undoes every write of this post
      throw error;
    }
  }
  // #endregion post

  /** Every stored row, for checks: counts per account and any repeated transactionId. */
  function audit() {
    const entries = query("SELECT COUNT(*) AS n FROM entries")[0].n;
    const repeated = query(
      "SELECT transaction_id FROM entries GROUP BY account_id, transaction_id HAVING COUNT(*) > 1",
    ).length;
    return { entries, repeated };
  }

  return { load, createAccount, postEntry, audit, query };
}

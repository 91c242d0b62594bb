// The store's tables. The snapshot and the history records are opaque JSON to the store: it
// never reads inside them, so the library can change their shape without a migration here.

export interface Tables {
  readonly accounts: string;
  readonly history: string;
  readonly stock: string;
}

/**
 * Statements (for a DO block) that store `column` of `table` as `json` when an earlier schema made it
 * `jsonb`, and compress it with LZ4 where the server has it. `json` keeps the text as sent (checked
 * once, never re-encoded): `jsonb` parses every snapshot into its binary form and back on each sale,
 * which measured twice the server CPU of a sale's write. LZ4 (PostgreSQL 14 or later, built with
 * lz4) compresses the TOASTed value faster than the default pglz; elsewhere the column keeps pglz.
 */
export function jsonColumnSql(table: string, column: string): string {
  return `  IF (SELECT atttypid = 'jsonb'::regtype FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = '${column}') THEN
    ALTER TABLE ${table} ALTER COLUMN ${column} TYPE json USING ${column}::json;
  END IF;
  BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = '${table}'::regclass AND attname = '${column}' AND attcompression = 'l') THEN
      EXECUTE 'ALTER TABLE ${table} ALTER COLUMN ${column} SET COMPRESSION lz4';
    END IF;
  EXCEPTION WHEN undefined_column OR feature_not_supported OR syntax_error THEN
    NULL;  -- before PostgreSQL 14, or built without lz4: pglz
  END;`;
}

/** The DDL `migrate()` runs (idempotent). The guide "Storing accounts" shows the same text. */
export function schemaSql(t: Tables): string {
  return `CREATE TABLE IF NOT EXISTS ${t.accounts} (
  program_id  text        NOT NULL,
  account_key text        NOT NULL,
  version     bigint      NOT NULL CHECK (version > 0),  -- operations applied; the optimistic check
  snapshot    json        NOT NULL,                      -- the account as the library returned it
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (program_id, account_key)
);
CREATE TABLE IF NOT EXISTS ${t.history} (
  seq            bigserial   PRIMARY KEY,
  program_id     text        NOT NULL,
  account_key    text        NOT NULL,
  transaction_id text        NOT NULL,
  kind           text        NOT NULL,   -- checkout, refund, redeem, hold, capture, release
  request        text        NOT NULL,   -- canonical JSON of the request: a retry or a reused id?
  record         json        NOT NULL,   -- what the operation returned, without the account
  at             timestamptz NOT NULL,   -- the operation's own instant (the sale time)
  call_id        text        NOT NULL,   -- the writing call: its retry after a lost reply knows its own row
  stored_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (program_id, transaction_id)    -- a retried sale is answered from here, forever
);
CREATE INDEX IF NOT EXISTS ${t.history}_account ON ${t.history} (program_id, account_key, seq);
CREATE TABLE IF NOT EXISTS ${t.stock} (
  program_id  text    NOT NULL,
  reward_id   text    NOT NULL,
  remaining   integer NOT NULL CHECK (remaining >= 0),  -- catalog rewards left, shared by every account
  PRIMARY KEY (program_id, reward_id)
);
-- json, not jsonb: the store never queries inside a snapshot, and jsonb would parse and re-encode
-- the whole snapshot on every sale. Tables made by an earlier version (jsonb) are converted here.
DO $$
BEGIN
${jsonColumnSql(t.accounts, "snapshot")}
${jsonColumnSql(t.history, "record")}
END
$$;`;
}

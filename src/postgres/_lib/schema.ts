// The store's tables. The snapshot and the history records are opaque JSON to the store: it
// never reads inside them, so the library can change their shape without a migration here.

export interface Tables {
  readonly accounts: string;
  readonly history: string;
  readonly stock: string;
}

/** The DDL `migrate()` runs (idempotent). The guide "Storing accounts" shows the same text. */
export function schemaSql(t: Tables): string {
  return `CREATE TABLE IF NOT EXISTS ${t.accounts} (
  program_id  text        NOT NULL,
  account_key text        NOT NULL,
  version     bigint      NOT NULL CHECK (version > 0),  -- operations applied; the optimistic check
  snapshot    jsonb       NOT NULL,                      -- the account as the library returned it
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
  record         jsonb       NOT NULL,   -- what the operation returned, without the account
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
);`;
}

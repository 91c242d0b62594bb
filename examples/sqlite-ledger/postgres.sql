-- The SQLite pattern of store.mjs on PostgreSQL. The library stays pure: the application reads,
-- calls post()/postMany(), and writes the entries it returned, all inside one transaction.

CREATE TABLE loyalty_accounts (
  account_id text    PRIMARY KEY,
  settings   jsonb   NOT NULL,                -- { accountId, currency?, scale?, negativeLimit? }
  version    integer NOT NULL DEFAULT 0 CHECK (version >= 0)  -- = number of entries
);

CREATE TABLE loyalty_entries (
  account_id     text        NOT NULL REFERENCES loyalty_accounts (account_id),
  seq            integer     NOT NULL,        -- 0, 1, 2, … in posting order
  transaction_id text        NOT NULL,
  entry          jsonb       NOT NULL,        -- the entry as the ledger stores it
  stored_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, seq),
  UNIQUE (account_id, transaction_id)        -- a retried sale can never be stored twice
);

-- One post ($1 account, $2 the version the caller read).
BEGIN;

-- 1. Read the account and its entries; the application rebuilds it with replay(entries, settings).
--    FOR UPDATE serializes writers of this account; drop it for purely optimistic writes; the
--    version check in step 4 still catches a concurrent writer.
SELECT settings, version FROM loyalty_accounts WHERE account_id = $1 FOR UPDATE;
SELECT entry FROM loyalty_entries WHERE account_id = $1 ORDER BY seq;

-- 2. The application calls post(account, entry, { expectedVersion: $2 }):
--      "duplicate"            → ROLLBACK, answer "duplicate" (the till's retry is done);
--      a LoyaltyError         → ROLLBACK, answer the error (VERSION_CONFLICT: reload and retry);
--      "applied"              → write the new entries: result.account.entries from index version on.

-- 3. Insert each new entry (seq = the version read + its index among the new entries).
INSERT INTO loyalty_entries (account_id, seq, transaction_id, entry) VALUES ($1, $3, $4, $5);
--    A unique violation (SQLSTATE 23505) means another session stored this transactionId first:
--    ROLLBACK, reload, and post again; the library then answers "duplicate".

-- 4. Move the version on only if it is still the one read (0 rows updated → VersionConflictError).
UPDATE loyalty_accounts SET version = $6 WHERE account_id = $1 AND version = $2;

COMMIT;
-- A crash anywhere before COMMIT rolls back steps 3 and 4 together: nothing lost, nothing doubled.

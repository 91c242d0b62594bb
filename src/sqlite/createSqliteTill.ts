import { canonicalJson } from "../core/json.js";
import { IdempotencyConflictError, LoyaltyError, LoyaltyValidationError, loyaltyError } from "../errors/errors.js";
import { balance as ledgerBalance } from "../ledger/balance.js";
import { post } from "../ledger/post.js";
import type { EntryInput } from "../ledger/schemas.js";
import type { ProgramAccount } from "../programs/account.js";
import type { Basket, BasketInput } from "../programs/basket.js";
import { checkout } from "../programs/checkout.js";
import { openProgramAccount } from "../programs/openProgramAccount.js";
import { parseBasket } from "../programs/parseBasket.js";
import { parseProgram } from "../programs/parseProgram.js";
import { parseProgramAccount } from "../programs/parseProgramAccount.js";
import { withStoredForm } from "../programs/_lib/storedAccount.js";
import { refund } from "../programs/refund.js";
import type {
  StoreCaptureInput,
  StoreCheckoutResult,
  StoreHoldInput,
  StorePostResult,
  StoreRedeemInput,
  StoreRefundResult,
  StoreReleaseInput,
} from "../postgres/types.js";
import type {
  TillCheckoutOptions,
  TillRefundOptions,
  SqliteDatabaseLike,
  SqliteTill,
  SqliteTillOptions,
  SyncBatch,
  SyncConflict,
  SyncKind,
  SyncOperation,
  SyncReply,
} from "./types.js";

type Json = Record<string, unknown>;
const PREFIX = /^[a-z_][a-z0-9_]{0,39}$/;

function invalid(path: string, message: string): LoyaltyValidationError {
  return new LoyaltyValidationError([{ path: [path], message }]);
}

function idString(value: unknown, path: string): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200)
    throw invalid(path, "expected a non-empty string of at most 200 characters");
  return value;
}

/** Plain JSON of a caller's input (Dates become ISO strings). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null)) as unknown;
}

function withoutAccount(result: object): Json {
  const { account: _a, stock: _s, status: _t, ...record } = result as Json;
  return record;
}

interface OutboxRow {
  seq: number;
  transaction_id: string;
  account_key: string;
  kind: SyncKind;
  request: string;
  input: string;
  record: string;
  state: "pending" | "synced" | "refused";
  code: string | null;
  message: string | null;
}

/** A next-order coupon cannot be issued offline: its code must be unique among every till's. */
function refuseNextOrder(opts: unknown): void {
  if (typeof opts === "object" && opts !== null && (opts as { nextOrder?: unknown }).nextOrder !== undefined)
    throw new LoyaltyValidationError([
      {
        path: ["nextOrder"],
        message:
          "expected no nextOrder: an offline till cannot issue a next-order coupon (its code must be unique among every till's); issue it through the central PostgreSQL store",
      },
    ]);
}

/**
 * An offline till on SQLite: it keeps its own copy of the accounts it has seen, sells on that copy
 * while the central store is out of reach, queues every operation in an outbox table, and syncs the
 * queue when it is back — exactly once per transactionId, whatever the network drops, duplicates or
 * reorders.
 *
 * Each of `checkout`, `refund`, `redeem`, `hold`, `capture` and `release` is ONE SQLite transaction: look the transactionId up in
 * the outbox (found with the same request: `duplicate`; a different one: IDEMPOTENCY_CONFLICT), call
 * the library's pure function on the till's copy, write the copy and append the outbox row. The
 * library's refusals (insufficient points on the till's copy, validation…) write nothing. The till
 * keeps no ledger history: a refund of an old sale whose redeem entry its copy of the points ledger
 * has dropped is HISTORY_REQUIRED here (nothing queued); make that refund against the central store
 * (`createPostgresStore` reads the history from its history rows).
 *
 * Syncing is message passing, so any transport works: `batch()` is the message to send (the queued
 * operations, oldest first), the central side answers it with {@link createSyncHandler}, and
 * `receive(reply)` applies the answer: operations the central store applied (or had applied: a
 * resent batch) leave the queue; operations it refused (the points were spent at another till
 * meanwhile) become {@link SyncConflict}s for the cashier; the authoritative snapshots replace the
 * till's copies (the highest version wins, so stale replies change nothing) with the still-queued
 * operations replayed on top. A reply may be lost, duplicated or arrive late: `receive` is
 * idempotent, and a resent batch is answered `duplicate` by the central store.
 *
 * Queued sales are sent in the order they were made, and the central store posts them with their own
 * sale time: a sale made offline before a sale another till made online is posted as a late sale
 * (refused with LATE_ENTRY_CONFLICT only when it is more than the account's `retainDays` before the
 * account's newest record).
 *
 * @param db - a `better-sqlite3` Database (version 12; an optional peer dependency)
 * @param options - `program` (required), `tillId` (required), `tablePrefix`
 * @returns the till; call `migrate()` once
 * @throws {LoyaltyValidationError} when an option is invalid or the program is a catalog program
 * @category sqlite
 * @example
 * ```ts
 * import { parseProgram } from "loyalty-kit";
 * import { createSqliteTill } from "loyalty-kit/sqlite";
 * import Database from "better-sqlite3";
 * const program = parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
 * const db = new Database(":memory:"); // a file in production: new Database("till.db")
 * const till = createSqliteTill(db, { program, tillId: "till-1", tablePrefix: "shop_" });
 * till.migrate();
 * const sale = till.checkout("ann", { id: "b1", at: "2026-03-07T10:00:00Z",
 *   lines: [{ id: "1", sku: "TEE", quantity: 1, unitPrice: { amount: "12.00", currency: "EUR" } }] },
 *   { transactionId: "till-1:0001", consent: true });
 * console.log(sale.status, sale.pointsEarned, till.pending().length); // applied 12 1
 * ```
 */
export function createSqliteTill(db: SqliteDatabaseLike, options: SqliteTillOptions): SqliteTill {
  if (typeof db !== "object" || db === null || typeof db.prepare !== "function" || typeof db.transaction !== "function")
    throw invalid(
      "db",
      "expected a SQLite database with prepare() and transaction(), such as new Database(file) from better-sqlite3",
    );
  if (typeof options !== "object" || options === null)
    throw invalid("options", "expected options { program, tillId, … }");
  const program = parseProgram(options.program);
  if (program.kind === "catalog")
    throw new LoyaltyValidationError([
      {
        path: ["program", "kind"],
        message:
          "catalog programs are not supported by the offline till: a reward's stock is shared by every till, and a till offline cannot know what the others took; sell catalog rewards online through createPostgresStore (loyalty-kit/postgres)",
      },
    ]);
  const tillId = idString(options.tillId, "tillId");
  const prefix = options.tablePrefix ?? "loyalty_till_";
  if (typeof prefix !== "string" || !PREFIX.test(prefix))
    throw invalid(
      "tablePrefix",
      `expected lower-case letters, digits and _ (at most 40, not starting with a digit), got ${JSON.stringify(prefix)}`,
    );
  const tables = Object.freeze({ accounts: `${prefix}accounts`, outbox: `${prefix}outbox` });
  const programId = program.id;

  // Statements are prepared on first use (after migrate() created the tables).
  const prepared = new Map<string, ReturnType<SqliteDatabaseLike["prepare"]>>();
  const stmt = (sql: string) => {
    let s = prepared.get(sql);
    if (s === undefined) {
      s = db.prepare(sql);
      prepared.set(sql, s);
    }
    return s;
  };
  const SQL = {
    account: `SELECT local, central, central_version FROM ${tables.accounts} WHERE program_id = ? AND account_key = ?`,
    upsertLocal: `INSERT INTO ${tables.accounts} (program_id, account_key, local, central, central_version) VALUES (?, ?, ?, NULL, -1) ON CONFLICT (program_id, account_key) DO UPDATE SET local = excluded.local`,
    setCentral: `INSERT INTO ${tables.accounts} (program_id, account_key, local, central, central_version) VALUES (?, ?, ?, ?, ?) ON CONFLICT (program_id, account_key) DO UPDATE SET central = excluded.central, central_version = excluded.central_version`,
    outboxById: `SELECT * FROM ${tables.outbox} WHERE program_id = ? AND transaction_id = ?`,
    insertOutbox: `INSERT INTO ${tables.outbox} (program_id, transaction_id, account_key, kind, request, input, record, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')`,
    pendingOf: `SELECT * FROM ${tables.outbox} WHERE program_id = ? AND account_key = ? AND state = 'pending' ORDER BY seq`,
    pending: `SELECT * FROM ${tables.outbox} WHERE program_id = ? AND state = 'pending' ORDER BY seq LIMIT ?`,
    refused: `SELECT * FROM ${tables.outbox} WHERE program_id = ? AND state = 'refused' ORDER BY seq`,
    settle: `UPDATE ${tables.outbox} SET state = ?, code = ?, message = ? WHERE program_id = ? AND transaction_id = ? AND state = 'pending'`,
  };

  const readRow = (accountKey: string) =>
    stmt(SQL.account).get(programId, accountKey) as
      | { local: string; central: string | null; central_version: number }
      | undefined;
  const localAccount = (accountKey: string): ProgramAccount | null => {
    const row = readRow(accountKey);
    return row === undefined ? null : parseProgramAccount(JSON.parse(row.local));
  };
  const toOperation = (r: OutboxRow): SyncOperation =>
    Object.freeze({
      seq: r.seq,
      kind: r.kind,
      accountKey: r.account_key,
      transactionId: r.transaction_id,
      input: JSON.parse(r.input),
    }) as SyncOperation;

  /** The pure step of a queued operation on an account (throws the library's refusal). */
  function run(
    kind: SyncKind,
    account: ProgramAccount,
    input: Json,
  ): { status: string; record: Json; account: ProgramAccount } {
    if (kind === "checkout") {
      const r = checkout(program, account, input["basket"] as Basket, input["options"] as TillCheckoutOptions);
      return { status: r.status, record: withoutAccount(r), account: r.account };
    }
    if (kind === "refund") {
      const r = refund(program, account, input["original"] as string, input["options"] as TillRefundOptions);
      return { status: r.status, record: withoutAccount(r), account: r.account };
    }
    // redeem, hold, capture, release: one ledger entry of that kind.
    const entry = { ...input, kind } as EntryInput;
    const r = post(account.points, entry);
    const stored = r.account.entries.find((e) => e.transactionId === input["transactionId"]);
    if (r.status === "duplicate") return { status: "duplicate", record: { entry: stored }, account };
    return {
      status: "applied",
      record: { entry: stored },
      account: withStoredForm({ ...account, version: account.version + 1, points: r.account }),
    };
  }

  function openFor(accountKey: string, input: Json): ProgramAccount {
    const consent = (input["options"] as { consent?: unknown } | undefined)?.consent;
    return openProgramAccount(
      program,
      consent === undefined
        ? { customerId: accountKey }
        : { customerId: accountKey, consent: consent as NonNullable<TillCheckoutOptions["consent"]> },
    );
  }

  /** The till's copy := the central snapshot with the still-queued operations replayed on top. */
  function rebase(accountKey: string): void {
    const row = readRow(accountKey);
    if (row === undefined) return;
    let account: ProgramAccount | null = row.central === null ? null : parseProgramAccount(JSON.parse(row.central));
    for (const r of stmt(SQL.pendingOf).all(programId, accountKey) as OutboxRow[]) {
      const input = JSON.parse(r.input) as Json;
      if (account === null) {
        if (r.kind !== "checkout") continue;
        account = openFor(accountKey, input);
      }
      try {
        account = run(r.kind, account, input).account;
      } catch (err) {
        // Refused on the new snapshot: left queued; the central store will refuse it and say why.
        if (!(err instanceof LoyaltyError)) throw err;
      }
    }
    if (account !== null) stmt(SQL.upsertLocal).run(programId, accountKey, JSON.stringify(account));
  }

  const local = <R>(kind: SyncKind, accountKeyIn: string, inputIn: Json, mayOpen: boolean) =>
    db.transaction((): { status: string; record: Json; account: ProgramAccount } => {
      const accountKey = idString(accountKeyIn, "accountKey");
      const input = plain(inputIn) as Json;
      if (typeof input !== "object" || input === null || Array.isArray(input))
        throw invalid("input", `expected the ${kind} as an object { transactionId, at, … }, got ${typeof inputIn}`);
      const transactionId = idString(
        kind === "checkout" || kind === "refund"
          ? (input["options"] as Json | null)?.["transactionId"]
          : input["transactionId"],
        "transactionId",
      );
      const request = canonicalJson(input);
      const seen = stmt(SQL.outboxById).get(programId, transactionId) as OutboxRow | undefined;
      if (seen !== undefined) {
        if (seen.account_key !== accountKey || seen.kind !== kind || seen.request !== request)
          throw new IdempotencyConflictError(
            transactionId,
            `transactionId ${JSON.stringify(transactionId)} was already used by a ${seen.kind} of account ${JSON.stringify(seen.account_key)} with a different request; use a new transactionId for a new request`,
          );
        const current = localAccount(accountKey);
        return { status: "duplicate", record: JSON.parse(seen.record) as Json, account: current as ProgramAccount };
      }
      let account = localAccount(accountKey);
      if (account === null) {
        if (!mayOpen)
          throw loyaltyError(
            "NOT_FOUND",
            `the till has no copy of account ${JSON.stringify(accountKey)}; sync it first (batch({ refresh: [key] }))`,
            { accountKey },
          );
        account = openFor(accountKey, input);
      }
      const r = run(kind, account, input);
      if (r.status === "duplicate")
        throw new IdempotencyConflictError(
          transactionId,
          `transactionId ${JSON.stringify(transactionId)} is already in the account's ledger, posted by another operation; use a new transactionId`,
        );
      if (r.status !== "applied") return { status: r.status, record: r.record, account };
      stmt(SQL.upsertLocal).run(programId, accountKey, JSON.stringify(r.account));
      stmt(SQL.insertOutbox).run(
        programId,
        transactionId,
        accountKey,
        kind,
        request,
        JSON.stringify(input),
        JSON.stringify(r.record),
      );
      return r as R & { status: string; record: Json; account: ProgramAccount };
    })();

  /**
   * A ledger operation on the till's copy, queued like a sale. A hold made offline reserves the points
   * on this till's copy only; the central store applies it (or refuses it: the points were spent at
   * another till meanwhile) when the outbox syncs, in order, before a capture or release of it.
   */
  function ledgerOperation(
    kind: "redeem" | "hold" | "capture" | "release",
    accountKey: string,
    input: StoreRedeemInput | StoreHoldInput | StoreCaptureInput | StoreReleaseInput,
  ): StorePostResult {
    const a = local(kind, accountKey, input as unknown as Json, false);
    return Object.freeze({ status: a.status, entry: a.record["entry"], account: a.account }) as StorePostResult;
  }

  return Object.freeze({
    tables,
    migrate(): void {
      db.exec(`CREATE TABLE IF NOT EXISTS ${tables.accounts} (
  program_id TEXT NOT NULL,
  account_key TEXT NOT NULL,
  local TEXT NOT NULL,
  central TEXT,
  central_version INTEGER NOT NULL DEFAULT -1,
  PRIMARY KEY (program_id, account_key)
);
CREATE TABLE IF NOT EXISTS ${tables.outbox} (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  program_id TEXT NOT NULL,
  transaction_id TEXT NOT NULL,
  account_key TEXT NOT NULL,
  kind TEXT NOT NULL,
  request TEXT NOT NULL,
  input TEXT NOT NULL,
  record TEXT NOT NULL,
  state TEXT NOT NULL,
  code TEXT,
  message TEXT,
  UNIQUE (program_id, transaction_id)
);
CREATE INDEX IF NOT EXISTS ${tables.outbox}_state ON ${tables.outbox} (program_id, state, seq);`);
    },

    checkout(accountKey: string, basketIn: Basket | BasketInput, opts: TillCheckoutOptions): StoreCheckoutResult {
      refuseNextOrder(opts);
      const basket = parseBasket(basketIn);
      const a = local("checkout", accountKey, { basket, options: opts }, true);
      return Object.freeze({ ...a.record, status: a.status, account: a.account }) as StoreCheckoutResult;
    },

    refund(accountKey: string, original: string, opts: TillRefundOptions): StoreRefundResult {
      refuseNextOrder(opts);
      const a = local("refund", accountKey, { original: idString(original, "original"), options: opts }, false);
      return Object.freeze({ ...a.record, status: a.status, account: a.account }) as StoreRefundResult;
    },

    redeem: (accountKey: string, input: StoreRedeemInput) => ledgerOperation("redeem", accountKey, input),
    hold: (accountKey: string, input: StoreHoldInput) => ledgerOperation("hold", accountKey, input),
    capture: (accountKey: string, input: StoreCaptureInput) => ledgerOperation("capture", accountKey, input),
    release: (accountKey: string, input: StoreReleaseInput) => ledgerOperation("release", accountKey, input),

    balance(accountKey: string, opts: { readonly at: string | Date }): string {
      const account = localAccount(idString(accountKey, "accountKey"));
      if (account === null)
        throw loyaltyError(
          "NOT_FOUND",
          `the till has no copy of account ${JSON.stringify(accountKey)}; sync it first`,
          {
            accountKey,
          },
        );
      return ledgerBalance(account.points, opts);
    },

    account(accountKey: string): ProgramAccount | null {
      return localAccount(idString(accountKey, "accountKey"));
    },

    learn(accountKey: string, accountIn: unknown): void {
      const key = idString(accountKey, "accountKey");
      const account = parseProgramAccount(accountIn);
      if (account.programId !== programId)
        throw invalid(
          "account",
          `expected an account of program ${JSON.stringify(programId)}, got ${JSON.stringify(account.programId)}`,
        );
      db.transaction(() => {
        const row = readRow(key);
        if (row !== undefined && row.central_version >= account.version) return;
        const text = JSON.stringify(account);
        stmt(SQL.setCentral).run(programId, key, text, text, account.version);
        rebase(key);
      })();
    },

    pending(): readonly SyncOperation[] {
      return Object.freeze((stmt(SQL.pending).all(programId, 1_000_000) as OutboxRow[]).map(toOperation));
    },

    conflicts(): readonly SyncConflict[] {
      return Object.freeze(
        (stmt(SQL.refused).all(programId) as OutboxRow[]).map((r) =>
          Object.freeze({
            seq: r.seq,
            kind: r.kind,
            accountKey: r.account_key,
            transactionId: r.transaction_id,
            code: r.code ?? "",
            message: r.message ?? "",
          }),
        ),
      );
    },

    batch(opts: { readonly limit?: number; readonly refresh?: readonly string[] } = {}): SyncBatch {
      const limit = opts?.limit ?? 500;
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
        throw invalid("limit", `expected an integer from 1 to 100000, got ${JSON.stringify(limit)}`);
      const refresh = (opts?.refresh ?? []).map((k) => idString(k, "refresh"));
      const operations = (stmt(SQL.pending).all(programId, limit) as OutboxRow[]).map(toOperation);
      return Object.freeze({ tillId, operations: Object.freeze(operations), refresh: Object.freeze(refresh) });
    },

    receive(reply: SyncReply): { readonly confirmed: number; readonly refused: number } {
      if (
        typeof reply !== "object" ||
        reply === null ||
        !Array.isArray(reply.outcomes) ||
        !Array.isArray(reply.accounts)
      )
        throw invalid("reply", "expected a sync reply { tillId, outcomes, accounts } from createSyncHandler");
      if (reply.tillId !== tillId)
        throw invalid("reply", `this reply is for till ${JSON.stringify(reply.tillId)}, not ${JSON.stringify(tillId)}`);
      // Parse every snapshot before writing anything: a bad reply changes nothing.
      const snapshots = reply.accounts.map((a) => ({
        accountKey: idString(a?.accountKey, "accountKey"),
        account: parseProgramAccount(a?.account),
      }));
      for (const s of snapshots)
        if (s.account.programId !== programId)
          throw invalid(
            "reply",
            `account ${JSON.stringify(s.accountKey)} belongs to program ${JSON.stringify(s.account.programId)}, not ${JSON.stringify(programId)}: the reply comes from another program's handler`,
          );
      return db.transaction(() => {
        let confirmed = 0;
        let refused = 0;
        const touched = new Set<string>();
        for (const o of reply.outcomes) {
          if (typeof o?.transactionId !== "string") continue;
          const row = stmt(SQL.outboxById).get(programId, o?.transactionId) as OutboxRow | undefined;
          if (row === undefined || row.state !== "pending") continue;
          touched.add(row.account_key);
          if (o.outcome === "applied" || o.outcome === "duplicate") {
            stmt(SQL.settle).run("synced", null, null, programId, row.transaction_id);
            confirmed++;
          } else if (o.outcome === "refused") {
            stmt(SQL.settle).run(
              "refused",
              String(o.error?.code ?? "UNKNOWN"),
              String(o.error?.message ?? ""),
              programId,
              row.transaction_id,
            );
            refused++;
          }
        }
        for (const s of snapshots) {
          touched.add(s.accountKey);
          const row = readRow(s.accountKey);
          if (row !== undefined && row.central_version >= s.account.version) continue;
          const text = JSON.stringify(s.account);
          stmt(SQL.setCentral).run(programId, s.accountKey, text, text, s.account.version);
        }
        for (const k of touched) rebase(k);
        return Object.freeze({ confirmed, refused });
      })();
    },
  });
}

import { canonicalJson, deepFreeze } from "../core/json.js";
import { IdempotencyConflictError, LoyaltyError, LoyaltyValidationError, loyaltyError } from "../errors/errors.js";
import { balance as ledgerBalance } from "../ledger/balance.js";
import { post } from "../ledger/post.js";
import type { LedgerHistoryRecord } from "../ledger/history.js";
import type { Entry, EntryInput } from "../ledger/schemas.js";
import type { CatalogStock, ProgramAccount } from "../programs/account.js";
import type { Basket, BasketInput } from "../programs/basket.js";
import { checkout } from "../programs/checkout.js";
import { openProgramAccount } from "../programs/openProgramAccount.js";
import { parseBasket } from "../programs/parseBasket.js";
import { parseProgram } from "../programs/parseProgram.js";
import { parseProgramAccount } from "../programs/parseProgramAccount.js";
import { withStoredForm } from "../programs/_lib/storedAccount.js";
import { refund } from "../programs/refund.js";
import { backoffMs, causeOf, connectionLost, retryable, StaleRow, sleep } from "./_lib/retry.js";
import { schemaSql, type Tables } from "./_lib/schema.js";
import { couponSql, couponSchemaSql } from "./_lib/couponSchema.js";
import { openCouponState } from "../programs/promotions/openCouponState.js";
import type { CouponState } from "../programs/promotions/couponState.js";
import type { Program, ProgramOf } from "../programs/program.js";
import type {
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

type Kind = HistoryRow["kind"];
type Json = Record<string, unknown>;

/** One operation as the apply step runs it: a pure function of the account as stored. */
interface Operation {
  readonly kind: Kind;
  readonly accountKey: string;
  readonly transactionId: string;
  /** Canonical JSON of everything that defines the request (the idempotency payload). */
  readonly request: string;
  /** The account to start from when the key has never been written (null: NOT_FOUND). */
  readonly open: (() => ProgramAccount) | null;
  /**
   * The promotions whose coupon-state rows the operation reads and may change (the program's own for
   * a code redeemed, a next-order promotion): each row locked in the same transaction, in id order.
   */
  readonly coupons?: readonly Program[];
  /**
   * A catalog reward with a stock this operation may take one unit of: the attempt locks the
   * reward's stock row (seeding it with `initial`) before the account and hands the count to `run`.
   */
  readonly stock?: { readonly rewardId: string; readonly initial: number };
  /**
   * When the pure step answers HISTORY_REQUIRED (a refund of a sale whose redeem entry the points
   * ledger dropped): run it again with the points account's history, read from the history rows.
   */
  readonly history?: boolean;
  /**
   * The pure step: the new account and the record to keep (with the new coupon state when it read one,
   * and `taken` when one unit of `stock` was used).
   */
  readonly run: (
    account: ProgramAccount,
    coupons: ReadonlyMap<string, CouponState> | undefined,
    stock: CatalogStock | undefined,
    history?: readonly LedgerHistoryRecord[],
  ) => {
    status: string;
    record: Json;
    at: string;
    account: ProgramAccount;
    coupons?: readonly CouponState[];
    taken?: boolean;
  };
}

interface Applied {
  readonly status: string;
  readonly record: Json;
  readonly account: ProgramAccount;
}

/** A random id per call, stored with its history row, so a retry after a lost COMMIT reply knows its own row. */
function newCallId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof c?.randomUUID === "function") return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

const PREFIX = /^[a-z_][a-z0-9_]{0,39}$/;

/**
 * Above this share of stale copies the store reads before it writes. A stale copy costs the pure
 * step and the snapshot's serialization for nothing (~0.5 ms of Node CPU at 30 kept sales, measured
 * without a server) and the server a write that finds the row moved; a read of a current copy costs
 * one more round trip (~0.05 ms of Node CPU with the pg driver, measured) and a primary-key read. By
 * CPU the read pays from a share of about 0.1; 0.25 keeps the round trip saved (the latency) for
 * stores whose copies are mostly current.
 */
const STALE_SHARE = 0.25;
/** The writes with a copy in memory the share is weighted over (exponentially). */
const STALE_WINDOW = 16;

const names = new Map<string, string>();
/**
 * The name of a statement's prepared form: a 32-bit FNV-1a hash of its text (the driver refuses one
 * name for two texts on a connection, so the name follows the text, table prefix included).
 */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    name = `loyalty_${(h >>> 0).toString(36)}_${text.length.toString(36)}`;
    names.set(text, name);
  }
  return name;
}

function positiveInt(value: unknown, name: string, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max)
    throw new LoyaltyValidationError([
      { path: [name], message: `expected an integer from 0 to ${max}, got ${JSON.stringify(value) ?? String(value)}` },
    ]);
  return value;
}

function key(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 200)
    throw new LoyaltyValidationError([
      { path: ["accountKey"], message: "expected an account key: a non-empty string of at most 200 characters" },
    ]);
  return value;
}

function txId(input: unknown): string {
  const id = (input as { transactionId?: unknown } | null)?.transactionId;
  if (typeof id !== "string" || id.length === 0 || id.length > 200)
    throw new LoyaltyValidationError([
      { path: ["transactionId"], message: "expected a non-empty string of at most 200 characters" },
    ]);
  return id;
}

/** Plain JSON of a caller's input (Dates become ISO strings), canonicalised. */
function canonicalRequest(value: unknown): string {
  return canonicalJson(JSON.parse(JSON.stringify(value ?? null)) as unknown);
}

/**
 * The coupon code of a store checkout (the store keeps the coupon state itself: a `state` given is
 * ignored).
 */
function storeCouponCode(opts: StoreCheckoutOptions): string | undefined {
  if (typeof opts !== "object" || opts === null) return undefined;
  const c = (opts as { coupon?: { code?: unknown } }).coupon;
  return typeof c?.code === "string" ? c.code : undefined;
}

/**
 * The next-order promotion of a store checkout or refund (`nextOrder: { program }`), parsed, or
 * undefined when none was given. The store keeps its coupon state: a `state` given is ignored.
 */
function nextOrderOf(opts: StoreCheckoutOptions | StoreRefundOptions):
  | {
      readonly program: ProgramOf<"promotion">;
      readonly randomBytes?: (bytes: Uint8Array) => Uint8Array;
    }
  | undefined {
  if (typeof opts !== "object" || opts === null) return undefined;
  const n = (opts as { nextOrder?: unknown }).nextOrder;
  if (n === undefined) return undefined;
  if (typeof n !== "object" || n === null || Array.isArray(n))
    throw new LoyaltyValidationError([
      { path: ["nextOrder"], message: "expected nextOrder options { program } (the store keeps the coupon state)" },
    ]);
  let p: Program;
  try {
    p = parseProgram((n as { program?: unknown }).program as Program);
  } catch (e) {
    if (e instanceof LoyaltyValidationError)
      throw new LoyaltyValidationError(e.issues.map((i) => ({ ...i, path: ["nextOrder", "program", ...i.path] })));
    throw e;
  }
  if (p.kind !== "promotion" || p.coupon?.issue === undefined || p.coupon.pattern === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["nextOrder", "program"],
        message: `expected a promotion with coupon.pattern and coupon.issue (the rule for next-order coupons), got ${JSON.stringify(p.id)} without them`,
      },
    ]);
  const randomBytes = (n as { randomBytes?: unknown }).randomBytes;
  if (randomBytes !== undefined && typeof randomBytes !== "function")
    throw new LoyaltyValidationError([
      { path: ["nextOrder", "randomBytes"], message: "expected a function that fills a Uint8Array with random bytes" },
    ]);
  return {
    program: p,
    ...(randomBytes === undefined ? {} : { randomBytes: randomBytes as (bytes: Uint8Array) => Uint8Array }),
  };
}

/** The promotions whose coupon-state rows an operation locks: distinct, in id order (the lock order). */
function couponRows(...programs: (Program | undefined)[]): readonly Program[] | undefined {
  const byId = new Map<string, Program>();
  for (const p of programs) if (p !== undefined && !byId.has(p.id)) byId.set(p.id, p);
  return byId.size === 0 ? undefined : [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A record without the coupon states it carried (the states live in their own rows, not in every history row). */
function withoutCouponState(record: Json): Json {
  let out = record;
  for (const field of ["coupon", "nextOrder"]) {
    const c = out[field] as Json | undefined;
    if (c === undefined) continue;
    const { state: _s, ...rest } = c;
    out = { ...out, [field]: rest };
  }
  return out;
}

/**
 * The coupon states to write after a sale or refund. A refund given both the promotion's own state
 * (`coupon`, for the use it gives back) and the same promotion as `nextOrder` (for the code it
 * voids) gets two next states from the one it was given: the use changes only `redemptions`, the
 * void only `issued`, so the row takes both changes (one version per change).
 */
function nextStates(given: ReadonlyMap<string, CouponState>, ...states: (CouponState | undefined)[]): CouponState[] {
  const out = new Map<string, CouponState>();
  for (const next of states) {
    if (next === undefined) continue;
    const before = given.get(next.programId);
    const seen = out.get(next.programId);
    if (seen === next) continue;
    if (seen === undefined || before === undefined) {
      out.set(next.programId, next);
      continue;
    }
    const changedIssued = next.issued !== before.issued;
    const changedRedemptions = next.redemptions !== before.redemptions;
    out.set(next.programId, {
      programId: next.programId,
      version: seen.version + (next.version - before.version),
      issued: changedIssued ? next.issued : seen.issued,
      redemptions: changedRedemptions ? next.redemptions : seen.redemptions,
    });
  }
  return [...out.values()];
}

function withoutAccount(result: object): Json {
  const { account: _a, stock: _s, status: _t, ...record } = result as Json;
  return record;
}

/**
 * A PostgreSQL store for one program's accounts: every operation a till needs (checkout, refund,
 * redeem, hold, capture, release, balance, history) as ONE database transaction, exactly once per
 * transactionId, safe under any number of concurrent tills.
 *
 * Every write: read the transactionId's history row and the account row in one query (found: answer
 * `duplicate` from the stored record, however old, or IDEMPOTENCY_CONFLICT when the request differs);
 * call the library's pure function on the stored snapshot; then ONE statement (one transaction)
 * updates the snapshot only if the version is still the one read and inserts the history row (the
 * transactionId is UNIQUE per program, so a racing retry cannot store it twice). When the store
 * already holds the account parsed at some version (it read or wrote it last), it skips the read:
 * it runs the pure function on that copy and sends the same write with that version at once — ONE
 * round trip; if the row has moved on, the transactionId is already stored, or the copy refuses,
 * nothing was written and the attempt continues with the read above. While more than a quarter
 * of its recent copies turned out stale (another process writes the same accounts), it reads first
 * instead (the read sends no snapshot back for a current copy): a stale copy would cost the pure
 * step and the snapshot sent for nothing, more CPU than the round trip saved. After
 * `lockAfterAttempts` collisions an attempt runs inside BEGIN … COMMIT with the row read
 * `SELECT … FOR UPDATE`, so the writers of a hot account queue.
 * Conflicts and transient faults (serialization failures, deadlocks, unique violations of a racing
 * retry, statement timeouts, terminated connections) run the attempt again after a jittered, doubling
 * wait, up to `maxAttempts`; then RETRIES_EXHAUSTED. A retry after a lost reply finds its own row (by
 * a per-call id) and reports `applied`, as the first attempt would have. The library's own refusals
 * (insufficient points, validation, consent…) are not retried: nothing is written and they are thrown as is.
 *
 * The store reads nothing inside snapshots and records: tables (program, account key, version,
 * snapshot) and (program, account key, transactionId, kind, record, instant). It does not import a
 * driver: pass a `pg` Pool (or anything with the same `connect`/`query`/`release`).
 *
 * Catalog programs: a reward's stock is shared by every account, so it is a row of its own
 * (`<prefix>stock`, created with the program's initial `stock` on first use). A checkout that
 * redeems a stocked reward runs inside BEGIN … COMMIT, locks that row first, then the account
 * row, and takes the unit in the same transaction as the sale: concurrent redemptions queue on the
 * row, the count never goes below zero (a CHECK constraint backs this up) and the last unit goes
 * to exactly one sale; the others get OUT_OF_STOCK with nothing written. A retried sale is answered
 * from the history table and takes nothing. `stock()` reads the counts; `setStock` sets a count
 * after a delivery or an inventory check. Refunds do not put units back (as the library's refund).
 *
 * A promotion with coupon codes: the store keeps its coupon state in one row of `<prefix>coupon_states`.
 * A checkout with `coupon: { code }` (and every refund) runs in a transaction that locks that row, so
 * the code's limits and budget hold under any number of tills; the result's `coupon` says whether the
 * use was taken (`applied`) or why not (`refused` and the `reason`).
 *
 * Next-order coupons: a checkout with `nextOrder: { program }` (a promotion with `coupon.issue`) locks
 * that promotion's coupon-state row too and stores the code it issues there in the sale's
 * transaction, so the promotion's own store (the same `tablePrefix`) accepts the code at the next
 * visit; a retried sale answers the code issued first. A refund with `nextOrder: { program }` voids
 * the sale's unused code in the same transaction when the refund takes the sale below the issue
 * rule's `minSpend` (or refunds it in full). Coupon-state rows are locked after the account row, in
 * promotion-id order.
 *
 * @param pool - a connection pool (`new pg.Pool(...)`)
 * @param options - `program` (required), `tablePrefix`, `maxAttempts`, `baseDelayMs`, `maxDelayMs`, `lockAfterAttempts`, `cacheSize`
 * @returns the store; call `migrate()` once before the first write
 * @throws {LoyaltyValidationError} when an option is invalid or the program is a catalog program
 * @category postgres
 * @example
 * ```ts
 * import { parseProgram } from "loyalty-kit";
 * import { createPostgresStore } from "loyalty-kit/postgres";
 * const program = parseProgram({ kind: "bonus", id: "bonus", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin",
 *   active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] } });
 * // Any pool works; with the pg driver: new pg.Pool({ connectionString: process.env.DATABASE_URL }).
 * const pool = { connect: async () => ({ query: async () => ({ rows: [], rowCount: 0 }), release: () => {} }) };
 * const store = createPostgresStore(pool, { program, tablePrefix: "shop_" });
 * console.log(store.tables.accounts, store.tables.history); // shop_accounts shop_history
 * ```
 */
export function createPostgresStore(pool: PgPoolLike, options: PostgresStoreOptions): PostgresStore {
  if (typeof pool !== "object" || pool === null || typeof pool.connect !== "function")
    throw new LoyaltyValidationError([
      { path: ["pool"], message: "expected a connection pool with connect(), such as new pg.Pool(...)" },
    ]);
  if (typeof options !== "object" || options === null)
    throw new LoyaltyValidationError([{ path: ["options"], message: "expected options { program, … }" }]);
  const program = parseProgram(options.program);
  const prefix = options.tablePrefix ?? "loyalty_";
  if (typeof prefix !== "string" || !PREFIX.test(prefix))
    throw new LoyaltyValidationError([
      {
        path: ["tablePrefix"],
        message: `expected lower-case letters, digits and _ (at most 40, not starting with a digit), got ${JSON.stringify(prefix)}`,
      },
    ]);
  const maxAttempts = Math.max(1, positiveInt(options.maxAttempts, "maxAttempts", 8, 100));
  const baseDelayMs = positiveInt(options.baseDelayMs, "baseDelayMs", 5, 60_000);
  const maxDelayMs = positiveInt(options.maxDelayMs, "maxDelayMs", 250, 600_000);
  const lockAfterAttempts = positiveInt(options.lockAfterAttempts, "lockAfterAttempts", 2, 100);
  const cacheSize = positiveInt(options.cacheSize, "cacheSize", 10_000, 10_000_000);
  const tables: Tables = Object.freeze({
    accounts: `${prefix}accounts`,
    history: `${prefix}history`,
    stock: `${prefix}stock`,
  });
  const programId = program.id;
  const coupon = couponSql(prefix);
  const hasCoupons = program.kind === "promotion" && program.coupon !== undefined;

  // Parsed snapshots by account key and version: a write whose row still has this version skips
  // reading and re-checking the snapshot (the library trusts the objects it produced).
  const cache = new Map<string, { version: string; account: ProgramAccount }>();
  const remember = (accountKey: string, version: string, account: ProgramAccount): void => {
    if (cacheSize === 0) return;
    cache.delete(accountKey);
    cache.set(accountKey, { version, account });
    if (cache.size > cacheSize) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
  };

  // How often the copies in memory turn out stale (another process wrote the row since): an
  // exponentially weighted share of the last ~STALE_WINDOW writes that had a copy. The write from
  // memory saves a round trip on a current copy but, on a stale one, runs the pure step and sends
  // the snapshot for nothing; above STALE_SHARE the store reads the row first (the read sends no
  // snapshot back for a current copy) and writes from memory again once its copies are current.
  let staleShare = 0;
  const sawCopy = (stale: boolean): void => {
    staleShare += ((stale ? 1 : 0) - staleShare) / STALE_WINDOW;
  };

  const prepared = options.preparedStatements ?? true;
  if (typeof prepared !== "boolean")
    throw new LoyaltyValidationError([
      { path: ["preparedStatements"], message: `expected true or false, got ${JSON.stringify(prepared)}` },
    ]);
  /**
   * Runs one of the store's statements: as a named prepared statement (the driver parses and plans
   * it once per connection, then sends only its parameters), or as plain text when turned off.
   */
  const exec = (client: PgClientLike, text: string, values: unknown[]): Promise<PgQueryResult> =>
    prepared ? client.query({ name: statementName(text), text, values }) : client.query(text, values);

  const SQL = {
    // The history lookup and the account row in one round trip. `snapshot` is NULL when the row still
    // has the version this store has in memory ($3), so an unchanged snapshot is not sent again.
    read2: `SELECT h.account_key AS h_account_key, h.kind AS h_kind, h.request AS h_request, h.record AS h_record, h.call_id AS h_call_id, a.version::text AS version, CASE WHEN a.version::text = $3::text THEN NULL ELSE a.snapshot END AS snapshot FROM (SELECT 1) AS one LEFT JOIN ${tables.history} h ON h.program_id = $1::text AND h.transaction_id = $4::text LEFT JOIN ${tables.accounts} a ON a.program_id = $1::text AND a.account_key = $2::text`,
    readLocked: `SELECT h.account_key AS h_account_key, h.kind AS h_kind, h.request AS h_request, h.record AS h_record, h.call_id AS h_call_id, a.version::text AS version, CASE WHEN a.version::text = $3::text THEN NULL ELSE a.snapshot END AS snapshot FROM (SELECT 1) AS one LEFT JOIN ${tables.history} h ON h.program_id = $1::text AND h.transaction_id = $4::text LEFT JOIN (SELECT version, snapshot FROM ${tables.accounts} WHERE program_id = $1::text AND account_key = $2::text FOR UPDATE) a ON true`,
    read: `SELECT version::text AS version, snapshot FROM ${tables.accounts} WHERE program_id = $1 AND account_key = $2`,
    // One statement, so one transaction even outside BEGIN: the history row is inserted only if the
    // account row was written (the version still the one read, or the new account not there yet).
    writeExisting: `WITH acc AS (UPDATE ${tables.accounts} SET version = version + 1, snapshot = $4::json, updated_at = now() WHERE program_id = $1::text AND account_key = $2::text AND version::text = $3::text RETURNING 1) INSERT INTO ${tables.history} (program_id, account_key, transaction_id, kind, request, record, at, call_id) SELECT $1::text, $2::text, $5::text, $6::text, $7::text, $8::json, $9::timestamptz, $10::text FROM acc`,
    // The one-round-trip write from memory: writeExisting, and when the row has moved on (nothing
    // written) the same columns as read2 in the same statement, so the attempt goes on without a
    // second round trip. The read runs only when nothing was written (a one-time filter).
    writeOrRead: `WITH acc AS (UPDATE ${tables.accounts} SET version = version + 1, snapshot = $4::json, updated_at = now() WHERE program_id = $1::text AND account_key = $2::text AND version::text = $3::text RETURNING 1), ins AS (INSERT INTO ${tables.history} (program_id, account_key, transaction_id, kind, request, record, at, call_id) SELECT $1::text, $2::text, $5::text, $6::text, $7::text, $8::json, $9::timestamptz, $10::text FROM acc RETURNING 1), w AS (SELECT count(*)::int AS written FROM ins) SELECT w.written, r.* FROM w LEFT JOIN LATERAL (SELECT h.account_key AS h_account_key, h.kind AS h_kind, h.request AS h_request, h.record AS h_record, h.call_id AS h_call_id, a.version::text AS version, CASE WHEN a.version::text = $3::text THEN NULL ELSE a.snapshot END AS snapshot FROM (SELECT 1) AS one LEFT JOIN ${tables.history} h ON h.program_id = $1::text AND h.transaction_id = $5::text LEFT JOIN ${tables.accounts} a ON a.program_id = $1::text AND a.account_key = $2::text WHERE w.written = 0) r ON true`,
    writeNew: `WITH acc AS (INSERT INTO ${tables.accounts} (program_id, account_key, version, snapshot) VALUES ($1::text, $2::text, 1, $3::json) ON CONFLICT DO NOTHING RETURNING 1) INSERT INTO ${tables.history} (program_id, account_key, transaction_id, kind, request, record, at, call_id) SELECT $1::text, $2::text, $4::text, $5::text, $6::text, $7::json, $8::timestamptz, $9::text FROM acc`,
    // A catalog reward's stock row, created with the program's initial stock on first use, and locked
    // (ON CONFLICT DO UPDATE locks the existing row) until the transaction ends: redemptions of one
    // reward queue here, so the count read is the count written back.
    lockStock: `INSERT INTO ${tables.stock} AS s (program_id, reward_id, remaining) VALUES ($1::text, $2::text, $3::integer) ON CONFLICT (program_id, reward_id) DO UPDATE SET remaining = s.remaining RETURNING s.remaining`,
    takeStock: `UPDATE ${tables.stock} SET remaining = remaining - 1 WHERE program_id = $1::text AND reward_id = $2::text AND remaining > 0`,
    readStock: `SELECT reward_id, remaining FROM ${tables.stock} WHERE program_id = $1::text`,
    setStock: `INSERT INTO ${tables.stock} AS s (program_id, reward_id, remaining) VALUES ($1::text, $2::text, $3::integer) ON CONFLICT (program_id, reward_id) DO UPDATE SET remaining = EXCLUDED.remaining`,
    // ORDER BY h.seq, not the text alias `seq` (that would sort "10" before "9").
    history: `SELECT h.seq::text AS seq, h.transaction_id, h.kind, h.at, h.record FROM ${tables.history} h WHERE h.program_id = $1 AND h.account_key = $2 AND h.seq > $3::bigint ORDER BY h.seq LIMIT $4`,
  };

  async function loadAccount(client: PgClientLike, accountKey: string): Promise<ProgramAccount | null> {
    const row = (await exec(client, SQL.read, [programId, accountKey])).rows[0];
    if (row === undefined) return null;
    const version = String(row["version"]);
    const hit = cache.get(accountKey);
    if (hit !== undefined && hit.version === version) return hit.account;
    const account = parseProgramAccount(row["snapshot"]);
    remember(accountKey, version, account);
    return account;
  }

  /** Runs a read (or `migrate`) on a pooled connection, retrying transient faults like the writes do. */
  async function withClient<T>(work: (client: PgClientLike) => Promise<T>): Promise<T> {
    let lastCause = "unknown";
    for (let n = 0; n < maxAttempts; n++) {
      if (n > 0) await sleep(backoffMs(n - 1, baseDelayMs, maxDelayMs));
      let broken: Error | undefined;
      try {
        const client = await pool.connect();
        try {
          return await work(client);
        } catch (err) {
          if (connectionLost(err)) broken = err instanceof Error ? err : new Error(String(err));
          throw err;
        } finally {
          client.release(broken);
        }
      } catch (err) {
        if (err instanceof LoyaltyError || !retryable(err)) throw err;
        lastCause = causeOf(err) ?? (err instanceof Error ? err.message : String(err));
      }
    }
    throw loyaltyError(
      "RETRIES_EXHAUSTED",
      `a read did not complete after ${maxAttempts} attempts (last cause: ${lastCause}); try again later`,
      {
        transactionId: "",
        attempts: maxAttempts,
        lastCause,
      },
    );
  }

  /**
   * One attempt. Optimistic (`locking` false): a plain read, the pure function, then ONE statement
   * that updates the row only if its version is still the one read and inserts the history row in
   * the same implicit transaction — two round trips. Locking: the same inside BEGIN … COMMIT with the
   * row read `FOR UPDATE`, so writers of a hot account queue instead of retrying. Throws a StaleRow or
   * a driver error to retry, or the library's refusal.
   */
  async function attempt(
    client: PgClientLike,
    op: Operation,
    callId: string,
    progress: { broken: boolean },
    lockingIn: boolean,
  ): Promise<Applied> {
    let open = false;
    // An operation on coupon codes always runs in a transaction: the coupon row is locked there.
    const locking = lockingIn || op.coupons !== undefined;
    try {
      if (locking || op.stock !== undefined) {
        await client.query("BEGIN");
        open = true;
      }
      let stock: CatalogStock | undefined;
      if (op.stock !== undefined) {
        const r = await exec(client, SQL.lockStock, [programId, op.stock.rewardId, op.stock.initial]);
        const remaining = Number(r.rows[0]?.["remaining"]);
        // `applied` stays empty: the history table, not the stock, knows which sales took a unit.
        stock = { programId, rewards: [{ rewardId: op.stock.rewardId, remaining }], applied: [] };
      }
      const hit = cache.get(op.accountKey);
      const fast =
        !open && hit !== undefined && staleShare < STALE_SHARE
          ? await writeFromMemory(client, op, callId, hit)
          : undefined;
      if (fast !== undefined && "applied" in fast) {
        sawCopy(false);
        return fast.applied;
      }
      const row =
        fast?.row ??
        ((
          await exec(client, open ? SQL.readLocked : SQL.read2, [
            programId,
            op.accountKey,
            hit?.version ?? null,
            op.transactionId,
          ])
        ).rows[0] as Json);
      const version = row["version"] === null ? null : String(row["version"]);
      if (hit !== undefined && version !== null) sawCopy(version !== hit.version);
      const stored = (): ProgramAccount | null => {
        if (version === null) return null;
        if (row["snapshot"] === null && hit !== undefined) return hit.account;
        const account = parseProgramAccount(row["snapshot"]);
        remember(op.accountKey, version, account);
        return account;
      };
      if (row["h_kind"] !== null) {
        const sameRequest =
          row["h_account_key"] === op.accountKey && row["h_kind"] === op.kind && row["h_request"] === op.request;
        if (!sameRequest)
          throw new IdempotencyConflictError(
            op.transactionId,
            `transactionId ${JSON.stringify(op.transactionId)} was already used by a ${String(row["h_kind"])} of account ${JSON.stringify(row["h_account_key"])} with a different request; use a new transactionId for a new request`,
          );
        const account = stored();
        if (open) await client.query("COMMIT");
        open = false;
        // Written by this very call (an earlier attempt whose COMMIT reply was lost): `applied`, as
        // the first attempt would have answered; written by another call: `duplicate`.
        const status = row["h_call_id"] === callId ? "applied" : "duplicate";
        return { status, record: row["h_record"] as Json, account: account as ProgramAccount };
      }
      let current = stored();
      if (current === null) {
        if (op.open === null)
          throw loyaltyError(
            "NOT_FOUND",
            `no account ${JSON.stringify(op.accountKey)} in program ${JSON.stringify(programId)}`,
            { accountKey: op.accountKey },
          );
        current = op.open();
      }
      let couponsIn: Map<string, CouponState> | undefined;
      if (op.coupons !== undefined) {
        couponsIn = new Map();
        // Always in id order, after the account row: two sales never wait for each other's rows in a cycle.
        for (const promotion of op.coupons) {
          const empty = JSON.stringify(openCouponState(promotion));
          await exec(client, coupon.ensure, [promotion.id, empty]);
          const c = (await exec(client, coupon.lock, [promotion.id])).rows[0] as Json | undefined;
          couponsIn.set(promotion.id, (c?.["state"] ?? JSON.parse(empty)) as CouponState);
        }
      }
      const result = await runWithHistory(client, op, current, couponsIn, stock, open);
      if (result.status !== "applied") {
        if (open) await client.query("ROLLBACK");
        open = false;
        return { status: result.status, record: result.record, account: current };
      }
      const history = [op.transactionId, op.kind, op.request, JSON.stringify(result.record), result.at, callId];
      const snapshot = JSON.stringify(result.account);
      const written =
        version === null
          ? await exec(client, SQL.writeNew, [programId, op.accountKey, snapshot, ...history])
          : await exec(client, SQL.writeExisting, [programId, op.accountKey, version, snapshot, ...history]);
      if (written.rowCount !== 1) throw new StaleRow("the account row changed between the read and the write");
      for (const next of result.coupons ?? []) {
        const before = couponsIn?.get(next.programId);
        if (before === undefined || next.version === before.version) continue;
        const w = await exec(client, coupon.write, [
          next.programId,
          before.version,
          next.version,
          JSON.stringify(next),
        ]);
        if (w.rowCount !== 1) throw new StaleRow("the coupon state changed between the read and the write");
      }
      if (result.taken === true && op.stock !== undefined) {
        const took = await exec(client, SQL.takeStock, [programId, op.stock.rewardId]);
        if (took.rowCount !== 1) throw new StaleRow("the reward's stock row changed while it was locked");
      }
      if (open) {
        open = false; // from here on, a failure leaves the outcome unknown: the retry looks it up
        await client.query("COMMIT");
      }
      remember(op.accountKey, version === null ? "1" : String(BigInt(version) + 1n), result.account);
      return { status: "applied", record: result.record, account: result.account };
    } catch (err) {
      if (connectionLost(err)) progress.broken = true;
      else if (open)
        await client.query("ROLLBACK").catch(() => {
          progress.broken = true; // a connection that cannot roll back must not go back to the pool
        });
      throw err;
    }
  }

  /**
   * Runs the pure step; when it needs the points account's history (HISTORY_REQUIRED) and the
   * operation takes one, reads it from the history rows on the same connection and runs it again.
   * Outside a transaction the rows are read after the account row: when they do not end at the
   * snapshot's version a writer came in between, and the attempt runs again (StaleRow; it locks the
   * row after `lockAfterAttempts`, when the pure step's own check decides).
   */
  async function runWithHistory(
    client: PgClientLike,
    op: Operation,
    account: ProgramAccount,
    coupons: ReadonlyMap<string, CouponState> | undefined,
    stock: CatalogStock | undefined,
    locked: boolean,
  ): Promise<ReturnType<Operation["run"]>> {
    try {
      return op.run(account, coupons, stock);
    } catch (err) {
      if (op.history !== true || !(err instanceof LoyaltyError) || err.code !== "HISTORY_REQUIRED") throw err;
    }
    const history = await ledgerHistory(client, op.accountKey, account.points.accountId);
    if (!locked && history.length !== account.points.version)
      throw new StaleRow("the account's history rows changed after its row was read");
    return op.run(account, coupons, stock, history);
  }

  /**
   * The points account's ledger history records, from the account's history rows in order (the
   * store's history read, every page): the entries each checkout and refund record applied, and the
   * entry of each redeem, hold, capture and release, numbered from 1.
   */
  async function ledgerHistory(
    client: PgClientLike,
    accountKey: string,
    accountId: string,
  ): Promise<LedgerHistoryRecord[]> {
    const records: LedgerHistoryRecord[] = [];
    const page = 10_000;
    let after = "0";
    for (;;) {
      const rows = (await exec(client, SQL.history, [programId, accountKey, after, page])).rows;
      for (const row of rows) {
        const record = row["record"] as { entries?: readonly Entry[]; entry?: Entry } | null;
        const entries = row["kind"] === "checkout" || row["kind"] === "refund" ? record?.entries : [record?.entry];
        for (const entry of entries ?? [])
          if (entry !== undefined) records.push({ accountId, sequence: records.length + 1, entry });
      }
      if (rows.length < page) break;
      after = String(rows[rows.length - 1]?.["seq"]);
    }
    return records;
  }

  /**
   * The one-round-trip path: the account is in memory at the version this store last read or wrote,
   * so run the pure step on it and send the write at once — the same statement as after a read, which
   * updates only if the row still has that version and inserts the history row only then (and the
   * UNIQUE transactionId refuses a stored one). Undefined when that did not apply the operation (the
   * row moved on, the id is taken, or the step did not answer `applied` on the copy in memory): the
   * caller then reads the row and the history as usual, and decides on what is stored.
   */
  async function writeFromMemory(
    client: PgClientLike,
    op: Operation,
    callId: string,
    hit: { version: string; account: ProgramAccount },
  ): Promise<{ readonly applied: Applied } | { readonly row: Json } | undefined> {
    let result: ReturnType<Operation["run"]>;
    try {
      result = op.run(hit.account, undefined, undefined);
    } catch (err) {
      if (err instanceof LoyaltyError) return undefined; // perhaps refused on an old copy: decide on the stored one
      throw err;
    }
    if (result.status !== "applied") return undefined;
    const history = [op.transactionId, op.kind, op.request, JSON.stringify(result.record), result.at, callId];
    let row: Json;
    try {
      const r = await exec(client, SQL.writeOrRead, [
        programId,
        op.accountKey,
        hit.version,
        JSON.stringify(result.account),
        ...history,
      ]);
      row = r.rows[0] as Json;
    } catch (err) {
      if (causeOf(err) === "23505") return undefined; // the transactionId is stored: the read answers it
      throw err;
    }
    if (Number(row["written"]) !== 1) return { row }; // the row moved on: what it holds now, as read2 has it
    remember(op.accountKey, String(BigInt(hit.version) + 1n), result.account);
    return { applied: { status: "applied", record: result.record, account: result.account } };
  }

  async function apply(op: Operation): Promise<Applied> {
    let lastCause = "unknown";
    const callId = newCallId();
    for (let n = 0; n < maxAttempts; n++) {
      if (n > 0) await sleep(backoffMs(n - 1, baseDelayMs, maxDelayMs));
      const progress = { broken: false };
      try {
        const client = await pool.connect();
        try {
          // Optimistic first; after two conflicts or faults, lock the row so a hot account's writers queue.
          return await attempt(client, op, callId, progress, n >= lockAfterAttempts);
        } finally {
          client.release(progress.broken ? new Error("connection lost or not rolled back") : undefined);
        }
      } catch (err) {
        if (err instanceof LoyaltyError || !retryable(err)) throw err;
        lastCause = causeOf(err) ?? (err instanceof Error ? err.message : String(err));
        cache.delete(op.accountKey);
      }
    }
    throw loyaltyError(
      "RETRIES_EXHAUSTED",
      `${op.kind} ${JSON.stringify(op.transactionId)} did not complete after ${maxAttempts} attempts (last cause: ${lastCause}); retry it later with the same transactionId`,
      { transactionId: op.transactionId, attempts: maxAttempts, lastCause },
    );
  }

  function ledgerOperation(
    kind: "redeem" | "hold" | "capture" | "release",
    accountKeyIn: string,
    input: StoreRedeemInput | StoreHoldInput | StoreCaptureInput | StoreReleaseInput,
  ): Promise<StorePostResult> {
    const accountKey = key(accountKeyIn);
    const transactionId = txId(input);
    const entry = { ...input, kind } as EntryInput;
    return apply({
      kind,
      accountKey,
      transactionId,
      request: canonicalRequest(entry),
      open: null,
      run: (account) => {
        const r = post(account.points, entry);
        const stored = r.account.entries.find((e) => e.transactionId === transactionId);
        const record = { entry: stored };
        // Not in the history table but in the ledger: the id is taken by an entry another operation
        // posted (a checkout posts "<id>:earn", "<id>:redeem"…), not a retry of this one.
        if (r.status === "duplicate")
          throw new IdempotencyConflictError(
            transactionId,
            `transactionId ${JSON.stringify(transactionId)} is already the id of a ledger entry posted by another operation on this account; use a new transactionId`,
          );
        const next = withStoredForm({ ...account, version: account.version + 1, points: r.account });
        return { status: "applied", record, at: (stored as { at: string }).at, account: next };
      },
    }).then(
      (a) =>
        Object.freeze({
          status: a.status as "applied",
          entry: a.record["entry"],
          account: a.account,
        }) as StorePostResult,
    );
  }

  return Object.freeze({
    tables,
    async migrate(): Promise<void> {
      await withClient(async (client) => {
        await client.query("BEGIN");
        try {
          // Concurrent CREATE … IF NOT EXISTS can still collide in the catalog: serialize migrations.
          await client.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`loyalty-kit:migrate:${prefix}`]);
          await client.query(schemaSql(tables));
          await client.query(couponSchemaSql(prefix));
          await client.query("COMMIT");
        } catch (err) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw err;
        }
      });
    },

    async checkout(accountKeyIn: string, basketIn: Basket | BasketInput, opts: StoreCheckoutOptions) {
      const accountKey = key(accountKeyIn);
      const transactionId = txId(opts);
      const basket = parseBasket(basketIn);
      const { consent, ...rest } = opts;
      const next = nextOrderOf(opts);
      const code = hasCoupons ? storeCouponCode(opts) : undefined;
      // A catalog reward with a stock: the unit comes from the shared stock row, locked in the same transaction.
      const rewardId = program.kind === "catalog" ? (opts as { rewardId?: unknown } | null)?.rewardId : undefined;
      const stocked =
        program.kind === "catalog" && typeof rewardId === "string"
          ? program.rewards.find((r) => r.id === rewardId && r.stock !== undefined)
          : undefined;
      const rows = couponRows(code === undefined ? undefined : program, next?.program);
      // The request as stored for a retry: the code without a state, the next-order promotion by its id.
      const { nextOrder: _n, ...plain } = rest as typeof rest & { nextOrder?: unknown };
      const a = await apply({
        kind: "checkout",
        accountKey,
        transactionId,
        request: canonicalRequest({
          basket,
          options: {
            ...plain,
            ...(code === undefined ? {} : { coupon: { code } }),
            ...(next === undefined ? {} : { nextOrder: { program: next.program.id } }),
          },
        }),
        ...(rows === undefined ? {} : { coupons: rows }),
        open: () =>
          openProgramAccount(
            program,
            consent === undefined ? { customerId: accountKey } : { customerId: accountKey, consent },
          ),
        ...(stocked === undefined ? {} : { stock: { rewardId: stocked.id, initial: stocked.stock ?? 0 } }),
        run: (account, coupons, stock) => {
          const { nextOrder: _x, ...base } = opts as StoreCheckoutOptions & { nextOrder?: unknown };
          const state = (id: string) => coupons?.get(id) as CouponState;
          const r = checkout(program, account, basket, {
            ...base,
            ...(stock === undefined ? {} : { stock }),
            ...(code === undefined ? {} : { coupon: { code, state: state(programId) } }),
            ...(next === undefined ? {} : { nextOrder: { ...next, state: state(next.program.id) } }),
          });
          const left = (s: CatalogStock | null | undefined) =>
            s?.rewards.find((x) => x.rewardId === stocked?.id)?.remaining;
          const taken = stock !== undefined && (left(r.stock) ?? 0) < (left(stock) ?? 0);
          // Redeeming and issuing under the same promotion: the library's nextOrder state is the final one.
          const states =
            r.coupon !== undefined &&
            r.nextOrder !== undefined &&
            r.coupon.state.programId === r.nextOrder.state.programId
              ? [r.nextOrder.state]
              : [r.coupon?.state, r.nextOrder?.state].filter((x): x is CouponState => x !== undefined);
          return {
            status: r.status,
            record: withoutCouponState(withoutAccount(r)),
            at: r.at,
            account: r.account,
            taken,
            ...(states.length === 0 ? {} : { coupons: states }),
          };
        },
      });
      return Object.freeze({ ...a.record, status: a.status, account: a.account }) as StoreCheckoutResult;
    },

    async refund(
      accountKeyIn: string,
      original: { readonly transactionId: string } | string,
      opts: StoreRefundOptions,
    ) {
      const accountKey = key(accountKeyIn);
      const transactionId = txId(opts);
      const originalId = typeof original === "string" ? original : original?.transactionId;
      const next = nextOrderOf(opts);
      const rows = couponRows(hasCoupons ? program : undefined, next?.program);
      // The store passes the history itself (see runWithHistory): a caller's is not part of the request.
      const {
        nextOrder: _n,
        history: _h,
        ...plain
      } = opts as StoreRefundOptions & { nextOrder?: unknown; history?: unknown };
      const a = await apply({
        kind: "refund",
        accountKey,
        transactionId,
        request: canonicalRequest({
          original: originalId ?? null,
          options: next === undefined ? plain : { ...plain, nextOrder: { program: next.program.id } },
        }),
        open: null,
        ...(rows === undefined ? {} : { coupons: rows }),
        history: true,
        run: (account, coupons, _stock, history) => {
          const state = (id: string) => coupons?.get(id) as CouponState;
          // The sale's coupon use goes back when the refund completes it (the rule of returnCoupon);
          // its next-order code is voided while unused when the refund takes it below the minimum spend.
          const r = refund(program, account, original, {
            ...plain,
            ...(history === undefined ? {} : { history }),
            ...(hasCoupons ? { coupon: { state: state(programId) } } : {}),
            ...(next === undefined ? {} : { nextOrder: { program: next.program, state: state(next.program.id) } }),
          });
          const states = coupons === undefined ? [] : nextStates(coupons, r.coupon?.state, r.nextOrder?.state);
          return {
            status: r.status,
            record: withoutCouponState(withoutAccount(r)),
            at: r.at,
            account: r.account,
            ...(states.length === 0 ? {} : { coupons: states }),
          };
        },
      });
      return Object.freeze({ ...a.record, status: a.status, account: a.account }) as StoreRefundResult;
    },

    async stock(): Promise<CatalogStock> {
      const rows = await withClient((client) => exec(client, SQL.readStock, [programId]));
      const stored = new Map(rows.rows.map((r) => [String(r["reward_id"]), Number(r["remaining"])]));
      const rewards = program.kind === "catalog" ? program.rewards.filter((r) => r.stock !== undefined) : [];
      const stock: CatalogStock = {
        programId,
        rewards: rewards.map((r) => ({ rewardId: r.id, remaining: stored.get(r.id) ?? r.stock ?? 0 })),
        applied: [],
      };
      return deepFreeze(stock);
    },

    async setStock(rewardIdIn: string, remaining: number): Promise<void> {
      const reward =
        program.kind === "catalog"
          ? program.rewards.find((r) => r.id === rewardIdIn && r.stock !== undefined)
          : undefined;
      if (reward === undefined)
        throw new LoyaltyValidationError([
          {
            path: ["rewardId"],
            message: `expected the id of a catalog reward with a stock in program ${JSON.stringify(programId)}, got ${JSON.stringify(rewardIdIn) ?? String(rewardIdIn)}`,
          },
        ]);
      const units = positiveInt(remaining ?? -1, "remaining", 0, 2_147_483_647);
      await withClient((client) => exec(client, SQL.setStock, [programId, reward.id, units]));
    },

    redeem: (accountKey: string, input: StoreRedeemInput) => ledgerOperation("redeem", accountKey, input),
    hold: (accountKey: string, input: StoreHoldInput) => ledgerOperation("hold", accountKey, input),
    capture: (accountKey: string, input: StoreCaptureInput) => ledgerOperation("capture", accountKey, input),
    release: (accountKey: string, input: StoreReleaseInput) => ledgerOperation("release", accountKey, input),

    async balance(accountKeyIn: string, opts: { readonly at: string | Date }): Promise<string> {
      const accountKey = key(accountKeyIn);
      const account = await withClient((client) => loadAccount(client, accountKey));
      if (account === null)
        throw loyaltyError(
          "NOT_FOUND",
          `no account ${JSON.stringify(accountKey)} in program ${JSON.stringify(programId)}`,
          {
            accountKey,
          },
        );
      return ledgerBalance(account.points, opts);
    },

    async account(accountKeyIn: string): Promise<ProgramAccount | null> {
      const accountKey = key(accountKeyIn);
      return withClient((client) => loadAccount(client, accountKey));
    },

    async history(accountKeyIn: string, opts: { readonly afterSeq?: string; readonly limit?: number } = {}) {
      const accountKey = key(accountKeyIn);
      const o = opts ?? {};
      const limit = Math.max(1, positiveInt(o.limit, "limit", 1000, 100_000));
      const after = o.afterSeq ?? "0";
      if (typeof after !== "string" || !/^\d{1,19}$/.test(after))
        throw new LoyaltyValidationError([
          {
            path: ["afterSeq"],
            message: `expected a seq from an earlier history row (digits), got ${JSON.stringify(after)}`,
          },
        ]);
      const rows = await withClient((client) => exec(client, SQL.history, [programId, accountKey, after, limit]));
      return Object.freeze(
        rows.rows.map((r) =>
          Object.freeze({
            seq: String(r["seq"]),
            transactionId: String(r["transaction_id"]),
            kind: r["kind"] as Kind,
            at: new Date(r["at"] as string | Date).toISOString(),
            record: r["record"] as HistoryRow["record"],
          }),
        ),
      );
    },
  });
}

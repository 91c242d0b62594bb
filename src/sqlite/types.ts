import type { ProgramAccount } from "../programs/account.js";
import type { Basket, BasketInput } from "../programs/basket.js";
import type { Program } from "../programs/program.js";
// The till takes and returns the central store's own operation types (imported, not declared again),
// so this list names the same types as the store's imports and exports.
import type {
  StoreCaptureInput,
  StoreCheckoutOptions,
  StoreCheckoutResult,
  StoreHoldInput,
  StorePostResult,
  StoreRedeemInput,
  StoreRefundOptions,
  StoreRefundResult,
  StoreReleaseInput,
} from "../postgres/types.js";

/**
 * Options of the till's checkout: those of the central store's, without `nextOrder` — a code
 * issued offline could not be checked against the codes other tills issued meanwhile, so the till
 * refuses it (issue next-order coupons through the central store).
 *
 * @example
 * ```ts
 * import type { TillCheckoutOptions } from "loyalty-kit/sqlite";
 * const options: TillCheckoutOptions = { transactionId: "till-3:0042", consent: true };
 * console.log(options.transactionId); // till-3:0042
 * ```
 * @category sqlite
 */
export type TillCheckoutOptions = Omit<StoreCheckoutOptions, "nextOrder">;

/**
 * Options of the till's refund: those of the central store's, without `nextOrder` (see {@link TillCheckoutOptions}).
 *
 * @example
 * ```ts
 * import type { TillRefundOptions } from "loyalty-kit/sqlite";
 * const options: TillRefundOptions = { at: "2026-03-02T10:00:00Z", transactionId: "till-3:0043" };
 * console.log(options.transactionId); // till-3:0043
 * ```
 * @category sqlite
 */
export type TillRefundOptions = Omit<StoreRefundOptions, "nextOrder">;

/**
 * One prepared statement: the part of `better-sqlite3`'s `Statement` the till uses.
 *
 * @example
 * ```ts
 * import type { SqliteStatementLike } from "loyalty-kit/sqlite";
 * const s: SqliteStatementLike = { run: () => ({ changes: 0 }), get: () => undefined, all: () => [] };
 * console.log(s.all().length); // 0
 * ```
 * @category sqlite
 */
export interface SqliteStatementLike {
  run(...params: unknown[]): { readonly changes: number };
  get(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
}

/**
 * A SQLite database: the part of `better-sqlite3`'s `Database` the till uses (the till never imports the driver).
 *
 * @example
 * ```ts
 * import type { SqliteDatabaseLike } from "loyalty-kit/sqlite";
 * const open = (db: SqliteDatabaseLike) => db.exec("SELECT 1");
 * console.log(typeof open); // function
 * ```
 * @category sqlite
 */
export interface SqliteDatabaseLike {
  prepare(sql: string): SqliteStatementLike;
  exec(sql: string): unknown;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
}

/**
 * Options of {@link createSqliteTill}.
 *
 * @example
 * ```ts
 * import type { SqliteTillOptions } from "loyalty-kit/sqlite";
 * const options: Omit<SqliteTillOptions, "program"> = { tillId: "store-7-till-2", tablePrefix: "till_" };
 * console.log(options.tillId); // store-7-till-2
 * ```
 * @category sqlite
 */
export interface SqliteTillOptions {
  /** The program every account of this till belongs to (from `parseProgram`). */
  readonly program: Program;
  /** This till's id, sent with every batch (1 to 200 characters). */
  readonly tillId: string;
  /** Prefix of the till's two tables, `<prefix>accounts` and `<prefix>outbox`; default `"loyalty_till_"`. */
  readonly tablePrefix?: string;
}

/** The operations a till queues. */
export type SyncKind = "checkout" | "refund" | "redeem" | "hold" | "capture" | "release";

/**
 * One queued operation as it travels to the central store: what the till was asked, replayable as is.
 *
 * @example
 * ```ts
 * import type { SyncOperation } from "loyalty-kit/sqlite";
 * const op: SyncOperation = { seq: 1, kind: "redeem", accountKey: "c1", transactionId: "r1",
 *   input: { transactionId: "r1", at: "2026-03-01T10:00:00Z", points: "5" } };
 * console.log(op.kind); // redeem
 * ```
 * @category sqlite
 */
export type SyncOperation =
  | {
      readonly seq: number;
      readonly kind: "checkout";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: { readonly basket: Basket | BasketInput; readonly options: TillCheckoutOptions };
    }
  | {
      readonly seq: number;
      readonly kind: "refund";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: { readonly original: string; readonly options: TillRefundOptions };
    }
  | {
      readonly seq: number;
      readonly kind: "redeem";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: StoreRedeemInput;
    }
  | {
      readonly seq: number;
      readonly kind: "hold";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: StoreHoldInput;
    }
  | {
      readonly seq: number;
      readonly kind: "capture";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: StoreCaptureInput;
    }
  | {
      readonly seq: number;
      readonly kind: "release";
      readonly accountKey: string;
      readonly transactionId: string;
      readonly input: StoreReleaseInput;
    };

/**
 * A message from a till to the central store: its queued operations, oldest first, and the accounts
 * whose authoritative snapshot it wants.
 *
 * @example
 * ```ts
 * import type { SyncBatch } from "loyalty-kit/sqlite";
 * const batch: SyncBatch = { tillId: "till-1", operations: [], refresh: ["c1"] };
 * console.log(batch.refresh.length); // 1
 * ```
 * @category sqlite
 */
export interface SyncBatch {
  readonly tillId: string;
  readonly operations: readonly SyncOperation[];
  readonly refresh: readonly string[];
}

/**
 * What the central store did with one queued operation: `applied`, `duplicate` (applied before:
 * a resent batch) or `refused` with the library's error code and message (the till shows it).
 *
 * @example
 * ```ts
 * import type { SyncOutcome } from "loyalty-kit/sqlite";
 * const o: SyncOutcome = { transactionId: "r1", outcome: "refused", error: { code: "INSUFFICIENT_POINTS", message: "…" } };
 * console.log(o.outcome); // refused
 * ```
 * @category sqlite
 */
export interface SyncOutcome {
  readonly transactionId: string;
  readonly outcome: "applied" | "duplicate" | "refused";
  readonly error?: { readonly code: string; readonly message: string };
}

/**
 * The central store's answer to a {@link SyncBatch}: an outcome per operation it got to (in order;
 * it stops early on a transient failure) and the authoritative snapshot of every account involved.
 *
 * @example
 * ```ts
 * import type { SyncReply } from "loyalty-kit/sqlite";
 * const reply: SyncReply = { tillId: "till-1", outcomes: [], accounts: [] };
 * console.log(reply.outcomes.length); // 0
 * ```
 * @category sqlite
 */
export interface SyncReply {
  readonly tillId: string;
  readonly outcomes: readonly SyncOutcome[];
  readonly accounts: readonly { readonly accountKey: string; readonly account: unknown }[];
}

/**
 * A queued operation the central store refused: show it to the cashier (its effect is gone from
 * the till's copy of the account).
 *
 * @example
 * ```ts
 * import type { SyncConflict } from "loyalty-kit/sqlite";
 * const show = (c: SyncConflict) => `${c.kind} ${c.transactionId}: ${c.code} ${c.message}`;
 * console.log(typeof show); // function
 * ```
 * @category sqlite
 */
export interface SyncConflict {
  readonly seq: number;
  readonly kind: SyncKind;
  readonly accountKey: string;
  readonly transactionId: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The central side of the sync: what {@link createSyncHandler} needs of a store. A `PostgresStore`
 * from `loyalty-kit/postgres` fits.
 *
 * @example
 * ```ts
 * import type { CentralStoreLike } from "loyalty-kit/sqlite";
 * const names = (s: CentralStoreLike) => typeof s.checkout;
 * console.log(typeof names); // function
 * ```
 * @category sqlite
 */
export interface CentralStoreLike {
  checkout(
    accountKey: string,
    basket: Basket | BasketInput,
    options: TillCheckoutOptions,
  ): Promise<{ readonly status: string }>;
  refund(accountKey: string, original: string, options: TillRefundOptions): Promise<{ readonly status: string }>;
  redeem(accountKey: string, input: StoreRedeemInput): Promise<{ readonly status: string }>;
  /** Needed only for the holds a till queues (a `PostgresStore` has it); without it they are refused. */
  hold?(accountKey: string, input: StoreHoldInput): Promise<{ readonly status: string }>;
  capture?(accountKey: string, input: StoreCaptureInput): Promise<{ readonly status: string }>;
  release?(accountKey: string, input: StoreReleaseInput): Promise<{ readonly status: string }>;
  account(accountKey: string): Promise<ProgramAccount | null>;
}

/**
 * An offline till on SQLite (see {@link createSqliteTill}). Every method is synchronous, like the driver.
 *
 * @example
 * ```ts
 * import type { SqliteTill } from "loyalty-kit/sqlite";
 * const waiting = (till: SqliteTill) => till.pending().length;
 * console.log(typeof waiting); // function
 * ```
 * @category sqlite
 */
export interface SqliteTill {
  readonly tables: { readonly accounts: string; readonly outbox: string };
  /** Creates the two tables if they do not exist. */
  migrate(): void;
  /** Sells on the till's copy of the account (opened on first use) and queues the sale. */
  checkout(accountKey: string, basket: Basket | BasketInput, options: TillCheckoutOptions): StoreCheckoutResult;
  /** Refunds lines of an earlier checkout on the till's copy and queues the refund. */
  refund(accountKey: string, original: string, options: TillRefundOptions): StoreRefundResult;
  /** Redeems points on the till's copy and queues the redemption. */
  redeem(accountKey: string, input: StoreRedeemInput): StorePostResult;
  /** Reserves points on the till's copy (a two-phase redemption) and queues the hold. */
  hold(accountKey: string, input: StoreHoldInput): StorePostResult;
  /** Turns a hold on the till's copy into a redemption and queues the capture. */
  capture(accountKey: string, input: StoreCaptureInput): StorePostResult;
  /** Gives a hold's points back on the till's copy and queues the release. */
  release(accountKey: string, input: StoreReleaseInput): StorePostResult;
  /** The points balance on the till's copy (the central snapshot with the queued operations on top). */
  balance(accountKey: string, options: { readonly at: string | Date }): string;
  /** The till's copy of the account, or null when the till has never seen it. */
  account(accountKey: string): ProgramAccount | null;
  /** Stores an authoritative snapshot the till got some other way (e.g. a lookup while online). */
  learn(accountKey: string, account: unknown): void;
  /** Queued operations not yet confirmed by the central store, oldest first. */
  pending(): readonly SyncOperation[];
  /** Operations the central store refused, oldest first. */
  conflicts(): readonly SyncConflict[];
  /** The message to send: the queued operations (oldest first, at most `limit`, default 500) and `refresh` keys. */
  batch(options?: { readonly limit?: number; readonly refresh?: readonly string[] }): SyncBatch;
  /** Applies a reply (any order, any number of times): confirms or marks refused, rebases the copies. */
  receive(reply: SyncReply): { readonly confirmed: number; readonly refused: number };
}

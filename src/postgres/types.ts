import type { Basket, BasketInput } from "../programs/basket.js";
import type { CatalogStock, ProgramAccount } from "../programs/account.js";
import type { CheckoutOptions, RefundOptions } from "../programs/options.js";
import type { Program } from "../programs/program.js";
import type { CheckoutRecord, RefundRecord } from "../programs/result.js";
import type { Entry, JsonValue } from "../ledger/schemas.js";
import type {
  CheckoutCoupon,
  NextOrderCoupon,
  RefundCoupon,
  RefundNextOrder,
} from "../programs/promotions/couponState.js";

/**
 * What a query returns, as the `pg` driver's `QueryResult` has it (only the fields the store reads).
 *
 * @example
 * ```ts
 * import type { PgQueryResult } from "loyalty-kit/postgres";
 * const r: PgQueryResult = { rows: [{ version: "1" }], rowCount: 1 };
 * console.log(r.rowCount); // 1
 * ```
 * @category postgres
 */
export interface PgQueryResult {
  readonly rows: readonly Record<string, unknown>[];
  readonly rowCount: number | null;
}

/**
 * One connection checked out of a pool: the part of the `pg` driver's `PoolClient` the store uses.
 * `release(err)` with an error destroys the connection instead of returning it to the pool.
 *
 * @example
 * ```ts
 * import type { PgClientLike } from "loyalty-kit/postgres";
 * const fake: PgClientLike = { query: async () => ({ rows: [], rowCount: 0 }), release: () => {} };
 * console.log(typeof fake.query); // function
 * ```
 * @category postgres
 */
export interface PgClientLike {
  /**
   * Runs a statement: SQL text with its parameters, or (the store's own statements, unless the
   * store's `preparedStatements` is false) a named prepared statement `{ name, text, values }` as
   * the `pg` driver takes it.
   */
  query(
    text: string | { readonly name: string; readonly text: string; readonly values: unknown[] },
    values?: unknown[],
  ): Promise<PgQueryResult>;
  release(err?: Error | boolean): void;
}

/**
 * A connection pool: the `pg` driver's `Pool` fits (the store never imports the driver itself).
 *
 * @example
 * ```ts
 * import type { PgPoolLike } from "loyalty-kit/postgres";
 * const pool: PgPoolLike = { connect: async () => ({ query: async () => ({ rows: [], rowCount: 0 }), release: () => {} }) };
 * console.log(typeof pool.connect); // function
 * ```
 * @category postgres
 */
export interface PgPoolLike {
  connect(): Promise<PgClientLike>;
}

/**
 * Options of {@link createPostgresStore}.
 *
 * @example
 * ```ts
 * import type { PostgresStoreOptions } from "loyalty-kit/postgres";
 * const options: Omit<PostgresStoreOptions, "program"> = { tablePrefix: "shop1_loyalty_", maxAttempts: 10 };
 * console.log(options.maxAttempts); // 10
 * ```
 * @category postgres
 */
export interface PostgresStoreOptions {
  /** The program every account of this store belongs to (from `parseProgram`). */
  readonly program: Program;
  /** Prefix of the tables: `<prefix>accounts`, `<prefix>history` and `<prefix>stock`; default `"loyalty_"`. Lower-case letters, digits and `_`, at most 40 characters. */
  readonly tablePrefix?: string;
  /** Attempts per operation before RETRIES_EXHAUSTED (conflicts, deadlocks, timeouts, lost connections); default 8, at most 100. */
  readonly maxAttempts?: number;
  /** First back-off ceiling in milliseconds; doubles per attempt ("full jitter": a random wait below it); default 5. */
  readonly baseDelayMs?: number;
  /** Largest back-off ceiling in milliseconds; default 250. */
  readonly maxDelayMs?: number;
  /** Optimistic attempts (plain read, then a write that checks the version) before an attempt locks the row with `SELECT … FOR UPDATE`; default 2; 0 locks from the first attempt (many tills on one account). */
  readonly lockAfterAttempts?: number;
  /** Accounts kept parsed in memory (by version) so a write does not re-read and re-check an unchanged snapshot; default 10,000; 0 turns it off. */
  readonly cacheSize?: number;
  /**
   * Send the store's statements as named prepared statements (parsed and planned once per
   * connection; the driver then sends only the parameters); default true. Turn off for a pool whose
   * `query` takes only SQL text, or behind a pooler that does not keep prepared statements.
   */
  readonly preparedStatements?: boolean;
}

/**
 * What the store's checkout returns: the checkout record, `status` (`applied`, `duplicate` for a
 * retried transactionId — answered from the history table, however old — or `inactive`) and the
 * account as stored after it.
 *
 * @example
 * ```ts
 * import type { StoreCheckoutResult } from "loyalty-kit/postgres";
 * const describe = (r: StoreCheckoutResult) => `${r.status}: +${r.pointsEarned}`;
 * console.log(typeof describe); // function
 * ```
 * @category postgres
 */
export type StoreCheckoutResult = CheckoutRecord & {
  readonly status: "applied" | "duplicate" | "inactive";
  readonly account: ProgramAccount;
  /** A promotion with coupon codes, when `coupon.code` was given: the use taken (the store keeps the coupon state). */
  readonly coupon?: Omit<CheckoutCoupon, "state">;
  /** When `nextOrder` was given: the next-order code issued (or why not); the store keeps the coupon state. */
  readonly nextOrder?: Omit<NextOrderCoupon, "state">;
};

/**
 * What the store's refund returns: the refund record, `status` and the account as stored after it.
 *
 * @example
 * ```ts
 * import type { StoreRefundResult } from "loyalty-kit/postgres";
 * const describe = (r: StoreRefundResult) => `${r.status}: ${r.moneyBack.amount} back`;
 * console.log(typeof describe); // function
 * ```
 * @category postgres
 */
export type StoreRefundResult = RefundRecord & {
  readonly status: "applied" | "duplicate";
  readonly account: ProgramAccount;
  /** A promotion with coupon codes: whether the sale's coupon use went back (the store keeps the coupon state). */
  readonly coupon?: Omit<RefundCoupon, "state">;
  /** When `nextOrder` was given: whether the sale's next-order code was voided; the store keeps the coupon state. */
  readonly nextOrder?: Omit<RefundNextOrder, "state">;
};

/**
 * What the store's redeem, hold, capture and release return: the ledger entry as stored, `status`
 * and the account as stored after it.
 *
 * @example
 * ```ts
 * import type { StorePostResult } from "loyalty-kit/postgres";
 * const describe = (r: StorePostResult) => `${r.status} ${r.entry.kind}`;
 * console.log(typeof describe); // function
 * ```
 * @category postgres
 */
export interface StorePostResult {
  readonly status: "applied" | "duplicate";
  readonly entry: Entry;
  readonly account: ProgramAccount;
}

/**
 * One row of an account's history, oldest first: what an operation returned (`record`: the checkout
 * or refund record, or `{ entry }` for a ledger operation), under its transactionId and kind.
 *
 * @example
 * ```ts
 * import type { HistoryRow } from "loyalty-kit/postgres";
 * const row: HistoryRow = { seq: "1", transactionId: "sale-1", kind: "checkout", at: "2026-03-01T10:00:00.000Z", record: {} };
 * console.log(row.kind); // checkout
 * ```
 * @category postgres
 */
export interface HistoryRow {
  /** The row's position in the store (a bigint as a decimal string): later rows of an account have larger values. */
  readonly seq: string;
  readonly transactionId: string;
  readonly kind: "checkout" | "refund" | "redeem" | "hold" | "capture" | "release";
  readonly at: string;
  readonly record: JsonValue;
}

/**
 * Options of the store's checkout: those of `checkout` without `expectedVersion` (the store orders
 * writers itself); for a promotion with coupon codes the store keeps the coupon state, so
 * `coupon.state` is not needed (and ignored). `nextOrder: { program }` issues a next-order coupon
 * of that promotion; the store keeps its coupon state too (in the same transaction as the sale).
 */
export type StoreCheckoutOptions = Omit<CheckoutOptions, "expectedVersion" | "stock" | "nextOrder"> & {
  readonly nextOrder?: {
    readonly program: Program;
    readonly randomBytes?: (bytes: Uint8Array) => Uint8Array;
  };
};
/**
 * Options of the store's refund: those of `refund` without `expectedVersion` and `coupon` (the store
 * keeps the coupon state) and `history` (the store reads the points account's history from its
 * history rows when the refund needs it); `nextOrder: { program }` voids the next-order coupon the
 * sale issued while it is unused, when the refund takes the sale below the issue rule's minimum spend.
 */
export type StoreRefundOptions = Omit<RefundOptions, "expectedVersion" | "coupon" | "nextOrder" | "history"> & {
  readonly nextOrder?: { readonly program: Program };
};
/** A redeem as the store takes it. */
export interface StoreRedeemInput {
  readonly transactionId: string;
  readonly at: string | Date;
  readonly points: string;
  readonly meta?: JsonValue;
}
/** A hold as the store takes it. */
export interface StoreHoldInput extends StoreRedeemInput {
  readonly timeoutAt?: string | Date;
}
/** A capture as the store takes it. */
export interface StoreCaptureInput {
  readonly transactionId: string;
  readonly at: string | Date;
  readonly holdId: string;
  readonly points?: string;
  readonly meta?: JsonValue;
}
/** A release as the store takes it. */
export interface StoreReleaseInput {
  readonly transactionId: string;
  readonly at: string | Date;
  readonly holdId: string;
  readonly meta?: JsonValue;
}

/**
 * A PostgreSQL store of one program's accounts (see {@link createPostgresStore}).
 *
 * @example
 * ```ts
 * import type { PostgresStore } from "loyalty-kit/postgres";
 * const points = async (store: PostgresStore, customer: string) => store.balance(customer, { at: new Date() });
 * console.log(typeof points); // function
 * ```
 * @category postgres
 */
export interface PostgresStore {
  /** The table names, as created by `migrate` (`stock` holds a catalog program's rewards left). */
  readonly tables: { readonly accounts: string; readonly history: string; readonly stock: string };
  /** Creates the tables and the index if they do not exist (safe to run from many processes at once). */
  migrate(): Promise<void>;
  /** Checks a basket out on the account `accountKey` (opened on first use as the customer `accountKey`). */
  checkout(
    accountKey: string,
    basket: Basket | BasketInput,
    options: StoreCheckoutOptions,
  ): Promise<StoreCheckoutResult>;
  /** Refunds lines of an earlier checkout of the account. */
  refund(
    accountKey: string,
    original: { readonly transactionId: string } | string,
    options: StoreRefundOptions,
  ): Promise<StoreRefundResult>;
  /**
   * A catalog program's stock as stored: every reward with a `stock`, with the units left (the
   * program's initial stock until the first redemption or `setStock`); no rewards for other kinds.
   */
  stock(): Promise<CatalogStock>;
  /** Sets the units left of a catalog reward with a stock (after a delivery or a count); VALIDATION otherwise. */
  setStock(rewardId: string, remaining: number): Promise<void>;
  /** Redeems points outside a checkout. */
  redeem(accountKey: string, input: StoreRedeemInput): Promise<StorePostResult>;
  /** Reserves points for a two-phase redemption. */
  hold(accountKey: string, input: StoreHoldInput): Promise<StorePostResult>;
  /** Turns a hold into a redemption. */
  capture(accountKey: string, input: StoreCaptureInput): Promise<StorePostResult>;
  /** Gives a hold's points back. */
  release(accountKey: string, input: StoreReleaseInput): Promise<StorePostResult>;
  /** The account's points balance at `at` (a decimal string); NOT_FOUND for an unknown account. */
  balance(accountKey: string, options: { readonly at: string | Date }): Promise<string>;
  /** The stored account, or null when it was never written. */
  account(accountKey: string): Promise<ProgramAccount | null>;
  /** The account's history rows, oldest first, after `afterSeq` (default from the start), at most `limit` (default 1,000). */
  history(
    accountKey: string,
    options?: { readonly afterSeq?: string; readonly limit?: number },
  ): Promise<readonly HistoryRow[]>;
}

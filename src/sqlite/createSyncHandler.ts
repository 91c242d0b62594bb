import { LoyaltyError, LoyaltyValidationError } from "../errors/errors.js";
import type { CentralStoreLike, SyncBatch, SyncOperation, SyncOutcome, SyncReply } from "./types.js";

/**
 * Where the central side remembers the operations it refused, so a stale copy of a batch that
 * arrives later (a duplicated or delayed message) is refused again instead of being applied after
 * the till was told it was refused.
 *
 * @example
 * ```ts
 * import type { SyncRefusalLog } from "loyalty-kit/sqlite";
 * const seen = new Map();
 * const log: SyncRefusalLog = { get: async (id) => seen.get(id), set: async (id, e) => { seen.set(id, e); } };
 * console.log(typeof log.get); // function
 * ```
 * @category sqlite
 */
export interface SyncRefusalLog {
  get(transactionId: string): Promise<{ readonly code: string; readonly message: string } | undefined>;
  set(transactionId: string, error: { readonly code: string; readonly message: string }): Promise<void>;
}

/**
 * The central side of the offline-till sync: answers a till's {@link SyncBatch} by applying its
 * queued operations IN ORDER on the central store (a `PostgresStore`), each exactly once per
 * transactionId — a resent batch is answered `duplicate` from the store's history table — and
 * replying with the outcome of each and the authoritative snapshot of every account involved.
 *
 * A refusal of the library (INSUFFICIENT_POINTS when the points were spent at another till
 * meanwhile, VALIDATION, IDEMPOTENCY_CONFLICT…) is the operation's outcome, `refused`, and is kept
 * in the refusal log, so the same transactionId arriving again in a stale message is refused again.
 * A transient failure (RETRIES_EXHAUSTED, a lost connection) stops the batch there: the reply
 * carries the outcomes so far and the till sends the rest again later.
 *
 * The default refusal log is in memory: it forgets on restart and is not shared between central
 * processes; pass `createPostgresRefusalLog(pool, { programId })` to keep them in the database.
 *
 * @param store - the central store (`createPostgresStore(pool, { program })` fits)
 * @param options - `refusals`: where refusals are remembered (default: in memory)
 * @returns `handle(batch)`, to call with each message a till sends
 * @throws {LoyaltyValidationError} when the store is not a store
 * @category sqlite
 * @example
 * ```ts
 * import { createSyncHandler } from "loyalty-kit/sqlite";
 * const store = { checkout: async () => ({ status: "applied" }), refund: async () => ({ status: "applied" }),
 *   redeem: async () => ({ status: "applied" }), account: async () => null };
 * const handler = createSyncHandler(store);
 * const reply = await handler.handle({ tillId: "till-1", operations: [], refresh: [] });
 * console.log(reply.tillId, reply.outcomes.length); // till-1 0
 * ```
 */
export function createSyncHandler(
  store: CentralStoreLike,
  options: { readonly refusals?: SyncRefusalLog } = {},
): { handle(batch: SyncBatch): Promise<SyncReply> } {
  if (
    typeof store !== "object" ||
    store === null ||
    typeof store.checkout !== "function" ||
    typeof store.account !== "function"
  )
    throw new LoyaltyValidationError([
      {
        path: ["store"],
        message: "expected a central store with checkout/refund/redeem/account, such as createPostgresStore(...)",
      },
    ]);
  const memory = new Map<string, { code: string; message: string }>();
  const refusals: SyncRefusalLog = options?.refusals ?? {
    get: async (id) => memory.get(id),
    set: async (id, error) => {
      memory.set(id, { code: error.code, message: error.message });
    },
  };
  /** The central store's operation for a queued one (a store without holds refuses them, typed). */
  function send(op: SyncOperation): Promise<{ readonly status: string }> {
    switch (op.kind) {
      case "checkout":
        return store.checkout(op.accountKey, op.input.basket, op.input.options);
      case "refund":
        return store.refund(op.accountKey, op.input.original, op.input.options);
      case "redeem":
        return store.redeem(op.accountKey, op.input);
      default: {
        const method = store[op.kind] as ((key: string, input: unknown) => Promise<{ status: string }>) | undefined;
        if (typeof method !== "function")
          return Promise.reject(
            new LoyaltyValidationError([
              {
                path: ["store", op.kind],
                message: `the central store has no ${op.kind}(); use a store with holds (createPostgresStore) to sync a till's holds`,
              },
            ]),
          );
        return method.call(store, op.accountKey, op.input);
      }
    }
  }

  return Object.freeze({
    async handle(batch: SyncBatch): Promise<SyncReply> {
      if (typeof batch !== "object" || batch === null || !Array.isArray(batch.operations))
        throw new LoyaltyValidationError([
          { path: ["batch"], message: "expected a sync batch { tillId, operations, refresh } from till.batch()" },
        ]);
      const outcomes: SyncOutcome[] = [];
      const keys = new Set<string>(Array.isArray(batch.refresh) ? batch.refresh.map(String) : []);
      for (const op of batch.operations) {
        keys.add(op.accountKey);
        const known = await refusals.get(op.transactionId);
        if (known !== undefined) {
          outcomes.push({ transactionId: op.transactionId, outcome: "refused", error: known });
          continue;
        }
        try {
          const r = await send(op);
          outcomes.push({
            transactionId: op.transactionId,
            outcome: r.status === "duplicate" ? "duplicate" : "applied",
          });
        } catch (err) {
          if (!(err instanceof LoyaltyError) || err.code === "RETRIES_EXHAUSTED") break;
          const error = { code: err.code, message: err.message };
          await refusals.set(op.transactionId, error);
          outcomes.push({ transactionId: op.transactionId, outcome: "refused", error });
        }
      }
      const accounts: { accountKey: string; account: unknown }[] = [];
      for (const accountKey of keys) {
        try {
          const account = await store.account(accountKey);
          if (account !== null) accounts.push({ accountKey, account });
        } catch (err) {
          if (!(err instanceof LoyaltyError) || err.code === "RETRIES_EXHAUSTED") break;
        }
      }
      return Object.freeze({ tillId: String(batch.tillId), outcomes, accounts });
    },
  });
}

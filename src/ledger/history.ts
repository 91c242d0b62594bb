// The ledger's history form: one JSON record per applied entry, for the caller's own append-only
// store. Every operation returns the records it created; replayAccount and statement read them back.
import * as z from "zod/mini";
import { EntrySchema } from "./schemas.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * Schema (zod/mini) of a {@link LedgerHistoryRecord}.
 *
 * @example
 * ```ts
 * import { LedgerHistoryRecordSchema } from "loyalty-kit/schemas";
 * const row = { accountId: "a", sequence: 1, entry: { kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00.000Z", points: "80" } };
 * console.log(LedgerHistoryRecordSchema.safeParse(row).success); // true
 * ```
 * @category ledger
 */
export const LedgerHistoryRecordSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: z.string().check(z.minLength(1), z.maxLength(256)),
    sequence: z.int().check(z.minimum(1)),
    entry: EntrySchema,
  }))();

/**
 * One applied ledger entry as the history stores it: the account, the entry's position in the
 * account's full history (`sequence`, 1 for the first entry; after it the account's `version` is
 * `sequence`), and the entry in stored form. Append these to a table or log as {@link post},
 * {@link postMany} and {@link sweepExpired} return them. Two unique keys make the store safe:
 * `(accountId, sequence)` (no gap, no second writer) and `(accountId, entry.transactionId)`
 * (idempotency beyond the snapshot's `retainDays` window).
 *
 * @example
 * ```ts
 * import { openAccount, post, type LedgerHistoryRecord } from "loyalty-kit";
 * const r = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00Z", points: "80" });
 * const rows: readonly LedgerHistoryRecord[] = r.history;
 * console.log(rows.map((h) => `${h.accountId} #${h.sequence} ${h.entry.kind} ${h.entry.transactionId}`)); // [ 'a #1 earn t1' ]
 * ```
 * @category ledger
 */
export type LedgerHistoryRecord = z.output<typeof LedgerHistoryRecordSchema>;

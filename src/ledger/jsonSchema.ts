import * as z from "zod/mini";
import { InstantSchema } from "../_lib/validation.js";
import { EntrySchema } from "./schemas.js";
import { InMemoryAccountSchema, StoredAccountSchema } from "./_lib/storedSchema.js";
import { LedgerHistoryRecordSchema } from "./history.js";

function toJsonSchema(schema: z.core.$ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      // Instants are strings on the wire (a Date is a TypeScript convenience JSON cannot carry).
      if (ctx.zodSchema === InstantSchema) {
        for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
        Object.assign(ctx.jsonSchema, {
          type: "string",
          format: "date-time",
          description: "ISO-8601 instant with an offset, e.g. 2026-01-31T10:00:00Z",
        });
      }
    },
  }) as Record<string, unknown>;
}

/**
 * JSON Schema (draft 2020-12) of one ledger entry, for a till or another system that posts entries
 * and wants to validate them before sending.
 *
 * The schema states the shape (kinds, fields, decimal-string patterns, instants as `date-time`
 * strings); the rules that need the account — scale, time order, enough points — are checked when
 * posting.
 *
 * @returns A fresh JSON Schema object.
 * @category ledger
 * @example
 * ```ts
 * import { entryJsonSchema } from "loyalty-kit";
 * const schema = entryJsonSchema();
 * console.log(Array.isArray(schema.oneOf), JSON.stringify(schema).includes('"date-time"')); // true true
 * ```
 */
export function entryJsonSchema(): Record<string, unknown> {
  return toJsonSchema(EntrySchema);
}

/**
 * JSON Schema (draft 2020-12) of an account snapshot as stored: `anyOf` the stored form that
 * `JSON.stringify` writes (`form: "compact-1"`: entries as `[kind, transactionId, at, points?,
 * fields?]` tuples with instants in epoch milliseconds, lots as `[lotId, remaining, consumed,
 * expired, reversed, clawedBack]` with trailing "0"s left out when their entry holds the rest, debits
 * as `[transactionId, [[lotId, points], …], deficit?, reversed?]`) and the in-memory form (objects,
 * as a structured clone of a snapshot or a snapshot written by the previous release keeps it).
 *
 * The schema checks the shape only; {@link parseAccount} also checks that the lots, holds and debits
 * are what the entries produce.
 *
 * @returns A fresh JSON Schema object.
 * @category ledger
 * @example
 * ```ts
 * import { accountJsonSchema } from "loyalty-kit";
 * const forms = accountJsonSchema().anyOf as { required: string[] }[];
 * console.log(forms.map((f) => f.required.includes("form"))); // [ true, false ]
 * ```
 */
export function accountJsonSchema(): Record<string, unknown> {
  return toJsonSchema(z.union([StoredAccountSchema, InMemoryAccountSchema]));
}

/**
 * JSON Schema (draft 2020-12) of one ledger history record (`{ accountId, sequence, entry }`) as
 * `JSON.stringify` writes it: for a store or a pipeline that keeps the history outside JavaScript.
 *
 * @returns A fresh JSON Schema object.
 * @category ledger
 * @example
 * ```ts
 * import { ledgerHistoryRecordJsonSchema } from "loyalty-kit";
 * console.log(ledgerHistoryRecordJsonSchema().required); // [ 'accountId', 'sequence', 'entry' ]
 * ```
 */
export function ledgerHistoryRecordJsonSchema(): Record<string, unknown> {
  return toJsonSchema(LedgerHistoryRecordSchema);
}

// Schemas of the account snapshot's two JSON forms, for the account's JSON Schema and the 0.1
// upgrade: the in-memory (object) form is the output side of AccountSchema; the stored form's shape
// is described here (reading it goes through AccountSchema, which rebuilds the object form).
import * as z from "zod/mini";
import { InstantSchema, NonNegativeDecimalStringSchema, PositiveDecimalStringSchema } from "../../_lib/validation.js";
import { DECIMAL_PATTERN } from "../../core/decimal.js";
import { AccountSchema, DebitSchema, HoldSchema, LotSchema } from "../schemas.js";
import { STORED_FORM } from "./stored.js";

/** The object form of a snapshot (what post returns), without the stored form's reading step. */
export const InMemoryAccountSchema = /* @__PURE__ */ AccountSchema._zod.def.out;

// Property reads and nested zod calls are wrapped in pure calls, so a bundle that reads only
// InMemoryAccountSchema drops the stored form's schema (see the note above DecimalString in
// src/core/validation.ts).
const inMemory = /* @__PURE__ */ (() => InMemoryAccountSchema.shape)();
const TransactionIdSchema = /* @__PURE__ */ (() => LotSchema.shape.lotId)();
const figure = NonNegativeDecimalStringSchema;

/** The stored form's shape (`form: "compact-1"`; see stored.ts). */
export const StoredAccountSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    form: z.literal(STORED_FORM),
    accountId: inMemory.accountId,
    currency: inMemory.currency,
    scale: inMemory.scale,
    negativeLimit: inMemory.negativeLimit,
    retainDays: inMemory.retainDays,
    version: inMemory.version,
    entries: z.array(
      z.tuple([
        z.enum(["earn", "redeem", "expire", "adjust", "reverse", "hold", "capture", "release"]),
        TransactionIdSchema,
        z.union([z.int(), InstantSchema]),
        z.optional(z.nullable(z.string().check(z.regex(DECIMAL_PATTERN)))),
        z.optional(z.record(z.string(), z.unknown())),
      ]),
    ),
    lots: z.array(z.union([z.tuple([TransactionIdSchema], figure), LotSchema])),
    holds: z.array(HoldSchema),
    debits: z.array(
      z.union([
        z.tuple([TransactionIdSchema, z.array(z.tuple([TransactionIdSchema, PositiveDecimalStringSchema]))], figure),
        DebitSchema,
      ]),
    ),
    deficit: inMemory.deficit,
    checkpoint: inMemory.checkpoint,
  }))();

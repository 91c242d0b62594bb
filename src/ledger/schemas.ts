// The ledger's wire formats: entries (what callers post), the account snapshot (what they store) and
// the derived records kept inside it (lots, open holds, debits). Schemas are the types. They share a
// shape with the program results' schemas (programs/result.ts) but each describes a record of its own.
import * as z from "zod/mini";
import { isCurrencyCode } from "../money/currencies.js";
import {
  DECIMAL_PATTERN,
  DecimalStringSchema,
  InstantSchema,
  NonNegativeDecimalStringSchema,
  PositiveDecimalStringSchema,
} from "../_lib/validation.js";
import { instantMs } from "./_lib/instant.js";
import { isJsonValue, jsonCopy, type JsonValue } from "./_lib/json.js";
import { fromStoredForm, isStoredForm } from "./_lib/stored.js";

export type { JsonValue } from "./_lib/json.js";

/**
 * The largest points scale an account may have: 18 digits after the decimal point.
 *
 * @example
 * ```ts
 * import { MAX_POINTS_SCALE } from "loyalty-kit";
 * console.log(MAX_POINTS_SCALE); // 18
 * ```
 * @category ledger
 */
export const MAX_POINTS_SCALE = 18;

// A schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so
// a bundle that imports one schema or constant of this module keeps only what it reads (see the
// note above DecimalString in src/core/validation.ts).

// The currency the points relate to (optional): an active ISO 4217 code, checked against money's table.
const CurrencySchema = /* @__PURE__ */ (() =>
  z.string().check(z.refine(isCurrencyCode, { message: 'expected an active ISO 4217 currency code such as "EUR"' })))();

const TransactionIdSchema = /* @__PURE__ */ (() =>
  z
    .string()
    .check(
      z.minLength(1, { message: "expected a non-empty transactionId" }),
      z.maxLength(256, { message: "expected a transactionId of at most 256 characters" }),
    ))();

/**
 * Opaque caller data stored with an entry: any JSON value (null, boolean, finite number, string,
 * array, plain object without `__proto__` keys, nested at most 64 deep). The ledger never reads it,
 * but it is part of the idempotency payload: re-posting a transactionId with different `meta` is a
 * conflict. Stored as a deep copy.
 *
 * @example
 * ```ts
 * import { MetaSchema } from "loyalty-kit/schemas";
 * console.log(MetaSchema.safeParse({ spend: "12.50", lines: [{ sku: "A", qty: 1 }] }).success); // true
 * ```
 * @category ledger
 */
export const MetaSchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.custom<JsonValue>((v) => isJsonValue(v), {
      message:
        "expected a JSON value (null, boolean, finite number, string, array or plain object without __proto__ keys, at most 64 levels deep)",
    }),
    z.transform((v: JsonValue): JsonValue => jsonCopy(v)),
  ))();

// Where a sale happened (optional): the store and the till, for analytics split by store. Kept by
// refunds (their reverse entries carry the sale's store) and in the history records.
const placeId = (what: string) =>
  z
    .string()
    .check(
      z.minLength(1, { message: `expected a non-empty ${what}` }),
      z.maxLength(200, { message: `expected a ${what} of at most 200 characters` }),
    );

const common = /* @__PURE__ */ (() => ({
  transactionId: TransactionIdSchema,
  at: InstantSchema,
  storeId: z.optional(placeId("storeId")),
  tillId: z.optional(placeId("tillId")),
  meta: z.optional(MetaSchema),
}))();

const HEAD = ["kind", "transactionId", "at"];
const TAIL = ["storeId", "tillId", "meta"];

/**
 * One kind's entry object: no other keys, and an unknown key is told which keys this kind has
 * (`unrecognized key "bonus": an earn entry has kind, transactionId, at, points, …`).
 */
function entryObject<T extends z.core.$ZodLooseShape>(kind: string, shape: T) {
  const keys = [...HEAD, ...Object.keys(shape).filter((k) => !HEAD.includes(k) && !TAIL.includes(k)), ...TAIL];
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === "unrecognized_keys"
        ? `unrecognized key${issue.keys.length === 1 ? "" : "s"} ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}: ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} entry has ${keys.join(", ")}`
        : undefined,
  });
}

// The refinements below run on the instant schema's output (canonical strings): read by hand.
function after(later: string | undefined, earlier: string): boolean {
  return later === undefined || instantMs(later) > instantMs(earlier);
}

const NonZeroDecimalStringSchema = /* @__PURE__ */ (() =>
  z.string({ error: 'expected a decimal string such as "12.50"' }).check(
    z.regex(DECIMAL_PATTERN, { message: 'expected a decimal string such as "12.50"' }),
    z.refine((s) => /[1-9]/.test(s), { message: "expected a non-zero decimal string" }),
  ))();

/**
 * `earn`: credits `points` as a new lot (its `lotId` is the entry's transactionId), optionally
 * expiring at `expiresAt` (after `at`, or after `earnedAt` when given). If the account owes points
 * (a negative balance), the new lot repays that first. `availableAt` (after the sale time) makes the
 * points pending until then — a return window: they show apart ({@link "loyalty-kit/ledger"!pendingPoints}), cannot be
 * redeemed, held or used to repay a negative balance, a reverse takes them back in full, and they
 * become available when the ledger's clock reaches `availableAt` (any later entry, the expiry sweep,
 * or a balance asked at a later instant). `earnedAt` (not after `at`) is the sale time
 * of a late sale (an offline till's sale sent after newer entries): the lot counts from it (`lot.at`)
 * while the entry is booked at `at`, in the ledger's time order; {@link "loyalty-kit/ledger"!postLate} sets both. A lot
 * whose `expiresAt` has already passed when it is booked lapses at once.
 *
 * @example
 * ```ts
 * import { EarnEntrySchema } from "loyalty-kit/schemas";
 * const e = EarnEntrySchema.parse({ kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00Z", points: "120", expiresAt: "2027-01-05T10:00:00Z" });
 * console.log(e.at); // 2026-01-05T10:00:00.000Z
 * ```
 * @category ledger
 */
export const EarnEntrySchema = /* @__PURE__ */ (() =>
  entryObject("earn", {
    kind: z.literal("earn"),
    ...common,
    points: PositiveDecimalStringSchema,
    expiresAt: z.optional(InstantSchema),
    earnedAt: z.optional(InstantSchema),
    availableAt: z.optional(InstantSchema),
  }).check(
    z.refine((e) => e.earnedAt === undefined || instantMs(e.earnedAt) <= instantMs(e.at), {
      message: "expected earnedAt (the sale time) at or before at (the booking time)",
      path: ["earnedAt"],
    }),
    z.refine((e) => after(e.expiresAt, e.earnedAt ?? e.at), {
      message: "expected expiresAt after at (after earnedAt when given)",
      path: ["expiresAt"],
    }),
    z.refine((e) => after(e.availableAt, e.earnedAt ?? e.at), {
      message: "expected availableAt after at (after earnedAt when given)",
      path: ["availableAt"],
    }),
    z.refine((e) => e.availableAt === undefined || after(e.expiresAt, e.availableAt), {
      message: "expected expiresAt after availableAt (pending points expire only after they become available)",
      path: ["expiresAt"],
    }),
  ))();

/**
 * `redeem`: spends `points`, consuming lots soonest-expiring first, then oldest; lots without expiry
 * last. Fails with InsufficientPointsError when the balance (held points excluded) is too small, unless
 * the account's negative limit allows it.
 *
 * @example
 * ```ts
 * import { RedeemEntrySchema } from "loyalty-kit/schemas";
 * console.log(RedeemEntrySchema.safeParse({ kind: "redeem", transactionId: "t2", at: "2026-02-01T09:00:00Z", points: "50" }).success); // true
 * ```
 * @category ledger
 */
export const RedeemEntrySchema = /* @__PURE__ */ (() =>
  entryObject("redeem", {
    kind: z.literal("redeem"),
    ...common,
    points: PositiveDecimalStringSchema,
  }))();

/**
 * `expire`: the expiry sweep at `at`. Every lot whose `expiresAt` ≤ `at` loses what remains in it.
 * Balances already exclude lots past their expiry; the sweep makes it permanent in the ledger.
 *
 * @example
 * ```ts
 * import { ExpireEntrySchema } from "loyalty-kit/schemas";
 * console.log(ExpireEntrySchema.parse({ kind: "expire", transactionId: "sweep-2026-03-01", at: "2026-03-01T00:00:00Z" }).kind); // expire
 * ```
 * @category ledger
 */
export const ExpireEntrySchema = /* @__PURE__ */ (() =>
  entryObject("expire", { kind: z.literal("expire"), ...common }))();

/**
 * `adjust`: a manual correction with a required `reason`. Positive `points` create a lot (optionally
 * expiring); negative `points` are taken like a redeem.
 *
 * @example
 * ```ts
 * import { AdjustEntrySchema } from "loyalty-kit/schemas";
 * console.log(AdjustEntrySchema.safeParse({ kind: "adjust", transactionId: "t3", at: "2026-02-02T09:00:00Z", points: "-10", reason: "duplicate card" }).success); // true
 * ```
 * @category ledger
 */
export const AdjustEntrySchema = /* @__PURE__ */ (() =>
  entryObject("adjust", {
    kind: z.literal("adjust"),
    ...common,
    points: NonZeroDecimalStringSchema,
    reason: z.string().check(z.minLength(1, { message: "expected a non-empty reason" })),
    expiresAt: z.optional(InstantSchema),
  }).check(
    z.refine((e) => e.expiresAt === undefined || !e.points.startsWith("-"), {
      message: "expiresAt is only allowed on a positive adjustment",
      path: ["expiresAt"],
    }),
    z.refine((e) => after(e.expiresAt, e.at), { message: "expected expiresAt after at", path: ["expiresAt"] }),
  ))();

/**
 * How a reverse of an earn handles points that are no longer in the lot (already spent or expired).
 * The points still in the lot (what `unconsumedPoints` reports) are always taken straight back, live or
 * lapsed, whatever the balance; the policy is only for the rest. `reject` (default) throws
 * InsufficientPointsError when there is a rest; `deduct-available` takes the rest from the
 * account's other available points and forgives what is still missing; `negative-balance` takes the
 * rest from other points and lets the balance go negative (below the account's limit if need be).
 *
 * @example
 * ```ts
 * import { ShortfallPolicySchema } from "loyalty-kit/schemas";
 * console.log(ShortfallPolicySchema.options); // [ 'reject', 'deduct-available', 'negative-balance' ]
 * ```
 * @category ledger
 */
export const ShortfallPolicySchema = /* @__PURE__ */ (() =>
  z.enum(["reject", "deduct-available", "negative-balance"]))();

/**
 * `reverse`: undoes an earlier `earn`, `redeem`, `adjust` or `capture` (named by `reverses`), wholly
 * (no `points`) or partly (`points` ≤ what is left to reverse). Reversing a credit removes points from
 * exactly the lot it created (see `shortfall` for what is no longer there); reversing a debit restores
 * exactly the lots it consumed, most recently consumed first.
 *
 * @example
 * ```ts
 * import { ReverseEntrySchema } from "loyalty-kit/schemas";
 * console.log(ReverseEntrySchema.safeParse({ kind: "reverse", transactionId: "refund-1", at: "2026-02-03T09:00:00Z", reverses: "t1", points: "40" }).success); // true
 * ```
 * @category ledger
 */
export const ReverseEntrySchema = /* @__PURE__ */ (() =>
  entryObject("reverse", {
    kind: z.literal("reverse"),
    ...common,
    reverses: TransactionIdSchema,
    points: z.optional(PositiveDecimalStringSchema),
    shortfall: z.optional(ShortfallPolicySchema),
  }))();

/**
 * `hold`: reserves `points` for a two-phase redemption at a till, so they cannot be spent twice. The
 * points are taken out of the lots at once, in redeem order, and wait in the hold (so they cannot
 * expire under it either). A hold with `timeoutAt` gives them back at that instant (and can then only
 * be released).
 *
 * @example
 * ```ts
 * import { HoldEntrySchema } from "loyalty-kit/schemas";
 * console.log(HoldEntrySchema.safeParse({ kind: "hold", transactionId: "h1", at: "2026-02-04T09:00:00Z", points: "30", timeoutAt: "2026-02-04T09:15:00Z" }).success); // true
 * ```
 * @category ledger
 */
export const HoldEntrySchema = /* @__PURE__ */ (() =>
  entryObject("hold", {
    kind: z.literal("hold"),
    ...common,
    points: PositiveDecimalStringSchema,
    timeoutAt: z.optional(InstantSchema),
  }).check(
    z.refine((e) => after(e.timeoutAt, e.at), { message: "expected timeoutAt after at", path: ["timeoutAt"] }),
  ))();

/**
 * `capture`: turns an open hold that has not timed out (`holdId` = the hold's transactionId) into a
 * redeem of `points` (default: the whole hold; at most the hold), keeping the soonest-expiring of the
 * held points. The hold is closed; the rest goes back to the lots it came from.
 *
 * @example
 * ```ts
 * import { CaptureEntrySchema } from "loyalty-kit/schemas";
 * console.log(CaptureEntrySchema.safeParse({ kind: "capture", transactionId: "c1", at: "2026-02-04T09:05:00Z", holdId: "h1" }).success); // true
 * ```
 * @category ledger
 */
export const CaptureEntrySchema = /* @__PURE__ */ (() =>
  entryObject("capture", {
    kind: z.literal("capture"),
    ...common,
    holdId: TransactionIdSchema,
    points: z.optional(PositiveDecimalStringSchema),
  }))();

/**
 * `release`: closes an open hold without spending anything: its points go back to the lots they came
 * from (a lot that expired meanwhile gets them back expired).
 *
 * @example
 * ```ts
 * import { ReleaseEntrySchema } from "loyalty-kit/schemas";
 * console.log(ReleaseEntrySchema.safeParse({ kind: "release", transactionId: "r1", at: "2026-02-04T09:05:00Z", holdId: "h1" }).success); // true
 * ```
 * @category ledger
 */
export const ReleaseEntrySchema = /* @__PURE__ */ (() =>
  entryObject("release", {
    kind: z.literal("release"),
    ...common,
    holdId: TransactionIdSchema,
  }))();

/**
 * One ledger entry: a discriminated union on `kind` (`earn`, `redeem`, `expire`, `adjust`, `reverse`,
 * `hold`, `capture`, `release`). Every entry carries the `transactionId` that caused it (the
 * idempotency key), its instant `at`, optional `storeId` and `tillId` (where it happened: non-empty,
 * at most 200 characters, kept in the history) and optional opaque `meta`. Points are positive decimal strings
 * (adjust: non-zero, signed); the account's scale is checked when posting.
 *
 * @example
 * ```ts
 * import { EntrySchema } from "loyalty-kit/schemas";
 * const r = EntrySchema.safeParse({ kind: "gift", transactionId: "x", at: "2026-01-01T00:00:00Z" });
 * console.log(r.success); // false: unknown kind
 * ```
 * @category ledger
 */
export const EntrySchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion(
    "kind",
    [
      EarnEntrySchema,
      RedeemEntrySchema,
      ExpireEntrySchema,
      AdjustEntrySchema,
      ReverseEntrySchema,
      HoldEntrySchema,
      CaptureEntrySchema,
      ReleaseEntrySchema,
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union"
          ? 'expected one of "earn", "redeem", "expire", "adjust", "reverse", "hold", "capture", "release"'
          : undefined,
    },
  ))();

/**
 * A ledger entry as stored in an account: instants are canonical UTC ISO strings and points are
 * written with exactly the account's scale.
 *
 * @example
 * ```ts
 * import type { Entry } from "loyalty-kit";
 * const e: Entry = { kind: "redeem", transactionId: "t2", at: "2026-02-01T09:00:00.000Z", points: "50" };
 * console.log(e.kind);
 * ```
 * @category ledger
 */
export type Entry = z.output<typeof EntrySchema>;

/**
 * A ledger entry as a caller passes it: instants may be Date objects or ISO strings with any offset.
 *
 * @example
 * ```ts
 * import type { EntryInput } from "loyalty-kit";
 * const e: EntryInput = { kind: "earn", transactionId: "t1", at: new Date("2026-01-05T10:00:00Z"), points: "120" };
 * console.log(e.kind);
 * ```
 * @category ledger
 */
export type EntryInput = z.input<typeof EntrySchema>;

/**
 * The kind of an entry.
 *
 * @example
 * ```ts
 * import type { EntryKind } from "loyalty-kit";
 * const k: EntryKind = "capture";
 * console.log(k);
 * ```
 * @category ledger
 */
export type EntryKind = Entry["kind"];

/**
 * Schema of a {@link Lot} as stored in an account snapshot.
 *
 * @example
 * ```ts
 * import { LotSchema } from "loyalty-kit/schemas";
 * console.log(LotSchema.safeParse({ lotId: "t1", at: "2026-01-05T10:00:00Z", points: "5", remaining: "5", consumed: "0", expired: "0", reversed: "0", clawedBack: "0" }).success); // true
 * ```
 * @category ledger
 */
export const LotSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    lotId: TransactionIdSchema,
    at: InstantSchema,
    expiresAt: z.optional(InstantSchema),
    availableAt: z.optional(InstantSchema),
    points: NonNegativeDecimalStringSchema,
    remaining: NonNegativeDecimalStringSchema,
    consumed: NonNegativeDecimalStringSchema,
    expired: NonNegativeDecimalStringSchema,
    reversed: NonNegativeDecimalStringSchema,
    clawedBack: NonNegativeDecimalStringSchema,
  }))();

/**
 * A lot: points credited by one entry (earn, positive adjust, or a reverse that credits points back),
 * tracked until they are spent, held, expired or reversed. Always `points = remaining + consumed +
 * expired + reversed` (`consumed` includes points held by open holds and points that repaid a
 * negative balance); `clawedBack` counts reversed points of the crediting entry that were no longer
 * in the lot and were settled elsewhere (other lots, a negative balance, or forgiven).
 *
 * @example
 * ```ts
 * import type { Lot } from "loyalty-kit";
 * const lot: Lot = { lotId: "t1", at: "2026-01-05T10:00:00.000Z", points: "120", remaining: "70", consumed: "50", expired: "0", reversed: "0", clawedBack: "0" };
 * console.log(lot.remaining);
 * ```
 * @category ledger
 */
export type Lot = z.output<typeof LotSchema>;

/**
 * Schema of an open {@link Hold} as stored in an account snapshot.
 *
 * @example
 * ```ts
 * import { HoldSchema } from "loyalty-kit/schemas";
 * console.log(HoldSchema.safeParse({ holdId: "h1", at: "2026-02-04T09:00:00Z", points: "30", lots: [], deficit: "0" }).success); // true
 * ```
 * @category ledger
 */
export const HoldSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    holdId: TransactionIdSchema,
    at: InstantSchema,
    points: NonNegativeDecimalStringSchema,
    timeoutAt: z.optional(InstantSchema),
    lots: z.array(z.strictObject({ lotId: TransactionIdSchema, points: PositiveDecimalStringSchema })),
    deficit: NonNegativeDecimalStringSchema,
  }))();

/**
 * An open hold (not yet captured or released): its points and where they were taken from (`lots`,
 * in consumption order, and `deficit`, the part that went into a negative balance). A hold whose
 * `timeoutAt` has passed has given its points back (`lots` empty) and stays listed until released.
 *
 * @example
 * ```ts
 * import type { Hold } from "loyalty-kit";
 * const h: Hold = { holdId: "h1", at: "2026-02-04T09:00:00.000Z", points: "30", lots: [{ lotId: "t1", points: "30" }], deficit: "0" };
 * console.log(h.points);
 * ```
 * @category ledger
 */
export type Hold = z.output<typeof HoldSchema>;

/**
 * Schema of a {@link Debit} as stored in an account snapshot.
 *
 * @example
 * ```ts
 * import { DebitSchema } from "loyalty-kit/schemas";
 * console.log(DebitSchema.safeParse({ transactionId: "t2", points: "5", lots: [{ lotId: "t1", points: "5" }], deficit: "0", reversed: "0" }).success); // true
 * ```
 * @category ledger
 */
export const DebitSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    transactionId: TransactionIdSchema,
    points: NonNegativeDecimalStringSchema,
    lots: z.array(z.strictObject({ lotId: TransactionIdSchema, points: PositiveDecimalStringSchema })),
    deficit: NonNegativeDecimalStringSchema,
    reversed: NonNegativeDecimalStringSchema,
  }))();

/**
 * Where the points of one debit (redeem, capture, negative adjust, or the shortfall of a reverse) came
 * from: the lots it consumed (`lots`, still outstanding, in consumption order) and the part that went
 * into a negative balance (`deficit`). Reversing the debit restores these and counts up `reversed`;
 * always `points = Σ lots.points + deficit + reversed`.
 *
 * @example
 * ```ts
 * import type { Debit } from "loyalty-kit";
 * const d: Debit = { transactionId: "t2", points: "50", lots: [{ lotId: "t1", points: "50" }], deficit: "0", reversed: "0" };
 * console.log(d.lots.length);
 * ```
 * @category ledger
 */
export type Debit = z.output<typeof DebitSchema>;

/**
 * The default idempotency window of a ledger account, in days: entries posted in the last 90 days
 * (counted back from the account's newest entry) stay in the snapshot, so a retry inside the window
 * is recognised as a duplicate. Older retries are the store's job: a unique key on
 * `(accountId, transactionId)` in the table that keeps the history. 90 days is the usual refund
 * window of a retail sale.
 *
 * @example
 * ```ts
 * import { DEFAULT_RETAIN_DAYS } from "loyalty-kit";
 * console.log(DEFAULT_RETAIN_DAYS); // 90
 * ```
 * @category ledger
 */
export const DEFAULT_RETAIN_DAYS = 90;

/**
 * The longest idempotency window an account may keep: 36,500 days (100 years).
 *
 * @example
 * ```ts
 * import { MAX_RETAIN_DAYS } from "loyalty-kit";
 * console.log(MAX_RETAIN_DAYS); // 36500
 * ```
 * @category ledger
 */
export const MAX_RETAIN_DAYS = 36_500;

/**
 * Schema of a {@link Checkpoint}.
 *
 * @example
 * ```ts
 * import { CheckpointSchema } from "loyalty-kit/schemas";
 * console.log(CheckpointSchema.safeParse({ version: 2, at: "2026-01-05T10:00:00Z", balance: "80" }).success); // true
 * ```
 * @category ledger
 */
export const CheckpointSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    version: z.int().check(z.minimum(0)),
    at: z.optional(InstantSchema),
    balance: DecimalStringSchema,
  }))();

/**
 * Where an account snapshot stands in its history: `version` entries applied, the newest at `at`
 * (absent for an account without entries), and the available balance at that instant (`balance`:
 * points in unexpired lots minus points owed). Replaying a history must end on the same checkpoint,
 * or it is not this account's history ({@link replayAccount} throws `HISTORY_MISMATCH`).
 *
 * @example
 * ```ts
 * import { openAccount, post } from "loyalty-kit";
 * const { account } = post(openAccount({ accountId: "a" }), { kind: "earn", transactionId: "t1", at: "2026-01-05T10:00:00Z", points: "80" });
 * console.log(account.checkpoint); // { version: 1, at: '2026-01-05T10:00:00.000Z', balance: '80' }
 * ```
 * @category ledger
 */
export type Checkpoint = z.output<typeof CheckpointSchema>;

/**
 * The settings an account is opened with: its id, an optional currency the points relate to (an active ISO 4217 code), the
 * points' `scale` (digits after the decimal point; 0 = whole points, the default) and `negativeLimit`
 * (how far below zero a redeem or hold may take the balance; default "0").
 *
 * @example
 * ```ts
 * import { AccountSettingsSchema } from "loyalty-kit/schemas";
 * console.log(AccountSettingsSchema.parse({ accountId: "card-0042" })); // { accountId: 'card-0042' }
 * ```
 * @category ledger
 */
export const AccountSettingsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: z
      .string()
      .check(
        z.minLength(1, { message: "expected a non-empty accountId" }),
        z.maxLength(256, { message: "expected an accountId of at most 256 characters" }),
      ),
    currency: z.optional(CurrencySchema),
    scale: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_POINTS_SCALE))),
    negativeLimit: z.optional(NonNegativeDecimalStringSchema),
    retainDays: z.optional(z.int().check(z.minimum(0), z.maximum(MAX_RETAIN_DAYS))),
  }))();

/**
 * The settings {@link openAccount} takes: `{ accountId, currency?, scale?, negativeLimit? }`.
 *
 * @example
 * ```ts
 * import type { AccountSettings } from "loyalty-kit";
 * const settings: AccountSettings = { accountId: "card-0042", scale: 2, negativeLimit: "10" };
 * console.log(settings.scale);
 * ```
 * @category ledger
 */
export type AccountSettings = z.input<typeof AccountSettingsSchema>;

// The in-memory form of an account snapshot (what post returns; its type is {@link Account}).
// Internal: callers read snapshots through AccountSchema, which takes both forms.
const InMemoryAccountSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    accountId: z.string().check(z.minLength(1), z.maxLength(256)),
    currency: z.optional(CurrencySchema),
    scale: z.int().check(z.minimum(0), z.maximum(MAX_POINTS_SCALE)),
    negativeLimit: NonNegativeDecimalStringSchema,
    retainDays: z.int().check(z.minimum(0), z.maximum(MAX_RETAIN_DAYS)),
    version: z.int().check(z.minimum(0)),
    entries: z.array(EntrySchema),
    lots: z.array(LotSchema),
    holds: z.array(HoldSchema),
    debits: z.array(DebitSchema),
    deficit: NonNegativeDecimalStringSchema,
    checkpoint: CheckpointSchema,
  }))();

/**
 * Schema of an {@link Account} snapshot as `JSON.stringify` writes it: the stored form (`form:
 * "compact-1"`: entries as `[kind, transactionId, at, points?, fields?]` tuples with instants in epoch
 * milliseconds, lots and debits without the figures their entries already hold), read back into the
 * in-memory form. The in-memory form itself (a snapshot from post, or a structured clone of one) is
 * read as well. Shape only; {@link "loyalty-kit/ledger"!parseAccount} also checks consistency.
 *
 * @example
 * ```ts
 * import { openAccount } from "loyalty-kit";
 * import { AccountSchema } from "loyalty-kit/schemas";
 * console.log(AccountSchema.safeParse(JSON.parse(JSON.stringify(openAccount({ accountId: "a" })))).success); // true
 * ```
 * @category ledger
 */
export const AccountSchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.transform((v: unknown, ctx) => {
      if (!isStoredForm(v)) return v;
      const r = fromStoredForm(v);
      if ("account" in r) return r.account;
      for (const issue of r.issues)
        ctx.issues.push({ code: "custom", message: issue.message, input: v, path: [...issue.path] });
      return z.NEVER;
    }),
    InMemoryAccountSchema,
  ))();

/**
 * A points account snapshot (bounded): plain JSON that holds only what the future needs, so its
 * size depends on what is open, not on the customer's age. `entries` are the *retained* entries: every
 * entry of the last `retainDays` days (counted back from the newest entry: the idempotency window),
 * plus the older entries that created a lot with points left, an open hold, or a lot a retained debit
 * took points from. `lots`, `holds`, `debits` and `deficit` (points owed: a negative balance) are the
 * derived state of those; `version` counts every entry ever applied, and `checkpoint` says where the
 * snapshot stands in the full history. The full history is what each operation returns as
 * `history` ({@link LedgerHistoryRecord}), for the caller to append to its own store.
 * {@link "loyalty-kit/ledger"!parseAccount} checks that the figures add up (each lot against the entry that created it,
 * each debit against its lots, the checkpoint's balance against the lots); with `{ history }` it also
 * replays the history and checks the snapshot is exactly what the history gives.
 * `JSON.stringify(account)` writes the compact stored form (`form: "compact-1"`, see
 * {@link accountJsonSchema}): the same information, entries as tuples with instants in epoch
 * milliseconds, lots and debits without what their entries hold. parseAccount, AccountSchema and
 * every function that takes a snapshot read it as well as the object form.
 *
 * @example
 * ```ts
 * import { openAccount, type Account } from "loyalty-kit";
 * const account: Account = openAccount({ accountId: "card-0042" });
 * console.log(account.version, account.scale, account.negativeLimit); // 0 0 0
 * ```
 * @category ledger
 */
export type Account = z.output<typeof AccountSchema>;

import * as z from "zod/mini";
import { instantMs } from "../core/instant.js";
import { AccountSchema } from "../ledger/schemas.js";
import { LineKindSchema, TierSchema } from "./program.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const Figure = /* @__PURE__ */ (() => z.string().check(z.regex(/^-?(0|[1-9]\d*)(\.\d+)?$/)))();
const Id = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(256)))();
const Instant = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    z.refine((s) => Number.isFinite(instantMs(s)), "expected a UTC instant such as 2026-03-01T10:00:00.000Z"),
  ))();
const Place = {
  storeId: /* @__PURE__ */ z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
  tillId: /* @__PURE__ */ z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
};

/**
 * One sale a program account still holds (inside its `retainDays` window), as figures: what a
 * refund needs (per line the quantity, the gross and the net paid, points earned and redeemed) and
 * what a retry is answered with (the priced figures of the checkout; its `explain` texts are not
 * kept), plus `digest`, a fingerprint of the request, to tell a retry from a conflicting reuse of
 * the transactionId. Money amounts are in the sale's `currency`.
 *
 * Compact: a field that is what the program implies (its kind and currency, a `merchandise` line
 * that counted, a zero, no tier, reward, stamps or expiry) is left out; a sale stored with every
 * field (as builds before this form wrote it) reads the same.
 *
 * @example
 * ```ts
 * import { ProgramSaleSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(ProgramSaleSchema.shape).slice(0, 4).join(", ")); // transactionId, at, digest, basketId
 * ```
 * @category programs
 */
export const ProgramSaleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    transactionId: Id,
    at: Instant,
    digest: z.string().check(z.regex(/^[0-9a-f]{28}$/)),
    /** The coupon code the sale was made with (normalised), so a retry with another code is named as such. */
    coupon: z.optional(z.string()),
    basketId: z.string(),
    /** Left out when it is the program's kind. */
    kind: z.optional(z.enum(["discount", "cumulative", "bonus", "catalog", "stamps", "promotion"])),
    ...Place,
    /** Left out when it is the program's currency. */
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    lines: z.array(
      z.strictObject({
        id: z.string(),
        sku: z.string(),
        /** Left out for `merchandise`. */
        kind: z.optional(LineKindSchema),
        quantity: Figure,
        /** Left out when the line counted (true). */
        eligible: z.optional(z.boolean()),
        gross: Figure,
        /** Left out when zero. */
        discount: z.optional(Figure),
        net: Figure,
        /** Left out when zero. */
        pointsEarned: z.optional(Figure),
        /** Left out when zero. */
        pointsRedeemed: z.optional(Figure),
      }),
    ),
    spend: Figure,
    /** Left out when the program keeps no accumulated spend (null). */
    accumulatedSpend: z.optional(z.nullable(Figure)),
    /** Left out when the sale had no tier (null). */
    tier: z.optional(z.nullable(TierSchema)),
    pointsEarned: Figure,
    /** Left out when zero. */
    welcomeBonus: z.optional(Figure),
    /** Left out when zero. */
    pointsRedeemed: z.optional(Figure),
    /** Left out when the points earned do not expire (null). */
    expiresAt: z.optional(z.nullable(Instant)),
    /** Left out when the sale took no reward (null). */
    reward: z.optional(z.nullable(z.strictObject({ id: z.string(), name: z.string(), pointsCost: Figure }))),
    /** Left out when the program is not a stamp card (null). */
    stamps: z.optional(
      z.nullable(
        z.strictObject({ before: z.int(), redeemed: z.int(), earned: z.int(), after: z.int(), cardSize: z.int() }),
      ),
    ),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ProgramSaleSchema} @category programs */
export type ProgramSale = z.output<typeof ProgramSaleSchema>;

/**
 * One refund a program account still holds (inside its `retainDays` window), as figures: per line
 * the quantity refunded and what it gave and took back, whether it completed the sale's refund, and
 * the instant of the sale it refunded (`originalAt`, so the windowed aggregates know where it
 * belongs even when the sale itself has left the account).
 *
 * @example
 * ```ts
 * import { ProgramRefundSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(ProgramRefundSchema.shape).slice(0, 4).join(", ")); // transactionId, originalTransactionId, originalAt, at
 * ```
 * @category programs
 */
export const ProgramRefundSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    transactionId: Id,
    originalTransactionId: Id,
    originalAt: Instant,
    at: Instant,
    digest: z.string().check(z.regex(/^[0-9a-f]{28}$/)),
    ...Place,
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    lines: z.array(
      z.strictObject({
        id: z.string(),
        quantity: Figure,
        moneyBack: Figure,
        pointsReversed: Figure,
        pointsRestored: Figure,
        spendReversed: Figure,
      }),
    ),
    welcomeReversed: Figure,
    complete: z.boolean(),
    pointsTaken: z.optional(Figure),
    pointsForgiven: z.optional(Figure),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ProgramRefundSchema} @category programs */
export type ProgramRefund = z.output<typeof ProgramRefundSchema>;

/**
 * What a program account keeps of the sales and refunds that have left its window, as running
 * figures: `open` (sales over the whole history not yet fully refunded: a first-purchase bonus needs
 * none), `spend` (their net spend, for a lifetime window), `periods` (per calendar period — day, ISO
 * week, month, year, in the program's time zone — the net spend and points earned of those sales,
 * kept while a sale could still fall in that period), `spendLog` (`[instant, net spend]` per such
 * sale, kept only by cumulative programs with a rolling window, only while it is inside that window),
 * and `refunded` (per sale that left with refunds, the quantity refunded per line, so a refund from a
 * stored record never gives back more than was bought).
 *
 * @example
 * ```ts
 * import { ProgramTotalsSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(ProgramTotalsSchema.shape).join(", ")); // open, spend, periods, spendLog, refunded
 * ```
 * @category programs
 */
export const ProgramTotalsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    open: z.int().check(z.minimum(0)),
    spend: Figure,
    periods: z.array(z.tuple([z.enum(["day", "week", "month", "year"]), Instant, Figure, Figure])),
    spendLog: z.array(z.tuple([Instant, Figure])),
    refunded: z.array(z.tuple([Id, z.array(z.tuple([z.string(), Figure]))])),
    /**
     * Bonus programs with `tiers` only: the sales and refunds that left the window as
     * `[instant, spend, points earned]` (refunds negative), for the tier replay, in time order — only
     * as far back as a tier from the account's cutoff on can depend on: a rolling window keeps the rows
     * still in the window within the grace days (+1) before the cutoff; a calendar year keeps the last
     * year (`to-qualified`) or the last L years for L tiers (`one-tier`: a tier falls one level a
     * year), each year folded into at most three rows (the highest running amount, then the rest); a
     * lifetime window folds them all into at most three rows. A log written by the previous release (every row) is read as it is and bounded at the
     * next checkout or refund that moves a sale out of the window.
     */
    tierLog: z.optional(z.array(z.tuple([Instant, Figure, Figure]))),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ProgramTotalsSchema} @category programs */
export type ProgramTotals = z.output<typeof ProgramTotalsSchema>;

/**
 * A customer's (or a stamp card's) standing in one program: a plain JSON snapshot whose size
 * depends on what is still open, not on the customer's age.
 *
 * - `points` is the points ledger account (points for bonus and catalog programs, stamps for stamp
 *   cards; empty for discount and cumulative programs).
 * - `retainDays` (default 90: the refund and idempotency window) is how long sales and refunds stay
 *   in `sales` and `refunds`, counted back from the newest of them. Inside it a retry is answered
 *   `duplicate` and a refund needs only the transactionId. Older sales leave as figures in `totals`;
 *   refund them with the checkout record you stored (`options.record`); a retry of one is answered
 *   when you pass that record, else by your store's unique key on (programId, customer or card,
 *   transactionId).
 * - `sales` and `refunds` hold the window's sales and refunds as figures ({@link ProgramSaleSchema},
 *   {@link ProgramRefundSchema}); `totals` ({@link ProgramTotalsSchema}) what the rest adds up to:
 *   accumulated spend for cumulative tiers, points earned per period for caps, whether a purchase is
 *   the first — exactly the figures the whole history gives.
 * - `version` goes up by one with every applied checkout or refund (pass `expectedVersion` to detect
 *   a concurrent writer).
 *
 * This schema is the object form. `JSON.stringify(account)` writes a compact stored form (`form:
 * "compact-1"`, sales as tuples, see {@link "loyalty-kit/programs"!parseProgramAccount}): read stored JSON with
 * parseProgramAccount, or store `JSON.stringify({ ...account })` to validate it with this schema.
 *
 * @example
 * ```ts
 * import { ProgramAccountSchema } from "loyalty-kit/schemas";
 * console.log(Object.keys(ProgramAccountSchema.shape).join(", ")); // programId, customerId, cardId, version, retainDays, points, sales, refunds, totals
 * ```
 * @category programs
 */
export const ProgramAccountSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    programId: z.string().check(z.minLength(1), z.maxLength(200)),
    customerId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    cardId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    version: z.int().check(z.minimum(0)),
    retainDays: z.int().check(z.minimum(0), z.maximum(36_500)),
    points: AccountSchema,
    sales: z.array(ProgramSaleSchema),
    refunds: z.array(ProgramRefundSchema),
    totals: ProgramTotalsSchema,
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ProgramAccountSchema} @category programs */
export type ProgramAccount = z.output<typeof ProgramAccountSchema>;

/**
 * The stock of a catalog program's rewards: what is left of each reward that has a stock, and the
 * redemptions already taken out of it (so a retried checkout never takes a unit twice, even when
 * the caller lost the stock returned the first time). Each entry of `applied` is a key scoped to
 * (program, customer or card, transaction) — the JSON text of
 * `[programId, "customer:<id>" | "card:<id>" | "account:<points accountId>", transactionId]` — because tills number
 * their sales independently and a bare transaction id would make two customers' `sale-1` one
 * redemption. Pure data: checkout returns the new stock.
 *
 * @example
 * ```ts
 * import { CatalogStockSchema } from "loyalty-kit/schemas";
 * console.log(CatalogStockSchema.safeParse({ programId: "gifts", rewards: [{ rewardId: "scarf", remaining: 3 }], applied: [] }).success); // true
 * ```
 * @category programs
 */
export const CatalogStockSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      programId: z.string().check(z.minLength(1), z.maxLength(200)),
      rewards: z.array(
        z.strictObject({
          rewardId: z.string().check(z.minLength(1)),
          remaining: z.pipe(
            z.int().check(z.minimum(0)),
            z.transform((n: number) => n + 0) /* -0 is 0: keeps JSON round trips equal */,
          ),
        }),
      ),
      applied: z.array(z.string()),
    })
    .check(
      z.refine((s) => new Set(s.rewards.map((r) => r.rewardId)).size === s.rewards.length, {
        message: "duplicate rewardId",
        path: ["rewards"],
      }),
    ))();

/** {@inheritDoc "loyalty-kit/schemas"!CatalogStockSchema} @category programs */
export type CatalogStock = z.output<typeof CatalogStockSchema>;

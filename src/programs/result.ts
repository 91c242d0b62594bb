// The wire shapes of what quote, checkout and refund return, and of the records a program account
// keeps. Plain JSON: money as `{ amount, currency }` with the currency's decimals, points as decimal
// strings with the program's scale, instants as UTC ISO strings. The schemas share one shape (a strict
// object of money and points fields) but each describes a record of its own, as the ledger's do.
import * as z from "zod/mini";
import { MoneyJsonSchema } from "../money/json.js";
import { EntrySchema } from "../ledger/schemas.js";
import { LineKindSchema, TierSchema } from "./program.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const Points = /* @__PURE__ */ (() => z.string().check(z.regex(/^-?(0|[1-9]\d*)(\.\d+)?$/)))();
const Id = /* @__PURE__ */ (() => z.string().check(z.minLength(1), z.maxLength(256)))();

/**
 * One line of the explanation a receipt or a support agent can show: which rule, whether it applied,
 * and why, in words.
 *
 * @example
 * ```ts
 * import type { Explanation } from "loyalty-kit";
 * const e: Explanation = { rule: "tier", applied: true, reason: "Gold (10%): 5,100.00 spent in the window including this purchase" };
 * console.log(e.reason);
 * ```
 * @category programs
 */
export const ExplanationSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rule: z.string(),
    applied: z.boolean(),
    reason: z.string(),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!ExplanationSchema} @category programs */
export type Explanation = z.infer<typeof ExplanationSchema>;

/**
 * A priced line: `gross` (what the line cost when it reached this program: quantity × unit price,
 * rounded half-even, or what an earlier program in {@link "loyalty-kit/programs"!checkoutAll} left), the program's
 * `discount`, the part paid with points (`pointsMoney`), the `net` still to pay, and the points earned
 * on and redeemed against it.
 *
 * @example
 * ```ts
 * import type { PricedLine } from "loyalty-kit";
 * const eur = (amount: string) => ({ amount, currency: "EUR" });
 * const line: PricedLine = { id: "1", sku: "A", kind: "merchandise", quantity: "1", eligible: true, gross: eur("19.99"), discount: eur("2.00"), pointsMoney: eur("0.00"), net: eur("17.99"), pointsEarned: "0", pointsRedeemed: "0" };
 * console.log(line.net.amount);
 * ```
 * @category programs
 */
export const PricedLineSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string(),
    sku: z.string(),
    kind: LineKindSchema,
    quantity: z.string(),
    eligible: z.boolean(),
    gross: MoneyJsonSchema,
    discount: MoneyJsonSchema,
    pointsMoney: MoneyJsonSchema,
    net: MoneyJsonSchema,
    pointsEarned: Points,
    pointsRedeemed: Points,
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!PricedLineSchema} @category programs */
export type PricedLine = z.infer<typeof PricedLineSchema>;

/**
 * The priced basket: lines, totals (`gross` = Σ line gross, `discountTotal` = Σ line discounts,
 * `pointsMoney`, `total` = what is left to pay), the `spend` counted toward accumulated spend, points
 * earned, the welcome bonus, points redeemed, and what applied: the `tier`, the `reward`, the stamp
 * card, the lot's expiry and `explain`.
 *
 * @example
 * ```ts
 * import type { Quote } from "loyalty-kit";
 * declare const q: Quote;
 * const show = (x: Quote) => `${x.total.amount} ${x.total.currency}, +${x.pointsEarned} points`;
 * console.log(typeof show);
 * ```
 * @category programs
 */
export const QuoteSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    programId: z.string(),
    kind: z.enum(["discount", "cumulative", "bonus", "catalog", "stamps", "promotion"]),
    basketId: z.string(),
    at: z.string(),
    active: z.boolean(),
    lines: z.array(PricedLineSchema),
    gross: MoneyJsonSchema,
    discountTotal: MoneyJsonSchema,
    pointsMoney: MoneyJsonSchema,
    total: MoneyJsonSchema,
    spend: MoneyJsonSchema,
    accumulatedSpend: z.nullable(MoneyJsonSchema),
    tier: z.nullable(TierSchema),
    pointsEarned: Points,
    welcomeBonus: Points,
    pointsRedeemed: Points,
    expiresAt: z.nullable(z.string()),
    reward: z.nullable(z.strictObject({ id: z.string(), name: z.string(), pointsCost: Points })),
    stamps: z.nullable(
      z.strictObject({ before: z.int(), redeemed: z.int(), earned: z.int(), after: z.int(), cardSize: z.int() }),
    ),
    explain: z.array(ExplanationSchema),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!QuoteSchema} @category programs */
export type Quote = z.infer<typeof QuoteSchema>;

/**
 * What a checkout recorded: the quote plus its `transactionId`, the basket's `storeId` and `tillId`
 * (when it had them), the ledger `entries` it posted (which carry them too) and the `accountId` of the
 * points ledger account they went to. Kept in the program account so a retry returns exactly this;
 * store it in your history too: {@link "loyalty-kit/programs"!refund} takes it back as `options.record` to refund a sale the
 * account no longer holds.
 *
 * @example
 * ```ts
 * import type { CheckoutRecord } from "loyalty-kit";
 * declare const r: CheckoutRecord;
 * const ids = (x: CheckoutRecord) => x.entries.map((e) => e.transactionId);
 * console.log(typeof ids);
 * ```
 * @category programs
 */
export const CheckoutRecordSchema = /* @__PURE__ */ (() =>
  z.extend(QuoteSchema, {
    transactionId: Id,
    storeId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    tillId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    entries: z.array(EntrySchema),
    /** The points ledger account the checkout posted to (records made before 0.2 have none). */
    accountId: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!CheckoutRecordSchema} @category programs */
export type CheckoutRecord = z.infer<typeof CheckoutRecordSchema>;

/**
 * One refunded line: the quantity, the money to give back (the net paid for it), the earned points
 * taken back and the redeemed points given back, and the spend taken out of the accumulated spend.
 *
 * @example
 * ```ts
 * import type { RefundedLine } from "loyalty-kit";
 * const l: RefundedLine = { id: "1", quantity: "1", moneyBack: { amount: "17.99", currency: "EUR" }, pointsReversed: "17", pointsRestored: "0", spendReversed: { amount: "19.99", currency: "EUR" } };
 * console.log(l.moneyBack.amount);
 * ```
 * @category programs
 */
export const RefundedLineSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string(),
    quantity: z.string(),
    moneyBack: MoneyJsonSchema,
    pointsReversed: Points,
    pointsRestored: Points,
    spendReversed: MoneyJsonSchema,
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!RefundedLineSchema} @category programs */
export type RefundedLine = z.infer<typeof RefundedLineSchema>;

/**
 * What a refund recorded: per line and in total, the money to give back, points reversed (and of
 * them, how many were taken and how many forgiven) and restored, whether the purchase is now fully refunded (then a first-purchase welcome bonus is
 * reversed too), and the ledger entries posted.
 *
 * @example
 * ```ts
 * import type { RefundRecord } from "loyalty-kit";
 * declare const r: RefundRecord;
 * const back = (x: RefundRecord) => x.moneyBack.amount;
 * console.log(typeof back);
 * ```
 * @category programs
 */
export const RefundRecordSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    programId: z.string(),
    transactionId: Id,
    originalTransactionId: Id,
    at: z.string(),
    lines: z.array(RefundedLineSchema),
    moneyBack: MoneyJsonSchema,
    pointsReversed: Points,
    pointsRestored: Points,
    welcomeReversed: Points,
    spendReversed: MoneyJsonSchema,
    complete: z.boolean(),
    /**
     * Of the earned and welcome points reversed (`pointsReversed + welcomeReversed`), how many were
     * actually taken from the customer: out of their own lot, from other points, or below zero under
     * `negative-balance`. Absent on records written before 0.2.
     */
    pointsTaken: z.optional(Points),
    /** Of the points reversed, how many were forgiven (`deduct-available` with too few points left). Absent on records written before 0.2. */
    pointsForgiven: z.optional(Points),
    entries: z.array(EntrySchema),
    explain: z.array(ExplanationSchema),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!RefundRecordSchema} @category programs */
export type RefundRecord = z.infer<typeof RefundRecordSchema>;

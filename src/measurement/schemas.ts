// The zod schemas of the measurement inputs, exported on `loyalty-kit/schemas` only. The functions
// and their named input types live beside each measure; test/types/measurement.test-d.ts checks that
// each named type equals what its schema infers, so the two cannot drift.
import * as z from "zod/mini";
import { InstantSchema } from "../_lib/validation.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const unit = /* @__PURE__ */ (() => z.number().check(z.minimum(0)).check(z.maximum(1)))();

/**
 * A customer's position on the two axes of Dick & Basu (1994), each on 0..1: `relativeAttitude`
 * (attitude toward us relative to the alternatives, e.g. a normalized survey score) and
 * `repeatPatronage` (e.g. share of purchases or repeat-purchase probability).
 *
 * @example
 * ```ts
 * import { DickBasuInputSchema } from "loyalty-kit/schemas";
 * console.log(DickBasuInputSchema.safeParse({ relativeAttitude: 0.8, repeatPatronage: 0.3 }).success); // true
 * ```
 * @category measurement
 */
export const DickBasuInputSchema = /* @__PURE__ */ z.strictObject({ relativeAttitude: unit, repeatPatronage: unit });

/**
 * What was observed of a client: `true` for each sign seen. A missing key means not observed.
 *
 * @example
 * ```ts
 * import { LoyalSignsObservationsSchema } from "loyalty-kit/schemas";
 * console.log(LoyalSignsObservationsSchema.safeParse({ recommends: true }).success); // true
 * ```
 * @category measurement
 */
export const LoyalSignsObservationsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    repeatPurchases: z.optional(z.boolean()),
    buysMore: z.optional(z.boolean()),
    buysPremium: z.optional(z.boolean()),
    recommends: z.optional(z.boolean()),
    compliments: z.optional(z.boolean()),
    speaksWellPublicly: z.optional(z.boolean()),
    defendsYou: z.optional(z.boolean()),
    constructiveFeedback: z.optional(z.boolean()),
    competitiveIntelligence: z.optional(z.boolean()),
  }))();

/**
 * What was observed of a customer, each `true` when seen (missing means not seen):
 * - `satisfied`: a positive experience after buying ("an aftertaste with a plus sign");
 * - `repeatPurchases`: has come back and bought again;
 * - `prefersBrand`: sticks to the brand and does not switch to a competing equivalent;
 * - `givesAdvice`: advises where the company should go and how to improve;
 * - `promotesProduct`: helps promote the product on the market;
 * - `sharesCompetitorInfo`: watches competitors' actions and tells the company.
 *
 * @example
 * ```ts
 * import { LoyaltyStageObservationsSchema } from "loyalty-kit/schemas";
 * console.log(LoyaltyStageObservationsSchema.safeParse({ satisfied: true }).success); // true
 * ```
 * @category measurement
 */
export const LoyaltyStageObservationsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    satisfied: z.optional(z.boolean()),
    repeatPurchases: z.optional(z.boolean()),
    prefersBrand: z.optional(z.boolean()),
    givesAdvice: z.optional(z.boolean()),
    promotesProduct: z.optional(z.boolean()),
    sharesCompetitorInfo: z.optional(z.boolean()),
  }))();

/**
 * Indicators of the three traditional loyalty types (perceived, emotional, behavioural); each is optional, and a missing one is left out
 * of its type's score.
 * - perceived (what the customer says): `buyAgain` (says they will buy again), `recommend` (0–10);
 * - emotional (the relationship with the product and the company): `knowsProduct`,
 *   `knowsStrengthsAndWeaknesses`, `knowsProblemSolved` (knows which need or problem the product
 *   solves), `likesBrand`;
 * - behavioural (what the customer does): `repeatPurchases`, `frequencyIndex` (from
 *   {@link "loyalty-kit/measurement"!purchaseFrequencyIndex}, ≥ 0), `shareOfPurchases` (0..1, from {@link "loyalty-kit/measurement"!shareOfPurchases}).
 *
 * @example
 * ```ts
 * import { LoyaltyTypeObservationsSchema } from "loyalty-kit/schemas";
 * console.log(LoyaltyTypeObservationsSchema.safeParse({ recommend: 9, frequencyIndex: 1.4 }).success); // true
 * ```
 * @category measurement
 */
export const LoyaltyTypeObservationsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    buyAgain: z.optional(z.boolean()),
    recommend: z.optional(z.int().check(z.minimum(0)).check(z.maximum(10))),
    knowsProduct: z.optional(z.boolean()),
    knowsStrengthsAndWeaknesses: z.optional(z.boolean()),
    knowsProblemSolved: z.optional(z.boolean()),
    likesBrand: z.optional(z.boolean()),
    repeatPurchases: z.optional(z.boolean()),
    frequencyIndex: z.optional(z.number().check(z.minimum(0))),
    shareOfPurchases: z.optional(z.number().check(z.minimum(0)).check(z.maximum(1))),
  }))();

const count = /* @__PURE__ */ (() => z.int().check(z.minimum(0)))();

/**
 * Customer counts over a period: `start` customers at its beginning, `end` at its end, of whom
 * `acquired` were won during the period. `acquired` cannot exceed `end`, and the customers kept
 * (`end − acquired`) cannot exceed `start`.
 *
 * @example
 * ```ts
 * import { RetentionCountsSchema } from "loyalty-kit/schemas";
 * console.log(RetentionCountsSchema.safeParse({ start: 600, end: 620, acquired: 100 }).success); // true
 * ```
 * @category measurement
 */
export const RetentionCountsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ start: count, end: count, acquired: count }).check(
    z.superRefine((c, ctx) => {
      if (c.acquired > c.end) {
        ctx.addIssue({
          code: "custom",
          path: ["acquired"],
          message: `expected at most end (${c.end}) customers acquired, got ${c.acquired}`,
        });
      } else if (c.end - c.acquired > c.start) {
        ctx.addIssue({
          code: "custom",
          path: ["end"],
          message: `expected end − acquired (${c.end - c.acquired} kept) to be at most start (${c.start})`,
        });
      }
    }),
  ))();

/**
 * Numbers of satisfied and dissatisfied customers, non-negative integers.
 *
 * @example
 * ```ts
 * import { WordOfMouthInputSchema } from "loyalty-kit/schemas";
 * console.log(WordOfMouthInputSchema.safeParse({ satisfied: 40, dissatisfied: 5 }).success); // true
 * ```
 * @category measurement
 */
export const WordOfMouthInputSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    satisfied: z.int().check(z.minimum(0)),
    dissatisfied: z.int().check(z.minimum(0)),
  }))();

/**
 * How many people a satisfied and a dissatisfied customer tell. The defaults are the customer-service
 * rule of thumb: a satisfied customer tells 10 people, a dissatisfied one tells 20.
 *
 * @example
 * ```ts
 * import { WordOfMouthOptionsSchema } from "loyalty-kit/schemas";
 * console.log(WordOfMouthOptionsSchema.parse({})); // { tellsSatisfied: 10, tellsDissatisfied: 20 }
 * ```
 * @category measurement
 */
export const WordOfMouthOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    tellsSatisfied: z._default(z.number().check(z.minimum(0)), 10),
    tellsDissatisfied: z._default(z.number().check(z.minimum(0)), 20),
  }))();

/**
 * One answer to the two-question loyalty survey of "would you buy from us again?" on the
 * stated scale, and "would you recommend us to a friend?" on 0–10.
 *
 * @example
 * ```ts
 * import { SurveyResponseSchema } from "loyalty-kit/schemas";
 * console.log(SurveyResponseSchema.parse({ buyAgain: 5, recommend: 9 }));
 * ```
 * @category measurement
 */
export const SurveyResponseSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Answer to "would you buy again?" on the survey's scale (default 1–5). */
    buyAgain: z.int(),
    /** Answer to "how likely are you to recommend us?", an integer 0–10. */
    recommend: z.int().check(z.minimum(0)).check(z.maximum(10)),
  }))();

/**
 * A list of survey answers.
 *
 * @example
 * ```ts
 * import { SurveyResponsesSchema } from "loyalty-kit/schemas";
 * console.log(SurveyResponsesSchema.safeParse([{ buyAgain: 5, recommend: 10 }]).success); // true
 * ```
 * @category measurement
 */
export const SurveyResponsesSchema = /* @__PURE__ */ z.array(SurveyResponseSchema);

/**
 * The scale of the buy-again question: answers run from `min` to `max`, and an answer at or above
 * `positiveFrom` counts as an intention to buy again. The default is a 5-point scale (1 "certainly
 * not" … 5 "certainly") counted top-two-box (4 or 5). A yes/no question is `{ min: 0, max: 1,
 * positiveFrom: 1 }`.
 *
 * @example
 * ```ts
 * import { BuyAgainScaleSchema } from "loyalty-kit/schemas";
 * console.log(BuyAgainScaleSchema.parse({ min: 0, max: 1, positiveFrom: 1 }));
 * ```
 * @category measurement
 */
export const BuyAgainScaleSchema = /* @__PURE__ */ (() =>
  z.strictObject({ min: z.int(), max: z.int(), positiveFrom: z.int() }).check(
    z.refine((s) => s.min < s.max && s.min < s.positiveFrom && s.positiveFrom <= s.max, {
      message: "expected min < positiveFrom ≤ max",
    }),
  ))();

/**
 * One purchase as the retention and cohort functions need it: who bought, and when (an ISO-8601
 * instant with an offset, or a Date; stored as the canonical UTC ISO string). `id` is optional and
 * only carried along.
 *
 * @example
 * ```ts
 * import { PurchaseRecordSchema } from "loyalty-kit/schemas";
 * console.log(PurchaseRecordSchema.parse({ customerId: "c1", at: "2026-01-05T10:00:00+07:00" }).at);
 * // "2026-01-05T03:00:00.000Z"
 * ```
 * @category measurement
 */
export const PurchaseRecordSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.optional(z.string().check(z.minLength(1))),
    customerId: z.string().check(z.minLength(1)),
    at: InstantSchema,
  }))();

/**
 * A list of purchase records.
 *
 * @example
 * ```ts
 * import { PurchaseRecordsSchema } from "loyalty-kit/schemas";
 * console.log(PurchaseRecordsSchema.safeParse([]).success); // true
 * ```
 * @category measurement
 */
export const PurchaseRecordsSchema = /* @__PURE__ */ z.array(PurchaseRecordSchema);

// Program configuration: the JSON a shop or a POS integrator writes to describe its loyalty program.
// Six kinds, discriminated on `kind` (discount, cumulative discount, bonus, bonus by
// catalog; the non-personal stamp/sticker/coupon cards a small shop hands out; and promotions:
// amount off, buy X get Y, gifts with purchase, unlocked by coupon codes when configured).
// Schemas are the types; cross-field rules (currency precision, unique tiers, time zone) are checked
// once over the whole program.
import * as z from "zod/mini";
import { isTimeZone } from "../_lib/time.js";
import { isCurrencyCode, minorUnits } from "../money/currencies.js";
import { Decimal } from "../money/money.js";
import { checkPromotion } from "./promotions/_lib/checkPromotion.js";
import { TierPolicySchema } from "./tiers/tierPolicy.js";

// A schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so
// a bundle that imports one schema or constant of this module keeps only what it reads (see the
// note above DecimalString in src/core/validation.ts).

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An instant in a JSON config: an ISO-8601 string with an offset; normalized to UTC `toISOString`. */
const ConfigInstantSchema = /* @__PURE__ */ (() =>
  z.pipe(
    z.string().check(
      z.regex(ISO_INSTANT, { error: 'expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z"' }),
      z.refine((s) => Number.isFinite(Date.parse(s)), { error: "expected a real calendar instant" }),
    ),
    z.transform((s: string) => new Date(Date.parse(s)).toISOString()),
  ))();

const text = (what: string, max: number) =>
  z
    .string()
    .check(
      z.minLength(1, { error: `expected a non-empty ${what}` }),
      z.maxLength(max, { error: `expected a ${what} of at most ${max} characters` }),
    );
const IdSchema = /* @__PURE__ */ text("id", 200);
const NameSchema = /* @__PURE__ */ text("name", 500);
const NON_NEGATIVE = /^(0|[1-9]\d*)(\.\d+)?$/;
const decimal = (error: string) => z.string().check(z.regex(NON_NEGATIVE, { error }));
const positive = (error: string) =>
  z.string().check(
    z.regex(NON_NEGATIVE, { error }),
    z.refine((s) => /[1-9]/.test(s), { error }),
  );
const AmountSchema = /* @__PURE__ */ decimal('expected an amount as a non-negative decimal string such as "12.50"');
const PositiveAmountSchema = /* @__PURE__ */ positive(
  'expected an amount as a positive decimal string such as "12.50"',
);
const PointsSchema = /* @__PURE__ */ decimal('expected points as a non-negative decimal string such as "100"');
const PositivePointsSchema = /* @__PURE__ */ positive('expected points as a positive decimal string such as "100"');
const PositiveDecimalSchema = /* @__PURE__ */ positive('expected a positive decimal string such as "1.5"');
const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const optional = z.optional;

/** A percentage as a decimal string, greater than 0 and at most 100 ("10" is 10 %). */
const PercentSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(NON_NEGATIVE, { error: 'expected a percentage greater than 0 and at most 100 such as "10"' }),
    z.refine((s) => /[1-9]/.test(s) && Number(s) <= 100, {
      error: "expected a percentage greater than 0 and at most 100",
    }),
    // "0.5" here is half a percent, but it is what a share (0.5 = 50 %) looks like: refused as ambiguous.
    z.refine((s) => !(Number(s) > 0 && Number(s) < 1), {
      error:
        'looks like a share (0.5 = 50 %), but this field is a percentage from 0 to 100 ("50" is 50 %); write the percentage (a value below 1 % is refused as ambiguous)',
      abort: true,
    }),
  ))();

/**
 * The kind of a basket line. Only `merchandise` earns and gets discounts unless a program's
 * eligibility says otherwise: delivery, gift cards and fees are not purchases of goods (a gift card is
 * money in another form; rewarding it would reward the same spend twice).
 *
 * @example
 * ```ts
 * import { LineKindSchema } from "loyalty-kit/schemas";
 * console.log(LineKindSchema.options.join(", ")); // merchandise, service, delivery, gift-card, fee
 * ```
 * @category programs
 */
export const LineKindSchema = /* @__PURE__ */ z.enum(["merchandise", "service", "delivery", "gift-card", "fee"]);

/** {@inheritDoc "loyalty-kit/schemas"!LineKindSchema} @category programs */
export type LineKind = z.infer<typeof LineKindSchema>;

const SkuListSchema = /* @__PURE__ */ (() => z.array(text("SKU or category", 200)).check(z.maxLength(10_000)))();

/**
 * Which lines a program applies to. A line is eligible when its `kind` is in `lineKinds` (default
 * `["merchandise", "service"]`), it matches an include list when any is given (SKU or category), and
 * it is in no exclude list. Excludes win over includes.
 *
 * @example
 * ```ts
 * import { EligibilitySchema } from "loyalty-kit/schemas";
 * console.log(EligibilitySchema.parse({ excludeCategories: ["tobacco"] }).excludeCategories); // [ 'tobacco' ]
 * ```
 * @category programs
 */
export const EligibilitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    lineKinds: optional(z.array(LineKindSchema).check(z.minLength(1))),
    includeSkus: optional(SkuListSchema),
    includeCategories: optional(SkuListSchema),
    excludeSkus: optional(SkuListSchema),
    excludeCategories: optional(SkuListSchema),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!EligibilitySchema} @category programs */
export type Eligibility = z.infer<typeof EligibilitySchema>;

/**
 * The active window of a program: from `from` (inclusive) to `to` (exclusive, optional). Outside it
 * checkout applies nothing and says so ("limit the duration of the program, e.g. a year").
 *
 * @example
 * ```ts
 * import { ActiveWindowSchema } from "loyalty-kit/schemas";
 * console.log(ActiveWindowSchema.parse({ from: "2026-01-01T00:00:00+07:00" }).from); // 2025-12-31T17:00:00.000Z
 * ```
 * @category programs
 */
export const ActiveWindowSchema = /* @__PURE__ */ (() =>
  z.strictObject({ from: ConfigInstantSchema, to: optional(ConfigInstantSchema) }).check(
    z.refine((w) => w.to === undefined || Date.parse(w.to) > Date.parse(w.from), {
      error: "expected active.to after active.from",
      path: ["to"],
    }),
  ))();

/** {@inheritDoc "loyalty-kit/schemas"!ActiveWindowSchema} @category programs */
export type ActiveWindow = z.infer<typeof ActiveWindowSchema>;

/**
 * What a refund does when the points it must take back were already spent: `deduct-available` takes
 * them from the customer's other available points and forgives the rest; `negative-balance` takes
 * them anyway, letting the balance go below zero until new points repay it.
 *
 * @example
 * ```ts
 * import { ClawbackPolicySchema } from "loyalty-kit/schemas";
 * console.log(ClawbackPolicySchema.options); // [ 'negative-balance', 'deduct-available' ]
 * ```
 * @category programs
 */
export const ClawbackPolicySchema = /* @__PURE__ */ z.enum(["negative-balance", "deduct-available"]);

/** {@inheritDoc "loyalty-kit/schemas"!ClawbackPolicySchema} @category programs */
export type ClawbackPolicy = z.infer<typeof ClawbackPolicySchema>;

const RoundingSchema = /* @__PURE__ */ z.enum(["half-even", "half-up", "down", "up", "floor", "ceil"]);

const common = /* @__PURE__ */ (() => ({
  id: IdSchema,
  name: NameSchema,
  currency: z
    .string()
    .check(z.refine(isCurrencyCode, { error: 'expected an active ISO 4217 currency code such as "EUR"' })),
  timeZone: z.string().check(z.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Berlin"' })),
  active: ActiveWindowSchema,
  eligibility: optional(EligibilitySchema),
  /** Whether the customer must be identified and have consented to personal-data processing. */
  personalized: optional(z.boolean()),
  /** Rounding of money discounts to the minor unit (default half-even). */
  rounding: optional(RoundingSchema),
}))();

/** Lines a rule applies to: any listed SKU or category (at least one list, non-empty). */
const MatchSchema = /* @__PURE__ */ (() =>
  z.strictObject({ skus: optional(SkuListSchema), categories: optional(SkuListSchema) }).check(
    z.refine((m) => (m.skus?.length ?? 0) + (m.categories?.length ?? 0) > 0, {
      error: "expected at least one SKU or category to match",
    }),
  ))();

/**
 * A plain discount program: a fixed percentage off eligible lines, optionally only from a minimum
 * spend and up to a maximum discount. Not personalized by default ("simple discount").
 *
 * @example
 * ```ts
 * import { DiscountProgramSchema } from "loyalty-kit/schemas";
 * const p = DiscountProgramSchema.parse({ kind: "discount", id: "ten", name: "10% off", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "10" });
 * console.log(p.percent); // 10
 * ```
 * @category programs
 */
export const DiscountProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("discount"),
    ...common,
    percent: PercentSchema,
    minSpend: optional(AmountSchema),
    maxDiscount: optional(AmountSchema),
  }))();

/**
 * One tier of a cumulative program: from `threshold` accumulated spend on, `percent` off.
 *
 * @example
 * ```ts
 * import { TierSchema } from "loyalty-kit/schemas";
 * console.log(TierSchema.parse({ name: "Silver", threshold: "1000", percent: "5" }).name); // Silver
 * ```
 * @category programs
 */
export const TierSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: NameSchema,
    threshold: AmountSchema,
    percent: z.union([z.literal("0"), PercentSchema]),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!TierSchema} @category programs */
export type Tier = z.infer<typeof TierSchema>;

/**
 * The window in which spend accumulates: the last `months` months before the purchase (same wall-clock
 * time, day clamped to the month's end, in the program's time zone), the calendar year of the
 * purchase, or the customer's whole history.
 *
 * @example
 * ```ts
 * import { SpendWindowSchema } from "loyalty-kit/schemas";
 * const window = SpendWindowSchema.parse({ type: "rolling", months: 12 });
 * if (window.type === "rolling") console.log(window.months); // 12
 * ```
 * @category programs
 */
export const SpendWindowSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("rolling"), months: int(1, 1200) }),
    z.strictObject({ type: z.literal("calendar-year") }),
    z.strictObject({ type: z.literal("lifetime") }),
  ]))();

/** {@inheritDoc "loyalty-kit/schemas"!SpendWindowSchema} @category programs */
export type SpendWindow = z.infer<typeof SpendWindowSchema>;

/**
 * A cumulative discount program: tiers chosen by the customer's spend accumulated inside `window`; the
 * highest tier whose threshold ≤ that spend applies. `includeCurrentPurchase` says whether the basket
 * being paid counts toward its own tier (default false). Tiers may be listed in any order; duplicate
 * thresholds or names are invalid.
 *
 * @example
 * ```ts
 * import { CumulativeProgramSchema } from "loyalty-kit/schemas";
 * const r = CumulativeProgramSchema.safeParse({ kind: "cumulative", id: "vip", name: "VIP", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, window: { type: "lifetime" }, tiers: [{ name: "Bronze", threshold: "0", percent: "0" }] });
 * console.log(r.success); // true
 * ```
 * @category programs
 */
export const CumulativeProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("cumulative"),
    ...common,
    tiers: z.array(TierSchema).check(z.minLength(1), z.maxLength(100)),
    window: SpendWindowSchema,
    includeCurrentPurchase: optional(z.boolean()),
    maxDiscount: optional(AmountSchema),
  }))();

/**
 * One earn rule of a bonus or catalog program:
 * - `per-amount`: `points` for every `per` of money actually paid on matching lines (all eligible
 *   lines when `match` is absent); several matching per-amount rules add up;
 * - `multiplier`: multiplies the per-amount points of matching lines by `factor`; when several match a
 *   line, the highest factor applies (multipliers never compound);
 * - `per-unit`: fixed `points` for each unit bought and paid for of matching lines (without `match`:
 *   every eligible merchandise line); a unit a reward, a discount or points paid for in full earns nothing.
 *
 * @example
 * ```ts
 * import { EarnRuleSchema } from "loyalty-kit/schemas";
 * const rule = EarnRuleSchema.parse({ type: "multiplier", factor: "2", match: { categories: ["shoes"] } });
 * if (rule.type === "multiplier") console.log(rule.factor); // 2
 * ```
 * @category programs
 */
export const EarnRuleSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("per-amount"),
      id: optional(IdSchema),
      points: PositivePointsSchema,
      per: PositiveAmountSchema,
      match: optional(MatchSchema),
    }),
    z.strictObject({
      type: z.literal("multiplier"),
      id: optional(IdSchema),
      factor: PositiveDecimalSchema,
      match: MatchSchema,
    }),
    z.strictObject({
      type: z.literal("per-unit"),
      id: optional(IdSchema),
      points: PositivePointsSchema,
      match: optional(MatchSchema),
    }),
  ]))();

/** {@inheritDoc "loyalty-kit/schemas"!EarnRuleSchema} @category programs */
export type EarnRule = z.infer<typeof EarnRuleSchema>;

/**
 * How points are earned: the rules, the rounding of the transaction's total (floor by default), a
 * minimum order (below it nothing is earned), caps per transaction and per calendar period (in the
 * program's time zone; applied after rounding), how long a lot stays valid (`validityMonths`:
 * expiry at the end of the same day N months later, clamped to month end), and a return window
 * (`pendingDays`, 1–365; default none: points are available at once): points earned on a purchase
 * stay pending for that many 24-hour days after the sale — shown apart, not spendable, taken back in
 * full by a refund inside the window — and their validity counts from when they become available.
 *
 * @example
 * ```ts
 * import { EarnSchema } from "loyalty-kit/schemas";
 * const e = EarnSchema.parse({ rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 12 });
 * console.log(e.rules.length, e.validityMonths); // 1 12
 * ```
 * @category programs
 */
export const EarnSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    rules: z.array(EarnRuleSchema).check(z.maxLength(200)),
    rounding: optional(RoundingSchema),
    minOrder: optional(AmountSchema),
    capPerTransaction: optional(PointsSchema),
    capPerPeriod: optional(z.strictObject({ points: PointsSchema, period: z.enum(["day", "week", "month", "year"]) })),
    validityMonths: optional(int(1, 1200)),
    pendingDays: optional(int(1, 365)),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!EarnSchema} @category programs */
export type Earn = z.infer<typeof EarnSchema>;

/**
 * A welcome bonus: `points` credited when the customer enrolls (`openProgramAccount`) or with the first
 * purchase (people join more readily when they get something on the first purchase).
 *
 * @example
 * ```ts
 * import { WelcomeBonusSchema } from "loyalty-kit/schemas";
 * console.log(WelcomeBonusSchema.parse({ points: "100", on: "first-purchase" }).on); // first-purchase
 * ```
 * @category programs
 */
export const WelcomeBonusSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    points: PositivePointsSchema,
    on: z.enum(["enrollment", "first-purchase"]),
  }))();

/**
 * Redeeming points as money: `pointValue` per point, at least `minPoints`, in multiples of `step`,
 * paying at most `maxShare` percent of the eligible amount left after discounts (default 100).
 *
 * @example
 * ```ts
 * import { RedeemSchema } from "loyalty-kit/schemas";
 * console.log(RedeemSchema.parse({ pointValue: "0.01", maxShare: "50" }).maxShare); // 50
 * ```
 * @category programs
 */
export const RedeemSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    pointValue: PositiveAmountSchema,
    minPoints: optional(PointsSchema),
    step: optional(PositivePointsSchema),
    maxShare: optional(PercentSchema),
  }))();

const pointsCommon = /* @__PURE__ */ (() => ({
  /** Digits after the decimal point for points (0 = whole points, the default). */
  pointsScale: optional(int(0, 6)),
  welcomeBonus: optional(WelcomeBonusSchema),
  clawback: optional(ClawbackPolicySchema),
}))();

/**
 * A bonus program: points earned on what is actually paid, and optionally redeemed as money. With
 * `tiers` (a {@link TierPolicySchema | tier policy}) checkout applies the earn multiplier of the tier
 * the member holds just before the purchase, read from the program account's own purchases and
 * refunds (spend paid, or points earned for a points basis): points × (multiplier − 1) more, rounded
 * down to the program's `pointsScale` — the figure {@link "loyalty-kit/programs"!tierBonusEntry} gives beside checkout — and
 * the quote says so ("Gold: 1.5× points (+37 on 75)"). Caps apply to the points before the multiplier.
 *
 * @example
 * ```ts
 * import { BonusProgramSchema } from "loyalty-kit/schemas";
 * const p = BonusProgramSchema.parse({ kind: "bonus", id: "b", name: "Bonus", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] }, redeem: { pointValue: "0.01", maxShare: "50" } });
 * console.log(p.redeem?.pointValue); // 0.01
 * ```
 * @category programs
 */
export const BonusProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("bonus"),
    ...common,
    ...pointsCommon,
    earn: EarnSchema,
    redeem: optional(RedeemSchema),
    tiers: optional(TierPolicySchema),
  }))();

/**
 * What a catalog reward gives: one unit of a product in the basket free (`product`, by SKU), a fixed
 * amount off the eligible lines (`fixed`), or a percentage off them (`percent`).
 *
 * @example
 * ```ts
 * import { RewardGiftSchema } from "loyalty-kit/schemas";
 * console.log(RewardGiftSchema.parse({ type: "fixed", amount: "5.00" }).type); // fixed
 * ```
 * @category programs
 */
export const RewardGiftSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("product"), sku: text("SKU", 200) }),
    z.strictObject({ type: z.literal("fixed"), amount: PositiveAmountSchema }),
    z.strictObject({ type: z.literal("percent"), percent: PercentSchema }),
  ]))();

/**
 * A catalog reward: a points price and optional initial stock.
 *
 * @example
 * ```ts
 * import { RewardSchema } from "loyalty-kit/schemas";
 * console.log(RewardSchema.parse({ id: "scarf", name: "Silk scarf", pointsCost: "500", stock: 3, gives: { type: "product", sku: "SCARF" } }).stock); // 3
 * ```
 * @category programs
 */
export const RewardSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: IdSchema,
    name: NameSchema,
    pointsCost: PositivePointsSchema,
    stock: optional(int(0, 1_000_000_000)),
    gives: RewardGiftSchema,
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!RewardSchema} @category programs */
export type Reward = z.infer<typeof RewardSchema>;

/**
 * A catalog program ("bonus by catalog"): points earned like a bonus program, spent on
 * rewards from a catalog rather than as money.
 *
 * @example
 * ```ts
 * import { CatalogProgramSchema } from "loyalty-kit/schemas";
 * const r = CatalogProgramSchema.safeParse({ kind: "catalog", id: "c", name: "Gifts", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, rewards: [] });
 * console.log(r.success); // true
 * ```
 * @category programs
 */
export const CatalogProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("catalog"),
    ...common,
    ...pointsCommon,
    earn: optional(EarnSchema),
    rewards: z.array(RewardSchema).check(z.maxLength(10_000)),
  }))();

/**
 * What a full stamp card gives: the most expensive eligible unit in the basket free up to `maxValue`
 * (`free-item`), a fixed amount off, or a percentage off the eligible lines.
 *
 * @example
 * ```ts
 * import { CardRewardSchema } from "loyalty-kit/schemas";
 * const reward = CardRewardSchema.parse({ type: "free-item", maxValue: "15.00" });
 * if (reward.type === "free-item") console.log(reward.maxValue); // 15.00
 * ```
 * @category programs
 */
export const CardRewardSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("free-item"),
      maxValue: optional(PositiveAmountSchema),
      match: optional(MatchSchema),
    }),
    z.strictObject({ type: z.literal("fixed"), amount: PositiveAmountSchema }),
    z.strictObject({ type: z.literal("percent"), percent: PercentSchema }),
  ]))();

/**
 * A stamp card (stickers, coupons, stamps — the non-personal kinds): `stamps` per purchase
 * paying at least `minAmount`, or one stamp per full `per` paid (up to `maxPerPurchase`); a card of
 * `cardSize` stamps gives `reward` on the next purchase. Works without a customer id; `transferable`
 * (default true) says whether anyone holding the card may use it.
 *
 * @example
 * ```ts
 * import { StampsProgramSchema } from "loyalty-kit/schemas";
 * const p = StampsProgramSchema.parse({ kind: "stamps", id: "s", name: "Coffee card", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, cardSize: 6, earn: { type: "per-purchase", minAmount: "10.00" }, reward: { type: "free-item", maxValue: "15.00" } });
 * console.log(p.cardSize); // 6
 * ```
 * @category programs
 */
export const StampsProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("stamps"),
    ...common,
    cardSize: int(1, 1000),
    earn: z.discriminatedUnion("type", [
      z.strictObject({
        type: z.literal("per-purchase"),
        minAmount: optional(AmountSchema),
        stamps: optional(int(1, 1000)),
      }),
      z.strictObject({
        type: z.literal("per-amount"),
        per: PositiveAmountSchema,
        maxPerPurchase: optional(int(1, 1000)),
      }),
    ]),
    reward: CardRewardSchema,
    transferable: optional(z.boolean()),
    clawback: optional(ClawbackPolicySchema),
  }))();

/**
 * Which units of a "buy X get Y" are discounted: the cheapest qualifying units (the default, as most
 * commerce platforms do) or the most expensive.
 *
 * @example
 * ```ts
 * import { FreeUnitRuleSchema } from "loyalty-kit/schemas";
 * console.log(FreeUnitRuleSchema.options.join(", ")); // cheapest, most-expensive
 * ```
 * @category programs
 */
export const FreeUnitRuleSchema = /* @__PURE__ */ z.enum(["cheapest", "most-expensive"]);

/**
 * The rule of a promotion:
 * - `amount-off`: `amount` off the eligible lines (or only those matching `match`) when they come to
 *   at least `minSpend`; never more than they cost; split over them in proportion to their amounts;
 * - `buy-x-get-y`: for every `buy.quantity` units bought (matching `buy.match`, else any eligible unit),
 *   `get.quantity` further units (matching `get.match`, else any eligible unit) get `get.percent` off
 *   (default 100: free), at most `maxApplications` times; which units are discounted is `free`
 *   (default `cheapest`). `allocation` says where the discount is booked: `bundle` (default) spreads
 *   it over every unit of the bundle in proportion to price, so a partial refund takes back its share;
 *   `free-units` puts it on the discounted units only;
 * - `gift`: when the eligible lines (other than the gift) come to at least `when.minSpend` and hold at
 *   least `when.minQuantity` units matching `when.match`, `gift.quantity` units of the line with SKU
 *   `gift.sku` are free (a line with its own price and a 100 % discount; {@link "loyalty-kit/programs"!addGiftLines} adds it).
 *
 * @example
 * ```ts
 * import { PromotionRuleSchema } from "loyalty-kit/schemas";
 * const rule = PromotionRuleSchema.parse({ type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } });
 * if (rule.type === "buy-x-get-y") console.log(rule.buy.quantity, rule.get.quantity); // 2 1
 * ```
 * @category programs
 */
export const PromotionRuleSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({
      type: z.literal("amount-off"),
      amount: PositiveAmountSchema,
      match: optional(MatchSchema),
      minSpend: optional(AmountSchema),
    }),
    z.strictObject({
      type: z.literal("buy-x-get-y"),
      buy: z.strictObject({ quantity: int(1, 1000), match: optional(MatchSchema) }),
      get: z.strictObject({ quantity: int(1, 1000), match: optional(MatchSchema), percent: optional(PercentSchema) }),
      free: optional(FreeUnitRuleSchema),
      allocation: optional(z.enum(["bundle", "free-units"])),
      maxApplications: optional(int(1, 1_000_000)),
    }),
    z.strictObject({
      type: z.literal("gift"),
      gift: z.strictObject({
        sku: text("SKU", 200),
        unitPrice: PositiveAmountSchema,
        quantity: optional(int(1, 1000)),
        category: optional(text("category", 200)),
      }),
      when: z.strictObject({
        minSpend: optional(AmountSchema),
        match: optional(MatchSchema),
        minQuantity: optional(int(1, 1_000_000)),
      }),
    }),
  ]))();

/** {@inheritDoc "loyalty-kit/schemas"!PromotionRuleSchema} @category programs */
export type PromotionRule = z.infer<typeof PromotionRuleSchema>;

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LocalDateSchema = /* @__PURE__ */ (() =>
  z.string().check(
    z.regex(LOCAL_DATE, { error: 'expected a calendar date such as "2026-04-30"' }),
    z.refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { error: "expected a real calendar date" }),
  ))();
const usesLimit = () => int(1, 1_000_000_000);

/**
 * The coupon codes that unlock a promotion, and their limits:
 * - `codes`: the codes handed out (compared without case, spaces or dashes); codes a checkout issues
 *   for the next visit are added to the coupon state and count too;
 * - `pattern`: the shape of the codes, `#` for a character of the Crockford Base32 alphabet, the last
 *   `#` a Luhn mod N check character (so a mistyped code is told apart from an unknown one);
 * - `usesPerCode` (1: single-use; default unlimited), `perCustomer`, `total` uses over all codes, and a
 *   money `budget` over all redemptions (the last discount is capped to what is left);
 * - `validFrom` / `validUntil`: calendar dates, inclusive, in the program's time zone;
 * - `onRefund`: `return-use` (default) gives the use and the money back when a sale is refunded with
 *   {@link "loyalty-kit/programs"!returnCoupon}; `keep-use` gives only the money back to the budget;
 * - `issue`: the rule for next-order coupons a checkout hands out (`minSpend`, `validDays`; needs `pattern`).
 *
 * @example
 * ```ts
 * import { CouponRulesSchema } from "loyalty-kit/schemas";
 * console.log(CouponRulesSchema.parse({ codes: ["WELCOME10"], perCustomer: 1 }).perCustomer); // 1
 * ```
 * @category programs
 */
export const CouponRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    codes: optional(z.array(text("coupon code", 64)).check(z.maxLength(100_000))),
    pattern: optional(text("coupon pattern", 64)),
    usesPerCode: optional(usesLimit()),
    perCustomer: optional(usesLimit()),
    total: optional(usesLimit()),
    budget: optional(PositiveAmountSchema),
    validFrom: optional(LocalDateSchema),
    validUntil: optional(LocalDateSchema),
    onRefund: optional(z.enum(["return-use", "keep-use"])),
    /**
     * Next-order coupons: a checkout given this promotion as `options.nextOrder` issues one code from
     * `pattern` when the sale's total to pay is at least `minSpend`, valid for `validDays` days
     * including the day of the sale (in the promotion's time zone), for the sale's customer when it has
     * one. A refund that takes the sale below `minSpend` voids it while it is unused.
     */
    issue: optional(
      z.strictObject({
        minSpend: optional(PositiveAmountSchema),
        validDays: int(1, 3650),
      }),
    ),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!CouponRulesSchema} @category programs */
export type CouponRules = z.infer<typeof CouponRulesSchema>;

/**
 * A promotion at the till: one {@link PromotionRuleSchema | rule} (amount off, buy X get Y, gift
 * with purchase) on the eligible lines, inside the active window, unlocked by a coupon code when
 * `coupon` is set ({@link CouponRulesSchema}). Not personalized by default. Several
 * promotions and loyalty programs stack in the order given to `checkoutAll`, each on what the previous
 * one left.
 *
 * @example
 * ```ts
 * import { PromotionProgramSchema } from "loyalty-kit/schemas";
 * const p = PromotionProgramSchema.parse({ kind: "promotion", id: "ten-off", name: "10.00 off from 50.00", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, rule: { type: "amount-off", amount: "10.00", minSpend: "50.00" } });
 * console.log(p.rule.type); // amount-off
 * ```
 * @category programs
 */
export const PromotionProgramSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("promotion"),
    ...common,
    rule: PromotionRuleSchema,
    coupon: optional(CouponRulesSchema),
    /** Order among promotions in `selectPromotions`: lower first (default 0; ties keep the given order). */
    priority: optional(int(0, 1_000_000)),
    /** How it combines with other promotions: `stack` (default), `exclusive` or `best-for-customer`. */
    combine: optional(z.enum(["stack", "exclusive", "best-for-customer"])),
  }))();

function decimals(s: string): number {
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

type Ctx = z.core.$RefinementCtx<unknown>;

function checkMoney(ctx: Ctx, currency: string, value: string | undefined, path: (string | number)[]): void {
  const units = minorUnits(currency);
  if (value === undefined || units === undefined) return;
  if (decimals(value) > units)
    ctx.addIssue({
      code: "custom",
      path,
      message: `expected an amount with at most ${units} decimals for ${currency}`,
    });
}

function checkPoints(ctx: Ctx, scale: number, value: string | undefined, path: (string | number)[]): void {
  if (value !== undefined && decimals(value) > scale)
    ctx.addIssue({ code: "custom", path, message: `expected points with at most ${scale} decimals (pointsScale)` });
}

function checkUnique(
  ctx: Ctx,
  values: readonly string[],
  path: (string | number)[],
  field: string,
  what: string,
): void {
  const seen = new Set<string>();
  values.forEach((v, i) => {
    if (seen.has(v))
      ctx.addIssue({
        code: "custom",
        path: [...path, i, field],
        message: `expected a unique ${what} (duplicates are ambiguous)`,
      });
    seen.add(v);
  });
}

/**
 * A loyalty program: one of the six kinds (the five loyalty kinds and `promotion`), discriminated on `kind`. Common fields: `id`, `name`,
 * `currency`, `timeZone` (IANA), `active` window, `eligibility`, `personalized` (default true for
 * cumulative, bonus and catalog; false for discount and stamps) and `rounding` of money discounts.
 * Checked across fields: money amounts fit the currency's minor unit, points fit `pointsScale`, tier
 * thresholds and names, reward ids are unique.
 *
 * @example
 * ```ts
 * import { ProgramSchema } from "loyalty-kit/schemas";
 * const r = ProgramSchema.safeParse({ kind: "discount", id: "d", name: "10%", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "10", maxDiscount: "5.001" });
 * console.log(r.success); // false: EUR has 2 decimals
 * ```
 * @category programs
 */
export const ProgramSchema = /* @__PURE__ */ (() =>
  z
    .discriminatedUnion("kind", [
      DiscountProgramSchema,
      CumulativeProgramSchema,
      BonusProgramSchema,
      CatalogProgramSchema,
      StampsProgramSchema,
      PromotionProgramSchema,
    ])
    .check(
      z.superRefine((p, ctx) => {
        const c = p.currency;
        switch (p.kind) {
          case "discount":
            checkMoney(ctx, c, p.minSpend, ["minSpend"]);
            checkMoney(ctx, c, p.maxDiscount, ["maxDiscount"]);
            break;
          case "cumulative":
            checkUnique(
              ctx,
              p.tiers.map((t) => t.name),
              ["tiers"],
              "name",
              "tier name",
            );
            // Thresholds are compared as decimals: "1000" and "1000.00" are the same threshold.
            checkUnique(
              ctx,
              p.tiers.map((t) => new Decimal(t.threshold).toString()),
              ["tiers"],
              "threshold",
              "tier threshold",
            );
            checkMoney(ctx, c, p.maxDiscount, ["maxDiscount"]);
            break;
          case "bonus":
          case "catalog": {
            const scale = p.pointsScale ?? 0;
            checkPoints(ctx, scale, p.welcomeBonus?.points, ["welcomeBonus", "points"]);
            checkPoints(ctx, scale, p.earn?.capPerTransaction, ["earn", "capPerTransaction"]);
            checkPoints(ctx, scale, p.earn?.capPerPeriod?.points, ["earn", "capPerPeriod", "points"]);
            checkMoney(ctx, c, p.earn?.minOrder, ["earn", "minOrder"]);
            if (p.kind === "bonus") {
              if (p.tiers?.basis === "spend" && p.tiers.currency !== c)
                ctx.addIssue({
                  code: "custom",
                  path: ["tiers", "currency"],
                  message: `expected the program's currency ${c} (tier thresholds are money spent in this program), got ${p.tiers.currency ?? "none"}`,
                });
              checkPoints(ctx, scale, p.redeem?.minPoints, ["redeem", "minPoints"]);
              checkPoints(ctx, scale, p.redeem?.step, ["redeem", "step"]);
            } else {
              checkUnique(
                ctx,
                p.rewards.map((r) => r.id),
                ["rewards"],
                "id",
                "reward id",
              );
              p.rewards.forEach((r, i) => {
                checkPoints(ctx, scale, r.pointsCost, ["rewards", i, "pointsCost"]);
                if (r.gives.type === "fixed") checkMoney(ctx, c, r.gives.amount, ["rewards", i, "gives", "amount"]);
              });
            }
            break;
          }
          case "stamps":
            checkMoney(ctx, c, p.earn.type === "per-purchase" ? p.earn.minAmount : undefined, ["earn", "minAmount"]);
            checkMoney(
              ctx,
              c,
              p.reward.type === "free-item"
                ? p.reward.maxValue
                : p.reward.type === "fixed"
                  ? p.reward.amount
                  : undefined,
              ["reward", p.reward.type === "fixed" ? "amount" : "maxValue"],
            );
            break;
          case "promotion":
            checkPromotion(
              p,
              (path, message) => ctx.addIssue({ code: "custom", path, message }),
              (value, path) => checkMoney(ctx, c, value, path),
            );
            break;
          default: {
            const never: never = p;
            return never;
          }
        }
      }),
    ))();

/**
 * A validated program (the output of {@link parseProgram}): instants normalized to UTC ISO strings.
 *
 * @example
 * ```ts
 * import { parseProgram, type Program } from "loyalty-kit";
 * const program: Program = parseProgram({ kind: "discount", id: "d", name: "10%", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "10" });
 * console.log(program.kind); // discount
 * ```
 * @category programs
 */
export type Program = z.output<typeof ProgramSchema>;

/**
 * A program as written in JSON, before validation.
 *
 * @example
 * ```ts
 * import type { ProgramInput } from "loyalty-kit";
 * const json: ProgramInput = { kind: "discount", id: "d", name: "10%", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" }, percent: "10" };
 * console.log(json.kind);
 * ```
 * @category programs
 */
export type ProgramInput = z.input<typeof ProgramSchema>;

/**
 * The kind of a program.
 *
 * @example
 * ```ts
 * import type { ProgramKind } from "loyalty-kit";
 * const kind: ProgramKind = "stamps";
 * console.log(kind);
 * ```
 * @category programs
 */
export type ProgramKind = Program["kind"];

/** A program of one kind. */
export type ProgramOf<K extends ProgramKind> = Extract<Program, { kind: K }>;

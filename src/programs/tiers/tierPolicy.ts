// Tier policies for points programs: how a member qualifies for a tier, how long a tier is kept and
// how it is lost, and what each tier gives. Schemas are the types.
import * as z from "zod/mini";
import { isTimeZone } from "../../core/calendar.js";
import { DECIMAL_PATTERN, NON_NEGATIVE_DECIMAL_PATTERN } from "../../core/decimal.js";
import { Instant } from "../../core/validation.js";
import { isCurrencyCode, minorUnits } from "../../money/currencies.js";
import { Decimal } from "../../money/money.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const name = (what: string) =>
  z
    .string()
    .check(
      z.minLength(1, { error: `expected a non-empty ${what}` }),
      z.maxLength(200, { error: `expected a ${what} of at most 200 characters` }),
    );

/**
 * One level of a tier policy: reached from `threshold` (spend or points in the window, as the
 * policy's `basis` says), with an optional earn multiplier (`"1.5"`: half as many points again) and
 * perks (names the shop shows and honours: free delivery, early access…).
 *
 * @example
 * ```ts
 * import { TierLevelSchema } from "loyalty-kit/schemas";
 * console.log(TierLevelSchema.parse({ name: "Gold", threshold: "1000", earnMultiplier: "1.5" }).earnMultiplier); // 1.5
 * ```
 * @category programs
 */
export const TierLevelSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    name: name("tier name"),
    threshold: z.string().check(
      z.regex(NON_NEGATIVE_DECIMAL_PATTERN, {
        error: 'expected a threshold as a non-negative decimal string such as "1000"',
      }),
    ),
    earnMultiplier: z.optional(
      z.string().check(
        z.regex(NON_NEGATIVE_DECIMAL_PATTERN, {
          error: 'expected an earn multiplier ≥ 1 as a decimal string such as "1.5"',
        }),
        z.refine((s) => NON_NEGATIVE_DECIMAL_PATTERN.test(s) && new Decimal(s).gte(1) && new Decimal(s).lte(100), {
          error: 'expected an earn multiplier from 1 to 100 such as "1.5" (1 = no extra points)',
        }),
      ),
    ),
    perks: z.optional(z.array(name("perk")).check(z.maxLength(100))),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!TierLevelSchema} @category programs */
export type TierLevel = z.infer<typeof TierLevelSchema>;

/**
 * The window a tier is earned in: the calendar year in the policy's time zone, the last `months`
 * months (an amount counts from its instant until the same wall-clock time `months` later, the day
 * clamped to the month's end), or the member's whole history.
 *
 * @example
 * ```ts
 * import { TierWindowSchema } from "loyalty-kit/schemas";
 * console.log(TierWindowSchema.parse({ type: "rolling", months: 12 }).type); // rolling
 * ```
 * @category programs
 */
export const TierWindowSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("calendar-year") }),
    z.strictObject({ type: z.literal("rolling"), months: z.int().check(z.minimum(1), z.maximum(120)) }),
    z.strictObject({ type: z.literal("lifetime") }),
  ]))();

/** {@inheritDoc "loyalty-kit/schemas"!TierWindowSchema} @category programs */
export type TierWindow = z.infer<typeof TierWindowSchema>;

/**
 * When a tier is lost. A tier is always gained at once, the moment the amount in the window reaches its
 * threshold. It is lost:
 * - `next-period-end` (calendar-year windows; the default there): a tier reached in a year is kept
 *   to the end of the next year; each 1 January the year just ended decides the tier for the new
 *   year — as Smile.io's calendar-year VIP programs do ("retain their VIP tier until the end of the
 *   next VIP period");
 * - `grace` (rolling windows; the default there with `days: 0`): when the amount in the window falls
 *   below the tier's threshold, the tier is kept `days` more days; buying back above the threshold
 *   in that time cancels the drop;
 * - `never` (the default for lifetime windows): a tier once reached is kept.
 *
 * @example
 * ```ts
 * import { TierRetentionSchema } from "loyalty-kit/schemas";
 * console.log(TierRetentionSchema.parse({ type: "grace", days: 30 }).type); // grace
 * ```
 * @category programs
 */
export const TierRetentionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("next-period-end") }),
    z.strictObject({ type: z.literal("grace"), days: z.int().check(z.minimum(0), z.maximum(3660)) }),
    z.strictObject({ type: z.literal("never") }),
  ]))();

/** {@inheritDoc "loyalty-kit/schemas"!TierRetentionSchema} @category programs */
export type TierRetention = z.infer<typeof TierRetentionSchema>;

/**
 * A tier policy for a points program. `basis` says what qualifies: `"spend"` (money paid, in
 * `currency`) or `"points"` (points earned). Tiers are gained at once; `retention` says when they
 * are lost (defaults: `next-period-end` for calendar years, `grace` of 0 days for rolling windows,
 * `never` for lifetime); `downgrade` says where a lost tier goes: `"to-qualified"` (the default: the
 * tier the window's amount gives, Talon.One's `balance_based`) or `"one-tier"` (one tier down per
 * review, Talon.One's `one_down`). Tiers may be listed in any order; names and thresholds must be
 * unique. The lowest threshold may be above zero: below it a member has no tier.
 *
 * @example
 * ```ts
 * import { TierPolicySchema } from "loyalty-kit/schemas";
 * const r = TierPolicySchema.safeParse({ basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", window: { type: "calendar-year" },
 *   tiers: [{ name: "Silver", threshold: "500" }, { name: "Gold", threshold: "1000", earnMultiplier: "1.5" }] });
 * console.log(r.success); // true
 * ```
 * @category programs
 */
export const TierPolicySchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      basis: z.enum(["spend", "points"]),
      currency: z.optional(
        z
          .string()
          .check(z.refine(isCurrencyCode, { error: 'expected an active ISO 4217 currency code such as "EUR"' })),
      ),
      timeZone: z.string().check(z.refine(isTimeZone, { error: 'expected an IANA time zone such as "Europe/Berlin"' })),
      window: TierWindowSchema,
      retention: z.optional(TierRetentionSchema),
      downgrade: z.optional(z.enum(["to-qualified", "one-tier"])),
      /** Digits after the decimal point of bonus points from earn multipliers (0, whole points, unless given). */
      pointsScale: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
      tiers: z.array(TierLevelSchema).check(z.minLength(1), z.maxLength(50)),
    })
    .check(
      z.superRefine((p, ctx) => {
        if (p.basis === "spend" && p.currency === undefined)
          ctx.addIssue({
            code: "custom",
            path: ["currency"],
            message: 'expected a currency such as "EUR" when the basis is "spend" (thresholds are money)',
          });
        if (p.basis === "points" && p.currency !== undefined)
          ctx.addIssue({
            code: "custom",
            path: ["currency"],
            message: 'expected no currency when the basis is "points" (thresholds are points); remove it',
          });
        const r = p.retention?.type;
        if (r === "next-period-end" && p.window.type !== "calendar-year")
          ctx.addIssue({
            code: "custom",
            path: ["retention", "type"],
            message: `"next-period-end" needs a calendar-year window (a ${p.window.type} window has no periods); use { type: "grace", days } instead`,
          });
        if (r === "grace" && p.window.type !== "rolling")
          ctx.addIssue({
            code: "custom",
            path: ["retention", "type"],
            message: `"grace" needs a rolling window (a ${p.window.type} window ${p.window.type === "lifetime" ? "never falls" : "is reviewed each 1 January"}); use ${p.window.type === "lifetime" ? '"never"' : '"next-period-end"'} instead`,
          });
        if (r === "never" && p.window.type !== "lifetime")
          ctx.addIssue({
            code: "custom",
            path: ["retention", "type"],
            message: `"never" needs a lifetime window; with a ${p.window.type} window use ${p.window.type === "rolling" ? '{ type: "grace", days }' : '"next-period-end"'}`,
          });
        const units = p.currency === undefined ? undefined : minorUnits(p.currency);
        const names = new Set<string>();
        const thresholds = new Set<string>();
        p.tiers.forEach((t, i) => {
          if (names.has(t.name))
            ctx.addIssue({ code: "custom", path: ["tiers", i, "name"], message: "expected a unique tier name" });
          names.add(t.name);
          if (!NON_NEGATIVE_DECIMAL_PATTERN.test(t.threshold)) return;
          const key = new Decimal(t.threshold).toString();
          if (thresholds.has(key))
            ctx.addIssue({
              code: "custom",
              path: ["tiers", i, "threshold"],
              message: `expected a unique tier threshold ("${t.threshold}" is already used: two tiers at one amount are ambiguous)`,
            });
          thresholds.add(key);
          if (units !== undefined && new Decimal(t.threshold).decimalPlaces() > units)
            ctx.addIssue({
              code: "custom",
              path: ["tiers", i, "threshold"],
              message: `expected at most ${units} decimals for ${p.currency}`,
            });
        });
      }),
    ))();

/** {@inheritDoc "loyalty-kit/schemas"!TierPolicySchema} @category programs */
export type TierPolicy = z.output<typeof TierPolicySchema>;

/**
 * A tier policy as written in JSON, before validation.
 *
 * @example
 * ```ts
 * import type { TierPolicyInput } from "loyalty-kit";
 * const policy: TierPolicyInput = { basis: "points", timeZone: "UTC", window: { type: "lifetime" }, tiers: [{ name: "Gold", threshold: "5000" }] };
 * console.log(policy.tiers.length); // 1
 * ```
 * @category programs
 */
export type TierPolicyInput = z.input<typeof TierPolicySchema>;

/**
 * One qualifying amount in a member's history: money paid (basis `"spend"`) or points earned (basis
 * `"points"`) at an instant. A refund or a reversal is a negative amount at its own instant.
 *
 * @example
 * ```ts
 * import { TierActivitySchema } from "loyalty-kit/schemas";
 * console.log(TierActivitySchema.parse({ at: "2026-03-01T10:00:00+01:00", amount: "-20.00" }).at); // 2026-03-01T09:00:00.000Z
 * ```
 * @category programs
 */
export const TierActivitySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    at: Instant,
    amount: z
      .string()
      .check(z.regex(DECIMAL_PATTERN, { error: 'expected an amount as a decimal string such as "12.50" or "-3"' })),
  }))();

/** {@inheritDoc "loyalty-kit/schemas"!TierActivitySchema} @category programs */
export type TierActivity = z.infer<typeof TierActivitySchema>;

/** {@inheritDoc "loyalty-kit/schemas"!TierActivitySchema} @category programs */
export type TierActivityInput = z.input<typeof TierActivitySchema>;

/**
 * A member's qualifying history: purchases (or points earned) and refunds, in any order, at most
 * 100,000 entries.
 *
 * @example
 * ```ts
 * import { TierHistorySchema } from "loyalty-kit/schemas";
 * console.log(TierHistorySchema.parse([{ at: "2026-03-01T10:00:00Z", amount: "120.00" }]).length); // 1
 * ```
 * @category programs
 */
export const TierHistorySchema = /* @__PURE__ */ (() =>
  z
    .array(TierActivitySchema)
    .check(z.maxLength(100_000, { error: "expected at most 100,000 activities (pass the history of one member)" })))();

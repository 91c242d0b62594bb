import * as z from "zod/mini";
import { RFM_SEGMENTS } from "../analytics/rfmSegments.js";
import { BOND_TYPES } from "../bonding/signals.js";
import { CHANNELS } from "../customers/_lib/consent.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const DECIMAL = /^(0|[1-9]\d*)(\.\d+)?$/;
const Money = /* @__PURE__ */ (() =>
  z.string().check(z.regex(DECIMAL, { message: 'expected a non-negative decimal string such as "0.25"' })))();
const Clock = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a wall-clock time HH:MM such as "21:00"' })))();
const Id = /* @__PURE__ */ (() => z.string().check(z.minLength(1, { message: "expected a non-empty string" })))();
const Channels = /* @__PURE__ */ (() =>
  z.array(z.enum(CHANNELS)).check(z.minLength(1, { message: "expected at least one channel" })))();
const Share = /* @__PURE__ */ (() =>
  z
    .number()
    .check(
      z.gte(0, { message: "expected a share from 0 to 0.5" }),
      z.lte(0.5, { message: "expected a share from 0 to 0.5" }),
    ))();
const Probability = /* @__PURE__ */ (() =>
  z
    .number()
    .check(
      z.gte(0, { message: "expected a probability from 0 to 1" }),
      z.lte(1, { message: "expected a probability from 0 to 1" }),
    ))();

const ActionSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("contact"), kind: Id, channels: z.optional(Channels), cost: Money }),
    z.strictObject({ type: z.literal("offer"), coupon: Id, channels: z.optional(Channels), cost: Money }),
    z.strictObject({ type: z.literal("perk"), perk: Id, cost: Money }),
    z.strictObject({ type: z.literal("deselect") }),
    z.strictObject({ type: z.literal("nothing") }),
  ]))();

const WhenSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    segments: z.optional(z.array(z.enum(RFM_SEGMENTS))),
    abcClasses: z.optional(z.array(z.enum(["A", "B", "C"]))),
    bonds: z.optional(z.array(z.enum(BOND_TYPES))),
    stages: z.optional(z.array(Id)),
    pAlive: z.optional(z.strictObject({ min: z.optional(Probability), max: z.optional(Probability) })),
  }))();

/**
 * A CRM strategy as data: ordered rules from what is known of a customer (RFM segment, ABC class,
 * bonding level, loyalty stage, probability of being alive) to one action — a contact of a kind, an
 * offer or coupon, a perk, de-selection, or nothing — with a budget for the actions' costs, a seeded
 * holdout share that gets nothing (so the effect can be measured against it), and the time zone and
 * quiet hours for sending.
 *
 * A rule matches when every criterion it names matches (a criterion on something the customer row
 * does not carry never matches); the first matching rule wins. `pAlive` bounds are inclusive.
 * The holdout share is at most 0.5.
 *
 * @example
 * ```ts
 * import { StrategySchema } from "loyalty-kit/schemas";
 * const r = StrategySchema.safeParse({
 *   timeZone: "Europe/Berlin",
 *   budget: "100",
 *   holdout: { share: 0.1, seed: "spring-2026" },
 *   rules: [{ id: "win-back", when: { segments: ["at-risk"] }, action: { type: "contact", kind: "win-back", cost: "0.10" } }],
 * });
 * console.log(r.success); // true
 * ```
 * @category crm
 */
export const StrategySchema = /* @__PURE__ */ (() =>
  z.strictObject({
    timeZone: Id,
    quietHours: z.optional(z.strictObject({ start: Clock, end: Clock })),
    budget: Money,
    holdout: z.strictObject({ share: Share, seed: Id }),
    channels: z._default(Channels, ["email", "sms", "phone", "post"]),
    rules: z
      .array(z.strictObject({ id: Id, when: WhenSchema, action: ActionSchema }))
      .check(z.minLength(1, { message: "expected at least one rule" })),
  }))();

/**
 * A parsed strategy (the output of {@link parseStrategy}).
 *
 * @example
 * ```ts
 * import { parseStrategy, type Strategy } from "loyalty-kit";
 * const s: Strategy = parseStrategy({ timeZone: "UTC", budget: "0", holdout: { share: 0, seed: "x" }, rules: [{ id: "none", when: {}, action: { type: "nothing" } }] });
 * console.log(s.channels.join(",")); // email,sms,phone,post
 * ```
 * @category crm
 */
export type Strategy = z.output<typeof StrategySchema>;

/**
 * What a caller writes as a strategy (see {@link StrategySchema}).
 *
 * @example
 * ```ts
 * import type { StrategyInput } from "loyalty-kit";
 * const s: StrategyInput = { timeZone: "UTC", budget: "10", holdout: { share: 0.2, seed: "q1" }, rules: [{ id: "all", when: {}, action: { type: "nothing" } }] };
 * console.log(s.holdout.share); // 0.2
 * ```
 * @category crm
 */
export type StrategyInput = z.input<typeof StrategySchema>;

/**
 * One rule of a {@link Strategy}.
 *
 * @example
 * ```ts
 * import type { StrategyRule } from "loyalty-kit";
 * const r: StrategyRule = { id: "drop", when: { abcClasses: ["C"], pAlive: { max: 0.05 } }, action: { type: "deselect" } };
 * console.log(r.action.type); // deselect
 * ```
 * @category crm
 */
export type StrategyRule = Strategy["rules"][number];

/**
 * The action of a {@link StrategyRule}.
 *
 * @example
 * ```ts
 * import type { StrategyAction } from "loyalty-kit";
 * const a: StrategyAction = { type: "perk", perk: "free-delivery", cost: "2.50" };
 * console.log(a.type); // perk
 * ```
 * @category crm
 */
export type StrategyAction = StrategyRule["action"];

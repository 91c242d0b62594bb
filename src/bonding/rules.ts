import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { BOND_TYPES, SIGNAL_NAMES, type BondType, type BondingSignal } from "./signals.js";
import { deepFreeze } from "../core/json.js";

// Each schema made of nested calls, and the default rules, is built inside a pure call,
// `/* @__PURE__ */ (() => …)()`, so a bundle keeps only what it reads (see the note above
// DecimalString in src/core/validation.ts).

const Unit = /* @__PURE__ */ (() => z.number().check(z.minimum(0)).check(z.maximum(1)))();
const SignalRuleSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    weight: z.optional(Unit),
    saturation: z.optional(z.number().check(z.positive())),
  }))();
/**
 * A concrete action to build a bond: a stable `id`, the `text` shown to staff, and the `source` it
 * comes from (a seed, or the shop's own playbook).
 *
 * @example
 * ```ts
 * import { BondingActionSchema } from "loyalty-kit/schemas";
 * console.log(BondingActionSchema.safeParse({ id: "tea-club", text: "Invite her to the tea club", source: "shop" }).success); // true
 * ```
 * @category bonding
 */
export const BondingActionSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    id: z.string().check(z.minLength(1)),
    text: z.string().check(z.minLength(1)),
    source: z.string().check(z.minLength(1)),
  }))();

/**
 * Overrides for {@link "loyalty-kit/bonding"!classifyBonding}, all optional; what is left out keeps its default from
 * {@link DEFAULT_BONDING_RULES}.
 *
 * - `signals.<name>`: `weight` (0..1, the most the signal adds to its bond) and `saturation` (the value
 *   at which it adds its full weight). A signal adds `weight × min(1, value / saturation)`; a bond's
 *   strength is the sum over its signals, capped at 1.
 * - `thresholds`: the strength each bond must reach to count as the level.
 * - `relationshipSignals`: which signals show a relationship; without any of them a structural bond
 *   is capped at `weakStructuralCap` (a contract alone is a weak bond).
 * - `actions`: the concrete actions suggested to build each bond type.
 *
 * @example
 * ```ts
 * import { BondingRulesSchema } from "loyalty-kit/schemas";
 * console.log(BondingRulesSchema.safeParse({ thresholds: { social: 0.5 } }).success); // true
 * ```
 * @category bonding
 */
export const BondingRulesSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    signals: z.optional(
      z.strictObject(
        Object.fromEntries(SIGNAL_NAMES.map((s) => [s, z.optional(SignalRuleSchema)])) as Record<
          BondingSignal,
          z.ZodMiniOptional<typeof SignalRuleSchema>
        >,
      ),
    ),
    thresholds: z.optional(
      z.strictObject({ financial: z.optional(Unit), social: z.optional(Unit), structural: z.optional(Unit) }),
    ),
    relationshipSignals: z.optional(z.array(z.enum(SIGNAL_NAMES as [BondingSignal, ...BondingSignal[]]))),
    weakStructuralCap: z.optional(Unit),
    actions: z.optional(
      z.strictObject({
        financial: z.optional(z.array(BondingActionSchema)),
        social: z.optional(z.array(BondingActionSchema)),
        structural: z.optional(z.array(BondingActionSchema)),
      }),
    ),
  }))();

/**
 * Rule overrides as a caller writes them (see {@link BondingRulesSchema}).
 *
 * @example
 * ```ts
 * import type { BondingRulesInput } from "loyalty-kit";
 * const rules: BondingRulesInput = { signals: { membership: { weight: 0.5 } } };
 * console.log(rules.signals?.membership?.weight); // 0.5
 * ```
 * @category bonding
 */
export type BondingRulesInput = z.input<typeof BondingRulesSchema>;

/**
 * A concrete action to build a bond, with the practice it comes from.
 *
 * @example
 * ```ts
 * import type { BondingAction } from "loyalty-kit";
 * const a: BondingAction = { id: "community-membership", text: "Invite her into the community", source: "customer-bonding practice" };
 * console.log(a.id);
 * ```
 * @category bonding
 */
export type BondingAction = z.output<typeof BondingActionSchema>;

/**
 * Complete bonding rules: every field of {@link BondingRulesInput} filled.
 *
 * @example
 * ```ts
 * import { DEFAULT_BONDING_RULES, type BondingRules } from "loyalty-kit";
 * const rules: BondingRules = DEFAULT_BONDING_RULES;
 * console.log(rules.thresholds.structural);
 * ```
 * @category bonding
 */
export interface BondingRules {
  readonly signals: Readonly<Record<BondingSignal, { readonly weight: number; readonly saturation: number }>>;
  readonly thresholds: Readonly<Record<BondType, number>>;
  readonly relationshipSignals: readonly BondingSignal[];
  readonly weakStructuralCap: number;
  readonly actions: Readonly<Record<BondType, readonly BondingAction[]>>;
}

/**
 * The default bonding rules. Weights are judgement calls made explicit, not published constants:
 * each bond reaches its threshold (0.3) with about one full-strength signal, or several partial ones;
 * saturations are "clearly committed" levels (5 rewards redeemed, 4 events, a year of monthly contacts,
 * 24 contract months, 1,000 shared contacts, the cellular-operator example of customer-bonding practice). Relationship evidence is any social signal;
 * a structural bond without it is capped at 0.25, below its threshold. Actions come from customer-bonding practice.
 *
 * @example
 * ```ts
 * import { DEFAULT_BONDING_RULES } from "loyalty-kit";
 * console.log(DEFAULT_BONDING_RULES.signals.sharedIdentifierContacts); // { weight: 0.3, saturation: 1000 }
 * ```
 * @category bonding
 */
export const DEFAULT_BONDING_RULES: BondingRules = /* @__PURE__ */ (() =>
  deepFreeze({
    signals: {
      loyaltyCardHolder: { weight: 0.3, saturation: 1 },
      discountsUsed: { weight: 0.3, saturation: 10 },
      rewardsRedeemed: { weight: 0.4, saturation: 5 },
      cumulativeTier: { weight: 0.3, saturation: 3 },
      membership: { weight: 0.3, saturation: 1 },
      eventsAttended: { weight: 0.3, saturation: 4 },
      personalContacts: { weight: 0.3, saturation: 12 },
      referrals: { weight: 0.3, saturation: 3 },
      feedbackGiven: { weight: 0.2, saturation: 3 },
      integrations: { weight: 0.4, saturation: 2 },
      customSolutions: { weight: 0.3, saturation: 2 },
      contractMonths: { weight: 0.3, saturation: 24 },
      trainingHours: { weight: 0.2, saturation: 40 },
      sharedIdentifierContacts: { weight: 0.3, saturation: 1000 },
    },
    thresholds: { financial: 0.3, social: 0.3, structural: 0.3 },
    relationshipSignals: SIGNAL_NAMES.filter((s) =>
      ["membership", "eventsAttended", "personalContacts", "referrals", "feedbackGiven"].includes(s),
    ),
    weakStructuralCap: 0.25,
    actions: {
      financial: [
        {
          id: "bonus-card",
          text: "Offer a bonus card that earns points on every purchase",
          source: "loyal-customer practice",
        },
        {
          id: "first-purchase-bonus",
          text: "Give the discount or bonus on the first purchase, when the card is issued",
          source: "loyal-customer practice",
        },
        {
          id: "cumulative-discount",
          text: "Let the discount grow with accumulated purchases",
          source: "loyal-customer practice",
        },
      ],
      social: [
        {
          id: "community-membership",
          text: "Invite the customer into a community or membership",
          source: "customer-bonding practice",
        },
        {
          id: "routine-contact",
          text: "Keep routine weekly or monthly contact that brings added value",
          source: "customer-care practice",
        },
        {
          id: "after-purchase-check",
          text: "Ask some time after a purchase whether everything is right, and act on the feedback",
          source: "loyal-customer practice",
        },
        {
          id: "vip-perks",
          text: "Give big-profit customers VIP perks: a free drink, a free product, the VIP lounge",
          source: "customer-care practice",
        },
      ],
      structural: [
        {
          id: "process-integration",
          text: "Build the customer's business process on your infrastructure",
          source: "customer-bonding practice",
        },
        {
          id: "shared-identifier",
          text: "Provide an identifier her own contacts rely on, like a phone number known to 1,000 business associates",
          source: "customer-bonding practice",
        },
        {
          id: "exit-barrier",
          text: "Add exit barriers she values: a customised solution, a long-term contract, training her staff invests in",
          source: "customer-bonding practice",
        },
      ],
    },
  } satisfies BondingRules))();

/** Defaults overlaid with the caller's overrides (already validated). */
export function resolveRules(input: z.output<typeof BondingRulesSchema> | undefined): BondingRules {
  return guardInputs("resolveRules", { input }, () => resolveRulesUnguarded(input));
}

function resolveRulesUnguarded(input: z.output<typeof BondingRulesSchema> | undefined): BondingRules {
  if (input === undefined) return DEFAULT_BONDING_RULES;
  const d = DEFAULT_BONDING_RULES;
  const signals = Object.fromEntries(
    SIGNAL_NAMES.map((s) => {
      const o = input.signals?.[s];
      return [s, { weight: o?.weight ?? d.signals[s].weight, saturation: o?.saturation ?? d.signals[s].saturation }];
    }),
  ) as Record<BondingSignal, { weight: number; saturation: number }>;
  const pick = <T>(
    key: BondType,
    over: Partial<Record<BondType, T>> | undefined,
    def: Readonly<Record<BondType, T>>,
  ): T => over?.[key] ?? def[key];
  return {
    signals,
    thresholds: Object.fromEntries(BOND_TYPES.map((t) => [t, pick(t, input.thresholds, d.thresholds)])) as Record<
      BondType,
      number
    >,
    relationshipSignals: input.relationshipSignals ?? d.relationshipSignals,
    weakStructuralCap: input.weakStructuralCap ?? d.weakStructuralCap,
    actions: Object.fromEntries(BOND_TYPES.map((t) => [t, pick(t, input.actions, d.actions)])) as Record<
      BondType,
      readonly BondingAction[]
    >,
  };
}

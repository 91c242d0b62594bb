import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { issuesFromZod } from "../_lib/validation.js";
import { parseBondingProfile, type BondingProfile } from "./profile.js";
import {
  BondingRulesSchema,
  resolveRules,
  type BondingAction,
  type BondingRules,
  type BondingRulesInput,
} from "./rules.js";
import { BOND_OF, BOND_TYPES, SIGNAL_NAMES, type BondType, type BondingSignal } from "./signals.js";

/**
 * One bond found by {@link classifyBonding}: its type, strength (0..1), whether it passes its
 * threshold, and the signals behind it with what each contributed. `limitedBy` is set on a structural
 * bond with no relationship evidence; its strength is then capped at the rules' `weakStructuralCap`.
 *
 * @example
 * ```ts
 * import type { Bond } from "loyalty-kit";
 * const b: Bond = { type: "financial", strength: 0.3, passes: true, evidence: [{ signal: "loyaltyCardHolder", value: 1, contribution: 0.3 }] };
 * console.log(b.type, b.strength);
 * ```
 * @category bonding
 */
export interface Bond {
  readonly type: BondType;
  readonly strength: number;
  readonly passes: boolean;
  readonly evidence: readonly {
    readonly signal: BondingSignal;
    readonly value: number;
    readonly contribution: number;
  }[];
  readonly limitedBy?: "no-relationship-evidence";
}

/**
 * The answer of {@link classifyBonding}: the level (the strongest bond type that passes its threshold,
 * or `none`), every bond type with its strength and evidence, and the next bond to build with concrete
 * actions.
 *
 * @example
 * ```ts
 * import type { BondingClassification } from "loyalty-kit";
 * const c: BondingClassification = { level: "none", bonds: [], next: { type: "financial", actions: [] } };
 * console.log(c.level);
 * ```
 * @category bonding
 */
export interface BondingClassification {
  readonly customerId?: string;
  readonly level: "none" | BondType;
  readonly bonds: readonly Bond[];
  readonly next: { readonly type: BondType; readonly actions: readonly BondingAction[] };
}

// Strengths are shown and compared at six decimals so 0.1 + 0.2 reads 0.3; rounding keeps the order.
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

/** Validates optional rule overrides and returns complete rules. */
export function rulesFrom(rules: BondingRulesInput | BondingRules | undefined, what: string): BondingRules {
  if (rules === undefined) return resolveRules(undefined);
  const parsed = BondingRulesSchema.safeParse(rules);
  if (!parsed.success) throw new LoyaltyValidationError(issuesFromZod(parsed.error, rules, ["rules"]), what);
  return resolveRules(parsed.data);
}

/** Classification of an already parsed profile under complete rules. */
export function classifyWith(profile: BondingProfile, rules: BondingRules): BondingClassification {
  const strength: Record<BondType, number> = { financial: 0, social: 0, structural: 0 };
  const evidence: Record<BondType, { signal: BondingSignal; value: number; contribution: number }[]> = {
    financial: [],
    social: [],
    structural: [],
  };
  let relationship = false;
  for (const signal of SIGNAL_NAMES) {
    const value = profile.signals[signal] ?? 0;
    if (value <= 0) continue;
    const { weight, saturation } = rules.signals[signal];
    const contribution = weight * Math.min(1, value / saturation);
    const bond = BOND_OF[signal];
    strength[bond] += contribution;
    evidence[bond].push({ signal, value, contribution: round(contribution) });
    if (rules.relationshipSignals.includes(signal)) relationship = true;
  }
  const bonds: Bond[] = BOND_TYPES.map((type) => {
    const raw = round(Math.min(1, strength[type]));
    // Berry & Parasuraman's levels of relationship marketing build structural bonds on top of a
    // relationship (financial < social < structural); a contract or integration with no
    // relationship evidence is reported, but as a weak bond.
    const capped = type === "structural" && !relationship && evidence.structural.length > 0;
    const s = capped ? Math.min(raw, rules.weakStructuralCap) : raw;
    return {
      type,
      strength: s,
      passes: s > 0 && s >= rules.thresholds[type],
      evidence: evidence[type],
      ...(capped ? { limitedBy: "no-relationship-evidence" as const } : {}),
    };
  });
  let level: "none" | BondType = "none";
  for (const b of bonds) if (b.passes) level = b.type;
  // One step up the ladder — except that a structural bond held back for lack of relationship
  // evidence needs the relationship next, not a price incentive.
  const weakStructural = bonds[2]?.limitedBy !== undefined;
  const nextType: BondType =
    level === "none" && !weakStructural
      ? "financial"
      : level === "none" || level === "financial"
        ? "social"
        : "structural";
  return {
    ...(profile.customerId === undefined ? {} : { customerId: profile.customerId }),
    level,
    bonds,
    next: { type: nextType, actions: rules.actions[nextType] },
  };
}

/**
 * Classifies how strongly the shop holds a customer, by the CRM bonding levels of financial
 * bonding (rewards — the weakest), social bonding (community, membership, personal relationship), and
 * structural bonding (her business processes run on ours — the strongest, "iron glue" with exit
 * barriers).
 *
 * Each observed signal of {@link BONDING_SIGNALS} adds `weight × min(1, value / saturation)` to its
 * bond; a bond's strength is the sum, capped at 1. The level is the strongest bond type whose strength
 * reaches its threshold. A structural bond without any relationship evidence (no social signal, by
 * default) is still reported, capped at `weakStructuralCap`, with `limitedBy: "no-relationship-evidence"`.
 * `next` names the next stronger bond to build — or, at `structural`, deepening it — with concrete
 * actions from customer-bonding practice; when a structural bond is held back for lack of relationship evidence, `next`
 * is `social` even from level `none`, since the relationship is what is missing. More evidence never lowers a strength or the level.
 *
 * @param profile - Observed signals; see {@link "loyalty-kit/schemas"!BondingProfileSchema}.
 * @param rules - Optional overrides of {@link DEFAULT_BONDING_RULES}.
 * @returns A {@link BondingClassification}.
 * @throws {LoyaltyValidationError} when a signal is unknown, negative or not finite, or a rule is malformed.
 * @example
 * ```ts
 * import { classifyBonding } from "loyalty-kit";
 * // A points collector who also joined the shop's community.
 * const r = classifyBonding({ signals: { loyaltyCardHolder: 1, rewardsRedeemed: 3, membership: 1, eventsAttended: 2 } });
 * console.log(r.level, r.next.type); // social structural
 * console.log(r.bonds.map((b) => `${b.type} ${b.strength}`).join(", ")); // financial 0.54, social 0.45, structural 0
 * ```
 * @category bonding
 */
export function classifyBonding(
  profile: BondingProfile,
  rules?: BondingRulesInput | BondingRules,
): BondingClassification {
  return guardInputs("classifyBonding", { profile, rules }, () => classifyBondingUnguarded(profile, rules));
}

function classifyBondingUnguarded(
  profile: BondingProfile,
  rules?: BondingRulesInput | BondingRules,
): BondingClassification {
  return classifyWith(parseBondingProfile(profile), rulesFrom(rules, "classifyBonding"));
}

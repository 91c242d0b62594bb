import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import * as z from "zod/mini";
import { LoyaltyValidationError } from "../errors/errors.js";
import { issuesFromZod } from "../_lib/validation.js";
import type { Customer } from "./customer.js";
import { PerkRuleSchema } from "./perkRuleSchema.js";

/**
 * One VIP perk rule as data: it applies when every condition it states holds (the customer's
 * segment is one of `segments`; she has at least one of `interestsAny`); a rule with no condition
 * applies to everyone. `PerkRuleSchema` on `loyalty-kit/schemas` checks it.
 *
 * @example
 * ```ts
 * import type { PerkRule } from "loyalty-kit";
 * const rule: PerkRule = { perk: "vip-lounge", description: "VIP lounge access", segments: ["big-profit"] };
 * console.log(rule.perk);
 * ```
 * @category customers
 */
export interface PerkRule {
  /** The perk's key, a non-empty string such as "free-drink". */
  perk: string;
  /** What the perk is, for people (a non-empty string). */
  description?: string | undefined;
  /** The rule applies only to customers in one of these segments (at least one). */
  segments?: string[] | undefined;
  /** The rule applies only to customers with at least one of these interests (at least one). */
  interestsAny?: string[] | undefined;
}

/**
 * A perk granted by {@link perksFor}, with the conditions that matched.
 *
 * @example
 * ```ts
 * import type { Perk } from "loyalty-kit";
 * const p: Perk = { perk: "free-drink", because: ["segment big-profit"] };
 * console.log(p.because.join(", "));
 * ```
 * @category customers
 */
export interface Perk {
  readonly perk: string;
  readonly description?: string;
  readonly because: readonly string[];
}

/**
 * The VIP perks a customer gets under the rules, in rule order, each perk once (the first rule that
 * grants it gives the reason).
 *
 * Pareto's 80/20 rule: prioritize the 20% of customers who make 80% of turnover and give them more added value.
 * Rules are data so the shop owner can change them without code.
 *
 * @param customer - A parsed customer.
 * @param rules - Perk rules; see {@link PerkRule}.
 * @returns The {@link Perk}s that apply.
 * @throws {LoyaltyValidationError} when a rule is malformed (path `rules.<i>…`).
 * @example
 * ```ts
 * import { perksFor, parseCustomer } from "loyalty-kit";
 * const vip = parseCustomer({ id: "c-9", segment: "big-profit", interests: ["coffee"] });
 * const perks = perksFor(vip, [
 *   { perk: "free-drink", segments: ["big-profit"], interestsAny: ["coffee", "tea"] },
 *   { perk: "vip-lounge", segments: ["big-profit"] },
 *   { perk: "birthday-card", segments: ["small-profit"] },
 * ]);
 * console.log(perks.map((p) => p.perk)); // [ 'free-drink', 'vip-lounge' ]
 * ```
 * @category customers
 */
export function perksFor(customer: Customer, rules: readonly PerkRule[]): readonly Perk[] {
  return guardInputs("perksFor", { customer, rules }, () => perksForUnguarded(customer, rules));
}

function perksForUnguarded(customer: Customer, rules: readonly PerkRule[]): readonly Perk[] {
  customer = storedCustomer(customer, ["customer"], "perksFor");
  const parsed = z.array(PerkRuleSchema).safeParse(rules);
  if (!parsed.success) throw new LoyaltyValidationError(issuesFromZod(parsed.error, rules, ["rules"]), "perksFor");
  const perks: Perk[] = [];
  const granted = new Set<string>();
  for (const rule of parsed.data) {
    if (granted.has(rule.perk)) continue;
    const because: string[] = [];
    if (rule.segments !== undefined) {
      if (customer.segment === undefined || !rule.segments.includes(customer.segment)) continue;
      because.push(`segment ${customer.segment}`);
    }
    if (rule.interestsAny !== undefined) {
      const shared = rule.interestsAny.filter((i) => customer.interests?.includes(i) === true);
      if (shared.length === 0) continue;
      because.push(`interest ${shared.join(", ")}`);
    }
    if (because.length === 0) because.push("applies to every customer");
    granted.add(rule.perk);
    perks.push({
      perk: rule.perk,
      ...(rule.description === undefined ? {} : { description: rule.description }),
      because,
    });
  }
  return perks;
}

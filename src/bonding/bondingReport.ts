import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { invalid, issuesFromZod } from "../_lib/validation.js";
import { classifyWith, rulesFrom } from "./classifyBonding.js";
import { BondingProfileSchema, type BondingProfile } from "./profile.js";
import type { BondingRules, BondingRulesInput } from "./rules.js";
import type { BondType } from "./signals.js";

/**
 * Options of {@link bondingReport}: rule overrides and how many customers to list as closest to
 * moving up (default 10).
 *
 * @example
 * ```ts
 * import type { BondingReportOptions } from "loyalty-kit";
 * const o: BondingReportOptions = { closest: 3 };
 * console.log(o.closest);
 * ```
 * @category bonding
 */
export interface BondingReportOptions {
  readonly rules?: BondingRulesInput | BondingRules;
  readonly closest?: number;
}

/**
 * The answer of {@link bondingReport}.
 *
 * @example
 * ```ts
 * import type { BondingReport } from "loyalty-kit";
 * const r: BondingReport = { total: 0, levels: { none: { count: 0, share: 0 }, financial: { count: 0, share: 0 }, social: { count: 0, share: 0 }, structural: { count: 0, share: 0 } }, closestToMovingUp: [] };
 * console.log(r.total);
 * ```
 * @category bonding
 */
export interface BondingReport {
  readonly total: number;
  readonly levels: Readonly<Record<"none" | BondType, { readonly count: number; readonly share: number }>>;
  readonly closestToMovingUp: readonly {
    readonly customerId: string;
    readonly level: "none" | BondType;
    readonly next: BondType;
    readonly strength: number;
    readonly threshold: number;
    readonly gap: number;
  }[];
}

/**
 * Distribution of customers across bonding levels  and the customers closest to moving up.
 *
 * Each profile is classified by {@link classifyBonding}. "Closest to moving up" ranks customers below
 * `structural` by the gap between the strength of their next bond and its threshold — smallest gap
 * first, ties by customer id — since they need the least to be held more strongly.
 *
 * @param customers - Bonding profiles, each with a unique `customerId`.
 * @param options - `rules` overrides and `closest` (how many to list, default 10).
 * @returns A {@link BondingReport}.
 * @throws {LoyaltyValidationError} when a profile is invalid or lacks a `customerId`, an id repeats,
 *   `closest` is not a non-negative integer, or a rule is malformed.
 * @example
 * ```ts
 * import { bondingReport } from "loyalty-kit";
 * const report = bondingReport([
 *   { customerId: "a", signals: { loyaltyCardHolder: 1 } },
 *   { customerId: "b", signals: { loyaltyCardHolder: 1, membership: 1, personalContacts: 6 } },
 *   { customerId: "c", signals: { discountsUsed: 2 } },
 * ], { closest: 2 });
 * console.log(report.levels.financial.count, report.levels.social.count); // 1 1
 * console.log(report.closestToMovingUp.map((c) => c.customerId)); // [ 'c', 'a' ]
 * ```
 * @category bonding
 */
export function bondingReport(
  customers: readonly BondingProfile[],
  options: BondingReportOptions | null = {},
): BondingReport {
  return guardInputs("bondingReport", { customers, options }, () => bondingReportUnguarded(customers, options));
}

function bondingReportUnguarded(
  customers: readonly BondingProfile[],
  options: BondingReportOptions | null = {},
): BondingReport {
  if (!Array.isArray(customers)) invalid(["customers"], "expected an array of bonding profiles", "bondingReport");
  if (options !== null && typeof options !== "object")
    invalid(["options"], "expected an options object such as { closest: 10 }, or nothing", "bondingReport");
  const closest = options?.closest ?? 10;
  if (!Number.isInteger(closest) || closest < 0)
    invalid(["closest"], `expected a non-negative integer, got ${String(closest)}`, "bondingReport");
  const rules = rulesFrom(options?.rules, "bondingReport");
  const counts: Record<"none" | BondType, number> = { none: 0, financial: 0, social: 0, structural: 0 };
  const candidates: BondingReport["closestToMovingUp"][number][] = [];
  const seen = new Set<string>();
  customers.forEach((input, i) => {
    const parsed = BondingProfileSchema.safeParse(input);
    if (!parsed.success)
      throw new LoyaltyValidationError(issuesFromZod(parsed.error, input, ["customers", i]), "bondingReport");
    const profile = parsed.data;
    const id = profile.customerId;
    if (id === undefined)
      return invalid(
        ["customers", i, "customerId"],
        "expected a customerId on every profile in a report",
        "bondingReport",
      );
    if (seen.has(id))
      return invalid(["customers", i, "customerId"], `customerId ${JSON.stringify(id)} appears twice`, "bondingReport");
    seen.add(id);
    const c = classifyWith(profile, rules);
    counts[c.level] += 1;
    if (c.level === "structural") return;
    const bond = c.bonds.find((b) => b.type === c.next.type);
    const strength = bond?.strength ?? 0;
    const threshold = rules.thresholds[c.next.type];
    candidates.push({
      customerId: id,
      level: c.level,
      next: c.next.type,
      strength,
      threshold,
      gap: Math.round((threshold - strength) * 1e6) / 1e6,
    });
  });
  candidates.sort((a, b) => a.gap - b.gap || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
  const total = customers.length;
  const share = (n: number): number => (total === 0 ? 0 : n / total);
  return {
    total,
    levels: {
      none: { count: counts.none, share: share(counts.none) },
      financial: { count: counts.financial, share: share(counts.financial) },
      social: { count: counts.social, share: share(counts.social) },
      structural: { count: counts.structural, share: share(counts.structural) },
    },
    closestToMovingUp: candidates.slice(0, closest),
  };
}

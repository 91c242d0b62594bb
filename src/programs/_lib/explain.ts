// Every sentence the pricing engine writes into a quote's `explain`, one function per kind, so the
// wording lives in one place. The engine formats the figures (money as "12.50 EUR", points at the
// program's scale) and passes them in as strings; nothing here computes a price.
// Its siblings hold the other sentences a user reads, one file per area: explainPromotions.ts
// (coupons, amount off, buy X get Y, gifts, which promotions combine, next-order coupons) and
// explainRefund.ts (a refund's explain).
import type { BasketLine } from "../basket.js";
import type { LineKind, Tier } from "../program.js";
import type { Explanation } from "../result.js";

/** Lines that do not count: how many of how many, and why for the first five. */
export function excludedLines(
  out: readonly BasketLine[],
  lineCount: number,
  eligibleKinds: readonly LineKind[],
): Explanation {
  const why = out
    .slice(0, 5)
    .map((l) => `${l.sku} (${eligibleKinds.includes(l.kind) ? "excluded product or category" : l.kind})`);
  return {
    rule: "eligibility",
    applied: true,
    reason: `${out.length} of ${lineCount} lines do not count: ${why.join(", ")}${out.length > 5 ? ", …" : ""}`,
  };
}

/** The program is outside its active window at the priced instant. */
export function inactive(at: string, from: string, to: string | undefined): Explanation {
  return {
    rule: "active-window",
    applied: false,
    reason: `program not active at ${at} (active from ${from}${to === undefined ? "" : ` until ${to}`}): nothing applied`,
  };
}

/** A discount program found nothing eligible to discount. */
export function noEligibleLines(): Explanation {
  return { rule: "discount", applied: false, reason: "no eligible lines to discount" };
}

/** A discount program's minimum spend was not reached. */
export function belowMinSpend(base: string, minSpend: string): Explanation {
  return {
    rule: "min-spend",
    applied: false,
    reason: `eligible amount ${base} is below the minimum spend of ${minSpend}: no discount`,
  };
}

/** A discount program's percentage off; `cappedAt` is the maximum discount when it cut the discount. */
export function percentOff(percent: string, base: string, discount: string, cappedAt: string | null): Explanation {
  return {
    rule: "discount",
    applied: true,
    reason: `${percent}% off ${base} of eligible lines: ${discount}${cappedAt === null ? "" : ` (capped at the maximum discount of ${cappedAt})`}`,
  };
}

/** How a cumulative program counted the spend for its tier. */
export function spendCounted(includesPurchase: boolean, before: string, purchase: string): string {
  return includesPurchase ? `${before} before plus ${purchase} of this purchase` : `this purchase not counted`;
}

/** The accumulated spend is below every tier. */
export function noTier(counted: string, how: string): Explanation {
  return {
    rule: "tier",
    applied: false,
    reason: `accumulated spend ${counted} (${how}) is below the lowest tier threshold`,
  };
}

/** The tier the accumulated spend reaches. */
export function tierReached(tier: Tier, counted: string, how: string): Explanation {
  return {
    rule: "tier",
    applied: true,
    reason: `${tier.name} (threshold ${tier.threshold}, ${tier.percent}%): accumulated spend ${counted} (${how})`,
  };
}

/** A tier's percentage off. */
export function tierDiscount(percent: string, base: string, discount: string, capped: boolean): Explanation {
  return {
    rule: "discount",
    applied: true,
    reason: `${percent}% off ${base} of eligible lines: ${discount}${capped ? " (capped at the maximum discount)" : ""}`,
  };
}

/** Points to redeem below the program's minimum. */
export function redeemBelowMinimum(points: string, minPoints: string): Explanation {
  return {
    rule: "redeem",
    applied: false,
    reason: `${points} points is below the minimum of ${minPoints} points to redeem`,
  };
}

/** Nothing redeemed: no points, or nothing left to pay. */
export function nothingRedeemed(noPoints: boolean): Explanation {
  return {
    rule: "redeem",
    applied: false,
    reason: noPoints ? "no points available" : "nothing left to pay with points",
  };
}

/** The part of a redeem sentence saying the maximum share cut the points. */
export function redeemShareCap(maxShare: string, base: string, maxPoints: string): string {
  return `capped at ${maxShare}% of ${base}: at most ${maxPoints} points`;
}

/** Points paid with, and what they were worth. */
export function redeemed(points: string, pointValue: string, value: string, caps: readonly string[]): Explanation {
  return {
    rule: "redeem",
    applied: true,
    reason: `${points} points × ${pointValue} = ${value} paid with points${caps.length > 0 ? ` (${caps.join("; ")})` : ""}`,
  };
}

/** Welcome points with the first purchase. */
export function welcomeBonus(points: string): Explanation {
  return { rule: "welcome-bonus", applied: true, reason: `${points} welcome points with the first purchase` };
}

/** What was paid is below the earn rule's minimum order. */
export function belowMinOrder(paid: string, minOrder: string): Explanation {
  return {
    rule: "min-order",
    applied: false,
    reason: `${paid} paid on eligible lines is below the minimum order of ${minOrder}: no points`,
  };
}

/** How an earn rule is named in `explain`: its id and what it gives. */
export function earnRuleName(
  id: string,
  rule:
    | { type: "per-amount"; points: string; per: string }
    | { type: "multiplier"; factor: string }
    | { type: "per-unit"; points: string },
): string {
  if (rule.type === "per-amount") return `${id}: ${rule.points} points per ${rule.per} paid`;
  if (rule.type === "multiplier") return `${id}: ×${rule.factor}`;
  return `${id}: ${rule.points} points per unit`;
}

/**
 * How often an earn rule applied. The rule tag is `earn:` and the name up to its first colon (the
 * rule's id, unless the id itself has a colon: kept as 0.1 words it).
 */
export function earnRule(name: string, lineCount: number): Explanation {
  return {
    rule: `earn:${name.split(":")[0] ?? ""}`,
    applied: lineCount > 0,
    reason:
      lineCount > 0
        ? `${name} — on ${lineCount} line${lineCount === 1 ? "" : "s"}`
        : `${name} — no matching line with an amount paid`,
  };
}

/** The per-transaction cap cut the points. */
export function transactionCap(cap: string, before: string): Explanation {
  return {
    rule: "cap-transaction",
    applied: true,
    reason: `capped at ${cap} points per transaction (${before} before the cap)`,
  };
}

/** The per-period cap cut the points. */
export function periodCap(cap: string, period: string, earnedSoFar: string, left: string): Explanation {
  return {
    rule: "cap-period",
    applied: true,
    reason: `capped at ${cap} points per ${period}: ${earnedSoFar} already earned this ${period}, ${left} left`,
  };
}

/** The points of a transaction: raw, on what was paid, rounded, and how long they are valid. */
export function pointsEarned(
  raw: string,
  paid: string,
  rounding: string,
  total: string,
  earned: boolean,
  validUntil: string | null,
): Explanation {
  return {
    rule: "points",
    applied: earned,
    reason: `${raw} points on ${paid} paid after discounts and points, rounded ${rounding}: ${total} points${validUntil !== null && earned ? `, valid until ${validUntil}` : ""}`,
  };
}

/** A catalog reward that gives one product free. */
export function rewardProduct(name: string, pointsCost: string, sku: string, value: string): Explanation {
  return {
    rule: "reward",
    applied: true,
    reason: `${name} for ${pointsCost} points: one ${sku} free (${value})`,
  };
}

/** A catalog reward that takes money off the eligible lines. */
export function rewardMoneyOff(name: string, pointsCost: string, discount: string, base: string): Explanation {
  return {
    rule: "reward",
    applied: true,
    reason: `${name} for ${pointsCost} points: ${discount} off ${base} of eligible lines`,
  };
}

/** A full stamp card the customer chose not to use. */
export function cardKept(stamps: number, cardSize: number): Explanation {
  return {
    rule: "card",
    applied: false,
    reason: `card full (${stamps} of ${cardSize} stamps) but not used on this purchase`,
  };
}

/** A full stamp card gives one item free; `upTo` is the reward's maximum value, if any. */
export function cardFreeItem(cardSize: number, sku: string, value: string, upTo: string | null): Explanation {
  return {
    rule: "card",
    applied: true,
    reason: `full card of ${cardSize} stamps: one ${sku} free (${value}${upTo === null ? "" : `, up to ${upTo}`})`,
  };
}

/** A full stamp card with no eligible item to give free. */
export function cardNoItem(cardSize: number): Explanation {
  return {
    rule: "card",
    applied: false,
    reason: `full card of ${cardSize} stamps, but no eligible item in the basket to give free: kept for the next purchase`,
  };
}

/** A full stamp card takes money off. */
export function cardMoneyOff(cardSize: number, discount: string): Explanation {
  return { rule: "card", applied: true, reason: `full card of ${cardSize} stamps: ${discount} off` };
}

/** A full stamp card with nothing eligible to discount. */
export function cardNothingToDiscount(): Explanation {
  return {
    rule: "card",
    applied: false,
    reason: `full card, but nothing eligible to discount: kept for the next purchase`,
  };
}

/** Stamps for a purchase (per-purchase rule); `minAmount` when the rule has one. */
export function stampsPerPurchase(stamps: number, paid: string, minAmount: string | null): Explanation {
  return {
    rule: "stamps",
    applied: true,
    reason: `${stamps} stamp${stamps === 1 ? "" : "s"} for a purchase of ${paid}${minAmount === null ? "" : ` (at least ${minAmount})`}`,
  };
}

/** No stamp for a purchase (per-purchase rule): nothing paid, or below `minAmount`. */
export function noStamp(paid: string, minAmount: string | null): Explanation {
  return {
    rule: "stamps",
    applied: false,
    reason: `${paid} paid on eligible lines${minAmount === null ? "" : ` is below ${minAmount}`}: no stamp`,
  };
}

/** Stamps per amount paid. */
export function stampsPerAmount(per: string, stamps: number, paid: string): Explanation {
  return { rule: "stamps", applied: stamps > 0, reason: `one stamp per ${per} paid: ${stamps} for ${paid}` };
}

// Every sentence a refund writes into its `explain`, one function per kind, so the wording lives in
// one place beside the pricing engine's (explain.ts) and the promotions' (explainPromotions.ts). The
// caller formats the figures (money as "12.50 EUR", points at the program's scale) and passes them in
// as strings.
import type { Explanation } from "../result.js";

/** The money given back. */
export function moneyBack(amount: string): Explanation {
  return { rule: "money", applied: true, reason: `${amount} back: the net paid for the refunded quantities` };
}

/** Redeemed points given back. */
export function pointsRestored(points: string): Explanation {
  return {
    rule: "restore",
    applied: true,
    reason: `${points} redeemed points given back in proportion to the refunded quantities`,
  };
}

/** Earned points reversed, and what the clawback policy did where they were already spent. */
export function pointsReversed(points: string, clawback: string, taken: string, forgiven: string): Explanation {
  return {
    rule: "reverse",
    applied: true,
    reason: `${points} earned points reversed; if already spent: ${clawback} (${taken} taken from the customer, ${forgiven} forgiven, welcome points included)`,
  };
}

/** A full refund takes the purchase's welcome points back. */
export function welcomeTakenBack(points: string): Explanation {
  return {
    rule: "welcome-bonus",
    applied: true,
    reason: `the purchase is fully refunded: its ${points} welcome points are taken back`,
  };
}

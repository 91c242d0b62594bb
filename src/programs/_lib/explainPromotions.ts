// Every sentence a promotion writes: into a quote's `explain` (coupons, amount off, buy X get Y,
// gifts), into the `explain` of selectPromotions (which promotions combine), and the `reason` of a
// next-order coupon. One function per kind, so the wording lives in one place beside the pricing
// engine's own (explain.ts) and refund's (explainRefund.ts). The callers format the figures (money as
// "12.50 EUR") and pass them in as strings; nothing here computes an amount.
import type { Explanation } from "../result.js";

// ── Coupons ────────────────────────────────────────────────────────────────────────────────────────

/** A coupon refused: the refusal's code (`expired`, `unknown`, …) and its message. */
export function couponRefused(reason: string, message: string): Explanation {
  return { rule: "coupon", applied: false, reason: `refused (${reason}): ${message}` };
}

/** A coupon accepted; `budgetLeft` when what is left of the promotion's budget cut the discount. */
export function couponAccepted(code: string, budgetLeft: string | null): Explanation {
  return {
    rule: "coupon",
    applied: true,
    reason:
      budgetLeft === null
        ? `code ${code} accepted`
        : `code ${code} accepted; the discount is capped at the ${budgetLeft} left in the promotion's budget`,
  };
}

// ── Amount off ─────────────────────────────────────────────────────────────────────────────────────

/** The lines an amount off applies to: every eligible line, or those matching the SKUs/categories listed. */
export function amountOffLines(matching: string | null): string {
  return matching === null ? "eligible lines" : `lines matching ${matching}`;
}

/** Nothing left to pay on the lines an amount off applies to. */
export function amountOffNothingLeft(lines: string): Explanation {
  return { rule: "amount-off", applied: false, reason: `no ${lines} left to pay: nothing taken off` };
}

/** The lines an amount off applies to come to less than its minimum spend. */
export function amountOffBelowMinSpend(base: string, lines: string, minSpend: string): Explanation {
  return {
    rule: "min-spend",
    applied: false,
    reason: `${base} of ${lines} is below the minimum spend of ${minSpend}: no amount off`,
  };
}

/**
 * An amount off, split over `lineCount` lines; `minSpend` when the promotion has one, `promised` when
 * the lines cost less than the promotion's amount (so the discount is capped at what they cost).
 */
export function amountOff(
  discount: string,
  base: string,
  lines: string,
  minSpend: string | null,
  promised: string | null,
  lineCount: number,
): Explanation {
  return {
    rule: "amount-off",
    applied: true,
    reason: `${discount} off ${base} of ${lines}${minSpend === null ? "" : ` (minimum spend ${minSpend} reached)`}${promised === null ? "" : ` (capped at what they cost; the promotion is ${promised})`}, split over ${lineCount} line${lineCount === 1 ? "" : "s"} in proportion to their amounts`,
  };
}

// ── Buy X get Y ────────────────────────────────────────────────────────────────────────────────────

/** How a buy X get Y promotion is named: "buy 2 get 1 free", "buy 1 get 1 at 50% off". */
export function buyXGetYTitle(buy: number, get: number, percent: string): string {
  return `buy ${buy} get ${get}${percent === "100" ? " free" : ` at ${percent}% off`}`;
}

function soldByWeight(lines: number): string {
  return lines > 0 ? ` (${lines} line${lines === 1 ? "" : "s"} sold by weight take no part)` : "";
}

/** Too few units to buy and to give for one application; `weightLines` lines sold by weight were left out. */
export function buyXGetYNotEnough(title: string, toBuy: number, toGive: number, weightLines: number): Explanation {
  return {
    rule: "buy-x-get-y",
    applied: false,
    reason: `${title}: ${toBuy} unit${toBuy === 1 ? "" : "s"} to buy and ${toGive} to give in the basket, not enough for one${soldByWeight(weightLines)}`,
  };
}

/** One discounted line of a buy X get Y: "2 × TEE (10.00 EUR)". */
export function buyXGetYUnits(units: number, sku: string, discount: string): string {
  return `${units} × ${sku} (${discount})`;
}

/**
 * A buy X get Y applied `times` times; `discounted` lists the discounted units (see
 * {@link buyXGetYUnits}); `bundle` when the discount is spread over the bundle's units.
 */
export function buyXGetY(
  title: string,
  cheapestFirst: boolean,
  times: number,
  discounted: readonly string[],
  total: string,
  bundle: boolean,
  weightLines: number,
): Explanation {
  return {
    rule: "buy-x-get-y",
    applied: true,
    reason: `${title}, ${cheapestFirst ? "cheapest" : "most expensive"} units first: ${times} time${times === 1 ? "" : "s"}; discounted ${discounted.join(", ")}: ${total} off${bundle ? ", spread over the bundle's units in proportion to their prices" : ", on the discounted units"}${soldByWeight(weightLines)}`,
  };
}

// ── Gifts with purchase ────────────────────────────────────────────────────────────────────────────

/** The spend part of a gift's condition: "80.00 EUR spent, below 100.00". */
export function giftSpend(spent: string, met: boolean, minSpend: string): string {
  return `${spent} spent, ${met ? "at least" : "below"} ${minSpend}`;
}

/** The quantity part of a gift's condition; `matching` lists the SKUs/categories, null for any eligible unit. */
export function giftUnits(units: string, single: boolean, matching: string | null, met: boolean, need: number): string {
  const what = matching === null ? "eligible" : `of ${matching}`;
  return `${units} unit${single ? "" : "s"} ${what} bought, ${met ? "at least" : "fewer than"} ${need}`;
}

/** A gift's condition from its parts, or the gift of every purchase when it has none. */
export function giftConditionText(parts: readonly string[]): string {
  return parts.length === 0 ? "given with every purchase" : parts.join("; ");
}

/** A gift not earned: its condition says why. */
export function giftNotEarned(sku: string, condition: string): Explanation {
  return { rule: "gift", applied: false, reason: `gift ${sku}: ${condition}` };
}

/** A gift earned, but its line is not in the basket. */
export function giftNotInBasket(sku: string, condition: string): Explanation {
  return {
    rule: "gift",
    applied: false,
    reason: `gift ${sku} earned (${condition}) but not in the basket: add its line (addGiftLines does) to give it`,
  };
}

/** A gift's line holds less than one unit. */
export function giftLessThanOneUnit(sku: string): Explanation {
  return { rule: "gift", applied: false, reason: `gift ${sku}: the line holds less than one unit` };
}

/** A gift given free. */
export function giftGiven(units: number, sku: string, value: string, condition: string): Explanation {
  return {
    rule: "gift",
    applied: true,
    reason: `gift with purchase: ${units} × ${sku} free (${value}, 100 % off) — ${condition}`,
  };
}

// ── Which promotions combine (selectPromotions) ────────────────────────────────────────────────────

/** A promotion that takes nothing off this basket. */
export function promotionNothingOff(id: string, name: string): Explanation {
  return { rule: `promotion:${id}`, applied: false, reason: `${name}: takes nothing off this basket` };
}

/** An exclusive promotion that applies alone. */
export function promotionExclusive(id: string, name: string, off: string): Explanation {
  return {
    rule: `promotion:${id}`,
    applied: true,
    reason: `${name}: exclusive, ${off} off; no other promotion applies with it`,
  };
}

/** A promotion left out because another is exclusive. */
export function promotionLeftOutByExclusive(id: string, name: string, exclusiveName: string): Explanation {
  return { rule: `promotion:${id}`, applied: false, reason: `${name}: left out, ${exclusiveName} is exclusive` };
}

/** The best-for-the-customer promotion that won. */
export function promotionBest(id: string, name: string, off: string): Explanation {
  return { rule: `promotion:${id}`, applied: true, reason: `${name}: the best for the customer, ${off} off` };
}

/** A best-for-the-customer promotion that takes less off than the winner. */
export function promotionLeftOutByBest(
  id: string,
  name: string,
  off: string,
  bestName: string,
  bestOff: string,
): Explanation {
  return {
    rule: `promotion:${id}`,
    applied: false,
    reason: `${name}: left out, ${off} off is less than ${bestName}'s ${bestOff}`,
  };
}

/** A promotion that stacks with the others. */
export function promotionStacks(id: string, name: string, off: string): Explanation {
  return { rule: `promotion:${id}`, applied: true, reason: `${name}: stacks, ${off} off alone` };
}

/** The order the kept programs apply in. */
export function stackingOrder(ids: readonly string[]): Explanation {
  return {
    rule: "stacking",
    applied: true,
    reason: `applied in this order, each on what the previous left: ${ids.join(", ")}`,
  };
}

// ── Next-order coupons (the `reason` of a checkout's `nextOrder`) ──────────────────────────────────

/** A retry of a sale that already issued its next-order coupon. */
export function nextOrderAlreadyIssued(transactionId: string, code: string): string {
  return `sale ${transactionId} issued ${code}`;
}

/** No next-order coupon: the program was not active. */
export function nextOrderInactive(): string {
  return "the program was not active: no next-order coupon";
}

/** No next-order coupon: the sale's total is below the spend that earns one. */
export function nextOrderBelowMinSpend(total: string, minSpend: string): string {
  return `the total of ${total} is below the ${minSpend} that earns a next-order coupon`;
}

/** A next-order coupon issued, valid until a day in the promotion's time zone. */
export function nextOrderIssued(total: string, code: string, validUntil: string, timeZone: string): string {
  return `a total of ${total} earns code ${code}, valid until ${validUntil} (${timeZone})`;
}

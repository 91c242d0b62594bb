// The money a promotion takes off each line, computed on what is left to pay on the lines (so a
// promotion placed after another program in checkoutAll works on that program's result). Returns the
// discount per line index; the engine books it. Money is in whole minor units (as in the engine);
// every discount is never negative and never more than the line's net, so no line goes below zero.
import type { BasketLine } from "../../basket.js";
import type { Explanation } from "../../result.js";
import type { ProgramOf, PromotionRule } from "../../program.js";
import type { Mode } from "../../_lib/decimal.js";
import { allocateUnits, decimalToMinor, divRound, formatUnits, gcd, ratioOf, toMinor } from "../../_lib/minor.js";
import { compileMatch, type Matcher } from "../../_lib/eligibility.js";
import { giftCondition } from "./giftCondition.js";
import type { CouponState } from "../couponState.js";
import { assertCouponState, holderOf, judgeCoupon } from "./couponRules.js";
import * as say from "../../_lib/explainPromotions.js";

/** The coupon a basket comes with, and the state to judge it by (default: nothing redeemed yet). */
export interface CouponInput {
  readonly code?: string | undefined;
  readonly state?: CouponState | undefined;
  readonly atMs: number;
  readonly customerId?: string | undefined;
  readonly cardId?: string | undefined;
}

/** What the promotion engine reads of a priced line. */
export interface PromotionLine {
  readonly line: BasketLine;
  readonly eligible: boolean;
  /** What is left to pay, in minor units. */
  readonly net: number;
}

type Rule<T extends PromotionRule["type"]> = Extract<PromotionRule, { type: T }>;

interface Ctx {
  readonly program: ProgramOf<"promotion">;
  readonly lines: readonly PromotionLine[];
  readonly idx: readonly number[];
  readonly dp: number;
  readonly mode: Mode;
  readonly explain: Explanation[];
}

function label(minor: number, ctx: Ctx): string {
  return `${formatUnits(minor, ctx.dp)} ${ctx.program.currency}`;
}

/** A program's amount (at most the currency's decimals, checked by parseProgram) in minor units. */
function minor(amount: string, ctx: Ctx): number {
  return toMinor(amount, ctx.dp);
}

const sum = (xs: Iterable<number>): number => {
  let s = 0;
  for (const x of xs) s += x;
  return s;
};

function describeMatch(m: {
  skus?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
}): string {
  return [...(m.skus ?? []), ...(m.categories ?? [])].slice(0, 5).join(", ");
}

/** The discount per line index of a promotion program; pushes one explanation per decision. */
export function promotionDiscounts(
  program: ProgramOf<"promotion">,
  lines: readonly PromotionLine[],
  idx: readonly number[],
  dp: number,
  mode: Mode,
  explain: Explanation[],
  coupon?: CouponInput,
): Map<number, number> {
  const ctx: Ctx = { program, lines, idx, dp, mode, explain };
  let budgetLeft: number | null = null;
  let code = "";
  if (program.coupon !== undefined) {
    const state = assertCouponState(program, coupon?.state, ["coupon", "state"]);
    const verdict = judgeCoupon(program, state, coupon?.code, coupon?.atMs ?? 0, {
      holder: holderOf({ customerId: coupon?.customerId, cardId: coupon?.cardId }),
      customerId: coupon?.customerId,
    });
    if (!verdict.ok) {
      explain.push(say.couponRefused(verdict.reason, verdict.message));
      return new Map();
    }
    // the budget's remainder as minor units (past the safe range it cannot cut a basket's discount)
    budgetLeft =
      verdict.budgetLeft === null ? null : (decimalToMinor(verdict.budgetLeft, dp) ?? Number.POSITIVE_INFINITY);
    code = (coupon?.code ?? "").trim();
  }
  const out = byRule(ctx);
  if (program.coupon === undefined) return out;
  const total = sum(out.values());
  if (budgetLeft !== null && total > budgetLeft) {
    const keys = [...out.keys()];
    const shares = allocateUnits(BigInt(budgetLeft), [...out.values()].map(BigInt), 1n, dp);
    keys.forEach((i, k) => out.set(i, Number(shares[k])));
    explain.push(say.couponAccepted(code, label(budgetLeft, ctx)));
  } else explain.push(say.couponAccepted(code, null));
  return out;
}

function byRule(ctx: Ctx): Map<number, number> {
  const r = ctx.program.rule;
  switch (r.type) {
    case "amount-off":
      return amountOff(r, ctx);
    case "buy-x-get-y":
      return buyXGetY(r, ctx);
    case "gift":
      return gift(r, ctx);
    default: {
      const never: never = r;
      return never;
    }
  }
}

function amountOff(r: Rule<"amount-off">, ctx: Ctx): Map<number, number> {
  const out = new Map<number, number>();
  const match = r.match === undefined ? null : compileMatch(r.match);
  const target = ctx.idx.filter((i) => {
    const l = ctx.lines[i] as PromotionLine;
    return l.net > 0 && (match === null || match(l.line));
  });
  const what = say.amountOffLines(r.match === undefined ? null : describeMatch(r.match));
  const base = sum(target.map((i) => (ctx.lines[i] as PromotionLine).net));
  if (base === 0) {
    ctx.explain.push(say.amountOffNothingLeft(what));
    return out;
  }
  if (r.minSpend !== undefined && base < minor(r.minSpend, ctx)) {
    ctx.explain.push(say.amountOffBelowMinSpend(label(base, ctx), what, label(minor(r.minSpend, ctx), ctx)));
    return out;
  }
  const amount = minor(r.amount, ctx);
  const d = Math.min(amount, base);
  const shares = allocateUnits(
    BigInt(d),
    target.map((i) => BigInt((ctx.lines[i] as PromotionLine).net)),
    1n,
    ctx.dp,
  );
  target.forEach((i, k) => {
    const s = Number(shares[k]);
    if (s !== 0) out.set(i, s);
  });
  ctx.explain.push(
    say.amountOff(
      label(d, ctx),
      label(base, ctx),
      what,
      r.minSpend === undefined ? null : label(minor(r.minSpend, ctx), ctx),
      d < amount ? label(amount, ctx) : null,
      target.length,
    ),
  );
  return out;
}

/**
 * A line's units taking part in a buy X get Y: whole units only, valued at what is left to pay
 * (a unit is worth net / quantity, kept as that exact ratio).
 */
interface Group {
  readonly i: number;
  readonly net: number;
  readonly quantity: number;
  left: number;
}

/** Compares two groups' unit values net / quantity exactly (by cross-multiplying). */
function compareUnits(a: Group, b: Group): number {
  const x = BigInt(a.net) * BigInt(b.quantity);
  const y = BigInt(b.net) * BigInt(a.quantity);
  return x < y ? -1 : x > y ? 1 : 0;
}

function buyXGetY(r: Rule<"buy-x-get-y">, ctx: Ctx): Map<number, number> {
  const out = new Map<number, number>();
  const cheapestFree = (r.free ?? "cheapest") === "cheapest";
  const percent = r.get.percent ?? "100";
  const buyMatch: Matcher | null = r.buy.match === undefined ? null : compileMatch(r.buy.match);
  const getMatch: Matcher | null = r.get.match === undefined ? null : compileMatch(r.get.match);
  const X = r.buy.quantity;
  const Y = r.get.quantity;
  const both: Group[] = [];
  const buyOnly: Group[] = [];
  const getOnly: Group[] = [];
  let skippedFractional = 0;
  for (const i of ctx.idx) {
    const l = ctx.lines[i] as PromotionLine;
    if (l.net <= 0) continue;
    const b = buyMatch === null || buyMatch(l.line);
    const g = getMatch === null || getMatch(l.line);
    if (!b && !g) continue;
    // Units sold by weight (a fractional quantity) take no part: "buy 2 get 1" counts items.
    if (!l.line.quantity.isInteger() || l.line.quantity.gt(Number.MAX_SAFE_INTEGER)) {
      skippedFractional++;
      continue;
    }
    const q = l.line.quantity.toNumber();
    const group: Group = { i, net: l.net, quantity: q, left: q };
    (b && g ? both : b ? buyOnly : getOnly).push(group);
  }
  const count = (gs: readonly Group[]) => gs.reduce((s, x) => s + x.left, 0);
  const nB = count(buyOnly);
  const nG = count(getOnly);
  const nO = count(both);
  // The most applications a: buy units come from buy-only lines first, given units from give-only
  // lines first, and the lines in both sets make up the rest.
  const fits = (a: number) => Math.max(0, a * X - nB) + Math.max(0, a * Y - nG) <= nO;
  let lo = 0;
  let hi = Math.min(Math.floor((nB + nO) / X), Math.floor((nG + nO) / Y), r.maxApplications ?? Number.MAX_SAFE_INTEGER);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const apps = lo;
  const title = say.buyXGetYTitle(X, Y, percent);
  if (apps === 0) {
    ctx.explain.push(say.buyXGetYNotEnough(title, nB + nO, nG + nO, skippedFractional));
    return out;
  }
  // Free units: in the rule's order (cheapest first by default; ties to the earlier line).
  const freeOrder = (a: Group, b: Group) => {
    const c = compareUnits(a, b);
    return c === 0 ? a.i - b.i : c < 0 === cheapestFree ? -1 : 1;
  };
  const take = (gs: Group[], n: number, order: (a: Group, b: Group) => number, into: Map<number, number>) => {
    let need = n;
    for (const g of [...gs].sort(order)) {
      if (need === 0) break;
      const t = Math.min(g.left, need);
      g.left -= t;
      need -= t;
      into.set(g.i, (into.get(g.i) ?? 0) + t);
    }
  };
  const free = new Map<number, number>();
  const fromGetOnly = Math.min(apps * Y, nG);
  take(getOnly, fromGetOnly, freeOrder, free);
  take(both, apps * Y - fromGetOnly, freeOrder, free);
  // Bought units: the other end of the same order (the most expensive first when the cheapest go free).
  const bought = new Map<number, number>();
  const buyOrder = (a: Group, b: Group) => -freeOrder(a, b);
  const fromBuyOnly = Math.min(apps * X, nB);
  take(buyOnly, fromBuyOnly, buyOrder, bought);
  take(both, apps * X - fromBuyOnly, buyOrder, bought);

  const quantityOf = new Map<number, number>();
  for (const g of [...both, ...buyOnly, ...getOnly]) quantityOf.set(g.i, g.quantity);
  const pct = ratioOf(percent);
  let total = 0;
  const freeParts: string[] = [];
  const freeDiscount = new Map<number, number>();
  for (const [i, k] of [...free].sort((a, b) => a[0] - b[0])) {
    const l = ctx.lines[i] as PromotionLine;
    const q = quantityOf.get(i) as number;
    // k units at net / q each, percent % off, rounded once
    const off = divRound(BigInt(l.net) * BigInt(k) * pct.n, BigInt(q) * pct.d * 100n, ctx.mode);
    const d = Math.min(Number(off), l.net);
    freeDiscount.set(i, d);
    total += d;
    freeParts.push(say.buyXGetYUnits(k, l.line.sku, label(d, ctx)));
  }
  const bundle = (r.allocation ?? "bundle") === "bundle";
  if (!bundle) {
    for (const [i, d] of freeDiscount) if (d !== 0) out.set(i, d);
  } else if (total !== 0) {
    const members = [...new Set([...free.keys(), ...bought.keys()])].sort((a, b) => a - b);
    // each member's k units at net / q, over the quantities' common multiple so the weights are integers
    let common = 1n;
    for (const i of members) {
      const q = BigInt(quantityOf.get(i) as number);
      common = (common / gcd(common, q)) * q;
    }
    const weights = members.map((i) => {
      const k = (free.get(i) ?? 0) + (bought.get(i) ?? 0);
      const q = BigInt(quantityOf.get(i) as number);
      return BigInt((ctx.lines[i] as PromotionLine).net) * BigInt(k) * (common / q);
    });
    const shares = allocateUnits(BigInt(total), weights, common, ctx.dp);
    members.forEach((i, k) => {
      // a share never exceeds the line's net: the bundle's bought units are paid for
      const s = Math.min(Number(shares[k]), (ctx.lines[i] as PromotionLine).net);
      if (s !== 0) out.set(i, s);
    });
  }
  ctx.explain.push(say.buyXGetY(title, cheapestFree, apps, freeParts, label(total, ctx), bundle, skippedFractional));
  return out;
}

function gift(r: Rule<"gift">, ctx: Ctx): Map<number, number> {
  const out = new Map<number, number>();
  const cond = giftCondition(
    r,
    ctx.idx.map((i) => ctx.lines[i] as PromotionLine),
    ctx.dp,
  );
  const giftIndex = ctx.lines.findIndex((l) => l.line.sku === r.gift.sku && l.net > 0);
  if (!cond.met) {
    ctx.explain.push(say.giftNotEarned(r.gift.sku, cond.reason));
    return out;
  }
  if (giftIndex < 0) {
    ctx.explain.push(say.giftNotInBasket(r.gift.sku, cond.reason));
    return out;
  }
  const l = ctx.lines[giftIndex] as PromotionLine;
  const units = Math.min(r.gift.quantity ?? 1, l.line.quantity.floor().toNumber());
  if (units === 0) {
    ctx.explain.push(say.giftLessThanOneUnit(r.gift.sku));
    return out;
  }
  // units at net / quantity each, rounded once
  const q = ratioOf(l.line.quantity.toString());
  const d = Math.min(Number(divRound(BigInt(l.net) * BigInt(units) * q.d, q.n, ctx.mode)), l.net);
  if (d !== 0) out.set(giftIndex, d);
  ctx.explain.push(say.giftGiven(units, r.gift.sku, label(d, ctx), cond.reason));
  return out;
}

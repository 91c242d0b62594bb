// The pricing engine behind quote, checkout and checkoutAll. Works on Decimals; formats the wire
// result once at the end. Order inside one program:
//   1. line amounts (quantity × unit price, half-even to the minor unit; or what an earlier program left)
//   2. the program's money discount (percent, tier, catalog reward, full stamp card), allocated over
//      the eligible lines in proportion to their amounts with money's `allocate`
//   3. points redeemed as money (bonus), capped by the maximum share, allocated the same way
//   4. points / stamps earned on what is actually left to pay on eligible lines, rounded once for the
//      transaction by the program's rule, then capped (per transaction, then per period)
// Each step reads and writes one PricingContext; every `explain` sentence comes from ./explain.ts.
// Why Decimals and not integer minor units: quantities may be fractional (0.375 kg) and unit prices
// may have more decimals than the currency, so a line amount is only a whole number of minor units
// after rounding; earn rates (points per amount, multipliers) give fractional points that must be
// summed exactly before the transaction's single rounding. The splits that must be exact to the
// unit (money's allocate, allocateUnits for points) already work on scaled integers.
import {
  CurrencyMismatchError,
  ErrorCode,
  InsufficientPointsError,
  LoyaltyValidationError,
  OperationError,
} from "../../errors/errors.js";
import { parseInstant } from "../../_lib/values.js";
import { endOfDayMonthsLater } from "../../_lib/time.js";
import { allocate } from "../../money/allocate.js";
import { makeMoney } from "../../money/money.js";
import { minorUnits } from "../../money/currencies.js";
import { balance } from "../../ledger/balance.js";
import type { Basket, BasketLine } from "../basket.js";
import type { ProgramAccount } from "../account.js";
import type { Earn, Program, ProgramOf, Reward, Tier } from "../program.js";
import type { Explanation, Quote } from "../result.js";
import type { QuoteOptions as PriceOptions } from "../options.js";
import { tierFor } from "../tierFor.js";
import { pendingExplanation, releaseMs } from "./pending.js";
import { tierEarnBonus } from "../tiers/_lib/programTier.js";
import { promotionDiscounts } from "../promotions/_lib/promotionDiscounts.js";
import { accumulatedSpendAt, earnedInPeriod, isFirstPurchase } from "./records.js";
import { isBranded } from "./brand.js";
import { compileEligibility, compileMatch, type Matcher } from "./eligibility.js";
import * as say from "./explain.js";
import {
  allocateUnits,
  dec,
  fixed,
  HUNDRED,
  ONE,
  maxD,
  minD,
  roundTo,
  sumD,
  ZERO,
  type D,
  type Mode,
} from "./decimal.js";

export interface LineCalc {
  readonly line: BasketLine;
  readonly eligible: boolean;
  readonly amount: D;
  discount: D;
  pointsMoney: D;
  /** amount − discount − pointsMoney, kept up to date by `take`. */
  net: D;
  points: D;
  redeemed: D;
}

export interface Priced {
  readonly quote: Quote;
  readonly atMs: number;
  readonly lines: readonly LineCalc[];
  readonly pointsEarned: D;
  readonly welcome: D;
  readonly pointsRedeemed: D;
  readonly expiresAt: string | null;
  readonly reward: Reward | null;
}

function money(d: D, dp: number, currency: string): { amount: string; currency: string } {
  return { amount: fixed(d, dp), currency };
}

export function isActiveAt(program: Program, atMs: number): boolean {
  return (
    atMs >= Date.parse(program.active.from) && (program.active.to === undefined || atMs < Date.parse(program.active.to))
  );
}

/** Personalized programs need an identified customer who consented. */
export function isPersonalized(program: Program): boolean {
  return (
    program.personalized ?? (program.kind === "cumulative" || program.kind === "bonus" || program.kind === "catalog")
  );
}

function hasConsent(consent: PriceOptions["consent"]): boolean {
  return consent === true || (typeof consent === "object" && consent !== null && consent.personalData === true);
}

export function assertConsent(
  program: Program,
  customerId: string | undefined,
  consent: PriceOptions["consent"],
): void {
  if (!isPersonalized(program)) return;
  if (customerId === undefined) {
    throw new OperationError(
      ErrorCode.CONSENT_REQUIRED,
      `program ${JSON.stringify(program.id)} is personalized: the customer must be identified (an account with a customerId)`,
      { programId: program.id, reason: "unidentified" },
    );
  }
  if (!hasConsent(consent)) {
    throw new OperationError(
      ErrorCode.CONSENT_REQUIRED,
      `program ${JSON.stringify(program.id)} is personalized: customer ${JSON.stringify(customerId)} must consent to personal-data processing (pass consent: true)`,
      { programId: program.id, customerId, reason: "no-consent" },
    );
  }
}

export function assertAccount(program: Program, account: ProgramAccount): void {
  if (
    typeof account !== "object" ||
    account === null ||
    typeof account.programId !== "string" ||
    !Array.isArray(account.sales) ||
    !Array.isArray(account.refunds) ||
    typeof account.points !== "object" ||
    account.points === null
  ) {
    throw new LoyaltyValidationError([
      {
        path: ["account"],
        message:
          "expected a program account (from openProgramAccount, checkout, refund or parseProgramAccount); one stored by 0.2 (with purchases) is converted once with upgradeProgramAccount",
      },
    ]);
  }
  if (account.programId !== program.id) {
    throw new LoyaltyValidationError([
      {
        path: ["account", "programId"],
        message: `expected an account of program ${JSON.stringify(program.id)}, got one of ${JSON.stringify(account.programId)}`,
      },
    ]);
  }
}

function pointsScale(program: Program): number {
  return program.kind === "bonus" || program.kind === "catalog" ? (program.pointsScale ?? 0) : 0;
}

/** Applies `total` as `field` over the eligible lines, in proportion to what is left to pay on each. */
function spread(ctx: PricingContext, total: D, field: "discount" | "pointsMoney"): D[] {
  const { lines, idx } = ctx;
  const weights = idx.map((i) => left(lines[i] as LineCalc));
  if (total.isZero() || weights.every((w) => w.isZero())) return idx.map(() => ZERO);
  const shares = allocate(makeMoney(total, ctx.currency), weights).map((m) => m.amount);
  idx.forEach((i, k) => take(lines[i] as LineCalc, field, shares[k] as D));
  return shares;
}

function left(l: LineCalc): D {
  return l.net;
}

/**
 * The units of a line still paid for with money, for `per-unit` earn rules: points are earned only on
 * what is paid, so a unit that a reward, a discount or points paid for in full earns nothing. Units
 * are covered whole from what was taken off the line (a 10% discount covers no unit; a free scarf or
 * points paying 12.00 of two 12.00 units cover one); a line left with nothing to pay has no paid unit.
 */
function paidUnits(l: LineCalc): D {
  if (l.net.lte(ZERO)) return ZERO;
  const covered = l.amount.minus(l.net);
  const unit = l.line.unitPrice.amount;
  if (covered.lte(ZERO) || unit.lte(ZERO)) return l.line.quantity;
  return maxD(l.line.quantity.minus(covered.div(unit).floor()), ZERO);
}

/** Takes `d` off a line as a discount or as points money. */
function take(l: LineCalc, field: "discount" | "pointsMoney", d: D): void {
  if (d.isZero()) return;
  l[field] = l[field].plus(d);
  l.net = l.net.minus(d);
}

/**
 * Quantity × unit price, half-even to the minor unit. A quantity of one (the usual line) with a price
 * already at the minor unit is the price itself: ×1 is exact there, as the price has at most
 * 30 + 1 + dp < 40 significant digits (the Decimal precision), so the multiplication is skipped.
 */
export function lineAmount(line: BasketLine, dp: number): D {
  const p = line.unitPrice.amount;
  if (line.quantity.eq(ONE) && p.e < 30 && p.decimalPlaces() <= dp) return p;
  return roundTo(line.quantity.times(p), dp, "half-even");
}

function label(d: D, dp: number, currency: string): string {
  return `${fixed(d, dp)} ${currency}`;
}

function percentOf(base: D, percent: string, dp: number, mode: Mode): D {
  return roundTo(base.times(percent).div(HUNDRED), dp, mode);
}

/** Why lines do not count (the first five), or null when every line counts. */
export function excludedExplanation(
  program: Program,
  basketLines: readonly BasketLine[],
  eligible: (i: number) => boolean,
): Explanation | null {
  const out: BasketLine[] = [];
  basketLines.forEach((l, i) => {
    if (!eligible(i)) out.push(l);
  });
  if (out.length === 0) return null;
  return say.excludedLines(out, basketLines.length, program.eligibility?.lineKinds ?? ["merchandise", "service"]);
}

/** What pricing needs from a valid call; throws what `price` throws for an invalid one. */
export function prepare(
  program: Program,
  account: ProgramAccount,
  basket: Basket,
  options: PriceOptions,
): { atMs: number; at: string; dp: number; scale: number } {
  assertAccount(program, account);
  const atMs = options.at === undefined ? Date.parse(basket.at) : parseInstant(options.at, "at");
  const at = new Date(atMs).toISOString();
  const currency = program.currency;
  const dp = minorUnits(currency) ?? 2;
  const scale = pointsScale(program);
  const basketCurrency = basket.lines[0]?.unitPrice.currency ?? currency;
  if (basketCurrency !== currency) throw new CurrencyMismatchError(currency, basketCurrency, `program ${program.id}`);
  if (basket.customerId !== undefined && account.customerId !== undefined && basket.customerId !== account.customerId) {
    throw new LoyaltyValidationError([
      {
        path: ["basket", "customerId"],
        message: `expected the account's customer ${JSON.stringify(account.customerId)}, got ${JSON.stringify(basket.customerId)}`,
      },
    ]);
  }
  if (basket.cardId !== undefined && account.cardId !== undefined && basket.cardId !== account.cardId) {
    throw new LoyaltyValidationError([
      {
        path: ["basket", "cardId"],
        message: `expected the account's card ${JSON.stringify(account.cardId)}, got ${JSON.stringify(basket.cardId)}`,
      },
    ]);
  }
  if (
    program.kind === "stamps" &&
    program.transferable === false &&
    (account.customerId === undefined || basket.customerId !== account.customerId)
  ) {
    throw new LoyaltyValidationError([
      {
        path: ["basket", "customerId"],
        message: `expected the card's holder ${JSON.stringify(account.customerId ?? "(none)")}: cards of program ${JSON.stringify(program.id)} are not transferable, got ${JSON.stringify(basket.customerId ?? null)}`,
      },
    ]);
  }
  assertConsent(program, account.customerId, options.consent);
  return { atMs, at, dp, scale };
}

/**
 * Everything one program's pricing steps read and write: the call (program, account, basket,
 * options), its instant and scales, the lines being priced (`idx`: the eligible ones, in basket
 * order), the explanation collected so far and the figures of the transaction (`state`).
 */
export interface PricingContext {
  readonly program: Program;
  readonly account: ProgramAccount;
  readonly basket: Basket;
  readonly options: PriceOptions;
  readonly atMs: number;
  /** The priced instant as an ISO string (for balances and `explain`). */
  readonly at: string;
  /** The currency's minor units. */
  readonly dp: number;
  /** The program's points decimals. */
  readonly scale: number;
  readonly currency: string;
  readonly lines: LineCalc[];
  readonly idx: readonly number[];
  /** The eligible lines' amounts before any step took something off. */
  readonly eligibleAmount: D;
  readonly explain: Explanation[];
  readonly state: State;
}

interface State {
  accumulated: D | null;
  tier: Tier | null;
  pointsEarned: D;
  welcome: D;
  pointsRedeemed: D;
  expiresAt: string | null;
  reward: Reward | null;
  stamps: Quote["stamps"];
}

/** Prices a basket under one program. `entering` overrides the line amounts (checkoutAll). */
export function price(
  program: Program,
  account: ProgramAccount,
  basket: Basket,
  options: PriceOptions,
  entering?: readonly D[],
): Priced {
  const { atMs, at, dp, scale } = prepare(program, account, basket, options);
  const currency = program.currency;
  if (entering !== undefined && entering.length !== basket.lines.length) {
    throw new LoyaltyValidationError([
      { path: ["entering"], message: `expected ${basket.lines.length} amounts, got ${entering.length}` },
    ]);
  }

  const eligibleOf = eligibilityOf(program);
  const lines: LineCalc[] = new Array<LineCalc>(basket.lines.length);
  const idx: number[] = [];
  let eligibleAmount = ZERO;
  let otherAmount = ZERO;
  for (let i = 0; i < basket.lines.length; i++) {
    const line = basket.lines[i] as BasketLine;
    const amount = entering?.[i] ?? lineAmount(line, dp);
    const eligible = eligibleOf(line);
    lines[i] = { line, eligible, amount, discount: ZERO, pointsMoney: ZERO, net: amount, points: ZERO, redeemed: ZERO };
    if (eligible) {
      idx.push(i);
      eligibleAmount = eligibleAmount.plus(amount);
    } else otherAmount = otherAmount.plus(amount);
  }
  // one sum per line on the hot path: gross is the eligible and the other lines together
  const gross = eligibleAmount.plus(otherAmount);
  const explain: Explanation[] = [];
  const excluded = excludedExplanation(program, basket.lines, (i) => (lines[i] as LineCalc).eligible);
  if (excluded !== null) explain.push(excluded);

  const state: State = {
    accumulated: null,
    tier: null,
    pointsEarned: ZERO,
    welcome: ZERO,
    pointsRedeemed: ZERO,
    expiresAt: null,
    reward: null,
    stamps: null,
  };
  const ctx: PricingContext = {
    program,
    account,
    basket,
    options,
    atMs,
    at,
    dp,
    scale,
    currency,
    lines,
    idx,
    eligibleAmount,
    explain,
    state,
  };
  const active = isActiveAt(program, atMs);
  if (!active) {
    explain.unshift(say.inactive(at, program.active.from, program.active.to));
  } else {
    switch (program.kind) {
      case "discount":
        applyDiscountProgram(ctx, program);
        break;
      case "cumulative":
        applyCumulative(ctx, program);
        break;
      case "bonus":
        applyRedeem(ctx, program);
        applyEarn(ctx, program, program.earn);
        break;
      case "catalog":
        applyReward(ctx, program);
        if (program.earn !== undefined) applyEarn(ctx, program, program.earn);
        break;
      case "stamps":
        applyStamps(ctx, program);
        break;
      case "promotion":
        for (const [i, d] of promotionDiscounts(program, lines, idx, dp, mode(program), explain, {
          code: options.coupon?.code,
          state: options.coupon?.state,
          atMs,
          customerId: basket.customerId ?? account.customerId,
          cardId: basket.cardId ?? account.cardId,
        }))
          take(lines[i] as LineCalc, "discount", d);
        break;
      default: {
        const never: never = program;
        return never;
      }
    }
  }

  let discountTotal = ZERO;
  let pointsMoney = ZERO;
  const pricedLines = lines.map((l) => {
    const grossText = money(l.amount, dp, currency);
    if (!l.discount.isZero()) discountTotal = discountTotal.plus(l.discount);
    if (!l.pointsMoney.isZero()) pointsMoney = pointsMoney.plus(l.pointsMoney);
    return {
      id: l.line.id,
      sku: l.line.sku,
      kind: l.line.kind,
      quantity: l.line.quantity.toString(),
      eligible: l.eligible,
      gross: grossText,
      discount: money(l.discount, dp, currency),
      pointsMoney: money(l.pointsMoney, dp, currency),
      net: l.net === l.amount ? { amount: grossText.amount, currency } : money(l.net, dp, currency),
      pointsEarned: fixed(l.points, scale),
      pointsRedeemed: fixed(l.redeemed, scale),
    };
  });
  const quote: Quote = {
    programId: program.id,
    kind: program.kind,
    basketId: basket.id,
    at,
    active,
    lines: pricedLines,
    gross: money(gross, dp, currency),
    discountTotal: money(discountTotal, dp, currency),
    pointsMoney: money(pointsMoney, dp, currency),
    total: money(gross.minus(discountTotal).minus(pointsMoney), dp, currency),
    spend: money(active ? eligibleAmount : ZERO, dp, currency),
    accumulatedSpend: state.accumulated === null ? null : money(state.accumulated, dp, currency),
    tier: state.tier,
    pointsEarned: fixed(state.pointsEarned, scale),
    welcomeBonus: fixed(state.welcome, scale),
    pointsRedeemed: fixed(state.pointsRedeemed, scale),
    expiresAt: state.expiresAt,
    reward:
      state.reward === null
        ? null
        : { id: state.reward.id, name: state.reward.name, pointsCost: state.reward.pointsCost },
    stamps: state.stamps,
    explain,
  };
  return {
    quote,
    atMs,
    lines,
    pointsEarned: state.pointsEarned,
    welcome: state.welcome,
    pointsRedeemed: state.pointsRedeemed,
    expiresAt: state.expiresAt,
    reward: state.reward,
  };
}

function mode(program: Program): Mode {
  return program.rounding ?? "half-even";
}

/** What is left to pay on the eligible lines. */
function eligibleLeft(ctx: PricingContext): D {
  return sumD(ctx.idx.map((i) => left(ctx.lines[i] as LineCalc)));
}

/** A money figure for `explain`: "12.50 EUR". */
function labelOf(ctx: PricingContext, d: D): string {
  return label(d, ctx.dp, ctx.currency);
}

function applyDiscountProgram(ctx: PricingContext, program: ProgramOf<"discount">): void {
  const base = ctx.eligibleAmount;
  if (ctx.idx.length === 0 || base.isZero()) {
    ctx.explain.push(say.noEligibleLines());
    return;
  }
  if (program.minSpend !== undefined && base.lt(program.minSpend)) {
    ctx.explain.push(say.belowMinSpend(labelOf(ctx, base), labelOf(ctx, dec(program.minSpend))));
    return;
  }
  let d = percentOf(base, program.percent, ctx.dp, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d.gt(program.maxDiscount)) {
    d = dec(program.maxDiscount);
    capped = true;
  }
  spread(ctx, d, "discount");
  ctx.explain.push(
    say.percentOff(program.percent, labelOf(ctx, base), labelOf(ctx, d), capped ? labelOf(ctx, d) : null),
  );
}

function applyCumulative(ctx: PricingContext, program: ProgramOf<"cumulative">): void {
  const { state, explain } = ctx;
  const base = ctx.eligibleAmount;
  const before = accumulatedSpendAt(program, ctx.account, ctx.atMs);
  const counted = program.includeCurrentPurchase === true ? before.plus(base) : before;
  state.accumulated = counted;
  const tier = tierFor(program.tiers, counted);
  state.tier = tier ?? null;
  const how = say.spendCounted(program.includeCurrentPurchase === true, labelOf(ctx, before), labelOf(ctx, base));
  if (tier === undefined) {
    explain.push(say.noTier(labelOf(ctx, counted), how));
    return;
  }
  explain.push(say.tierReached(tier, labelOf(ctx, counted), how));
  if (tier.percent === "0" || base.isZero()) return;
  let d = percentOf(base, tier.percent, ctx.dp, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d.gt(program.maxDiscount)) {
    d = dec(program.maxDiscount);
    capped = true;
  }
  spread(ctx, d, "discount");
  explain.push(say.tierDiscount(tier.percent, labelOf(ctx, base), labelOf(ctx, d), capped));
}

function available(account: ProgramAccount, at: string): D {
  return dec(balance(account.points, { at }));
}

function parseRequested(value: string | number, scale: number): D {
  const s = typeof value === "number" ? (Number.isInteger(value) ? String(value) : "x") : value;
  if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(s))
    throw new LoyaltyValidationError([
      {
        path: ["redeemPoints"],
        message: `expected a non-negative decimal number of points or "max", got ${JSON.stringify(value)}`,
      },
    ]);
  const d = dec(s);
  if (d.decimalPlaces() > scale)
    throw new LoyaltyValidationError([
      { path: ["redeemPoints"], message: `expected points with at most ${scale} decimals, got ${s}` },
    ]);
  return d;
}

function applyRedeem(ctx: PricingContext, program: ProgramOf<"bonus">): void {
  const plan = redeemPlan(ctx, program);
  if (plan === null) return;
  const shares = spread(ctx, plan.moneyValue, "pointsMoney");
  // The points belong to the lines in proportion to the money they paid there (refunds give them back per line).
  const pts = allocateUnits(plan.points, shares, ctx.scale);
  ctx.idx.forEach((i, k) => {
    (ctx.lines[i] as LineCalc).redeemed = pts[k] as D;
  });
  ctx.state.pointsRedeemed = plan.points;
}

/**
 * How many points a bonus program redeems as money on what is left to pay on the eligible lines, and
 * what they are worth, with the redeem explanation pushed; null when nothing is redeemed. Throws for
 * a request the program or the balance cannot meet.
 */
function redeemPlan(ctx: PricingContext, program: ProgramOf<"bonus">): { points: D; moneyValue: D } | null {
  const { dp, scale, explain } = ctx;
  const requested = ctx.options.redeemPoints;
  if (requested === undefined) return null;
  const r = program.redeem;
  if (r === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["redeemPoints"],
        message: `program ${JSON.stringify(program.id)} does not let points be redeemed as money (no redeem rule)`,
      },
    ]);
  const have = available(ctx.account, ctx.at);
  const want = requested === "max" ? null : parseRequested(requested, scale);
  if (want?.gt(have)) throw new InsufficientPointsError(fixed(want, scale), fixed(maxD(have, ZERO), scale));
  if (want?.isZero()) return null;
  const base = eligibleLeft(ctx);
  const maxMoney = roundTo(base.times(r.maxShare ?? "100").div(HUNDRED), dp, "floor");
  const value = dec(r.pointValue);
  const step = r.step === undefined ? null : dec(r.step);
  const stepOf = (p: D): D => (step === null ? roundTo(p, scale, "floor") : p.div(step).floor().times(step));
  const maxByShare = stepOf(maxMoney.div(value));
  let points = stepOf(minD(want ?? have, maxD(have, ZERO)));
  const caps: string[] = [];
  if (points.gt(maxByShare)) {
    points = maxByShare;
    caps.push(say.redeemShareCap(r.maxShare ?? "100", labelOf(ctx, base), fixed(maxByShare, scale)));
  }
  if (r.minPoints !== undefined && points.lt(r.minPoints)) {
    explain.push(say.redeemBelowMinimum(fixed(points, scale), r.minPoints));
    return null;
  }
  if (points.lte(0)) {
    explain.push(say.nothingRedeemed(have.lte(0)));
    return null;
  }
  const moneyValue = roundTo(points.times(value), dp, "floor");
  explain.push(say.redeemed(fixed(points, scale), r.pointValue, labelOf(ctx, moneyValue), caps));
  return { points, moneyValue };
}

export interface CompiledRule {
  readonly index: number;
  readonly type: "per-amount" | "multiplier" | "per-unit";
  /** per-amount: the rate points / per (may be rounded to 40 digits: see `points` and `per`); multiplier: the factor; per-unit: the points. */
  readonly value: D;
  /** per-amount: the points and the amount they are given per, to compute net × points / per exactly. */
  readonly points: D;
  readonly per: D;
  readonly isOne: boolean;
  readonly match: Matcher | null;
  /** The rule's name in `explain`. */
  readonly describe: string;
}

// Compiled forms of parts of a program (matchers, rule factors as Decimals), computed once per
// program object. Only programs from parseProgram are cached (branded and deep-frozen, so a cached
// entry can never go stale); anything else is compiled on every call as before.
const eligibilityCache = new WeakMap<Program, Matcher>();
const rulesCache = new WeakMap<Earn, readonly CompiledRule[]>();

export function eligibilityOf(program: Program): Matcher {
  if (!isBranded(program, "program")) return compileEligibility(program.eligibility);
  let m = eligibilityCache.get(program);
  if (m === undefined) {
    m = compileEligibility(program.eligibility);
    eligibilityCache.set(program, m);
  }
  return m;
}

function compileRules(earn: Earn): readonly CompiledRule[] {
  return earn.rules.map((r, index): CompiledRule => {
    const describe = say.earnRuleName(r.id ?? `earn-${index + 1}`, r);
    if (r.type === "per-amount") {
      const points = dec(r.points);
      const per = dec(r.per);
      return {
        index,
        type: r.type,
        value: points.div(per),
        points,
        per,
        isOne: points.eq(per),
        match: r.match === undefined ? null : compileMatch(r.match),
        describe,
      };
    }
    if (r.type === "multiplier")
      return {
        index,
        type: r.type,
        value: dec(r.factor),
        points: ZERO,
        per: ONE,
        isOne: false,
        match: compileMatch(r.match),
        describe,
      };
    return {
      index,
      type: r.type,
      value: dec(r.points),
      points: ZERO,
      per: ONE,
      isOne: false,
      match: r.match === undefined ? null : compileMatch(r.match),
      describe,
    };
  });
}

function rulesOf(program: Program, earn: Earn): readonly CompiledRule[] {
  if (!isBranded(program, "program")) return compileRules(earn);
  let rules = rulesCache.get(earn);
  if (rules === undefined) {
    rules = compileRules(earn);
    rulesCache.set(earn, rules);
  }
  return rules;
}

function applyEarn(ctx: PricingContext, program: ProgramOf<"bonus"> | ProgramOf<"catalog">, earn: Earn): void {
  const { lines, idx, explain, state, scale, account, atMs } = ctx;
  // Nothing taken off any line yet: what is paid is the eligible amount (saves a sum on the hot path).
  const untouched = idx.every((i) => (lines[i] as LineCalc).net === (lines[i] as LineCalc).amount);
  const paid = untouched ? ctx.eligibleAmount : eligibleLeft(ctx);
  const welcomeFirst = program.welcomeBonus?.on === "first-purchase" && isFirstPurchase(account);
  if (welcomeFirst && program.welcomeBonus !== undefined) {
    state.welcome = dec(program.welcomeBonus.points);
    explain.push(say.welcomeBonus(program.welcomeBonus.points));
  }
  const lotExpiry =
    earn.validityMonths === undefined
      ? null
      : new Date(endOfDayMonthsLater(releaseMs(program, atMs), earn.validityMonths, program.timeZone)).toISOString();
  if (earn.minOrder !== undefined && paid.lt(earn.minOrder)) {
    explain.push(say.belowMinOrder(labelOf(ctx, paid), labelOf(ctx, dec(earn.minOrder))));
    if (!state.welcome.isZero()) state.expiresAt = lotExpiry;
    return;
  }
  const rules = rulesOf(program, earn);
  // how many lines each rule applied to (per call; the compiled rules are shared)
  const counts: number[] = rules.map(() => 0);
  const raw: D[] = [];
  for (const i of idx) {
    const l = lines[i] as LineCalc;
    const net = left(l);
    let p = ZERO;
    let best: CompiledRule | null = null;
    let perUnit = ZERO;
    let paidHere: D | null = null;
    for (const rule of rules) {
      if (rule.match !== null && !rule.match(l.line)) continue;
      if (rule.type === "per-amount") {
        if (net.isZero()) continue;
        // net × points / per, dividing last: 300.00 at 1 point per 3.00 is exactly 100 (a rate of
        // 1/3 rounded to 40 digits first would give 99.99… and floor to 99).
        const add = rule.isOne ? net : net.times(rule.points).div(rule.per);
        p = p === ZERO ? add : p.plus(add);
        counts[rule.index] = (counts[rule.index] ?? 0) + 1;
      } else if (rule.type === "multiplier") {
        if (best === null || rule.value.gt(best.value)) best = rule;
      } else {
        if (paidHere === null) paidHere = paidUnits(l);
        if (paidHere.isZero()) continue;
        perUnit = perUnit === ZERO ? rule.value : perUnit.plus(rule.value);
        counts[rule.index] = (counts[rule.index] ?? 0) + 1;
      }
    }
    if (best !== null && !p.isZero()) {
      p = p.times(best.value);
      counts[best.index] = (counts[best.index] ?? 0) + 1;
    }
    if (!perUnit.isZero() && paidHere !== null) p = p.plus(perUnit.times(paidHere));
    raw.push(p);
  }
  for (const rule of rules) explain.push(say.earnRule(rule.describe, counts[rule.index] ?? 0));
  const rawTotal = sumD(raw);
  const roundMode: Mode = earn.rounding ?? "floor";
  let total = maxD(roundTo(rawTotal, scale, roundMode), ZERO);
  if (earn.capPerTransaction !== undefined && total.gt(earn.capPerTransaction)) {
    total = dec(earn.capPerTransaction);
    explain.push(say.transactionCap(earn.capPerTransaction, fixed(roundTo(rawTotal, scale, roundMode), scale)));
  }
  if (earn.capPerPeriod !== undefined) {
    const so = earnedInPeriod(program, account, atMs, earn.capPerPeriod.period);
    const allowance = maxD(dec(earn.capPerPeriod.points).minus(so), ZERO);
    if (total.gt(allowance)) {
      explain.push(
        say.periodCap(earn.capPerPeriod.points, earn.capPerPeriod.period, fixed(so, scale), fixed(allowance, scale)),
      );
      total = allowance;
    }
  }
  const base = total; // before the tier multiplier (a bonus program's own tier policy)
  if (program.kind === "bonus" && program.tiers !== undefined && !total.isZero()) {
    const t = tierEarnBonus(program.tiers, account, atMs, total, scale);
    if (t.explain !== null) explain.push(t.explain);
    total = total.plus(t.bonus);
  }
  if (!total.isZero()) {
    const shares = allocateUnits(total, raw, scale, rawTotal);
    idx.forEach((i, k) => {
      (lines[i] as LineCalc).points = shares[k] as D;
    });
  }
  state.pointsEarned = total;
  if (!total.isZero() || !state.welcome.isZero()) state.expiresAt = lotExpiry;
  if (earn.pendingDays !== undefined && (!total.isZero() || !state.welcome.isZero()))
    explain.push(pendingExplanation(program, atMs, earn.pendingDays));
  explain.push(
    say.pointsEarned(
      fixed(rawTotal, Math.max(scale, 2)),
      labelOf(ctx, paid),
      roundMode,
      fixed(base, scale),
      !total.isZero(),
      lotExpiry,
    ),
  );
}

function applyReward(ctx: PricingContext, program: ProgramOf<"catalog">): void {
  const { lines, idx, dp, options, explain, state } = ctx;
  if (options.rewardId === undefined) return;
  const reward = program.rewards.find((r) => r.id === options.rewardId);
  if (reward === undefined)
    throw new OperationError(
      ErrorCode.NOT_FOUND,
      `reward ${JSON.stringify(options.rewardId)} is not in the catalog of program ${JSON.stringify(program.id)}`,
      { rewardId: options.rewardId },
    );
  if (reward.stock !== undefined) {
    const left = options.stock?.rewards.find((r) => r.rewardId === reward.id)?.remaining ?? reward.stock;
    if (left <= 0)
      throw new OperationError(ErrorCode.OUT_OF_STOCK, `reward ${JSON.stringify(reward.id)} is out of stock`, {
        rewardId: reward.id,
      });
  }
  const scale = program.pointsScale ?? 0;
  const have = available(ctx.account, ctx.at);
  if (have.lt(reward.pointsCost))
    throw new InsufficientPointsError(
      reward.pointsCost,
      fixed(maxD(have, ZERO), scale),
      `reward ${JSON.stringify(reward.id)} costs ${reward.pointsCost} points; ${fixed(maxD(have, ZERO), scale)} available`,
    );
  const cost = dec(reward.pointsCost);
  let shares: D[];
  let target: readonly number[];
  const g = reward.gives;
  if (g.type === "product") {
    const i = lines.findIndex((l) => l.line.sku === g.sku);
    if (i < 0)
      throw new OperationError(
        ErrorCode.NOT_FOUND,
        `reward ${JSON.stringify(reward.id)} gives one ${g.sku}: add a line with that SKU to the basket`,
        { rewardId: reward.id, sku: g.sku },
      );
    const l = lines[i] as LineCalc;
    const d = minD(roundTo(l.line.unitPrice.amount, dp, "half-even"), left(l));
    take(l, "discount", d);
    shares = [d];
    target = [i];
    explain.push(say.rewardProduct(reward.name, reward.pointsCost, g.sku, labelOf(ctx, d)));
  } else {
    const base = eligibleLeft(ctx);
    if (base.isZero()) {
      throw new OperationError(
        ErrorCode.NOT_FOUND,
        `reward ${JSON.stringify(reward.id)} takes money off eligible lines, but nothing eligible is left to pay in the basket`,
        { rewardId: reward.id },
      );
    }
    const d = g.type === "fixed" ? minD(dec(g.amount), base) : percentOf(base, g.percent, dp, mode(program));
    shares = spread(ctx, d, "discount");
    target = idx;
    explain.push(say.rewardMoneyOff(reward.name, reward.pointsCost, labelOf(ctx, d), labelOf(ctx, base)));
  }
  // (all-zero shares — a discount that rounds to nothing — put the points on the first line)
  const pts = allocateUnits(cost, shares, scale);
  target.forEach((i, k) => {
    const l = lines[i] as LineCalc;
    l.redeemed = l.redeemed.plus(pts[k] as D);
  });
  state.pointsRedeemed = cost;
  state.reward = reward;
}

/** Uses a full stamp card on the basket when there is one; returns the stamps redeemed. */
function useCard(ctx: PricingContext, program: ProgramOf<"stamps">, before: number): number {
  const { lines, idx, dp, explain } = ctx;
  if (before < program.cardSize) return 0;
  if (ctx.options.redeemCard === false) {
    explain.push(say.cardKept(before, program.cardSize));
    return 0;
  }
  const rw = program.reward;
  let shares: D[] = [];
  let target: readonly number[] = [];
  if (rw.type === "free-item") {
    const match = rw.match === undefined ? null : compileMatch(rw.match);
    let best = -1;
    for (const i of idx) {
      const l = lines[i] as LineCalc;
      if (match !== null && !match(l.line)) continue;
      if (left(l).isZero()) continue;
      if (best < 0 || l.line.unitPrice.amount.gt((lines[best] as LineCalc).line.unitPrice.amount)) best = i;
    }
    if (best >= 0) {
      const l = lines[best] as LineCalc;
      let d = minD(roundTo(l.line.unitPrice.amount, dp, "half-even"), left(l));
      if (rw.maxValue !== undefined) d = minD(d, dec(rw.maxValue));
      take(l, "discount", d);
      shares = [d];
      target = [best];
      explain.push(
        say.cardFreeItem(
          program.cardSize,
          l.line.sku,
          labelOf(ctx, d),
          rw.maxValue === undefined ? null : labelOf(ctx, dec(rw.maxValue)),
        ),
      );
    } else {
      explain.push(say.cardNoItem(program.cardSize));
    }
  } else {
    const base = eligibleLeft(ctx);
    const d = rw.type === "fixed" ? minD(dec(rw.amount), base) : percentOf(base, rw.percent, dp, mode(program));
    if (d.gt(0)) {
      shares = spread(ctx, d, "discount");
      target = idx;
      explain.push(say.cardMoneyOff(program.cardSize, labelOf(ctx, d)));
    } else {
      explain.push(say.cardNothingToDiscount());
    }
  }
  if (target.length === 0) return 0;
  const redeemed = program.cardSize;
  const pts = allocateUnits(dec(String(redeemed)), shares, 0);
  target.forEach((i, k) => {
    const l = lines[i] as LineCalc;
    l.redeemed = l.redeemed.plus(pts[k] as D);
  });
  return redeemed;
}

function applyStamps(ctx: PricingContext, program: ProgramOf<"stamps">): void {
  const { lines, idx, explain, state } = ctx;
  const before = Math.max(0, available(ctx.account, ctx.at).toNumber());
  const redeemed = useCard(ctx, program, before);
  const paid = eligibleLeft(ctx);
  let earned = 0;
  const e = program.earn;
  const minAmount = e.type === "per-purchase" && e.minAmount !== undefined ? labelOf(ctx, dec(e.minAmount)) : null;
  if (e.type === "per-purchase") {
    if (paid.gt(0) && (e.minAmount === undefined || paid.gte(e.minAmount))) {
      earned = e.stamps ?? 1;
      explain.push(say.stampsPerPurchase(earned, labelOf(ctx, paid), minAmount));
    } else {
      explain.push(say.noStamp(labelOf(ctx, paid), minAmount));
    }
  } else {
    earned = paid.div(e.per).floor().toNumber();
    if (e.maxPerPurchase !== undefined) earned = Math.min(earned, e.maxPerPurchase);
    explain.push(say.stampsPerAmount(labelOf(ctx, dec(e.per)), earned, labelOf(ctx, paid)));
  }
  if (earned > 0) {
    const shares = allocateUnits(
      dec(String(earned)),
      idx.map((i) => left(lines[i] as LineCalc)),
      0,
    );
    idx.forEach((i, k) => {
      (lines[i] as LineCalc).points = shares[k] as D;
    });
  }
  state.pointsEarned = dec(String(earned));
  state.pointsRedeemed = dec(String(redeemed));
  state.stamps = { before, redeemed, earned, after: before - redeemed + earned, cardSize: program.cardSize };
}

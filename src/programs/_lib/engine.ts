// The pricing engine behind quote, checkout and checkoutAll. Works on Decimals; formats the wire
// result once at the end. Order inside one program:
//   1. line amounts (quantity × unit price, half-even to the minor unit; or what an earlier program left)
//   2. the program's money discount (percent, tier, catalog reward, full stamp card), allocated over
//      the eligible lines in proportion to their amounts with money's `allocate`
//   3. points redeemed as money (bonus), capped by the maximum share, allocated the same way
//   4. points / stamps earned on what is actually left to pay on eligible lines, rounded once for the
//      transaction by the program's rule, then capped (per transaction, then per period)
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
import { promotionDiscounts } from "../promotions/_lib/promotionDiscounts.js";
import { accumulatedSpendAt, earnedInPeriod, isFirstPurchase } from "./records.js";
import { isBranded } from "./brand.js";
import { compileEligibility, compileMatch, type Matcher } from "./eligibility.js";
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
function spread(
  lines: readonly LineCalc[],
  idx: readonly number[],
  total: D,
  currency: string,
  field: "discount" | "pointsMoney",
): D[] {
  const weights = idx.map((i) => left(lines[i] as LineCalc));
  if (total.isZero() || weights.every((w) => w.isZero())) return idx.map(() => ZERO);
  const shares = allocate(makeMoney(total, currency), weights).map((m) => m.amount);
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
function lineAmount(line: BasketLine, dp: number): D {
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
  const kinds = program.eligibility?.lineKinds ?? ["merchandise", "service"];
  const why = out
    .slice(0, 5)
    .map((l) => `${l.sku} (${kinds.includes(l.kind) ? "excluded product or category" : l.kind})`);
  return {
    rule: "eligibility",
    applied: true,
    reason: `${out.length} of ${basketLines.length} lines do not count: ${why.join(", ")}${out.length > 5 ? ", …" : ""}`,
  };
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

  const state = {
    accumulated: null as D | null,
    tier: null as Tier | null,
    pointsEarned: ZERO,
    welcome: ZERO,
    pointsRedeemed: ZERO,
    expiresAt: null as string | null,
    reward: null as Reward | null,
    stamps: null as Quote["stamps"],
  };
  const active = isActiveAt(program, atMs);
  if (!active) {
    explain.unshift({
      rule: "active-window",
      applied: false,
      reason: `program not active at ${at} (active from ${program.active.from}${program.active.to === undefined ? "" : ` until ${program.active.to}`}): nothing applied`,
    });
  } else {
    switch (program.kind) {
      case "discount":
        applyDiscountProgram(program, lines, idx, eligibleAmount, dp, explain);
        break;
      case "cumulative":
        applyCumulative(program, account, lines, idx, eligibleAmount, atMs, dp, explain, state);
        break;
      case "bonus":
        applyRedeem(program, account, lines, idx, at, dp, scale, options, explain, state);
        applyEarn(program, program.earn, account, lines, idx, eligibleAmount, atMs, dp, scale, explain, state);
        break;
      case "catalog":
        applyReward(program, account, lines, idx, at, dp, options, explain, state);
        if (program.earn !== undefined)
          applyEarn(program, program.earn, account, lines, idx, eligibleAmount, atMs, dp, scale, explain, state);
        break;
      case "stamps":
        applyStamps(program, account, lines, idx, at, dp, options, explain, state);
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

function mode(program: Program): Mode {
  return program.rounding ?? "half-even";
}

function applyDiscountProgram(
  program: ProgramOf<"discount">,
  lines: LineCalc[],
  idx: number[],
  base: D,
  dp: number,
  explain: Explanation[],
): void {
  const c = program.currency;
  if (idx.length === 0 || base.isZero()) {
    explain.push({ rule: "discount", applied: false, reason: "no eligible lines to discount" });
    return;
  }
  if (program.minSpend !== undefined && base.lt(program.minSpend)) {
    explain.push({
      rule: "min-spend",
      applied: false,
      reason: `eligible amount ${label(base, dp, c)} is below the minimum spend of ${label(dec(program.minSpend), dp, c)}: no discount`,
    });
    return;
  }
  let d = percentOf(base, program.percent, dp, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d.gt(program.maxDiscount)) {
    d = dec(program.maxDiscount);
    capped = true;
  }
  spread(lines, idx, d, c, "discount");
  explain.push({
    rule: "discount",
    applied: true,
    reason: `${program.percent}% off ${label(base, dp, c)} of eligible lines: ${label(d, dp, c)}${capped ? ` (capped at the maximum discount of ${label(d, dp, c)})` : ""}`,
  });
}

function applyCumulative(
  program: ProgramOf<"cumulative">,
  account: ProgramAccount,
  lines: LineCalc[],
  idx: number[],
  base: D,
  atMs: number,
  dp: number,
  explain: Explanation[],
  state: State,
): void {
  const c = program.currency;
  const before = accumulatedSpendAt(program, account, atMs);
  const counted = program.includeCurrentPurchase === true ? before.plus(base) : before;
  state.accumulated = counted;
  const tier = tierFor(program.tiers, counted);
  state.tier = tier ?? null;
  const how =
    program.includeCurrentPurchase === true
      ? `${label(before, dp, c)} before plus ${label(base, dp, c)} of this purchase`
      : `this purchase not counted`;
  if (tier === undefined) {
    explain.push({
      rule: "tier",
      applied: false,
      reason: `accumulated spend ${label(counted, dp, c)} (${how}) is below the lowest tier threshold`,
    });
    return;
  }
  explain.push({
    rule: "tier",
    applied: true,
    reason: `${tier.name} (threshold ${tier.threshold}, ${tier.percent}%): accumulated spend ${label(counted, dp, c)} (${how})`,
  });
  if (tier.percent === "0" || base.isZero()) return;
  let d = percentOf(base, tier.percent, dp, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d.gt(program.maxDiscount)) {
    d = dec(program.maxDiscount);
    capped = true;
  }
  spread(lines, idx, d, c, "discount");
  explain.push({
    rule: "discount",
    applied: true,
    reason: `${tier.percent}% off ${label(base, dp, c)} of eligible lines: ${label(d, dp, c)}${capped ? " (capped at the maximum discount)" : ""}`,
  });
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

function applyRedeem(
  program: ProgramOf<"bonus">,
  account: ProgramAccount,
  lines: LineCalc[],
  idx: number[],
  at: string,
  dp: number,
  scale: number,
  options: PriceOptions,
  explain: Explanation[],
  state: State,
): void {
  const plan = redeemPlan(
    program,
    account,
    sumD(idx.map((i) => left(lines[i] as LineCalc))),
    at,
    dp,
    scale,
    options,
    explain,
  );
  if (plan === null) return;
  const shares = spread(lines, idx, plan.moneyValue, program.currency, "pointsMoney");
  // The points belong to the lines in proportion to the money they paid there (refunds give them back per line).
  const pts = allocateUnits(plan.points, shares, scale);
  idx.forEach((i, k) => {
    (lines[i] as LineCalc).redeemed = pts[k] as D;
  });
  state.pointsRedeemed = plan.points;
}

/**
 * How many points a bonus program redeems as money on `base` (what is left to pay on the eligible
 * lines) and what they are worth, with the redeem explanation pushed; null when nothing is redeemed.
 * Throws for a request the program or the balance cannot meet.
 */
export function redeemPlan(
  program: ProgramOf<"bonus">,
  account: ProgramAccount,
  base: D,
  at: string,
  dp: number,
  scale: number,
  options: PriceOptions,
  explain: Explanation[],
): { points: D; moneyValue: D } | null {
  const requested = options.redeemPoints;
  if (requested === undefined) return null;
  const r = program.redeem;
  if (r === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["redeemPoints"],
        message: `program ${JSON.stringify(program.id)} does not let points be redeemed as money (no redeem rule)`,
      },
    ]);
  const c = program.currency;
  const have = available(account, at);
  const want = requested === "max" ? null : parseRequested(requested, scale);
  if (want?.gt(have)) throw new InsufficientPointsError(fixed(want, scale), fixed(maxD(have, ZERO), scale));
  if (want?.isZero()) return null;
  const maxMoney = roundTo(base.times(r.maxShare ?? "100").div(HUNDRED), dp, "floor");
  const value = dec(r.pointValue);
  const step = r.step === undefined ? null : dec(r.step);
  const stepOf = (p: D): D => (step === null ? roundTo(p, scale, "floor") : p.div(step).floor().times(step));
  const maxByShare = stepOf(maxMoney.div(value));
  let points = stepOf(minD(want ?? have, maxD(have, ZERO)));
  const reasons: string[] = [];
  if (points.gt(maxByShare)) {
    points = maxByShare;
    reasons.push(
      `capped at ${r.maxShare ?? "100"}% of ${label(base, dp, c)}: at most ${fixed(maxByShare, scale)} points`,
    );
  }
  if (r.minPoints !== undefined && points.lt(r.minPoints)) {
    explain.push({
      rule: "redeem",
      applied: false,
      reason: `${fixed(points, scale)} points is below the minimum of ${r.minPoints} points to redeem`,
    });
    return null;
  }
  if (points.lte(0)) {
    explain.push({
      rule: "redeem",
      applied: false,
      reason: have.lte(0) ? "no points available" : "nothing left to pay with points",
    });
    return null;
  }
  const moneyValue = roundTo(points.times(value), dp, "floor");
  explain.push({
    rule: "redeem",
    applied: true,
    reason: `${fixed(points, scale)} points × ${r.pointValue} = ${label(moneyValue, dp, c)} paid with points${reasons.length > 0 ? ` (${reasons.join("; ")})` : ""}`,
  });
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
    const id = r.id ?? `earn-${index + 1}`;
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
        describe: `${id}: ${r.points} points per ${r.per} paid`,
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
        describe: `${id}: ×${r.factor}`,
      };
    return {
      index,
      type: r.type,
      value: dec(r.points),
      points: ZERO,
      per: ONE,
      isOne: false,
      match: r.match === undefined ? null : compileMatch(r.match),
      describe: `${id}: ${r.points} points per unit`,
    };
  });
}

export function rulesOf(program: Program, earn: Earn): readonly CompiledRule[] {
  if (!isBranded(program, "program")) return compileRules(earn);
  let rules = rulesCache.get(earn);
  if (rules === undefined) {
    rules = compileRules(earn);
    rulesCache.set(earn, rules);
  }
  return rules;
}

/** How often an earn rule applied, for `explain`. */
export function ruleExplanation(rule: CompiledRule, count: number): Explanation {
  return {
    rule: `earn:${rule.describe.split(":")[0] ?? ""}`,
    applied: count > 0,
    reason:
      count > 0
        ? `${rule.describe} — on ${count} line${count === 1 ? "" : "s"}`
        : `${rule.describe} — no matching line with an amount paid`,
  };
}

/** The points of a transaction, for `explain`. */
export function pointsExplanation(
  raw: string,
  paid: string,
  roundMode: Mode,
  total: string,
  earned: boolean,
  lotExpiry: string | null,
): Explanation {
  return {
    rule: "points",
    applied: earned,
    reason: `${raw} points on ${paid} paid after discounts and points, rounded ${roundMode}: ${total} points${lotExpiry !== null && earned ? `, valid until ${lotExpiry}` : ""}`,
  };
}

function applyEarn(
  program: ProgramOf<"bonus"> | ProgramOf<"catalog">,
  earn: Earn,
  account: ProgramAccount,
  lines: LineCalc[],
  idx: number[],
  eligibleAmount: D,
  atMs: number,
  dp: number,
  scale: number,
  explain: Explanation[],
  state: State,
): void {
  const c = program.currency;
  // Nothing taken off any line yet: what is paid is the eligible amount (saves a sum on the hot path).
  const untouched = idx.every((i) => (lines[i] as LineCalc).net === (lines[i] as LineCalc).amount);
  const paid = untouched ? eligibleAmount : sumD(idx.map((i) => left(lines[i] as LineCalc)));
  const welcomeFirst = program.welcomeBonus?.on === "first-purchase" && isFirstPurchase(account);
  if (welcomeFirst && program.welcomeBonus !== undefined) {
    state.welcome = dec(program.welcomeBonus.points);
    explain.push({
      rule: "welcome-bonus",
      applied: true,
      reason: `${program.welcomeBonus.points} welcome points with the first purchase`,
    });
  }
  const lotExpiry =
    earn.validityMonths === undefined
      ? null
      : new Date(endOfDayMonthsLater(atMs, earn.validityMonths, program.timeZone)).toISOString();
  if (earn.minOrder !== undefined && paid.lt(earn.minOrder)) {
    explain.push({
      rule: "min-order",
      applied: false,
      reason: `${label(paid, dp, c)} paid on eligible lines is below the minimum order of ${label(dec(earn.minOrder), dp, c)}: no points`,
    });
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
    let paid: D | null = null;
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
        if (paid === null) paid = paidUnits(l);
        if (paid.isZero()) continue;
        perUnit = perUnit === ZERO ? rule.value : perUnit.plus(rule.value);
        counts[rule.index] = (counts[rule.index] ?? 0) + 1;
      }
    }
    if (best !== null && !p.isZero()) {
      p = p.times(best.value);
      counts[best.index] = (counts[best.index] ?? 0) + 1;
    }
    if (!perUnit.isZero() && paid !== null) p = p.plus(perUnit.times(paid));
    raw.push(p);
  }
  for (const rule of rules) explain.push(ruleExplanation(rule, counts[rule.index] ?? 0));
  const rawTotal = sumD(raw);
  const roundMode: Mode = earn.rounding ?? "floor";
  let total = maxD(roundTo(rawTotal, scale, roundMode), ZERO);
  if (earn.capPerTransaction !== undefined && total.gt(earn.capPerTransaction)) {
    total = dec(earn.capPerTransaction);
    explain.push({
      rule: "cap-transaction",
      applied: true,
      reason: `capped at ${earn.capPerTransaction} points per transaction (${fixed(roundTo(rawTotal, scale, roundMode), scale)} before the cap)`,
    });
  }
  if (earn.capPerPeriod !== undefined) {
    const so = earnedInPeriod(program, account, atMs, earn.capPerPeriod.period);
    const allowance = maxD(dec(earn.capPerPeriod.points).minus(so), ZERO);
    if (total.gt(allowance)) {
      explain.push({
        rule: "cap-period",
        applied: true,
        reason: `capped at ${earn.capPerPeriod.points} points per ${earn.capPerPeriod.period}: ${fixed(so, scale)} already earned this ${earn.capPerPeriod.period}, ${fixed(allowance, scale)} left`,
      });
      total = allowance;
    }
  }
  if (!total.isZero()) {
    const shares = allocateUnits(total, raw, scale, rawTotal);
    idx.forEach((i, k) => {
      (lines[i] as LineCalc).points = shares[k] as D;
    });
  }
  state.pointsEarned = total;
  if (!total.isZero() || !state.welcome.isZero()) state.expiresAt = lotExpiry;
  explain.push(
    pointsExplanation(
      fixed(rawTotal, Math.max(scale, 2)),
      label(paid, dp, c),
      roundMode,
      fixed(total, scale),
      !total.isZero(),
      lotExpiry,
    ),
  );
}

function applyReward(
  program: ProgramOf<"catalog">,
  account: ProgramAccount,
  lines: LineCalc[],
  idx: number[],
  at: string,
  dp: number,
  options: PriceOptions,
  explain: Explanation[],
  state: State,
): void {
  if (options.rewardId === undefined) return;
  const c = program.currency;
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
  const have = available(account, at);
  if (have.lt(reward.pointsCost))
    throw new InsufficientPointsError(
      reward.pointsCost,
      fixed(maxD(have, ZERO), scale),
      `reward ${JSON.stringify(reward.id)} costs ${reward.pointsCost} points; ${fixed(maxD(have, ZERO), scale)} available`,
    );
  const cost = dec(reward.pointsCost);
  let shares: D[];
  let target: number[];
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
    explain.push({
      rule: "reward",
      applied: true,
      reason: `${reward.name} for ${reward.pointsCost} points: one ${g.sku} free (${label(d, dp, c)})`,
    });
  } else {
    const base = sumD(idx.map((i) => left(lines[i] as LineCalc)));
    if (base.isZero()) {
      throw new OperationError(
        ErrorCode.NOT_FOUND,
        `reward ${JSON.stringify(reward.id)} takes money off eligible lines, but nothing eligible is left to pay in the basket`,
        { rewardId: reward.id },
      );
    }
    const d = g.type === "fixed" ? minD(dec(g.amount), base) : percentOf(base, g.percent, dp, mode(program));
    shares = spread(lines, idx, d, c, "discount");
    target = idx;
    explain.push({
      rule: "reward",
      applied: true,
      reason: `${reward.name} for ${reward.pointsCost} points: ${label(d, dp, c)} off ${label(base, dp, c)} of eligible lines`,
    });
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

function applyStamps(
  program: ProgramOf<"stamps">,
  account: ProgramAccount,
  lines: LineCalc[],
  idx: number[],
  at: string,
  dp: number,
  options: PriceOptions,
  explain: Explanation[],
  state: State,
): void {
  const c = program.currency;
  const before = Math.max(0, available(account, at).toNumber());
  let redeemed = 0;
  if (before >= program.cardSize) {
    if (options.redeemCard === false) {
      explain.push({
        rule: "card",
        applied: false,
        reason: `card full (${before} of ${program.cardSize} stamps) but not used on this purchase`,
      });
    } else {
      const rw = program.reward;
      let shares: D[] = [];
      let target: number[] = [];
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
          explain.push({
            rule: "card",
            applied: true,
            reason: `full card of ${program.cardSize} stamps: one ${l.line.sku} free (${label(d, dp, c)}${rw.maxValue === undefined ? "" : `, up to ${label(dec(rw.maxValue), dp, c)}`})`,
          });
        } else {
          explain.push({
            rule: "card",
            applied: false,
            reason: `full card of ${program.cardSize} stamps, but no eligible item in the basket to give free: kept for the next purchase`,
          });
        }
      } else {
        const base = sumD(idx.map((i) => left(lines[i] as LineCalc)));
        const d = rw.type === "fixed" ? minD(dec(rw.amount), base) : percentOf(base, rw.percent, dp, mode(program));
        if (d.gt(0)) {
          shares = spread(lines, idx, d, c, "discount");
          target = idx;
          explain.push({
            rule: "card",
            applied: true,
            reason: `full card of ${program.cardSize} stamps: ${label(d, dp, c)} off`,
          });
        } else {
          explain.push({
            rule: "card",
            applied: false,
            reason: `full card, but nothing eligible to discount: kept for the next purchase`,
          });
        }
      }
      if (target.length > 0) {
        redeemed = program.cardSize;
        const pts = allocateUnits(dec(String(redeemed)), shares, 0);
        target.forEach((i, k) => {
          const l = lines[i] as LineCalc;
          l.redeemed = l.redeemed.plus(pts[k] as D);
        });
      }
    }
  }
  const paid = sumD(idx.map((i) => left(lines[i] as LineCalc)));
  let earned = 0;
  const e = program.earn;
  if (e.type === "per-purchase") {
    if (paid.gt(0) && (e.minAmount === undefined || paid.gte(e.minAmount))) {
      earned = e.stamps ?? 1;
      explain.push({
        rule: "stamps",
        applied: true,
        reason: `${earned} stamp${earned === 1 ? "" : "s"} for a purchase of ${label(paid, dp, c)}${e.minAmount === undefined ? "" : ` (at least ${label(dec(e.minAmount), dp, c)})`}`,
      });
    } else {
      explain.push({
        rule: "stamps",
        applied: false,
        reason: `${label(paid, dp, c)} paid on eligible lines${e.minAmount === undefined ? "" : ` is below ${label(dec(e.minAmount), dp, c)}`}: no stamp`,
      });
    }
  } else {
    earned = paid.div(e.per).floor().toNumber();
    if (e.maxPerPurchase !== undefined) earned = Math.min(earned, e.maxPerPurchase);
    explain.push({
      rule: "stamps",
      applied: earned > 0,
      reason: `one stamp per ${label(dec(e.per), dp, c)} paid: ${earned} for ${label(paid, dp, c)}`,
    });
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

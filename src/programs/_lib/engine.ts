// The pricing engine behind quote, checkout and checkoutAll. Works on integers: money as whole
// minor units of the currency (JS numbers, kept safe integers), points and stamps as whole units of
// 10^-pointsScale (bigints: a ledger balance may pass 2^53), fractions as exact ratios of bigints
// (./minor.ts). Formats the wire result once at the end. Order inside one program:
//   1. line amounts: quantity × unit price, half-even to the minor unit (or what an earlier program
//      left, in checkoutAll). This is the one step on decimal.js: quantities may be fractional
//      (0.375 kg) and unit prices may have more decimals than the currency, so a line amount is a
//      whole number of minor units only after this rounding. A basket past 2^53 − 1 minor units is
//      refused here with a typed validation error rather than priced inexactly.
//   2. the program's money discount (percent, tier, catalog reward, full stamp card), allocated over
//      the eligible lines in proportion to what is left to pay on each, with core's largest-remainder
//      allocation
//   3. points redeemed as money (bonus), capped by the maximum share, allocated the same way
//   4. points / stamps earned on what is actually left to pay on eligible lines: each rule's rate
//      (points per amount, multiplier, points per unit) is an exact ratio, the lines' raw points are
//      numerators over one common denominator, summed exactly and rounded once for the transaction
//      by the program's rule, then capped (per transaction, then per period)
// Each step reads and writes one PricingContext; every `explain` sentence comes from ./explain.ts.
import {
  CurrencyMismatchError,
  ErrorCode,
  InsufficientPointsError,
  LoyaltyValidationError,
  OperationError,
} from "../../errors/errors.js";
import { parseInstant } from "../../_lib/values.js";
import { endOfDayMonthsLater } from "../../_lib/time.js";
import { fromScaledBigInt } from "../../money/_lib/exact.js";
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
import { allocate } from "../../core/allocate.js";
import { fixed, ONE, roundTo, type D, type Mode } from "./decimal.js";
import {
  allocateUnits,
  decimalToMinor,
  divRound,
  formatUnits,
  gcd,
  pow10,
  type Ratio,
  ratioOf,
  scaled,
  toMinor,
  toUnits,
  unitsOf,
  decimalPlaces,
} from "./minor.js";

/** One line being priced: money in minor units, points in units of 10^-pointsScale. */
export interface LineCalc {
  readonly line: BasketLine;
  readonly eligible: boolean;
  readonly amount: number;
  discount: number;
  pointsMoney: number;
  /** amount − discount − pointsMoney, kept up to date by `take`. */
  net: number;
  points: bigint;
  redeemed: bigint;
}

/** A priced basket; the point figures are Decimals for the checkout that books them. */
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

function money(minor: number, dp: number, currency: string): { amount: string; currency: string } {
  return { amount: formatUnits(minor, dp), currency };
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
function spread(ctx: PricingContext, total: number, field: "discount" | "pointsMoney"): number[] {
  const { lines, idx } = ctx;
  const weights = idx.map((i) => BigInt((lines[i] as LineCalc).net));
  if (total === 0 || weights.every((w) => w === 0n)) return idx.map(() => 0);
  const shares = allocate(BigInt(total), weights).map(Number);
  idx.forEach((i, k) => take(lines[i] as LineCalc, field, shares[k] as number));
  return shares;
}

/** Quantities have at most 6 decimals (the basket's rule): paid units are counted in millionths. */
const QUANTITY_SCALE = 6;
const UNIT = pow10(QUANTITY_SCALE);

/**
 * The units of a line still paid for with money, in millionths, for `per-unit` earn rules: points
 * are earned only on what is paid, so a unit that a reward, a discount or points paid for in full
 * earns nothing. Units are covered whole from what was taken off the line (a 10% discount covers no
 * unit; a free scarf or points paying 12.00 of two 12.00 units cover one); a line left with nothing
 * to pay has no paid unit.
 */
function paidUnits(l: LineCalc, dp: number): bigint {
  if (l.net <= 0) return 0n;
  const quantity = scaled(l.line.quantity.toString(), QUANTITY_SCALE) ?? 0n;
  const covered = l.amount - l.net;
  if (covered <= 0) return quantity;
  const unit = ratioOf(l.line.unitPrice.amount.toString());
  if (unit.n <= 0n) return quantity;
  // whole units covered: ⌊covered / 10^dp / unit price⌋
  const whole = (BigInt(covered) * unit.d) / (pow10(dp) * unit.n);
  const paid = quantity - whole * UNIT;
  return paid > 0n ? paid : 0n;
}

/** Takes `minor` off a line as a discount or as points money. */
function take(l: LineCalc, field: "discount" | "pointsMoney", minor: number): void {
  if (minor === 0) return;
  l[field] += minor;
  l.net -= minor;
}

/**
 * Quantity × unit price, half-even to the minor unit, as a Decimal (for the checkout's retry check).
 * A quantity of one with a price already at the minor unit is the price itself.
 */
export function lineAmount(line: BasketLine, dp: number): D {
  const p = line.unitPrice.amount;
  if (line.quantity.eq(ONE) && p.e < 30 && p.decimalPlaces() <= dp) return p;
  return roundTo(line.quantity.times(p), dp, "half-even");
}

/** The largest amount pricing keeps exact, in minor units. */
const MAX_MINOR = Number.MAX_SAFE_INTEGER;

function tooLarge(path: (string | number)[], what: string, dp: number, currency: string): LoyaltyValidationError {
  return new LoyaltyValidationError([
    {
      path,
      message: `${what} is more than pricing keeps exact (at most ${formatUnits(MAX_MINOR, dp)} ${currency}, 2^53 − 1 minor units): check the quantity and the unit price, or split the basket`,
    },
  ]);
}

/**
 * A line's amount in minor units: quantity × unit price, half-even to the minor unit. The one step
 * on decimal.js; a whole quantity of a price at the minor unit is multiplied as integers.
 */
function lineMinor(line: BasketLine, i: number, dp: number, currency: string): number {
  const q = decimalToMinor(line.quantity, 0); // null for a fractional quantity
  const price = q === null ? null : decimalToMinor(line.unitPrice.amount, dp);
  let minor = price === null ? null : price * (q as number);
  if (minor === null || !Number.isSafeInteger(minor)) minor = decimalToMinor(lineAmount(line, dp), dp);
  if (minor === null)
    throw tooLarge(["basket", "lines", i], `line ${i + 1}'s amount (quantity × unit price)`, dp, currency);
  return minor;
}

/** A line's unit price at the minor unit (half-even), or Infinity past the safe range. */
function unitMinor(line: BasketLine, dp: number): number {
  return decimalToMinor(roundTo(line.unitPrice.amount, dp, "half-even"), dp) ?? Number.POSITIVE_INFINITY;
}

/** `percent` % of `base` minor units, rounded to the minor unit by `mode`. */
function percentOf(base: number, percent: string, mode: Mode): number {
  const r = ratioOf(percent);
  return Number(divRound(BigInt(base) * r.n, r.d * 100n, mode));
}

/** Why lines do not count (the first five), or null when every line counts. */
export function excludedExplanation(
  program: Program,
  basketLines: readonly BasketLine[],
  eligible: (i: number) => boolean,
): Explanation | null {
  const out: BasketLine[] = [];
  // an indexed loop: forEach on a frozen array (a parsed basket's lines) takes a slow path on Node 20
  for (let i = 0; i < basketLines.length; i++) if (!eligible(i)) out.push(basketLines[i] as BasketLine);
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
  /** The eligible lines' amounts before any step took something off (minor units). */
  readonly eligibleAmount: number;
  readonly explain: Explanation[];
  readonly state: State;
}

interface State {
  /** Accumulated spend (cumulative programs), read from the account's history. */
  accumulated: D | null;
  tier: Tier | null;
  pointsEarned: bigint;
  welcome: bigint;
  pointsRedeemed: bigint;
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
  let eligibleAmount = 0;
  let gross = 0;
  for (let i = 0; i < basket.lines.length; i++) {
    const line = basket.lines[i] as BasketLine;
    const given = entering?.[i];
    const amount = given === undefined ? lineMinor(line, i, dp, currency) : decimalToMinor(given, dp);
    if (amount === null) throw tooLarge(["entering", i], `amount ${given?.toString()}`, dp, currency);
    const eligible = eligibleOf(line);
    lines[i] = { line, eligible, amount, discount: 0, pointsMoney: 0, net: amount, points: 0n, redeemed: 0n };
    if (eligible) {
      idx.push(i);
      eligibleAmount += amount;
    }
    gross += amount;
  }
  // every sum and difference below stays within the gross, so one check keeps them all exact
  if (gross > MAX_MINOR) throw tooLarge(["basket", "lines"], "the basket's total", dp, currency);
  const explain: Explanation[] = [];
  const excluded = excludedExplanation(program, basket.lines, (i) => (lines[i] as LineCalc).eligible);
  if (excluded !== null) explain.push(excluded);

  const state: State = {
    accumulated: null,
    tier: null,
    pointsEarned: 0n,
    welcome: 0n,
    pointsRedeemed: 0n,
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

  let discountTotal = 0;
  let pointsMoney = 0;
  const pricedLines = lines.map((l) => {
    const grossText = money(l.amount, dp, currency);
    discountTotal += l.discount;
    pointsMoney += l.pointsMoney;
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
      pointsEarned: formatUnits(l.points, scale),
      pointsRedeemed: formatUnits(l.redeemed, scale),
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
    total: money(gross - discountTotal - pointsMoney, dp, currency),
    spend: money(active ? eligibleAmount : 0, dp, currency),
    accumulatedSpend: state.accumulated === null ? null : { amount: fixed(state.accumulated, dp), currency },
    tier: state.tier,
    pointsEarned: formatUnits(state.pointsEarned, scale),
    welcomeBonus: formatUnits(state.welcome, scale),
    pointsRedeemed: formatUnits(state.pointsRedeemed, scale),
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
    pointsEarned: fromScaledBigInt(state.pointsEarned, scale),
    welcome: fromScaledBigInt(state.welcome, scale),
    pointsRedeemed: fromScaledBigInt(state.pointsRedeemed, scale),
    expiresAt: state.expiresAt,
    reward: state.reward,
  };
}

function mode(program: Program): Mode {
  return program.rounding ?? "half-even";
}

/** What is left to pay on the eligible lines (minor units). */
function eligibleLeft(ctx: PricingContext): number {
  let sum = 0;
  for (const i of ctx.idx) sum += (ctx.lines[i] as LineCalc).net;
  return sum;
}

/** A money figure for `explain`: "12.50 EUR". */
function labelOf(ctx: PricingContext, minor: number): string {
  return `${formatUnits(minor, ctx.dp)} ${ctx.currency}`;
}

/** A program's money amount (at most the currency's decimals, checked by parseProgram) in minor units. */
function minorOf(ctx: PricingContext, amount: string): number {
  return toMinor(amount, ctx.dp);
}

function applyDiscountProgram(ctx: PricingContext, program: ProgramOf<"discount">): void {
  const base = ctx.eligibleAmount;
  if (ctx.idx.length === 0 || base === 0) {
    ctx.explain.push(say.noEligibleLines());
    return;
  }
  if (program.minSpend !== undefined && base < minorOf(ctx, program.minSpend)) {
    ctx.explain.push(say.belowMinSpend(labelOf(ctx, base), labelOf(ctx, minorOf(ctx, program.minSpend))));
    return;
  }
  let d = percentOf(base, program.percent, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d > minorOf(ctx, program.maxDiscount)) {
    d = minorOf(ctx, program.maxDiscount);
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
  // the accumulated spend comes from the account's history (a Decimal sum of its sales)
  const before = accumulatedSpendAt(program, ctx.account, ctx.atMs);
  const counted =
    program.includeCurrentPurchase === true ? before.plus(fromScaledBigInt(BigInt(base), ctx.dp)) : before;
  state.accumulated = counted;
  const tier = tierFor(program.tiers, counted);
  state.tier = tier ?? null;
  const spent = (d: D) => `${fixed(d, ctx.dp)} ${ctx.currency}`;
  const how = say.spendCounted(program.includeCurrentPurchase === true, spent(before), labelOf(ctx, base));
  if (tier === undefined) {
    explain.push(say.noTier(spent(counted), how));
    return;
  }
  explain.push(say.tierReached(tier, spent(counted), how));
  if (tier.percent === "0" || base === 0) return;
  let d = percentOf(base, tier.percent, mode(program));
  let capped = false;
  if (program.maxDiscount !== undefined && d > minorOf(ctx, program.maxDiscount)) {
    d = minorOf(ctx, program.maxDiscount);
    capped = true;
  }
  spread(ctx, d, "discount");
  explain.push(say.tierDiscount(tier.percent, labelOf(ctx, base), labelOf(ctx, d), capped));
}

/**
 * The account's available points at `at`, in whole units of 10^-scale (a balance with more decimals
 * than the program's points, posted to the ledger directly, is rounded down: only whole units can
 * be redeemed).
 */
function available(account: ProgramAccount, at: string, scale: number): bigint {
  return unitsOf(balance(account.points, { at }), scale, "floor");
}

function parseRequested(value: string | number, scale: number): bigint {
  const s = typeof value === "number" ? (Number.isInteger(value) ? String(value) : "x") : value;
  if (!/^(0|[1-9]\d*)(\.\d+)?$/.test(s))
    throw new LoyaltyValidationError([
      {
        path: ["redeemPoints"],
        message: `expected a non-negative decimal number of points or "max", got ${JSON.stringify(value)}`,
      },
    ]);
  const units = scaled(s, scale);
  if (units === null)
    throw new LoyaltyValidationError([
      { path: ["redeemPoints"], message: `expected points with at most ${scale} decimals, got ${s}` },
    ]);
  return units;
}

function applyRedeem(ctx: PricingContext, program: ProgramOf<"bonus">): void {
  const plan = redeemPlan(ctx, program);
  if (plan === null) return;
  const shares = spread(ctx, plan.moneyValue, "pointsMoney");
  // The points belong to the lines in proportion to the money they paid there (refunds give them back per line).
  const pts = allocateUnits(plan.points, shares.map(BigInt), pow10(ctx.dp), ctx.scale);
  ctx.idx.forEach((i, k) => {
    (ctx.lines[i] as LineCalc).redeemed = pts[k] as bigint;
  });
  ctx.state.pointsRedeemed = plan.points;
}

const max0 = (v: bigint): bigint => (v > 0n ? v : 0n);

/**
 * How many points (units of 10^-scale) a bonus program redeems as money (minor units) on what is
 * left to pay on the eligible lines, with the redeem explanation pushed; null when nothing is
 * redeemed. Throws for a request the program or the balance cannot meet.
 */
function redeemPlan(ctx: PricingContext, program: ProgramOf<"bonus">): { points: bigint; moneyValue: number } | null {
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
  const have = available(ctx.account, ctx.at, scale);
  const want = requested === "max" ? null : parseRequested(requested, scale);
  if (want !== null && want > have)
    throw new InsufficientPointsError(formatUnits(want, scale), formatUnits(max0(have), scale));
  if (want === 0n) return null;
  const base = eligibleLeft(ctx);
  const share = ratioOf(r.maxShare ?? "100");
  const maxMoney = divRound(BigInt(base) * share.n, share.d * 100n, "floor");
  // a point is worth value.n / value.d in money; points are counted in units of 10^-scale
  const value = ratioOf(r.pointValue);
  const one = pow10(scale);
  const step: Ratio | null = r.step === undefined ? null : ratioOf(r.step);
  // whole steps of points (a step finer than the scale is also floored to the scale)
  const stepOf = (units: bigint): bigint =>
    step === null ? units : (((units * step.d) / (step.n * one)) * step.n * one) / step.d;
  const maxByShare = stepOf(divRound(maxMoney * value.d * one, pow10(dp) * value.n, "floor"));
  const wanted = want ?? have;
  let points = stepOf(wanted < max0(have) ? wanted : max0(have));
  const caps: string[] = [];
  if (points > maxByShare) {
    points = maxByShare;
    caps.push(say.redeemShareCap(r.maxShare ?? "100", labelOf(ctx, base), formatUnits(maxByShare, scale)));
  }
  if (r.minPoints !== undefined && points < toUnits(r.minPoints, scale)) {
    explain.push(say.redeemBelowMinimum(formatUnits(points, scale), r.minPoints));
    return null;
  }
  if (points <= 0n) {
    explain.push(say.nothingRedeemed(have <= 0n));
    return null;
  }
  const moneyValue = Number(divRound(points * value.n * pow10(dp), one * value.d, "floor"));
  explain.push(say.redeemed(formatUnits(points, scale), r.pointValue, labelOf(ctx, moneyValue), caps));
  return { points, moneyValue };
}

export interface CompiledRule {
  readonly index: number;
  readonly type: "per-amount" | "multiplier" | "per-unit";
  /**
   * An integer coefficient over the earn's common denominator. per-amount: the points a minor unit
   * paid earns (before a multiplier); multiplier: the factor × 10^M (M: the most decimals of any
   * factor); per-unit: the points a millionth of a unit earns.
   */
  readonly coef: bigint;
  readonly match: Matcher | null;
  /** The rule's name in `explain`. */
  readonly describe: string;
}

/**
 * An earn's rules with their rates as integers over one denominator: a line's raw points are
 * (net × Σ per-amount coefficients × multiplier + paid millionths × Σ per-unit coefficients) / `den`,
 * exactly (rates such as 1 point per 3.00 have no exact decimal).
 */
interface CompiledEarn {
  readonly rules: readonly CompiledRule[];
  readonly den: bigint;
  /** The multiplier coefficient of a line no multiplier matches (10^M). */
  readonly noFactor: bigint;
}

// Compiled forms of parts of a program (matchers, rule rates as integers), computed once per
// program object. Only programs from parseProgram are cached (branded and deep-frozen, so a cached
// entry can never go stale); anything else is compiled on every call as before.
const eligibilityCache = new WeakMap<Program, Matcher>();
const rulesCache = new WeakMap<Earn, CompiledEarn>();

export function eligibilityOf(program: Program): Matcher {
  if (!isBranded(program, "program")) return compileEligibility(program.eligibility);
  let m = eligibilityCache.get(program);
  if (m === undefined) {
    m = compileEligibility(program.eligibility);
    eligibilityCache.set(program, m);
  }
  return m;
}

function compileEarn(earn: Earn, dp: number): CompiledEarn {
  // per-amount: points / per per unit of money = (p.n × per.d) / (p.d × per.n × 10^dp) per minor unit
  const rates = earn.rules.map((r) => {
    if (r.type !== "per-amount") return null;
    const p = ratioOf(r.points);
    const per = ratioOf(r.per);
    const n = p.n * per.d;
    const d = p.d * per.n * pow10(dp);
    const g = gcd(n, d);
    return { n: n / g, d: d / g };
  });
  let lcm = 1n;
  for (const q of rates) if (q !== null) lcm = (lcm / gcd(lcm, q.d)) * q.d;
  let factorDecimals = 0;
  let unitDecimals = 0;
  for (const r of earn.rules) {
    if (r.type === "multiplier") factorDecimals = Math.max(factorDecimals, decimalPlaces(r.factor));
    if (r.type === "per-unit") unitDecimals = Math.max(unitDecimals, decimalPlaces(r.points));
  }
  // money part: net × Σcoef × factor / (lcm × 10^M); unit part: millionths × Σcoef / 10^(N + 6)
  const moneyDen = lcm * pow10(factorDecimals);
  const unitDen = pow10(unitDecimals + QUANTITY_SCALE);
  const den = (moneyDen / gcd(moneyDen, unitDen)) * unitDen;
  const rules = earn.rules.map((r, index): CompiledRule => {
    const describe = say.earnRuleName(r.id ?? `earn-${index + 1}`, r);
    if (r.type === "per-amount") {
      const q = rates[index] as Ratio;
      const coef = q.n * (lcm / q.d) * (den / moneyDen);
      return { index, type: r.type, coef, match: r.match === undefined ? null : compileMatch(r.match), describe };
    }
    if (r.type === "multiplier") {
      const f = ratioOf(r.factor);
      const coef = (f.n * pow10(factorDecimals)) / f.d;
      return { index, type: r.type, coef, match: compileMatch(r.match), describe };
    }
    const u = ratioOf(r.points);
    const coef = ((u.n * pow10(unitDecimals)) / u.d) * (den / unitDen);
    return { index, type: r.type, coef, match: r.match === undefined ? null : compileMatch(r.match), describe };
  });
  return { rules, den, noFactor: pow10(factorDecimals) };
}

function rulesOf(program: Program, earn: Earn, dp: number): CompiledEarn {
  if (!isBranded(program, "program")) return compileEarn(earn, dp);
  let rules = rulesCache.get(earn);
  if (rules === undefined) {
    rules = compileEarn(earn, dp);
    rulesCache.set(earn, rules);
  }
  return rules;
}

function applyEarn(ctx: PricingContext, program: ProgramOf<"bonus"> | ProgramOf<"catalog">, earn: Earn): void {
  const { lines, idx, explain, state, scale, account, atMs, dp } = ctx;
  const paid = eligibleLeft(ctx);
  const welcomeFirst = program.welcomeBonus?.on === "first-purchase" && isFirstPurchase(account);
  if (welcomeFirst && program.welcomeBonus !== undefined) {
    state.welcome = toUnits(program.welcomeBonus.points, scale);
    explain.push(say.welcomeBonus(program.welcomeBonus.points));
  }
  const lotExpiry =
    earn.validityMonths === undefined
      ? null
      : new Date(endOfDayMonthsLater(releaseMs(program, atMs), earn.validityMonths, program.timeZone)).toISOString();
  if (earn.minOrder !== undefined && paid < minorOf(ctx, earn.minOrder)) {
    explain.push(say.belowMinOrder(labelOf(ctx, paid), labelOf(ctx, minorOf(ctx, earn.minOrder))));
    if (state.welcome !== 0n) state.expiresAt = lotExpiry;
    return;
  }
  const { rules, den, noFactor } = rulesOf(program, earn, dp);
  // how many lines each rule applied to (per call; the compiled rules are shared)
  const counts: number[] = rules.map(() => 0);
  // each line's raw points as a numerator over `den`
  const raw: bigint[] = [];
  let rawTotal = 0n;
  for (const i of idx) {
    const l = lines[i] as LineCalc;
    let perAmount = 0n;
    let best: CompiledRule | null = null;
    let perUnit = 0n;
    let paidHere: bigint | null = null;
    for (const rule of rules) {
      if (rule.match !== null && !rule.match(l.line)) continue;
      if (rule.type === "per-amount") {
        if (l.net === 0) continue;
        perAmount += rule.coef;
        counts[rule.index] = (counts[rule.index] ?? 0) + 1;
      } else if (rule.type === "multiplier") {
        if (best === null || rule.coef > best.coef) best = rule;
      } else {
        if (paidHere === null) paidHere = paidUnits(l, dp);
        if (paidHere === 0n) continue;
        perUnit += rule.coef;
        counts[rule.index] = (counts[rule.index] ?? 0) + 1;
      }
    }
    let p = 0n;
    if (perAmount !== 0n) {
      p = BigInt(l.net) * perAmount * (best === null ? noFactor : best.coef);
      if (best !== null) counts[best.index] = (counts[best.index] ?? 0) + 1;
    }
    if (perUnit !== 0n && paidHere !== null) p += perUnit * paidHere;
    raw.push(p);
    rawTotal += p;
  }
  for (const rule of rules) explain.push(say.earnRule(rule.describe, counts[rule.index] ?? 0));
  const roundMode: Mode = earn.rounding ?? "floor";
  const one = pow10(scale);
  const rounded = divRound(rawTotal * one, den, roundMode);
  let total = max0(rounded);
  if (earn.capPerTransaction !== undefined && total > toUnits(earn.capPerTransaction, scale)) {
    total = toUnits(earn.capPerTransaction, scale);
    explain.push(say.transactionCap(earn.capPerTransaction, formatUnits(rounded, scale)));
  }
  if (earn.capPerPeriod !== undefined) {
    // earned so far, rounded up to whole units so the allowance never passes the cap
    const so = unitsOf(earnedInPeriod(program, account, atMs, earn.capPerPeriod.period).toString(), scale, "ceil");
    const allowance = max0(toUnits(earn.capPerPeriod.points, scale) - so);
    if (total > allowance) {
      explain.push(
        say.periodCap(
          earn.capPerPeriod.points,
          earn.capPerPeriod.period,
          formatUnits(so, scale),
          formatUnits(allowance, scale),
        ),
      );
      total = allowance;
    }
  }
  const base = total; // before the tier multiplier (a bonus program's own tier policy)
  if (program.kind === "bonus" && program.tiers !== undefined && total !== 0n) {
    const t = tierEarnBonus(program.tiers, account, atMs, fromScaledBigInt(total, scale), scale);
    if (t.explain !== null) explain.push(t.explain);
    total += toUnits(t.bonus.toString(), scale);
  }
  if (total !== 0n) {
    const shares = allocateUnits(total, raw, den, scale);
    idx.forEach((i, k) => {
      (lines[i] as LineCalc).points = shares[k] as bigint;
    });
  }
  state.pointsEarned = total;
  if (total !== 0n || state.welcome !== 0n) state.expiresAt = lotExpiry;
  if (earn.pendingDays !== undefined && (total !== 0n || state.welcome !== 0n))
    explain.push(pendingExplanation(program, atMs, earn.pendingDays));
  // the raw points with at least two decimals, half-even (as they were always shown)
  const shown = Math.max(scale, 2);
  explain.push(
    say.pointsEarned(
      formatUnits(divRound(rawTotal * pow10(shown), den, "half-even"), shown),
      labelOf(ctx, paid),
      roundMode,
      formatUnits(base, scale),
      total !== 0n,
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
  const have = available(ctx.account, ctx.at, scale);
  const cost = toUnits(reward.pointsCost, scale);
  if (have < cost)
    throw new InsufficientPointsError(
      reward.pointsCost,
      formatUnits(max0(have), scale),
      `reward ${JSON.stringify(reward.id)} costs ${reward.pointsCost} points; ${formatUnits(max0(have), scale)} available`,
    );
  let shares: number[];
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
    const d = Math.min(unitMinor(l.line, dp), l.net);
    take(l, "discount", d);
    shares = [d];
    target = [i];
    explain.push(say.rewardProduct(reward.name, reward.pointsCost, g.sku, labelOf(ctx, d)));
  } else {
    const base = eligibleLeft(ctx);
    if (base === 0) {
      throw new OperationError(
        ErrorCode.NOT_FOUND,
        `reward ${JSON.stringify(reward.id)} takes money off eligible lines, but nothing eligible is left to pay in the basket`,
        { rewardId: reward.id },
      );
    }
    const d = g.type === "fixed" ? Math.min(minorOf(ctx, g.amount), base) : percentOf(base, g.percent, mode(program));
    shares = spread(ctx, d, "discount");
    target = idx;
    explain.push(say.rewardMoneyOff(reward.name, reward.pointsCost, labelOf(ctx, d), labelOf(ctx, base)));
  }
  // (all-zero shares — a discount that rounds to nothing — put the points on the first line)
  const pts = allocateUnits(cost, shares.map(BigInt), pow10(dp), scale);
  target.forEach((i, k) => {
    const l = lines[i] as LineCalc;
    l.redeemed += pts[k] as bigint;
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
  let shares: number[] = [];
  let target: readonly number[] = [];
  if (rw.type === "free-item") {
    const match = rw.match === undefined ? null : compileMatch(rw.match);
    let best = -1;
    for (const i of idx) {
      const l = lines[i] as LineCalc;
      if (match !== null && !match(l.line)) continue;
      if (l.net === 0) continue;
      if (best < 0 || l.line.unitPrice.amount.gt((lines[best] as LineCalc).line.unitPrice.amount)) best = i;
    }
    if (best >= 0) {
      const l = lines[best] as LineCalc;
      let d = Math.min(unitMinor(l.line, dp), l.net);
      if (rw.maxValue !== undefined) d = Math.min(d, minorOf(ctx, rw.maxValue));
      take(l, "discount", d);
      shares = [d];
      target = [best];
      explain.push(
        say.cardFreeItem(
          program.cardSize,
          l.line.sku,
          labelOf(ctx, d),
          rw.maxValue === undefined ? null : labelOf(ctx, minorOf(ctx, rw.maxValue)),
        ),
      );
    } else {
      explain.push(say.cardNoItem(program.cardSize));
    }
  } else {
    const base = eligibleLeft(ctx);
    const d =
      rw.type === "fixed" ? Math.min(minorOf(ctx, rw.amount), base) : percentOf(base, rw.percent, mode(program));
    if (d > 0) {
      shares = spread(ctx, d, "discount");
      target = idx;
      explain.push(say.cardMoneyOff(program.cardSize, labelOf(ctx, d)));
    } else {
      explain.push(say.cardNothingToDiscount());
    }
  }
  if (target.length === 0) return 0;
  const redeemed = program.cardSize;
  const pts = allocateUnits(BigInt(redeemed), shares.map(BigInt), pow10(dp), 0);
  target.forEach((i, k) => {
    const l = lines[i] as LineCalc;
    l.redeemed += pts[k] as bigint;
  });
  return redeemed;
}

function applyStamps(ctx: PricingContext, program: ProgramOf<"stamps">): void {
  const { lines, idx, explain, state } = ctx;
  const before = Math.max(0, Number(available(ctx.account, ctx.at, 0)));
  const redeemed = useCard(ctx, program, before);
  const paid = eligibleLeft(ctx);
  let earned = 0;
  const e = program.earn;
  const minAmount =
    e.type === "per-purchase" && e.minAmount !== undefined ? labelOf(ctx, minorOf(ctx, e.minAmount)) : null;
  if (e.type === "per-purchase") {
    if (paid > 0 && (e.minAmount === undefined || paid >= minorOf(ctx, e.minAmount))) {
      earned = e.stamps ?? 1;
      explain.push(say.stampsPerPurchase(earned, labelOf(ctx, paid), minAmount));
    } else {
      explain.push(say.noStamp(labelOf(ctx, paid), minAmount));
    }
  } else {
    const per = minorOf(ctx, e.per);
    earned = (paid - (paid % per)) / per;
    if (e.maxPerPurchase !== undefined) earned = Math.min(earned, e.maxPerPurchase);
    explain.push(say.stampsPerAmount(labelOf(ctx, per), earned, labelOf(ctx, paid)));
  }
  if (earned > 0) {
    const shares = allocateUnits(
      BigInt(earned),
      idx.map((i) => BigInt((lines[i] as LineCalc).net)),
      pow10(ctx.dp),
      0,
    );
    idx.forEach((i, k) => {
      (lines[i] as LineCalc).points = shares[k] as bigint;
    });
  }
  state.pointsEarned = BigInt(earned);
  state.pointsRedeemed = BigInt(redeemed);
  state.stamps = { before, redeemed, earned, after: before - redeemed + earned, cardSize: program.cardSize };
}

// The fast path of `quote`: the same pricing as engine.ts, on integers instead of Decimals. Money is
// a whole number of minor units, points a whole number of 10^-pointsScale, quantities and rates whole
// numbers over a power of ten — plain JS numbers, used only while every value is an exact safe
// integer (products are checked against 2^53, divisions are done with exact remainders). Whenever
// a value is not exactly representable (many decimals, huge amounts, a rate like 1/3) the fast path
// gives up and `quote` takes the
// Decimal path, so both always give the same result; a property test compares them on random
// programs and baskets. It covers the common till cases — percentage discounts, cumulative tiers,
// bonus programs earning and redeeming points, catalog programs earning points — for active
// programs; catalog rewards, stamp cards and inactive programs go the Decimal path.
import type { Basket, BasketLine } from "../basket.js";
import type { ProgramAccount } from "../account.js";
import type { Earn, Program, ProgramOf, Tier } from "../program.js";
import type { Explanation, PricedLine, Quote } from "../result.js";
import type { QuoteOptions } from "../options.js";
import { endOfDayMonthsLater } from "../../_lib/time.js";
import { accumulatedSpendAt, earnedInPeriod, isFirstPurchase } from "./records.js";
import { tierFor } from "../tierFor.js";
import { isBranded } from "./brand.js";
import { fromUnits } from "../../ledger/_lib/units.js";
import { dec, fixed, maxD, ZERO, type D, type Mode } from "./decimal.js";
import {
  eligibilityOf,
  excludedExplanation,
  isActiveAt,
  pointsExplanation,
  prepare,
  redeemPlan,
  ruleExplanation,
  rulesOf,
  type CompiledRule,
} from "./engine.js";

/** Module-private test switch (not exported by the package): `enabled = false` sends every quote down the Decimal path. */
export const fastPath = { enabled: true };

/** Thrown (and caught in `quoteFast`) when a value is not exactly representable. */
const GIVE_UP = { giveUp: true };

// exact powers of ten as doubles
const P10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
];

function pow10(k: number): number {
  const p = P10[k];
  if (p === undefined) throw GIVE_UP;
  return p;
}

/** `n` itself when it is a safe integer (the exact result of the operation that produced it). */
function safe(n: number): number {
  if (!(n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER)) throw GIVE_UP;
  return n;
}

/** a × b for safe integers: exact when the product is safe (a double product beyond 2^53 fails the check). */
function mul(a: number, b: number): number {
  return safe(a * b);
}

/**
 * `x` × 10^s as an integer, when `x` has at most `s` decimals and the result is safe. Reads
 * decimal.js's documented representation: digits `d` in base 10^7, words aligned to powers of
 * 10^7, `e` the decimal exponent of the first digit, `s` the sign.
 */
function units(x: D, s: number): number {
  const w = x.d as readonly number[] | null;
  if (w === null || x.e + 1 + s > 15) throw GIVE_UP;
  const top = Math.floor(x.e / 7);
  let n = 0;
  for (let k = 0; k < w.length; k++) {
    const digits = w[k] ?? 0;
    const p = 7 * (top - k) + s;
    if (p >= 0) n += digits * pow10(p);
    else if (digits !== 0) {
      const m = pow10(-p);
      if (p < -7 || digits % m !== 0) throw GIVE_UP;
      n += digits / m;
    }
  }
  return x.s < 0 ? -n : n;
}

/** Integer division n / d (d > 0) rounded with `mode`; exact via the remainder. */
function divRound(n: number, d: number, mode: Mode): number {
  const r = n % d;
  const q = (n - r) / d;
  if (r === 0) return q;
  const neg = n < 0;
  const twice = 2 * Math.abs(r);
  let away: boolean;
  if (mode === "down") away = false;
  else if (mode === "up") away = true;
  else if (mode === "floor") away = neg;
  else if (mode === "ceil") away = !neg;
  else if (mode === "half-up") away = twice >= d;
  else away = twice > d || (twice === d && q % 2 !== 0);
  return away ? (neg ? q - 1 : q + 1) : q;
}

/** An integer at scale `from` rescaled to scale `to`, rounded with `mode` when decimals are cut. */
function rescale(n: number, from: number, to: number, mode: Mode): number {
  return from <= to ? mul(n, pow10(to - from)) : divRound(n, pow10(from - to), mode);
}

/** The earn rules with their values as integers: rates at scale `rs`, factors at `ms`, per-unit points at `us`. */
interface FastEarn {
  readonly rules: readonly CompiledRule[];
  readonly value: readonly number[];
  readonly rs: number;
  readonly ms: number;
  readonly us: number;
}

const fastEarnCache = new WeakMap<Earn, FastEarn | null>();

function compileFastEarn(program: Program, earn: Earn): FastEarn | null {
  const rules = rulesOf(program, earn);
  const scaleOf = (type: CompiledRule["type"]): number =>
    rules.reduce((m, r) => (r.type === type ? Math.max(m, r.value.decimalPlaces()) : m), 0);
  const rs = scaleOf("per-amount");
  const ms = scaleOf("multiplier");
  const us = scaleOf("per-unit");
  try {
    const value = rules.map((r) => units(r.value, r.type === "per-amount" ? rs : r.type === "multiplier" ? ms : us));
    return { rules, value, rs, ms, us };
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

function fastEarnOf(program: Program, earn: Earn): FastEarn | null {
  if (!isBranded(program, "program")) return compileFastEarn(program, earn);
  let f = fastEarnCache.get(earn);
  if (f === undefined) {
    f = compileFastEarn(program, earn);
    fastEarnCache.set(earn, f);
  }
  return f;
}

/**
 * The quote `price` would give, or null when this call is not one the fast path covers or a value
 * is not exactly representable. Throws what `price` throws for an invalid call.
 */
export function quoteFast(
  program: Program,
  account: ProgramAccount,
  basket: Basket,
  options: QuoteOptions,
): Quote | null {
  if (!fastPath.enabled) return null;
  if (program.kind === "stamps" || (program.kind === "catalog" && options.rewardId !== undefined)) return null;
  const { atMs, at, dp, scale } = prepare(program, account, basket, options);
  if (!isActiveAt(program, atMs)) return null;
  const fe =
    program.kind === "bonus" || program.kind === "catalog"
      ? program.earn === undefined
        ? undefined
        : fastEarnOf(program, program.earn)
      : undefined;
  if (fe === null) return null;
  try {
    return quoteInt(program, fe, account, basket, options, atMs, at, dp, scale);
  } catch (e) {
    if (e === GIVE_UP) return null;
    throw e;
  }
}

function quoteInt(
  program: Exclude<Program, ProgramOf<"stamps">>,
  fe: FastEarn | undefined,
  account: ProgramAccount,
  basket: Basket,
  options: QuoteOptions,
  atMs: number,
  at: string,
  dp: number,
  scale: number,
): Quote {
  const c = program.currency;
  const eligibleOf = eligibilityOf(program);
  const n = basket.lines.length;
  const amounts: number[] = new Array<number>(n);
  const eligible: boolean[] = new Array<boolean>(n);
  const qN: number[] = new Array<number>(n);
  const qS: number[] = new Array<number>(n);
  let eligibleAmount = 0;
  let otherAmount = 0;
  let qMax = 0;
  for (let i = 0; i < n; i++) {
    const line = basket.lines[i] as BasketLine;
    const q = line.quantity;
    const p = line.unitPrice.amount;
    // (a quantity below 10^-6 would print in exponent notation; the schema allows 6 decimals)
    if (q.e < -6) throw GIVE_UP;
    const qs = q.decimalPlaces();
    const ps = p.decimalPlaces();
    const qn = units(q, qs);
    // quantity × unit price, half-even to the minor unit
    const amount = rescale(mul(qn, units(p, ps)), qs + ps, dp, "half-even");
    amounts[i] = amount;
    qN[i] = qn;
    qS[i] = qs;
    if (qs > qMax) qMax = qs;
    const ok = eligibleOf(line);
    eligible[i] = ok;
    if (ok) eligibleAmount = safe(eligibleAmount + amount);
    else otherAmount = safe(otherAmount + amount);
  }
  const gross = safe(eligibleAmount + otherAmount);
  const explain: Explanation[] = [];
  const excluded = excludedExplanation(program, basket.lines, (i) => eligible[i] === true);
  if (excluded !== null) explain.push(excluded);

  const discount: number[] = new Array<number>(n).fill(0);
  const pointsMoney: number[] = new Array<number>(n).fill(0);
  const redeemed: number[] = new Array<number>(n).fill(0);
  const points: number[] = new Array<number>(n).fill(0);
  const net = (i: number): number => (amounts[i] as number) - (discount[i] as number) - (pointsMoney[i] as number);
  let pointsRedeemed = 0;
  let total = 0;
  let welcome: D = ZERO;
  let expiresAt: string | null = null;
  let accumulated: D | null = null;
  let tier: Tier | null = null;
  const label = (x: D): string => `${fixed(x, dp)} ${c}`;
  /** engine.ts's `spread`: `d` over the eligible lines in proportion to what is left to pay on each, into `field`. */
  const spread = (d: number, field: number[]): { where: number[]; shares: number[] } => {
    const where: number[] = [];
    const weights: number[] = [];
    let W = 0;
    for (let i = 0; i < n; i++) {
      if (eligible[i] !== true) continue;
      where.push(i);
      weights.push(net(i));
      W += net(i);
    }
    if (d === 0 || W === 0) return { where, shares: weights.map(() => 0) };
    const shares = proportional(d, weights, W);
    where.forEach((i, k) => {
      field[i] = (field[i] as number) + (shares[k] as number);
    });
    return { where, shares };
  };
  const mode: Mode = program.rounding ?? "half-even";
  const maxDiscount = program.kind === "discount" || program.kind === "cumulative" ? program.maxDiscount : undefined;
  if (program.kind === "discount") {
    // engine.ts applyDiscountProgram
    const base = eligibleAmount;
    if (base === 0) explain.push({ rule: "discount", applied: false, reason: "no eligible lines to discount" });
    else if (program.minSpend !== undefined && base < units(dec(program.minSpend), dp)) {
      explain.push({
        rule: "min-spend",
        applied: false,
        reason: `eligible amount ${fromUnits(base, dp)} ${c} is below the minimum spend of ${label(dec(program.minSpend))}: no discount`,
      });
    } else {
      let d = percentOff(base, program.percent, dp, mode);
      const capped = maxDiscount !== undefined && d > units(dec(maxDiscount), dp);
      if (capped) d = units(dec(maxDiscount), dp);
      spread(d, discount);
      explain.push({
        rule: "discount",
        applied: true,
        reason: `${program.percent}% off ${fromUnits(base, dp)} ${c} of eligible lines: ${fromUnits(d, dp)} ${c}${capped ? ` (capped at the maximum discount of ${fromUnits(d, dp)} ${c})` : ""}`,
      });
    }
  } else if (program.kind === "cumulative") {
    // engine.ts applyCumulative
    const base = dec(fromUnits(eligibleAmount, dp));
    const before = accumulatedSpendAt(program, account, atMs);
    const counted = program.includeCurrentPurchase === true ? before.plus(base) : before;
    accumulated = counted;
    tier = tierFor(program.tiers, counted) ?? null;
    const how =
      program.includeCurrentPurchase === true
        ? `${label(before)} before plus ${label(base)} of this purchase`
        : `this purchase not counted`;
    if (tier === null) {
      explain.push({
        rule: "tier",
        applied: false,
        reason: `accumulated spend ${label(counted)} (${how}) is below the lowest tier threshold`,
      });
    } else {
      explain.push({
        rule: "tier",
        applied: true,
        reason: `${tier.name} (threshold ${tier.threshold}, ${tier.percent}%): accumulated spend ${label(counted)} (${how})`,
      });
      if (tier.percent !== "0" && eligibleAmount !== 0) {
        let d = percentOff(eligibleAmount, tier.percent, dp, mode);
        const capped = maxDiscount !== undefined && d > units(dec(maxDiscount), dp);
        if (capped) d = units(dec(maxDiscount), dp);
        spread(d, discount);
        explain.push({
          rule: "discount",
          applied: true,
          reason: `${tier.percent}% off ${label(base)} of eligible lines: ${fromUnits(d, dp)} ${c}${capped ? " (capped at the maximum discount)" : ""}`,
        });
      }
    }
  }
  if (program.kind === "bonus" && options.redeemPoints !== undefined) {
    // engine.ts applyRedeem: the plan in Decimals (a few scalars), the split on integers
    const plan = redeemPlan(program, account, dec(fromUnits(eligibleAmount, dp)), at, dp, scale, options, explain);
    if (plan !== null) {
      const money = units(plan.moneyValue, dp);
      pointsRedeemed = units(plan.points, scale);
      const { where, shares } = spread(money, pointsMoney);
      // (all-zero shares: the points go to the first line, as allocateUnits does)
      const pts = allocatePoints(
        pointsRedeemed,
        shares,
        shares.reduce((a, b) => a + b, 0),
        dp,
        scale,
      );
      where.forEach((i, k) => {
        redeemed[i] = pts[k] as number;
      });
    }
  }
  const earn = program.kind === "bonus" || program.kind === "catalog" ? program.earn : undefined;
  if (program.kind !== "discount" && program.kind !== "cumulative" && earn !== undefined && fe !== undefined) {
    // engine.ts applyEarn, on what is left to pay after points
    let paid = 0;
    for (let i = 0; i < n; i++) if (eligible[i] === true) paid += net(i);
    if (program.welcomeBonus?.on === "first-purchase" && isFirstPurchase(account)) {
      welcome = dec(program.welcomeBonus.points);
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
    if (earn.minOrder !== undefined && paid < units(dec(earn.minOrder), dp)) {
      explain.push({
        rule: "min-order",
        applied: false,
        reason: `${fromUnits(paid, dp)} ${c} paid on eligible lines is below the minimum order of ${fixed(dec(earn.minOrder), dp)} ${c}: no points`,
      });
      if (!welcome.isZero()) expiresAt = lotExpiry;
    } else {
      const { rules, value } = fe;
      // the raw points of each line at scale S (exact), whatever mix of rules matched it
      const amountScale = dp + fe.rs + fe.ms;
      const S = Math.max(amountScale, fe.us + qMax);
      const counts: number[] = rules.map(() => 0);
      const raw: number[] = [];
      const rawAt: number[] = [];
      let rawTotal = 0;
      for (let i = 0; i < n; i++) {
        if (eligible[i] !== true) continue;
        const line = basket.lines[i] as BasketLine;
        const left = net(i);
        let rate = -1;
        let best = -1;
        let perUnit = 0;
        for (let k = 0; k < rules.length; k++) {
          const rule = rules[k] as CompiledRule;
          if (rule.match !== null && !rule.match(line)) continue;
          const v = value[k] as number;
          if (rule.type === "per-amount") {
            if (left === 0) continue;
            rate = rate < 0 ? v : safe(rate + v);
            counts[k] = (counts[k] ?? 0) + 1;
          } else if (rule.type === "multiplier") {
            if (best < 0 || v > (value[best] as number)) best = k;
          } else {
            perUnit = safe(perUnit + v);
            counts[k] = (counts[k] ?? 0) + 1;
          }
        }
        let p = rate < 0 ? 0 : mul(left, rate);
        if (best >= 0 && p !== 0) {
          p = mul(p, value[best] as number);
          counts[best] = (counts[best] ?? 0) + 1;
        } else p = mul(p, pow10(fe.ms));
        p = mul(p, pow10(S - amountScale));
        if (perUnit !== 0) p = safe(p + mul(mul(perUnit, qN[i] as number), pow10(S - fe.us - (qS[i] as number))));
        raw.push(p);
        rawAt.push(i);
        rawTotal = safe(rawTotal + p);
      }
      for (const rule of rules) explain.push(ruleExplanation(rule, counts[rule.index] ?? 0));
      const roundMode: Mode = earn.rounding ?? "floor";
      const rounded = rescale(rawTotal, S, scale, roundMode);
      total = Math.max(rounded, 0);
      if (earn.capPerTransaction !== undefined && total > units(dec(earn.capPerTransaction), scale)) {
        total = units(dec(earn.capPerTransaction), scale);
        explain.push({
          rule: "cap-transaction",
          applied: true,
          reason: `capped at ${earn.capPerTransaction} points per transaction (${fromUnits(rounded, scale)} before the cap)`,
        });
      }
      if (earn.capPerPeriod !== undefined) {
        const so = earnedInPeriod(program, account, atMs, earn.capPerPeriod.period);
        const allowance = maxD(dec(earn.capPerPeriod.points).minus(so), ZERO);
        const allowed = units(allowance, scale);
        if (total > allowed) {
          explain.push({
            rule: "cap-period",
            applied: true,
            reason: `capped at ${earn.capPerPeriod.points} points per ${earn.capPerPeriod.period}: ${fixed(so, scale)} already earned this ${earn.capPerPeriod.period}, ${fixed(allowance, scale)} left`,
          });
          total = allowed;
        }
      }
      if (total !== 0) {
        const shares = allocatePoints(total, raw, rawTotal, S, scale);
        rawAt.forEach((i, k) => {
          points[i] = shares[k] as number;
        });
      }
      if (total !== 0 || !welcome.isZero()) expiresAt = lotExpiry;
      explain.push(
        pointsExplanation(
          fromUnits(rescale(rawTotal, S, Math.max(scale, 2), "half-even"), Math.max(scale, 2)),
          `${fromUnits(paid, dp)} ${c}`,
          roundMode,
          fromUnits(total, scale),
          total !== 0,
          lotExpiry,
        ),
      );
    }
  }

  const zeroMoney = fromUnits(0, dp);
  const lines: PricedLine[] = new Array<PricedLine>(n);
  let discountTotal = 0;
  let moneyTotal = 0;
  for (let i = 0; i < n; i++) {
    const line = basket.lines[i] as BasketLine;
    const a = amounts[i] as number;
    const g = fromUnits(a, dp);
    const d = discount[i] as number;
    const pm = pointsMoney[i] as number;
    discountTotal += d;
    moneyTotal += pm;
    lines[i] = {
      id: line.id,
      sku: line.sku,
      kind: line.kind,
      quantity: fromUnits(qN[i] as number, qS[i] as number),
      eligible: eligible[i] === true,
      gross: { amount: g, currency: c },
      discount: { amount: d === 0 ? zeroMoney : fromUnits(d, dp), currency: c },
      pointsMoney: { amount: pm === 0 ? zeroMoney : fromUnits(pm, dp), currency: c },
      net: { amount: d === 0 && pm === 0 ? g : fromUnits(a - d - pm, dp), currency: c },
      pointsEarned: fromUnits(points[i] as number, scale),
      pointsRedeemed: fromUnits(redeemed[i] as number, scale),
    };
  }
  const grossText = fromUnits(gross, dp);
  return {
    programId: program.id,
    kind: program.kind,
    basketId: basket.id,
    at,
    active: true,
    lines,
    gross: { amount: grossText, currency: c },
    discountTotal: { amount: fromUnits(discountTotal, dp), currency: c },
    pointsMoney: { amount: fromUnits(moneyTotal, dp), currency: c },
    total: {
      amount: discountTotal === 0 && moneyTotal === 0 ? grossText : fromUnits(gross - discountTotal - moneyTotal, dp),
      currency: c,
    },
    spend: { amount: fromUnits(eligibleAmount, dp), currency: c },
    accumulatedSpend: accumulated === null ? null : { amount: fixed(accumulated, dp), currency: c },
    tier,
    pointsEarned: fromUnits(total, scale),
    welcomeBonus: fixed(welcome, scale),
    pointsRedeemed: fromUnits(pointsRedeemed, scale),
    expiresAt,
    reward: null,
    stamps: null,
    explain,
  };
}

/**
 * `total` units over `weights` (summing to `W` > 0) in proportion, as money's `allocate` and the
 * general case of decimal.ts's `allocateUnits` do: each share total × w / W rounded down, the units
 * left to the largest remainders, ties to the earlier share (both compare exact remainders).
 */
function proportional(total: number, weights: readonly number[], W: number): number[] {
  const n = weights.length;
  const shares: number[] = new Array<number>(n);
  const rest: { i: number; r: number }[] = [];
  let left = total;
  for (let i = 0; i < n; i++) {
    const a = mul(total, weights[i] as number);
    const r = a % W;
    shares[i] = (a - r) / W;
    left -= shares[i] as number;
    if (r !== 0) rest.push({ i, r });
  }
  handOut(shares, rest, left);
  return shares;
}

/** Gives the `left` units still to hand out one each to the shares with the largest remainders, ties to the earlier share. */
function handOut(shares: number[], rest: { i: number; r: number }[], left: number): void {
  if (left <= 0) return;
  rest.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; k < left; k++) {
    const { i } = rest[k] as { i: number; r: number };
    shares[i] = (shares[i] as number) + 1;
  }
}

/**
 * decimal.ts's allocateUnits on integers: `total` (at scale `scale`) over the raw points `weights`
 * (at scale `S`, summing to `W`). When points are whole and the total is the weights' sum rounded
 * down, each share is its own weight rounded down plus the units left by largest remainder (exact
 * decimal digits there, so ties simply go to the earlier share); else the proportional split.
 */
function allocatePoints(total: number, weights: readonly number[], W: number, S: number, scale: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  if (W === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  const one = pow10(S);
  if (scale !== 0 || total !== divRound(W, one, "floor")) return proportional(total, weights, W);
  const shares: number[] = new Array<number>(n);
  const rest: { i: number; r: number }[] = [];
  let left = total;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const r = w % one;
    shares[i] = (w - r) / one;
    left -= shares[i] as number;
    if (r !== 0) rest.push({ i, r });
  }
  handOut(shares, rest, left);
  return shares;
}

/** engine.ts's percentOf: base × percent / 100 rounded to the minor unit (base in minor units). */
function percentOff(base: number, percent: string, _dp: number, mode: Mode): number {
  const p = dec(percent);
  const ps = p.decimalPlaces();
  return divRound(mul(base, units(p, ps)), pow10(ps + 2), mode);
}

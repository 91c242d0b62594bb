// The one tier engine: replays a member's qualifying history in time order and applies the policy's
// gain and loss rules. Every public tier function (tierStatus, tierProgress, tierBonusEntry) reads
// this replay, so the tier on a date is a pure function of the history up to that date.
import { addMonthsClamped, zonedParts, zonedTimeToInstant } from "../../../core/calendar.js";
import { instantMs } from "../../../core/instant.js";
import { Decimal } from "../../../money/money.js";
import { atOneScale, formatUnits } from "../../_lib/minor.js";
import type { TierActivity, TierLevel, TierPolicy } from "../tierPolicy.js";

/**
 * Why a member's tier changed (see {@link TierChange}).
 *
 * @example
 * ```ts
 * import type { TierChangeReason } from "loyalty-kit";
 * const reason: TierChangeReason = "grace-ended";
 * console.log(reason);
 * ```
 * @category programs
 */
export type TierChangeReason = "reached" | "review" | "grace-ended" | "fell-below";

// The replay's records are declarations, not logic: field lists alike in shape to other result types
// (goodwill requests, coupon states), each naming its own fields.
export interface RawChange {
  readonly at: number;
  readonly from: number;
  readonly to: number;
  readonly reason: TierChangeReason;
  readonly amount: Decimal;
}

export interface Replay {
  /** Tiers sorted by threshold, ascending. */
  readonly levels: readonly TierLevel[];
  readonly thresholds: readonly Decimal[];
  /** Index of the held tier in `levels`, -1 for none. */
  readonly held: number;
  /** The amount in the window at the replay's end. */
  readonly amount: Decimal;
  /** Index in `levels` of the highest tier `amount` reaches, -1 for none (held may differ: grace, one-tier). */
  readonly qualified: number;
  /** When the grace period running at the end ends (rolling windows), else undefined. */
  readonly graceUntil: number | undefined;
  readonly changes: readonly RawChange[];
}

// Amounts are replayed as exact integers of 10^-scale, the scale being the most decimals among the
// policy's thresholds and the history's amounts (as the pricing engine works on integers, minor.ts):
// an addition or a comparison of small integers costs a fraction of decimal.js's, and a checkout of
// a bonus program with tiers replays the member's tier log and window on every sale. Amounts leave
// the replay as Decimals (the changes, the end amount).
interface Item {
  readonly ms: number;
  readonly amount: bigint;
}

const DAY_MS = 86_400_000;

interface SortedLevels {
  readonly levels: readonly TierLevel[];
  readonly thresholds: readonly Decimal[];
}

// A program's tier policy is frozen (parseProgram) and replayed at every checkout, each sort parsing
// thresholds as Decimals again: the sorted levels of a frozen policy are kept with it (a WeakMap, so
// nothing outlives the policy). A policy that could still change is sorted on each call.
const levelsOf = new WeakMap<TierPolicy, SortedLevels>();

export function sortedLevels(policy: TierPolicy): SortedLevels {
  const kept = levelsOf.get(policy);
  if (kept !== undefined) return kept;
  const levels = [...policy.tiers].sort((a, b) => new Decimal(a.threshold).comparedTo(new Decimal(b.threshold)));
  const sorted = { levels, thresholds: levels.map((t) => new Decimal(t.threshold)) };
  if (Object.isFrozen(policy) && Object.isFrozen(policy.tiers) && policy.tiers.every((t) => Object.isFrozen(t)))
    levelsOf.set(policy, sorted);
  return sorted;
}

/** The highest tier whose threshold ≤ amount, -1 when below every threshold. */
function qualifiedIndex(thresholds: readonly bigint[], amount: bigint): number {
  let q = -1;
  for (let i = 0; i < thresholds.length; i++) if ((thresholds[i] as bigint) <= amount) q = i;
  return q;
}

export function yearStart(year: number, timeZone: string): number {
  return zonedTimeToInstant({ year, month: 1, day: 1 }, timeZone);
}

/** The same wall-clock time `months` later in the zone, the day clamped to the month's end. */
export function monthsLater(ms: number, months: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const d = addMonthsClamped(p, months);
  return zonedTimeToInstant(
    { ...d, hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond },
    timeZone,
  );
}

/** The same wall-clock time `days` calendar days later in the zone (a day across a DST change is 23 or 25 hours). */
export function daysLater(ms: number, days: number, timeZone: string): number {
  if (days === 0) return ms;
  const p = zonedParts(ms, timeZone);
  const later = zonedTimeToInstant(
    {
      year: p.year,
      month: p.month,
      day: p.day + days,
      hour: p.hour,
      minute: p.minute,
      second: p.second,
      millisecond: p.millisecond,
    },
    timeZone,
  );
  return Math.max(later, ms + (days - 1) * DAY_MS);
}

function down(policy: TierPolicy, held: number, q: number): number {
  return policy.downgrade === "one-tier" ? Math.max(q, held - 1) : q;
}

/**
 * Replays `history` (already validated) up to and including `untilMs`. Activities after `untilMs`
 * are ignored, so the result at a date never depends on what came later.
 */
export function replayTiers(policy: TierPolicy, history: readonly TierActivity[], untilMs: number): Replay {
  const { levels, thresholds } = sortedLevels(policy);
  const dated = history.map((a) => ({ ms: instantMs(a.at), amount: a.amount })).filter((a) => a.ms <= untilMs);
  const { scale, values } = atOneScale([...levels.map((t) => t.threshold), ...dated.map((a) => a.amount)]);
  const limits = values.slice(0, levels.length);
  const sorted = dated
    .map((a, i): Item => ({ ms: a.ms, amount: values[levels.length + i] as bigint }))
    .sort((a, b) => a.ms - b.ms);
  // Activities at one instant count together (a sale and its same-instant refund, two lines of one
  // visit): applied one by one, the amount a change reports would depend on the order they were given.
  const items: Item[] = [];
  for (const a of sorted) {
    const last = items.at(-1);
    if (last !== undefined && last.ms === a.ms) items[items.length - 1] = { ms: a.ms, amount: last.amount + a.amount };
    else items.push(a);
  }
  const decimal = (u: bigint): Decimal => new Decimal(formatUnits(u, scale));
  const changes: RawChange[] = [];
  const change = (at: number, from: number, to: number, reason: TierChangeReason, amount: bigint): void => {
    changes.push({ at, from, to, reason, amount: decimal(amount) });
  };
  const end = (r: { held: number; amount: bigint; graceUntil?: number | undefined }): Replay => ({
    levels,
    thresholds,
    changes,
    held: r.held,
    amount: decimal(r.amount),
    qualified: qualifiedIndex(limits, r.amount),
    graceUntil: r.graceUntil,
  });
  if (policy.window.type === "calendar-year") return end(replayCalendar(policy, limits, items, untilMs, change));
  if (policy.window.type === "lifetime") {
    let held = -1;
    let amount = 0n;
    for (const it of items) {
      amount += it.amount;
      const q = qualifiedIndex(limits, amount);
      if (q > held) {
        change(it.ms, held, q, "reached", amount);
        held = q;
      }
    }
    return end({ held, amount });
  }
  return end(replayRolling(policy, policy.window.months, limits, items, untilMs, change));
}

/** Records a change of the held tier (its amount as the replay's integer). */
type Change = (at: number, from: number, to: number, reason: TierChangeReason, amount: bigint) => void;

function replayCalendar(
  policy: TierPolicy,
  thresholds: readonly bigint[],
  items: readonly Item[],
  untilMs: number,
  change: Change,
): { held: number; amount: bigint } {
  const tz = policy.timeZone;
  let held = -1;
  let ytd = 0n;
  if (items.length === 0) return { held, amount: ytd };
  const lastYear = zonedParts(untilMs, tz).year;
  let year = zonedParts((items[0] as Item).ms, tz).year;
  let i = 0;
  for (;;) {
    // Activities of `year`.
    let nextStart = yearStart(year + 1, tz);
    while (i < items.length && (items[i] as Item).ms < nextStart) {
      const it = items[i] as Item;
      ytd += it.amount;
      const q = qualifiedIndex(thresholds, ytd);
      if (q > held) {
        change(it.ms, held, q, "reached", ytd);
        held = q;
      }
      i++;
    }
    if (year >= lastYear) return { held, amount: ytd };
    // 1 January of the next year: the year just ended decides.
    const q = qualifiedIndex(thresholds, ytd);
    if (q < held) {
      const to = down(policy, held, q);
      change(nextStart, held, to, "review", ytd);
      held = to;
    }
    ytd = 0n;
    year++;
    // Nothing held and nothing bought: jump to the year of the next activity.
    if (held < 0 && i < items.length) {
      const nextYear = zonedParts((items[i] as Item).ms, tz).year;
      if (nextYear > year) year = Math.min(nextYear, lastYear);
      nextStart = yearStart(year + 1, tz);
    } else if (held < 0) return { held, amount: ytd };
  }
}

function replayRolling(
  policy: TierPolicy,
  months: number,
  thresholds: readonly bigint[],
  items: readonly Item[],
  untilMs: number,
  change: Change,
): { held: number; amount: bigint; graceUntil: number | undefined } {
  const tz = policy.timeZone;
  const graceDays = policy.retention?.type === "grace" ? policy.retention.days : 0;
  const exits = items
    .map((it) => ({ ms: monthsLater(it.ms, months, tz), amount: it.amount }))
    .sort((a, b) => a.ms - b.ms);
  let held = -1;
  let amount = 0n;
  let graceUntil: number | undefined;
  // Since when the amount has stayed below each tier's threshold (undefined while at or above it):
  // a tier's grace runs from when the amount fell below *its* threshold, so a drop through several
  // thresholds at once does not cut short the grace of the lower tiers.
  const belowSince: (number | undefined)[] = thresholds.map(() => undefined);
  const graceEnd = (k: number): number => daysLater(belowSince[k] as number, graceDays, tz);
  let i = 0;
  let j = 0;
  for (;;) {
    const t = Math.min(
      i < items.length ? (items[i] as Item).ms : Number.POSITIVE_INFINITY,
      j < exits.length ? (exits[j] as Item).ms : Number.POSITIVE_INFINITY,
      graceUntil ?? Number.POSITIVE_INFINITY,
    );
    if (!(t <= untilMs)) return { held, amount, graceUntil };
    while (i < items.length && (items[i] as Item).ms === t) amount += (items[i++] as Item).amount;
    while (j < exits.length && (exits[j] as Item).ms === t) amount -= (exits[j++] as Item).amount;
    thresholds.forEach((threshold, k) => {
      if (amount >= threshold) belowSince[k] = undefined;
      else if (belowSince[k] === undefined) belowSince[k] = t;
    });
    // Evaluate at t; a one-tier drop with no grace may step down several tiers at once.
    for (;;) {
      const q = qualifiedIndex(thresholds, amount);
      if (q > held) {
        change(t, held, q, "reached", amount);
        held = q;
        graceUntil = undefined;
        break;
      }
      if (q === held) {
        graceUntil = undefined;
        break;
      }
      if (graceUntil === undefined) graceUntil = graceEnd(held);
      if (graceUntil > t) break;
      let to = down(policy, held, q);
      // To the qualified tier: the highest tier below whose threshold the amount has not yet stayed for the grace days.
      if (policy.downgrade !== "one-tier") while (to < held - 1 && graceEnd(to + 1) > t) to += 1;
      change(t, held, to, graceDays === 0 ? "fell-below" : "grace-ended", amount);
      held = to;
      graceUntil = undefined;
      if (held === q) break;
    }
  }
}

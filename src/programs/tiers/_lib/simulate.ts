// The one tier engine: replays a member's qualifying history in time order and applies the policy's
// gain and loss rules. Every public tier function (tierStatus, tierProgress, tierBonusEntry) reads
// this replay, so the tier on a date is a pure function of the history up to that date.
import { addMonthsClamped, zonedParts, zonedTimeToInstant } from "../../../core/calendar.js";
import { Decimal } from "../../../money/money.js";
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
  /** When the grace period running at the end ends (rolling windows), else undefined. */
  readonly graceUntil: number | undefined;
  readonly changes: readonly RawChange[];
}

interface Item {
  readonly ms: number;
  readonly amount: Decimal;
}

const DAY_MS = 86_400_000;

export function sortedLevels(policy: TierPolicy): { levels: TierLevel[]; thresholds: Decimal[] } {
  const levels = [...policy.tiers].sort((a, b) => new Decimal(a.threshold).comparedTo(new Decimal(b.threshold)));
  return { levels, thresholds: levels.map((t) => new Decimal(t.threshold)) };
}

/** The highest tier whose threshold ≤ amount, -1 when below every threshold. */
export function qualifiedIndex(thresholds: readonly Decimal[], amount: Decimal): number {
  let q = -1;
  for (let i = 0; i < thresholds.length; i++) if ((thresholds[i] as Decimal).lte(amount)) q = i;
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
  const sorted = history
    .map((a) => ({ ms: Date.parse(a.at), amount: new Decimal(a.amount) }))
    .filter((a) => a.ms <= untilMs)
    .sort((a, b) => a.ms - b.ms);
  // Activities at one instant count together (a sale and its same-instant refund, two lines of one
  // visit): applied one by one, the amount a change reports would depend on the order they were given.
  const items: Item[] = [];
  for (const a of sorted) {
    const last = items.at(-1);
    if (last !== undefined && last.ms === a.ms)
      items[items.length - 1] = { ms: a.ms, amount: last.amount.plus(a.amount) };
    else items.push(a);
  }
  const changes: RawChange[] = [];
  const base = { levels, thresholds, changes };
  if (policy.window.type === "calendar-year") {
    const r = replayCalendar(policy, thresholds, items, untilMs, changes);
    return { ...base, ...r, graceUntil: undefined };
  }
  if (policy.window.type === "lifetime") {
    let held = -1;
    let amount = new Decimal(0);
    for (const it of items) {
      amount = amount.plus(it.amount);
      const q = qualifiedIndex(thresholds, amount);
      if (q > held) {
        changes.push({ at: it.ms, from: held, to: q, reason: "reached", amount });
        held = q;
      }
    }
    return { ...base, held, amount, graceUntil: undefined };
  }
  return { ...base, ...replayRolling(policy, policy.window.months, thresholds, items, untilMs, changes) };
}

function replayCalendar(
  policy: TierPolicy,
  thresholds: readonly Decimal[],
  items: readonly Item[],
  untilMs: number,
  changes: RawChange[],
): { held: number; amount: Decimal } {
  const tz = policy.timeZone;
  let held = -1;
  let ytd = new Decimal(0);
  if (items.length === 0) return { held, amount: ytd };
  const lastYear = zonedParts(untilMs, tz).year;
  let year = zonedParts((items[0] as Item).ms, tz).year;
  let i = 0;
  for (;;) {
    // Activities of `year`.
    let nextStart = yearStart(year + 1, tz);
    while (i < items.length && (items[i] as Item).ms < nextStart) {
      const it = items[i] as Item;
      ytd = ytd.plus(it.amount);
      const q = qualifiedIndex(thresholds, ytd);
      if (q > held) {
        changes.push({ at: it.ms, from: held, to: q, reason: "reached", amount: ytd });
        held = q;
      }
      i++;
    }
    if (year >= lastYear) return { held, amount: ytd };
    // 1 January of the next year: the year just ended decides.
    const q = qualifiedIndex(thresholds, ytd);
    if (q < held) {
      const to = down(policy, held, q);
      changes.push({ at: nextStart, from: held, to, reason: "review", amount: ytd });
      held = to;
    }
    ytd = new Decimal(0);
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
  thresholds: readonly Decimal[],
  items: readonly Item[],
  untilMs: number,
  changes: RawChange[],
): { held: number; amount: Decimal; graceUntil: number | undefined } {
  const tz = policy.timeZone;
  const graceDays = policy.retention?.type === "grace" ? policy.retention.days : 0;
  const exits = items
    .map((it) => ({ ms: monthsLater(it.ms, months, tz), amount: it.amount }))
    .sort((a, b) => a.ms - b.ms);
  let held = -1;
  let amount = new Decimal(0);
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
    while (i < items.length && (items[i] as Item).ms === t) amount = amount.plus((items[i++] as Item).amount);
    while (j < exits.length && (exits[j] as Item).ms === t) amount = amount.minus((exits[j++] as Item).amount);
    thresholds.forEach((threshold, k) => {
      if (amount.gte(threshold)) belowSince[k] = undefined;
      else if (belowSince[k] === undefined) belowSince[k] = t;
    });
    // Evaluate at t; a one-tier drop with no grace may step down several tiers at once.
    for (;;) {
      const q = qualifiedIndex(thresholds, amount);
      if (q > held) {
        changes.push({ at: t, from: held, to: q, reason: "reached", amount });
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
      changes.push({ at: t, from: held, to, reason: graceDays === 0 ? "fell-below" : "grace-ended", amount });
      held = to;
      graceUntil = undefined;
      if (held === q) break;
    }
  }
}

// The bounded program account: the window's sales and refunds as figures, and running totals for
// what has left it, read so that every figure equals what the whole history gives (accumulated spend
// in a window, points earned in a calendar period, whether a purchase is the first, refunded
// quantities).
//
// The rule that keeps it exact: a sale or refund leaves `sales`/`refunds` when it is more than
// `retainDays` older than the newest of them (the cutoff), and nothing may be posted before the
// cutoff (a late sale older than that is refused). So every question asked later is about an instant
// t ≥ cutoff, and everything that left happened before t: its part of a figure at t is a sum that
// does not depend on t beyond the period or window t falls in — kept per calendar period (day, ISO
// week, month, year) while a t ≥ cutoff can still fall in that period, per sale instant for rolling
// windows while a t ≥ cutoff can still have it inside the window, and as one lifetime sum.
import { dayNumber, daysInMonth, ZoneMemo, zonedParts, zonedTimeToInstant } from "../../core/calendar.js";
import { instantMs } from "../../core/instant.js";
import type { ProgramAccount, ProgramRefund, ProgramSale, ProgramTotals } from "../account.js";
import type { Program, SpendWindow } from "../program.js";
import { dec, sumD, ZERO, type D } from "./decimal.js";
import { decimalsIn, plainUnits, pow10, scaled } from "./minor.js";
import { boundTierLog } from "../tiers/_lib/tierLogBound.js";
import { withStoredForm } from "./storedAccount.js";

/**
 * The first instant that still counts in the window ending at `atMs` (exclusive lower bound for
 * rolling windows: a purchase exactly N months old has left the window).
 */
export function windowStart(window: SpendWindow, atMs: number, timeZone: string): { from: number; inclusive: boolean } {
  switch (window.type) {
    case "lifetime":
      return { from: Number.NEGATIVE_INFINITY, inclusive: true };
    case "calendar-year": {
      const p = zonedParts(atMs, timeZone);
      return { from: zonedTimeToInstant({ year: p.year, month: 1, day: 1 }, timeZone), inclusive: true };
    }
    case "rolling": {
      const p = zonedParts(atMs, timeZone);
      const monthIndex = p.month - 1 - window.months;
      const year = p.year + Math.floor(monthIndex / 12);
      const month = (((monthIndex % 12) + 12) % 12) + 1;
      const day = Math.min(p.day, daysInMonth(year, month));
      const from = zonedTimeToInstant(
        { year, month, day, hour: p.hour, minute: p.minute, second: p.second, millisecond: p.millisecond },
        timeZone,
      );
      return { from, inclusive: false };
    }
    default: {
      const never: never = window;
      return never;
    }
  }
}

// Period starts are asked for on every checkout that prunes: the cutoff's (a new local date at
// nearly every checkout of a regular customer) and each leaving sale's. A local midnight costs two to
// four Intl calls (zonedTimeToInstant), so midnights are memoised by (zone, date) with their ISO
// strings, and the period starts of a date by (zone, date): an instant's date is zonedParts's (one
// Intl call, itself memoised by instant), and a date seen before costs a lookup. A date is keyed by
// its day number (days since 1970-01-01, core's dayNumber: a small integer, the cheapest key for a
// Map), so the 1st of a month reached as day 1 or as day −2 of the next is one key. Both are bounded
// and hold only numbers and strings: nothing of an account.
/** A local midnight as an instant and as the ISO string `totals.periods` keys a period by. */
interface Midnight {
  readonly ms: number;
  readonly iso: string;
}
const midnights = new ZoneMemo<Midnight>(4096);

function midnight(timeZone: string, year: number, month: number, day: number): Midnight {
  const date = dayNumber(year, month, day);
  let m = midnights.get(timeZone, date);
  if (m === undefined) {
    const ms = zonedTimeToInstant({ year, month, day }, timeZone);
    m = { ms, iso: new Date(ms).toISOString() };
    midnights.set(timeZone, date, m);
  }
  return m;
}

/** The starts of the day, ISO week (from Monday), month and year of a date, in PERIODS order. */
type PeriodStarts = readonly Midnight[];
const startsOfDates = new ZoneMemo<PeriodStarts>(4096);

/** The starts of the day, ISO week, month and year containing `atMs`, in `timeZone` (in PERIODS order). */
export function periodStarts(atMs: number, timeZone: string): PeriodStarts {
  const d = zonedParts(atMs, timeZone);
  const date = dayNumber(d.year, d.month, d.day);
  let starts = startsOfDates.get(timeZone, date);
  if (starts === undefined) {
    starts = [
      midnight(timeZone, d.year, d.month, d.day),
      midnight(timeZone, d.year, d.month, d.day - ((d.weekday + 6) % 7)),
      midnight(timeZone, d.year, d.month, 1),
      midnight(timeZone, d.year, 1, 1),
    ];
    startsOfDates.set(timeZone, date, starts);
  }
  return starts;
}

function periodStart(atMs: number, period: Period, timeZone: string): number {
  return (periodStarts(atMs, timeZone)[PERIODS.indexOf(period)] as Midnight).ms;
}

export const DAY_MS = 86_400_000;
const PERIODS = ["day", "week", "month", "year"] as const;
type Period = (typeof PERIODS)[number];

function saleSpend(s: ProgramSale): D {
  return dec(s.spend);
}

function refundSum(r: ProgramRefund, field: "spendReversed" | "pointsReversed"): D {
  return sumD(r.lines.map((l) => dec(l[field])));
}

/** The first instant that may still be posted to: `retainDays` before the newest sale or refund. */
export function cutoffOf(account: ProgramAccount): number {
  const last = lastRecordAt(account);
  return last === Number.NEGATIVE_INFINITY ? last : last - account.retainDays * DAY_MS;
}

/**
 * Spend accumulated in the program's window at `atMs` (not before the cutoff): each purchase inside
 * the window counts with its `spend`, minus what refunds made up to `atMs` took back from it.
 * Purchases after `atMs` do not count. Programs without a window count the whole history.
 */
export function accumulatedSpendAt(program: Program, account: ProgramAccount, atMs: number): D {
  const window: SpendWindow = program.kind === "cumulative" ? program.window : { type: "lifetime" };
  const { from, inclusive } = windowStart(window, atMs, program.timeZone);
  const inside = (t: number): boolean => t <= atMs && t >= from && (inclusive || t !== from);
  const t = account.totals;
  let total: D;
  if (window.type === "lifetime") total = dec(t.spend);
  else if (window.type === "calendar-year") total = bucket(t, "year", from, 2);
  else total = sumD(t.spendLog.filter(([at]) => inside(instantMs(at))).map(([, v]) => dec(v)));
  for (const s of account.sales) if (inside(instantMs(s.at))) total = total.plus(saleSpend(s));
  for (const r of account.refunds)
    if (instantMs(r.at) <= atMs && inside(instantMs(r.originalAt))) total = total.minus(refundSum(r, "spendReversed"));
  return total;
}

function bucket(t: ProgramTotals, period: Period, fromMs: number, index: 2 | 3): D {
  const b = t.periods.find(([p, from]) => p === period && instantMs(from) === fromMs);
  return b === undefined ? ZERO : dec(b[index]);
}

/** Points earned by purchases (not welcome bonuses) in the calendar period containing `atMs`, net of refunds. */
export function earnedInPeriod(program: Program, account: ProgramAccount, atMs: number, period: Period): D {
  const from = periodStart(atMs, period, program.timeZone);
  const inside = (t: number): boolean => t >= from && t <= atMs;
  let total = bucket(account.totals, period, from, 3);
  for (const s of account.sales) if (inside(instantMs(s.at))) total = total.plus(s.pointsEarned);
  for (const r of account.refunds)
    if (instantMs(r.at) <= atMs && inside(instantMs(r.originalAt))) total = total.minus(refundSum(r, "pointsReversed"));
  return total;
}

/** True when every earlier purchase has been refunded in full (or there is none). */
export function isFirstPurchase(account: ProgramAccount): boolean {
  return account.totals.open === 0;
}

/** Quantity already refunded per line of a purchase (refunds in the window and those that left it). */
export function refundedQuantities(account: ProgramAccount, originalTransactionId: string): Map<string, D> {
  const out = new Map<string, D>();
  const old = account.totals.refunded.find(([id]) => id === originalTransactionId);
  if (old !== undefined) for (const [line, q] of old[1]) out.set(line, dec(q));
  for (const r of account.refunds) {
    if (r.originalTransactionId !== originalTransactionId) continue;
    for (const l of r.lines) out.set(l.id, (out.get(l.id) ?? ZERO).plus(dec(l.quantity)));
  }
  return out;
}

/** The instant of the account's latest checkout or refund (transactions must come in time order). */
export function lastRecordAt(account: ProgramAccount): number {
  const p = account.sales[account.sales.length - 1]?.at;
  const r = account.refunds[account.refunds.length - 1]?.at;
  return Math.max(
    p === undefined ? Number.NEGATIVE_INFINITY : instantMs(p),
    r === undefined ? Number.NEGATIVE_INFINITY : instantMs(r),
  );
}

// Pruning adds the figures of what leaves to the totals' as exact integers (minor.ts) rather than
// Decimals: a figure is read at the decimals it is written with, a sum is kept at the most decimals
// among its terms, and written back as totals store a figure, plain as Decimal#toFixed() writes it
// (plainUnits: no trailing zeros, no exponent, zero "0"); the refunded quantities per line likewise.
// The same strings as decimal.js's sums up to its 40 significant digits, past which these stay exact.
/** A figure as an exact integer count of 10^-scale. */
interface Units {
  readonly v: bigint;
  readonly scale: number;
}

function units(text: string): Units {
  const scale = decimalsIn(text);
  return { v: scaled(text, scale) as bigint, scale };
}

function plus(a: Units, b: Units): Units {
  if (a.scale === b.scale) return { v: a.v + b.v, scale: a.scale };
  return a.scale > b.scale
    ? { v: a.v + b.v * pow10(a.scale - b.scale), scale: a.scale }
    : { v: a.v * pow10(b.scale - a.scale) + b.v, scale: b.scale };
}

/** What a refund took back in a field, negated: what its leaving adds to the totals. */
function reversed(r: ProgramRefund, field: "spendReversed" | "pointsReversed"): Units {
  let sum: Units = { v: 0n, scale: 0 };
  for (const l of r.lines) sum = plus(sum, units(l[field]));
  return { v: -sum.v, scale: sum.scale };
}

function written(u: Units): string {
  return plainUnits(u.v, u.scale);
}

/** A row of `totals.periods` while pruning folds into it: its figures are read only when touched. */
interface PeriodRow {
  readonly row: ProgramTotals["periods"][number];
  readonly kind: number;
  sp?: Units;
  ea?: Units;
}

/** How many records at the front of `list` (kept in time order) are older than `cutoff`. */
function leavingCount(list: readonly { readonly at: string }[], cutoff: number): number {
  let n = 0;
  while (n < list.length && instantMs((list[n] as { readonly at: string }).at) < cutoff) n++;
  return n;
}

/**
 * The account with what is older than the cutoff moved out of `sales` and `refunds` into `totals`,
 * and the totals no instant from the cutoff on can ask about dropped.
 *
 * Its work depends on what leaves, not on what the account holds: `sales` and `refunds` are kept in
 * time order (parseProgramAccount checks it), so what leaves is a prefix, found by reading up to the
 * first record that stays; the totals are re-folded only in the parts the leaving records touch.
 */
export function pruned(program: Program, account: ProgramAccount): ProgramAccount {
  return withStoredForm(prunedFigures(program, account));
}

function prunedFigures(program: Program, account: ProgramAccount): ProgramAccount {
  const cutoff = cutoffOf(account);
  const nSales = leavingCount(account.sales, cutoff);
  const nRefunds = leavingCount(account.refunds, cutoff);
  if (nSales === 0 && nRefunds === 0) return account;
  const leaving = account.sales.slice(0, nSales);
  const leavingRefunds = account.refunds.slice(0, nRefunds);
  const rolling = program.kind === "cumulative" && program.window.type === "rolling" ? program.window : undefined;
  const tz = program.timeZone;
  // The start of the calendar period the cutoff is in, per kind: earlier periods can no longer be asked about.
  const threshold = periodStarts(cutoff, tz).map((m) => m.ms);
  let spend = units(account.totals.spend);
  // The periods still open at the cutoff (at most a few rows), read as figures only where a leaving
  // record adds to them.
  const periods: PeriodRow[] = account.totals.periods.map((row) => ({ row, kind: PERIODS.indexOf(row[0]) }));
  let created = false;
  // The rolling window's log is read and written only by programs that have one.
  const log: [string, Units][] = rolling === undefined ? [] : account.totals.spendLog.map(([at, v]) => [at, units(v)]);
  const add = (atMs: number, at: string, sp: Units, ea: Units, create: boolean): void => {
    spend = plus(spend, sp);
    const starts = periodStarts(atMs, tz);
    for (let kind = 0; kind < PERIODS.length; kind++) {
      if (atMs < (threshold[kind] as number)) continue; // its period ended before the cutoff's
      const from = (starts[kind] as Midnight).iso;
      const b = periods.find((x) => x.kind === kind && x.row[1] === from);
      if (b !== undefined) {
        b.sp = plus(b.sp ?? units(b.row[2]), sp);
        b.ea = plus(b.ea ?? units(b.row[3]), ea);
      } else if (create) {
        periods.push({ row: [PERIODS[kind] as Period, from, "0", "0"], kind, sp, ea });
        created = true;
      }
    }
    if (rolling === undefined) return;
    const i = log.findIndex(([x]) => x === at);
    if (i >= 0) (log[i] as [string, Units])[1] = plus((log[i] as [string, Units])[1], sp);
    else if (create) log.push([at, sp]);
  };
  for (const s of leaving) add(instantMs(s.at), s.at, units(s.spend), units(s.pointsEarned), true);
  for (const r of leavingRefunds)
    add(instantMs(r.originalAt), r.originalAt, reversed(r, "spendReversed"), reversed(r, "pointsReversed"), false);
  // Keep a period while an instant from the cutoff on can fall in it; a rolling window's sale while
  // the window at the cutoff (the earliest a question can be asked about) still holds it.
  const keptPeriods = periods
    .filter((x) => instantMs(x.row[1]) >= (threshold[x.kind] as number))
    .map((x): ProgramTotals["periods"][number] =>
      x.sp === undefined && x.ea === undefined
        ? x.row
        : [x.row[0], x.row[1], written(x.sp ?? units(x.row[2])), written(x.ea ?? units(x.row[3]))],
    );
  if (created)
    keptPeriods.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : PERIODS.indexOf(a[0]) - PERIODS.indexOf(b[0])));
  let spendLog = account.totals.spendLog;
  if (rolling !== undefined) {
    const { from, inclusive } = windowStart(rolling, cutoff, tz);
    spendLog = log
      .filter(([at]) => instantMs(at) > from || (inclusive && instantMs(at) === from))
      .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([at, v]) => [at, written(v)]);
  }
  // Only the rows a tier question from the cutoff on can still depend on (see boundTierLog).
  const tierLog =
    program.kind === "bonus" && program.tiers !== undefined
      ? boundTierLog(
          program.tiers,
          [
            ...(account.totals.tierLog ?? []),
            ...leaving.map((x): [string, string, string] => [x.at, written(units(x.spend)), x.pointsEarned]),
            ...leavingRefunds.map((r): [string, string, string] => [
              r.at,
              written(reversed(r, "spendReversed")),
              written(reversed(r, "pointsReversed")),
            ]),
          ],
          cutoff - 1,
        )
      : undefined;
  const totals: ProgramTotals = {
    ...(tierLog === undefined ? {} : { tierLog }),
    open: account.totals.open,
    spend: written(spend),
    periods: keptPeriods,
    spendLog,
    refunded: nRefunds === 0 ? account.totals.refunded : withRefunded(account.totals.refunded, leavingRefunds),
  };
  return {
    ...account,
    sales: nSales === 0 ? account.sales : account.sales.slice(nSales),
    refunds: nRefunds === 0 ? account.refunds : account.refunds.slice(nRefunds),
    totals,
  };
}

/** `refunded` with the quantities of the leaving refunds added (per sale, per line; sorted by sale), as exact integers like the other totals. */
function withRefunded(
  refunded: ProgramTotals["refunded"],
  leaving: readonly ProgramRefund[],
): ProgramTotals["refunded"] {
  const out = new Map<string, Map<string, Units>>();
  for (const [id, lines] of refunded) out.set(id, new Map(lines.map(([l, q]) => [l, units(q)])));
  for (const r of leaving) {
    const lines = out.get(r.originalTransactionId) ?? new Map<string, Units>();
    for (const l of r.lines) {
      const had = lines.get(l.id);
      lines.set(l.id, had === undefined ? units(l.quantity) : plus(had, units(l.quantity)));
    }
    out.set(r.originalTransactionId, lines);
  }
  return [...out.entries()]
    .map(([id, lines]): [string, [string, string][]] => [id, [...lines.entries()].map(([l, q]) => [l, written(q)])])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * A fingerprint of a request's canonical JSON: two independent 53-bit string hashes (the public
 * domain cyrb53 of bryc, seeds 0 and 1), 28 hex digits. It tells a retry (the same request) from a
 * conflicting reuse of a transactionId; it is not a cryptographic hash.
 */
export function digestOf(text: string): string {
  const part = (seed: number): string => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
    h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
    h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  };
  return part(0) + part(1);
}

/** Canonical JSON: keys sorted, so equal requests give equal strings whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, o[k]]),
      );
    }
    return v;
  });
}

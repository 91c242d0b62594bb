// Calendar arithmetic: date-fns for the proleptic Gregorian calendar (months with month-end clamping,
// days in a month, week starts), and time zones through the platform's Intl, which is smaller and
// faster than a zone library. Internal: not re-exported from the package root.
import { addMonths, getDaysInMonth, startOfWeek } from "date-fns";
import { LoyaltyValidationError } from "../errors/errors.js";
import { utcMillis } from "./instant.js";

/** Wall-clock fields of an instant in a time zone. `month` is 1..12, `weekday` 0 (Sunday)..6. */
export interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The en-US formatter of a zone that zonedParts reads (made once per zone). */
export function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the runtime knows the IANA time zone name. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a validation error naming `path` when the time zone is unknown. */
export function assertTimeZone(timeZone: string, path: readonly (string | number)[] = ["timeZone"]): void {
  if (!isTimeZone(timeZone))
    throw new LoyaltyValidationError([
      { path, message: `expected an IANA time zone such as "Europe/Berlin", got ${JSON.stringify(timeZone)}` },
    ]);
}

const DAY_MS = 86_400_000;

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/**
 * A bounded memo of values per (time zone, number): the calendar's answers are asked again and again
 * for the same instants and dates, and each costs Intl calls. Keyed by numbers (an instant, a date's
 * UTC midnight) under the zone's name rather than by a composed string, so a lookup builds no key.
 * A zone's map is emptied when it reaches `perZone` entries, and all of them when `zones` zone names
 * (spellings such as "europe/berlin" included) are kept.
 */
export class ZoneMemo<V> {
  private readonly byZone = new Map<string, Map<number, V>>();
  constructor(
    private readonly perZone: number,
    private readonly zones = 32,
  ) {}

  get(timeZone: string, key: number): V | undefined {
    return this.byZone.get(timeZone)?.get(key);
  }

  set(timeZone: string, key: number, value: V): void {
    let zone = this.byZone.get(timeZone);
    if (zone === undefined) {
      if (this.byZone.size >= this.zones) this.byZone.clear();
      zone = new Map();
      this.byZone.set(timeZone, zone);
    } else if (zone.size >= this.perZone) zone.clear();
    zone.set(key, value);
  }
}

// Recently computed wall-clock fields per time zone and instant. Intl's formatting is the costly
// step, and the same instants come back again and again (window starts of a customer's purchases are
// recomputed at every checkout).
const partsCache = new ZoneMemo<ZonedParts>(2048);

/** Wall-clock fields of `ms` (epoch milliseconds) in `timeZone` (a frozen object, shared between calls). */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const hit = partsCache.get(timeZone, ms);
  if (hit !== undefined) return hit;
  const computed = Object.freeze(computeZonedParts(ms, timeZone));
  partsCache.set(timeZone, ms, computed);
  return computed;
}

// The formatter's string ("Wed, 9/15/2055, 09:00:00": en-US, these options) holds the same fields as
// formatToParts, which costs about three times as much (it allocates an object per part): the fields
// are read from the string by position. A runtime whose locale data writes en-US otherwise is read
// through formatToParts.
const EN_US = /^([A-Z][a-z]{2}), (\d+)\/(\d+)\/(\d+), (\d{2}):(\d{2}):(\d{2})$/;

function wallFields(ms: number, timeZone: string): Record<string, string | undefined> {
  const f = formatterFor(timeZone);
  const m = EN_US.exec(f.format(new Date(ms)));
  if (m !== null) return { weekday: m[1], month: m[2], day: m[3], year: m[4], hour: m[5], minute: m[6], second: m[7] };
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(new Date(ms))) parts[p.type] = p.value;
  return parts;
}

function computeZonedParts(ms: number, timeZone: string): ZonedParts {
  const parts = wallFields(ms, timeZone);
  const month = Number(parts["month"]);
  let year = Number(parts["year"]);
  // Intl writes the year 0000 (1 BC) as "1" without an era: a local date before 0001-01-01 is year 0.
  const year1 = utcMillis(1, 0, 1);
  if (year === 1 && ms < year1 + 2 * DAY_MS && (month === 12 || ms < year1 - 2 * DAY_MS)) year = 0;
  return {
    year,
    month,
    day: Number(parts["day"]),
    hour: Number(parts["hour"]),
    minute: Number(parts["minute"]),
    second: Number(parts["second"]),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[parts["weekday"] ?? ""] ?? 0,
  };
}

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds (positive east of Greenwich). */
export function zoneOffset(ms: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const asUtc = utcMillis(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  return asUtc - ms;
}

/**
 * The instant at which the wall clock in `timeZone` shows the given fields (`month` 1..12).
 * Fields overflow like Date.UTC (month 13 is January of the next year). Like Temporal's
 * "compatible" disambiguation: a wall time in a DST gap is read with the offset before the gap
 * (02:30 on a spring-forward night becomes 03:30); in an overlap, the earlier instant is taken.
 */
export function zonedTimeToInstant(
  fields: {
    year: number;
    month: number;
    day: number;
    hour?: number;
    minute?: number;
    second?: number;
    millisecond?: number;
  },
  timeZone: string,
): number {
  const wall = utcMillis(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour ?? 0,
    fields.minute ?? 0,
    fields.second ?? 0,
    fields.millisecond ?? 0,
  );
  // Offsets a day before and after: time zones change offset at most once within a day either side.
  const before = zoneOffset(wall - 86_400_000, timeZone);
  const after = zoneOffset(wall + 86_400_000, timeZone);
  // The same offset a day before and after (the usual case): both readings below are this instant,
  // whichever fits, so checking them (an Intl call) would not change the answer.
  if (before === after) return wall - before;
  const withBefore = wall - before;
  const withAfter = wall - after;
  const beforeFits = zoneOffset(withBefore, timeZone) === before;
  const afterFits = zoneOffset(withAfter, timeZone) === after;
  if (beforeFits && afterFits) return Math.min(withBefore, withAfter);
  if (afterFits) return withAfter;
  return withBefore;
}

// date-fns works on Date objects in the runtime's local zone; these helpers give it UTC calendar
// fields shifted into a Date that carries the same fields locally, then read them back, so the result
// does not depend on the machine's TZ.
function localFromUtcFields(year: number, month: number, day: number): Date {
  const d = new Date(2000, 0, 1);
  d.setFullYear(year, month - 1, day);
  return d;
}

/**
 * Days from 1970-01-01 to the calendar date `year-month-day` of the proleptic Gregorian calendar
 * (`month` 1..12; fields overflow as in Date.UTC, so day 0 is the last day of the month before).
 */
export function dayNumber(year: number, month: number, day: number): number {
  return utcMillis(year, month - 1, day) / DAY_MS;
}

/** Days in a month of the proleptic Gregorian calendar (`month` 1..12). */
export function daysInMonth(year: number, month: number): number {
  return getDaysInMonth(localFromUtcFields(year, month, 1));
}

/**
 * The calendar date `months` months after `year-month-day`, clamped to the month's end (31 January
 * + 1 month is 28 or 29 February), as date-fns `addMonths` does. `month` is 1..12.
 */
export function addMonthsClamped(
  date: { year: number; month: number; day: number },
  months: number,
): { year: number; month: number; day: number } {
  const d = addMonths(localFromUtcFields(date.year, date.month, date.day), months);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/**
 * The first day of the week holding `year-month-day`, weeks starting on `weekStartsOn`
 * (0 Sunday … 6 Saturday; ISO 8601 weeks start on Monday, 1).
 */
export function weekStart(
  date: { year: number; month: number; day: number },
  weekStartsOn: 0 | 1 | 2 | 3 | 4 | 5 | 6 = 1,
): { year: number; month: number; day: number } {
  const d = startOfWeek(localFromUtcFields(date.year, date.month, date.day), { weekStartsOn });
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/**
 * The last millisecond of the same day `months` months after `ms`, in `timeZone`, clamped to the
 * month's end: points earned on 31 January with a one-month expiry expire at the end of 28/29 February.
 */
export function endOfDayMonthsLater(ms: number, months: number, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const { year, month, day } = addMonthsClamped(p, months);
  const nextDayStart = zonedTimeToInstant({ year, month, day: day + 1 }, timeZone);
  return nextDayStart - 1;
}

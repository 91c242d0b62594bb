import { dayNumber, weekStart, zonedParts } from "../../../core/calendar.js";
import { parseInstant, previewValue } from "../../../core/instant.js";
import { LoyaltyValidationError } from "../../../errors/errors.js";
import type { EarnRequest } from "../../tiers/_lib/earnRequest.js";

/**
 * Why an event earned points or not.
 *
 * @example
 * ```ts
 * import type { EventDecisionReason } from "loyalty-kit";
 * const r: EventDecisionReason = "cap-reached";
 * console.log(r);
 * ```
 * @category programs
 */
export type EventDecisionReason =
  | "granted"
  | "no-rule"
  | "not-today"
  | "no-birth-date"
  | "no-enrollment-date"
  | "no-personal-data-consent"
  | "unknown-event"
  | "duplicate"
  | "cap-reached";

/**
 * The answer of birthdayBonus, anniversaryBonus and eventBonus: the earn request to post, or why there is none.
 *
 * @example
 * ```ts
 * import { eventBonus, type EventDecision } from "loyalty-kit";
 * const d: EventDecision = eventBonus({ timeZone: "UTC", events: [{ id: "app", name: "App installed", points: "100" }] }, { id: "e1", type: "app", at: "2026-01-01T00:00:00Z" }, { earlier: [] });
 * console.log(d.granted, d.entry?.points); // true 100
 * ```
 * @category programs
 */
export interface EventDecision {
  /** True when `entry` holds points to post. */
  readonly granted: boolean;
  readonly reason: EventDecisionReason;
  /** The ledger earn request; its transactionId makes a second post a duplicate. `null` unless granted. */
  readonly entry: EarnRequest | null;
  /** The decision in a sentence. */
  readonly explanation: string;
}

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isoDate(d: CivilDate): string {
  return `${String(d.year).padStart(4, "0")}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** The day a yearly occasion on `month-day` falls on in `year`: 29 February moves to 28 February or 1 March in common years. */
export function occasionIn(year: number, month: number, day: number, feb29: "feb-28" | "mar-1"): CivilDate {
  if (month === 2 && day === 29 && !isLeap(year))
    return feb29 === "mar-1" ? { year, month: 3, day: 1 } : { year, month: 2, day: 28 };
  return { year, month, day };
}

/**
 * The year whose occasion covers `today` (the occasion's day and the `validDays − 1` days after it),
 * or undefined; `fromYear` is the first year that counts.
 */
export function occasionYearCovering(
  today: CivilDate,
  month: number,
  day: number,
  feb29: "feb-28" | "mar-1",
  validDays: number,
  fromYear: number,
): number | undefined {
  const t = dayNumber(today.year, today.month, today.day);
  for (const year of [today.year, today.year - 1]) {
    if (year < fromYear) continue;
    const o = occasionIn(year, month, day, feb29);
    const start = dayNumber(o.year, o.month, o.day);
    if (t >= start && t < start + validDays) return year;
  }
  return undefined;
}

/** The next day an occasion falls on, on or after `today`. */
export function nextOccasion(
  today: CivilDate,
  month: number,
  day: number,
  feb29: "feb-28" | "mar-1",
  fromYear: number,
): CivilDate {
  for (let year = Math.max(today.year, fromYear); ; year++) {
    const d = occasionIn(year, month, day, feb29);
    if (dayNumber(d.year, d.month, d.day) >= dayNumber(today.year, today.month, today.day)) return d;
  }
}

export function todayIn(atMs: number, timeZone: string): CivilDate {
  const p = zonedParts(atMs, timeZone);
  return { year: p.year, month: p.month, day: p.day };
}

/** A key naming the calendar period holding `atMs` in the zone; equal keys, same period. */
export function periodKey(
  atMs: number,
  period: "day" | "week" | "month" | "year" | "lifetime",
  timeZone: string,
): string {
  if (period === "lifetime") return "lifetime";
  const d = todayIn(atMs, timeZone);
  if (period === "day") return isoDate(d);
  if (period === "week") return isoDate(weekStart(d, 1));
  if (period === "month") return isoDate({ ...d, day: 1 });
  return String(d.year);
}

export function requireAt(options: unknown): number {
  if (typeof options !== "object" || options === null || !("at" in options))
    throw new LoyaltyValidationError([
      {
        path: ["options", "at"],
        message: `expected options { at } with the instant the points are granted at, got ${options === null || typeof options !== "object" ? previewValue(options) : "no at"}`,
      },
    ]);
  return parseInstant((options as { at: unknown }).at, ["options", "at"]);
}

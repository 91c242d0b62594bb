// Calendar periods on the wall clock of a time zone: how many days, weeks, months, quarters or years
// lie between two instants, counting whole periods from `from` and a fraction of the last one.
import { daysInMonth, zonedParts, zonedTimeToInstant } from "../../_lib/time.js";

/** A calendar period unit. */
export type PeriodUnit = "day" | "week" | "month" | "quarter" | "year";

const STEP: Record<PeriodUnit, { months: number; days: number; approxMs: number }> = {
  day: { months: 0, days: 1, approxMs: 86_400_000 },
  week: { months: 0, days: 7, approxMs: 7 * 86_400_000 },
  month: { months: 1, days: 0, approxMs: 30.436875 * 86_400_000 },
  quarter: { months: 3, days: 0, approxMs: 91.310625 * 86_400_000 },
  year: { months: 12, days: 0, approxMs: 365.2425 * 86_400_000 },
};

/**
 * Periods from `from` to `to` (epoch ms, from < to): the number k of whole periods such that
 * from + k periods ≤ to, plus the elapsed fraction of period k + 1. "from + k months" keeps the
 * wall-clock time and clamps the day to the month's end (31 January + 1 month = 28/29 February).
 */
export function periodsBetween(from: number, to: number, unit: PeriodUnit, timeZone: string): number {
  const step = STEP[unit];
  const p = zonedParts(from, timeZone);
  const add = (k: number): number => {
    if (step.months === 0) {
      return zonedTimeToInstant({ ...p, day: p.day + k * step.days }, timeZone);
    }
    const index = p.year * 12 + (p.month - 1) + k * step.months;
    const year = Math.floor(index / 12);
    const month = index - year * 12 + 1;
    return zonedTimeToInstant({ ...p, year, month, day: Math.min(p.day, daysInMonth(year, month)) }, timeZone);
  };
  let k = Math.max(0, Math.floor((to - from) / step.approxMs));
  while (k > 0 && add(k) > to) k--;
  while (add(k + 1) <= to) k++;
  const start = add(k);
  return k + (to - start) / (add(k + 1) - start);
}

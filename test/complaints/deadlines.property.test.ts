// Business-hours deadlines against a slow reference that walks the calendar in 15-minute slots,
// reading each slot's wall clock in the zone with Intl (independent of the implementation's
// day-by-day arithmetic). Starts and durations are on the quarter hour so the slots line up.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deadlines, openComplaint, type SlaPolicyInput } from "../../src/index.js";

const QUARTER = 15 * 60_000;
const zones = ["Europe/Berlin", "America/New_York", "Asia/Jakarta", "Australia/Sydney"] as const;
const holidays = ["2026-03-30", "2026-04-03", "2026-04-06", "2026-10-26", "2026-11-02"];

const formats = new Map<string, Intl.DateTimeFormat>();
function wall(ms: number, timeZone: string): { date: string; weekday: number; minutes: number } {
  let f = formats.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formats.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  const weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts["weekday"] ?? "");
  return {
    date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`,
    weekday,
    minutes: Number(parts["hour"]) * 60 + Number(parts["minute"]),
  };
}

/** The end of the slot in which the `quarters`-th business quarter-hour after `start` ends. */
function reference(
  start: number,
  quarters: number,
  timeZone: string,
  days: number[],
  open: number,
  close: number,
): number {
  let t = start;
  let left = quarters;
  for (;;) {
    const w = wall(t, timeZone);
    if (days.includes(w.weekday) && !holidays.includes(w.date) && w.minutes >= open && w.minutes < close) left--;
    t += QUARTER;
    if (left === 0) return t;
  }
}

describe("deadlines in business hours", () => {
  it("match a quarter-hour walk of the wall clock, across DST changes and holidays", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // Quarter hours from 1 Mar to 30 Nov 2026: both DST changes in the north, both in the south.
        fc
          .integer({ min: Date.UTC(2026, 2, 1) / QUARTER, max: Date.UTC(2026, 10, 30) / QUARTER })
          .map((q) => q * QUARTER),
        fc.integer({ min: 1, max: 48 }), // 15 min … 12 h
        fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 24 }),
        (timeZone, start, quarters, days, openHour, span) => {
          const open = openHour * 60;
          const close = Math.min(24, openHour + span) * 60;
          const hours = quarters / 4;
          const t = { acknowledgeHours: hours, agreePlanHours: hours, resolveHours: hours };
          const policy: SlaPolicyInput = {
            timeZone,
            businessHours: {
              days,
              start: `${String(openHour).padStart(2, "0")}:00`,
              end: close === 1440 ? "24:00" : `${String(close / 60).padStart(2, "0")}:00`,
            },
            holidays,
            targets: { low: t, normal: t, high: t, urgent: t },
          };
          const c = openComplaint({
            id: "c",
            customerId: "k",
            channel: "web",
            cause: "other",
            description: "d",
            at: new Date(start),
          });
          expect(Date.parse(deadlines(c, policy).acknowledge)).toBe(
            reference(start, quarters, timeZone, days, open, close),
          );
        },
      ),
    );
  });
});

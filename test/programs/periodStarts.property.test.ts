// The memoised period starts used for calendar periods (pruning, capped earning) are, for any
// instant, the first instants of its local day, ISO week (Monday), month and year as the platform
// reads them (Intl, through zonedParts): the start has that date and the millisecond before it an
// earlier one. In zones whose clocks change at midnight (America/Santiago and America/Havana move
// their clocks at 00:00; Europe/Berlin at 02:00/03:00, per the IANA time zone database) and in a zone
// without DST, asked in any order so the memo is hit.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { zonedParts } from "../../src/core/calendar.js";
import { periodStarts } from "../../src/programs/_lib/records.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const zones = ["America/Santiago", "America/Havana", "Europe/Berlin", "Asia/Tokyo"];
const HOUR = 3_600_000;

/** The local date of `ms` in `zone`, as y-m-d in the proleptic Gregorian calendar (UTC arithmetic). */
const dateOf = (ms: number, zone: string): string => {
  const p = zonedParts(ms, zone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day)).toISOString().slice(0, 10);
};

/** The dates the periods of `ms` start on: its day, the Monday on or before it, the 1st of its month and of its year. */
const startDates = (ms: number, zone: string): string[] => {
  const p = zonedParts(ms, zone);
  const utc = (m: number, d: number) => new Date(Date.UTC(p.year, m - 1, d)).toISOString().slice(0, 10);
  return [utc(p.month, p.day), utc(p.month, p.day - ((p.weekday + 6) % 7)), utc(p.month, 1), utc(1, 1)];
};

const expectStarts = (ms: number, zone: string): void => {
  const starts = periodStarts(ms, zone);
  expect(starts.map((s) => dateOf(s.ms, zone))).toEqual(startDates(ms, zone));
  for (const s of starts) expect(dateOf(s.ms - 1, zone) < dateOf(s.ms, zone)).toBe(true);
  expect(starts[0]?.ms).toBeLessThanOrEqual(ms);
  expect(starts.map((s) => s.iso)).toEqual(starts.map((s) => new Date(s.ms).toISOString()));
};

test.prop(
  [
    fc.constantFrom(...zones),
    // around 2024–2027, and instants within a few hours of each other (the same or adjacent days)
    fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") }),
    fc.array(fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), { minLength: 1, maxLength: 12 }),
  ],
  runs,
)(
  "the memoised period starts are the first instants of the instant's day, week, month and year",
  (zone, base, offsets) => {
    for (const off of offsets) expectStarts(base + off, zone);
  },
);

test("at Santiago's September 2026 clock change (00:00 becomes 01:00), both sides of midnight", () => {
  // 2026-09-06 00:00 local does not exist in America/Santiago (UTC−4 → UTC−3): 03:59:59Z is still
  // 5 September, 04:00Z is 01:00 on 6 September, the first instant of that day.
  for (const at of ["2026-09-06T03:59:59.999Z", "2026-09-06T04:00:00Z", "2026-09-06T03:00:00Z"])
    expectStarts(Date.parse(at), "America/Santiago");
  expect(periodStarts(Date.parse("2026-09-06T04:00:00Z"), "America/Santiago")[0]?.iso).toBe("2026-09-06T04:00:00.000Z");
  expect(periodStarts(Date.parse("2026-09-06T03:59:59.999Z"), "America/Santiago")[0]?.iso).toBe(
    "2026-09-05T04:00:00.000Z",
  );
});

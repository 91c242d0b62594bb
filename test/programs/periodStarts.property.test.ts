// The memoised local date used for calendar periods (pruning, capped earning) equals the platform's
// own reading (Intl, through zonedParts) for any instant, in zones whose clocks change at midnight
// (America/Santiago and America/Havana move their clocks at 00:00; Europe/Berlin at 02:00/03:00, per
// the IANA time zone database) and in a zone without DST, asked in any order so the memo is hit.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { zonedParts } from "../../src/core/calendar.js";
import { localDate } from "../../src/programs/_lib/records.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const zones = ["America/Santiago", "America/Havana", "Europe/Berlin", "Asia/Tokyo"];
const HOUR = 3_600_000;

test.prop(
  [
    fc.constantFrom(...zones),
    // around 2024–2027, and instants within a few hours of each other (the same or adjacent days)
    fc.integer({ min: Date.parse("2024-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") }),
    fc.array(fc.integer({ min: -30 * HOUR, max: 30 * HOUR }), { minLength: 1, maxLength: 12 }),
  ],
  runs,
)("the memoised local date is the platform's", (zone, base, offsets) => {
  for (const off of offsets) {
    const ms = base + off;
    const p = zonedParts(ms, zone);
    const d = localDate(ms, zone);
    expect([d.year, d.month, d.day, d.weekday]).toEqual([p.year, p.month, p.day, p.weekday]);
  }
});

test("at Santiago's September 2026 clock change (00:00 becomes 01:00), both sides of midnight", () => {
  // 2026-09-06 00:00 local does not exist in America/Santiago (UTC−4 → UTC−3): 03:59:59Z is still
  // 5 September, 04:00Z is 01:00 on 6 September.
  for (const at of ["2026-09-06T03:59:59.999Z", "2026-09-06T04:00:00Z", "2026-09-06T03:00:00Z"]) {
    const ms = Date.parse(at);
    const p = zonedParts(ms, "America/Santiago");
    expect(localDate(ms, "America/Santiago")).toMatchObject({ year: p.year, month: p.month, day: p.day });
  }
  expect(localDate(Date.parse("2026-09-06T04:00:00Z"), "America/Santiago").day).toBe(6);
  expect(localDate(Date.parse("2026-09-06T03:59:59.999Z"), "America/Santiago").day).toBe(5);
});

// zonedTimeToInstant reads a wall time that the zone's clocks show as the earliest instant showing it
// (an overlap's earlier one), whether or not the offset changes within a day of it: for any instant
// from 1970 to 2037 in zones with DST at 02:00, at midnight (America/Santiago, America/Havana), of 30
// minutes (Australia/Lord_Howe), with half and quarter hours, and without DST.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { zoneOffset, zonedParts, zonedTimeToInstant } from "../../src/core/calendar.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const zones = [
  "UTC",
  "Europe/Berlin",
  "America/New_York",
  "America/Santiago",
  "America/Havana",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kathmandu",
  "Asia/Tokyo",
];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const wallOf = (ms: number, timeZone: string) => {
  const { weekday: _, ...fields } = zonedParts(ms, timeZone);
  return fields;
};

test.prop(
  [
    fc.integer({ min: Date.parse("1970-01-02T00:00:00Z"), max: Date.parse("2037-12-31T00:00:00Z") }),
    fc.constantFrom(...zones),
  ],
  runs,
)("a wall time the clocks show is read as the earliest instant showing it", (ms, timeZone) => {
  const wall = wallOf(ms, timeZone);
  const at = zonedTimeToInstant(wall, timeZone);
  expect(wallOf(at, timeZone)).toEqual(wall);
  expect(at).toBeLessThanOrEqual(ms);
  // No earlier instant shows it: the other reading of an overlap is 30 or 60 minutes earlier.
  for (const overlap of [30 * MINUTE, 60 * MINUTE]) expect(wallOf(at - overlap, timeZone)).not.toEqual(wall);
});

/** The first instant of the zone's first offset change in `year` (by halving the half-day it falls in), if any. */
const firstChange = (year: number, timeZone: string): number | undefined => {
  let lo = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const offset = zoneOffset(lo, timeZone);
  for (let hi = lo + 12 * HOUR; hi <= end; lo = hi, hi += 12 * HOUR) {
    if (zoneOffset(hi, timeZone) === offset) continue;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zoneOffset(mid, timeZone) === offset) lo = mid;
      else hi = mid;
    }
    return hi;
  }
  return undefined;
};

test.prop(
  [
    fc.integer({ min: 1990, max: 2037 }),
    fc.constantFrom("Europe/Berlin", "America/Santiago", "America/Havana", "Australia/Lord_Howe"),
    fc.integer({ min: -150, max: 150 }),
  ],
  { numRuns: Math.ceil(runs.numRuns / 10) },
)(
  "around a change of offset, a wall time shown is read as its earliest instant, one skipped with the offset before",
  (year, timeZone, minutes) => {
    const change = firstChange(year, timeZone);
    fc.pre(change !== undefined); // a year the zone kept one offset throughout (Santiago 2015, for one)
    const ms = (change as number) + minutes * MINUTE;
    const wall = wallOf(ms, timeZone);
    const at = zonedTimeToInstant(wall, timeZone);
    expect(wallOf(at, timeZone)).toEqual(wall);
    expect(at).toBeLessThanOrEqual(ms);
    for (const overlap of [30 * MINUTE, 60 * MINUTE]) expect(wallOf(at - overlap, timeZone)).not.toEqual(wall);
    // When the clocks moved forward, the wall times they skipped (from the last one shown before the
    // change, on) are read with the offset before the change.
    const before = zoneOffset((change as number) - 1, timeZone);
    const gap = zoneOffset(change as number, timeZone) - before;
    if (gap > 0) {
      const skipped = new Date((change as number) + before + gap / 2); // its UTC fields: a wall time never shown
      const fields = {
        year: skipped.getUTCFullYear(),
        month: skipped.getUTCMonth() + 1,
        day: skipped.getUTCDate(),
        hour: skipped.getUTCHours(),
        minute: skipped.getUTCMinutes(),
      };
      expect(zonedTimeToInstant(fields, timeZone)).toBe(skipped.getTime() - before);
    }
  },
);

// zonedParts reads the wall-clock fields from the formatter's string (its en-US pattern, by position)
// rather than from formatToParts: the two readings agree for any instant from 0000 to 9999 in zones
// with odd offsets (seconds of local mean time, half and quarter hours, DST of 30 minutes, across
// the date line) as well as ordinary ones.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { formatterFor, zonedParts } from "../../src/core/calendar.js";
import { MAX_INSTANT_MS, MIN_INSTANT_MS } from "../../src/core/instant.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const zones = [
  "UTC",
  "Europe/Berlin",
  "Europe/Amsterdam",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Pacific/Chatham",
  "Australia/Lord_Howe",
  "America/Santiago",
  "Pacific/Kiritimati",
  "Etc/GMT+12",
];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

test.prop([fc.integer({ min: MIN_INSTANT_MS, max: MAX_INSTANT_MS }), fc.constantFrom(...zones)], runs)(
  "zonedParts gives the fields formatToParts gives",
  (ms, timeZone) => {
    // The same formatter zonedParts reads (made once per zone), read the other way: formatToParts.
    const parts = Object.fromEntries(
      formatterFor(timeZone)
        .formatToParts(new Date(ms))
        .map((p) => [p.type, p.value]),
    );
    const p = zonedParts(ms, timeZone);
    const got = { ...p, year: parts["year"] === "1" ? 1 : p.year }; // Intl writes 1 BC (year 0) as "1"
    expect(got).toEqual({
      year: Number(parts["year"]),
      month: Number(parts["month"]),
      day: Number(parts["day"]),
      hour: Number(parts["hour"]),
      minute: Number(parts["minute"]),
      second: Number(parts["second"]),
      millisecond: ((ms % 1000) + 1000) % 1000,
      weekday: WEEKDAYS.indexOf(parts["weekday"] ?? ""),
    });
  },
);

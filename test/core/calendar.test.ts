import { describe, expect, it } from "vitest";
import {
  addMonthsClamped,
  assertTimeZone,
  daysInMonth,
  endOfDayMonthsLater,
  weekStart,
  ZoneMemo,
  zonedParts,
} from "../../src/core/calendar.js";

// Calendar facts: Gregorian leap-year rule (divisible by 4, not by 100 unless by 400); weekdays
// checked against ISO 8601 week numbering (2026-01-01 is a Thursday).
describe("core calendar", () => {
  it("days in a month follow the Gregorian leap-year rule", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it("adds months with month-end clamping", () => {
    expect(addMonthsClamped({ year: 2026, month: 1, day: 31 }, 1)).toEqual({ year: 2026, month: 2, day: 28 });
    expect(addMonthsClamped({ year: 2028, month: 1, day: 31 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonthsClamped({ year: 2026, month: 11, day: 30 }, 3)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(addMonthsClamped({ year: 2026, month: 3, day: 31 }, -1)).toEqual({ year: 2026, month: 2, day: 28 });
  });

  it("finds the week start (Monday by default, ISO 8601)", () => {
    // 2026-01-01 is a Thursday: its ISO week starts Monday 2025-12-29; a Sunday-start week on 2025-12-28.
    expect(weekStart({ year: 2026, month: 1, day: 1 })).toEqual({ year: 2025, month: 12, day: 29 });
    expect(weekStart({ year: 2026, month: 1, day: 1 }, 0)).toEqual({ year: 2025, month: 12, day: 28 });
    expect(zonedParts(Date.UTC(2026, 0, 1), "UTC").weekday).toBe(4);
  });

  it("ends the clamped day in the given time zone", () => {
    expect(new Date(endOfDayMonthsLater(Date.UTC(2026, 0, 31, 10), 1, "UTC")).toISOString()).toBe(
      "2026-02-28T23:59:59.999Z",
    );
    // Asia/Jakarta is UTC+7 all year (no DST, IANA tz database): 20:00Z on 31 Jan is 1 Feb 03:00 there.
    expect(new Date(endOfDayMonthsLater(Date.UTC(2026, 0, 31, 20), 1, "Asia/Jakarta")).toISOString()).toBe(
      "2026-03-01T16:59:59.999Z",
    );
  });

  it("assertTimeZone refuses unknown zones with a typed error", () => {
    expect(() => assertTimeZone("Mars/Olympus")).toThrow(/timeZone: expected an IANA time zone/);
    expect(() => assertTimeZone("Europe/Berlin")).not.toThrow();
  });

  it("answers repeated instants from its cache with the fields computed afresh (across a DST change, past the cache size)", () => {
    // Europe/Berlin changes from CET (UTC+1) to CEST (UTC+2) on the last Sunday of March at 01:00 UTC
    // (EU Directive 2000/84/EC), 2026-03-29, and back on the last Sunday of October (2026-10-25).
    const change = Date.UTC(2026, 2, 29, 1);
    for (let pass = 0; pass < 2; pass++) {
      expect(zonedParts(change - 1, "Europe/Berlin")).toEqual({
        year: 2026,
        month: 3,
        day: 29,
        hour: 1,
        minute: 59,
        second: 59,
        millisecond: 999,
        weekday: 0,
      });
      expect(zonedParts(change, "Europe/Berlin")).toEqual({
        year: 2026,
        month: 3,
        day: 29,
        hour: 3,
        minute: 0,
        second: 0,
        millisecond: 0,
        weekday: 0,
      });
    }
    // 5,000 instants an hour and a millisecond apart (more than the cache keeps), each asked twice:
    // the wall clock is always UTC + 1 h before the change and UTC + 2 h after it.
    const instants = Array.from({ length: 5_000 }, (_, i) => change - 3_600_000 + i * 3_600_001);
    for (let pass = 0; pass < 2; pass++) {
      for (const ms of instants) {
        const p = zonedParts(ms, "Europe/Berlin");
        const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - ms;
        expect(offset).toBe(ms < change ? 3_600_000 : 7_200_000);
        expect(Object.isFrozen(p)).toBe(true);
      }
    }
  });
});

describe("ZoneMemo", () => {
  it("keeps values per zone and number, and empties a zone's map (or all zones) at its bound", () => {
    const memo = new ZoneMemo<string>(2, 2);
    memo.set("Europe/Berlin", 1, "a");
    memo.set("Asia/Tokyo", 1, "b");
    expect([memo.get("Europe/Berlin", 1), memo.get("Asia/Tokyo", 1), memo.get("Europe/Berlin", 2)]).toEqual([
      "a",
      "b",
      undefined,
    ]);
    memo.set("Europe/Berlin", 2, "c");
    memo.set("Europe/Berlin", 3, "d"); // Berlin held 2 entries: emptied, then 3 kept
    expect([memo.get("Europe/Berlin", 1), memo.get("Europe/Berlin", 3), memo.get("Asia/Tokyo", 1)]).toEqual([
      undefined,
      "d",
      "b",
    ]);
    memo.set("America/Havana", 1, "e"); // a third zone: every zone's map is dropped first
    expect([memo.get("Europe/Berlin", 3), memo.get("Asia/Tokyo", 1), memo.get("America/Havana", 1)]).toEqual([
      undefined,
      undefined,
      "e",
    ]);
  });
});

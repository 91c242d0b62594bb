import { describe, expect, it } from "vitest";
import { endOfDayMonthsLater, zonedParts, zonedTimeToInstant, isTimeZone } from "../../src/_lib/time.js";

describe("time zone helpers", () => {
  it("clamps to month end: 31 Jan + 1 month ends on the last day of February", () => {
    const at = Date.parse("2026-01-31T10:00:00Z");
    expect(new Date(endOfDayMonthsLater(at, 1, "UTC")).toISOString()).toBe("2026-02-28T23:59:59.999Z");
    expect(new Date(endOfDayMonthsLater(Date.parse("2028-01-31T10:00:00Z"), 1, "UTC")).toISOString()).toBe(
      "2028-02-29T23:59:59.999Z",
    );
    expect(new Date(endOfDayMonthsLater(at, 12, "UTC")).toISOString()).toBe("2027-01-31T23:59:59.999Z");
  });

  it("ends the day in the program's time zone, not UTC", () => {
    // 2026-01-31T20:00Z is already 1 February 03:00 in Jakarta (UTC+7): + 1 month → 1 March Jakarta.
    const at = Date.parse("2026-01-31T20:00:00Z");
    expect(new Date(endOfDayMonthsLater(at, 1, "Asia/Jakarta")).toISOString()).toBe("2026-03-01T16:59:59.999Z");
  });

  it("handles DST: wall clock across the spring-forward gap in Berlin", () => {
    // 2026-03-29 in Berlin is 23 hours long.
    const start = zonedTimeToInstant({ year: 2026, month: 3, day: 29 }, "Europe/Berlin");
    const next = zonedTimeToInstant({ year: 2026, month: 3, day: 30 }, "Europe/Berlin");
    expect(new Date(start).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(next - start).toBe(23 * 3_600_000);
    expect(zonedParts(Date.parse("2026-07-01T12:00:00Z"), "Europe/Berlin").hour).toBe(14);
    expect(new Date(zonedTimeToInstant({ year: 2026, month: 7, day: 1 }, "Europe/Berlin")).toISOString()).toBe(
      "2026-06-30T22:00:00.000Z",
    );
  });

  it("knows valid and invalid zones", () => {
    expect(isTimeZone("Asia/Jakarta")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
  });
});

describe("wall clock to instant across DST in New York", () => {
  const at = (month: number, day: number, hour: number, minute: number): string =>
    new Date(zonedTimeToInstant({ year: 2026, month, day, hour, minute }, "America/New_York")).toISOString();
  it("reads a wall time in the spring-forward gap with the offset before it (02:30 → 03:30 EDT)", () => {
    // 8 March 2026: clocks go from 02:00 EST (UTC−5) to 03:00 EDT (UTC−4).
    expect(at(3, 8, 1, 30)).toBe("2026-03-08T06:30:00.000Z");
    expect(at(3, 8, 2, 0)).toBe("2026-03-08T07:00:00.000Z");
    expect(at(3, 8, 2, 30)).toBe("2026-03-08T07:30:00.000Z");
    expect(at(3, 8, 3, 30)).toBe("2026-03-08T07:30:00.000Z");
  });
  it("takes the earlier instant in the fall-back overlap (01:30 EDT, not EST)", () => {
    // 1 November 2026: clocks go from 02:00 EDT back to 01:00 EST.
    expect(at(11, 1, 0, 30)).toBe("2026-11-01T04:30:00.000Z");
    expect(at(11, 1, 1, 30)).toBe("2026-11-01T05:30:00.000Z");
    expect(at(11, 1, 2, 30)).toBe("2026-11-01T07:30:00.000Z");
  });
});

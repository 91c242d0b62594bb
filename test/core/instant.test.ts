import { describe, expect, it } from "vitest";
import { instantMillis, parseInstant } from "../../src/core/instant.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";

// Expected epoch values come from ECMA-262's time value (milliseconds since 1970-01-01T00:00:00Z,
// §21.4.1.1) as computed by Date.UTC, which is independent of the string parser under test.
describe("core parseInstant: one rule for every boundary", () => {
  it("reads Z and ±hh:mm offsets and a valid Date", () => {
    expect(parseInstant("2026-01-31T10:00:00Z", "at")).toBe(Date.UTC(2026, 0, 31, 10));
    // +07:00 is seven hours ahead of UTC (ISO 8601 offset convention).
    expect(parseInstant("2026-01-31T17:00:00+07:00", "at")).toBe(Date.UTC(2026, 0, 31, 10));
    expect(parseInstant("2026-01-31T10:00Z", "at")).toBe(Date.UTC(2026, 0, 31, 10));
    expect(parseInstant("2026-01-31T10:00:00.123456789Z", "at")).toBe(Date.UTC(2026, 0, 31, 10, 0, 0, 123));
    expect(parseInstant(new Date(Date.UTC(2026, 0, 31)), "at")).toBe(Date.UTC(2026, 0, 31));
  });

  it("rejects impossible dates instead of rolling them over (Date.parse turns 2026-02-30 into 2 March)", () => {
    // 2026 is not a leap year (Gregorian rule: divisible by 4, not by 100 unless by 400): February has 28 days.
    expect(instantMillis("2026-02-29T00:00:00Z")).toBeNaN();
    expect(instantMillis("2026-02-30T00:00:00Z")).toBeNaN();
    expect(instantMillis("2028-02-29T00:00:00Z")).toBe(Date.UTC(2028, 1, 29));
    expect(instantMillis("2026-04-31T00:00:00Z")).toBeNaN();
    expect(instantMillis("2026-13-01T00:00:00Z")).toBeNaN();
    expect(instantMillis("2026-01-01T24:00:00Z")).toBeNaN();
    expect(instantMillis("2026-01-01T10:60:00Z")).toBeNaN();
    expect(instantMillis("2026-01-01T10:00:00+24:00")).toBeNaN();
  });

  it("rejects instants without an offset, invalid Dates and non-strings", () => {
    for (const v of ["2026-01-31T10:00:00", "2026-01-31 10:00:00Z", "", "now", 1_769_853_600_000, null, undefined])
      expect(instantMillis(v)).toBeNaN();
    expect(instantMillis(new Date(Number.NaN))).toBeNaN();
  });

  it("keeps years 0000–9999 (the range Date#toISOString writes with four digits) and refuses the rest", () => {
    expect(instantMillis("0000-01-01T00:00:00Z")).toBe(-62_167_219_200_000);
    expect(instantMillis("9999-12-31T23:59:59.999Z")).toBe(253_402_300_799_999);
    // Dates outside that range are refused even when valid for the platform.
    expect(instantMillis(new Date(253_402_300_800_000))).toBeNaN();
    expect(instantMillis(new Date(-62_167_219_200_001))).toBeNaN();
    // An offset can push a year-0000 wall time before 0000-01-01T00:00Z.
    expect(instantMillis("0000-01-01T00:00:00+01:00")).toBeNaN();
  });

  it("refuses a date-only string unless { dateOnly: 'utc-midnight' }, and then reads UTC midnight", () => {
    expect(instantMillis("2025-03-31")).toBeNaN();
    expect(instantMillis("2025-03-31", { dateOnly: "reject" })).toBeNaN();
    expect(instantMillis("2025-03-31", { dateOnly: "utc-midnight" })).toBe(Date.UTC(2025, 2, 31));
    expect(instantMillis("2025-02-29", { dateOnly: "utc-midnight" })).toBeNaN();
    // Years 0–99 are not mapped to 1900–1999 (Date.UTC's legacy rule).
    expect(new Date(instantMillis("0050-06-01", { dateOnly: "utc-midnight" })).toISOString()).toBe(
      "0050-06-01T00:00:00.000Z",
    );
    expect(instantMillis(null, null)).toBeNaN();
  });

  it("throws a LoyaltyValidationError carrying the path and what was given", () => {
    let caught: unknown;
    try {
      parseInstant("2026-02-30T00:00:00Z", ["entries", 3, "at"]);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LoyaltyValidationError);
    const e = caught as LoyaltyValidationError;
    expect(e.issues[0]?.path).toEqual(["entries", 3, "at"]);
    expect(e.message).toContain('got "2026-02-30T00:00:00Z"');
    expect(() => parseInstant("2025-03-31", "at", { dateOnly: "utc-midnight" })).not.toThrow();
    expect(() => parseInstant("x", "at", { dateOnly: "utc-midnight" })).toThrow(/a date such as "2026-01-31"/);
  });
});

describe("core instant parser: shapes the fast path hands to the full parser", () => {
  it("reads 4–9 fraction digits, truncated to milliseconds, and refuses malformed tails", () => {
    // Expected values from Date.UTC (ECMA-262 §21.4.3.4).
    expect(instantMillis("2026-01-31T10:00:00.1234Z")).toBe(Date.UTC(2026, 0, 31, 10, 0, 0, 123));
    expect(instantMillis("2026-01-31T10:00:00.5Z")).toBe(Date.UTC(2026, 0, 31, 10, 0, 0, 500));
    expect(instantMillis("2026-01-31T10:00:00.Z")).toBeNaN();
    expect(instantMillis("2026-01-31T10:00:00Zx")).toBeNaN();
    expect(instantMillis("2026-01-31T10:00:00+01:0")).toBeNaN();
    expect(instantMillis("2026-1-31T10:00:00Z")).toBeNaN();
    expect(instantMillis("2026-01-31T1:00:00Z")).toBeNaN();
  });
});

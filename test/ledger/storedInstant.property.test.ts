// The replay fast path reads stored instants by hand (integer day count, no Date.UTC): it must give
// exactly what Date.parse gives for every instant Date#toISOString writes with a 4-digit year ≥ 100,
// and NaN for calendar dates that do not exist.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { storedInstant } from "../../src/ledger/_lib/entries.js";

// The range of 24-character ISO strings with a year of at least 100 (checked in the first test).
const FIRST = -59_011_459_200_000; // Date.parse("0100-01-01T00:00:00.000Z")
const LAST = 253_402_300_799_999; // Date.parse("9999-12-31T23:59:59.999Z")

describe("storedInstant", () => {
  it("has the range bounds right", () => {
    expect(Date.parse("0100-01-01T00:00:00.000Z")).toBe(FIRST);
    expect(Date.parse("9999-12-31T23:59:59.999Z")).toBe(LAST);
  });

  it("agrees with Date.parse on every stored-form instant", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(storedInstant(text)).toBe(ms);
        expect(storedInstant(text)).toBe(Date.parse(text));
      }),
    );
  });

  it("reads leap days and century years by the Gregorian rule", () => {
    expect(storedInstant("2024-02-29T00:00:00.000Z")).toBe(Date.UTC(2024, 1, 29));
    expect(storedInstant("2000-02-29T12:00:00.000Z")).toBe(Date.UTC(2000, 1, 29, 12));
    expect(storedInstant("1600-02-29T00:00:00.000Z")).toBe(Date.UTC(1600, 1, 29));
    expect(storedInstant("1970-01-01T00:00:00.000Z")).toBe(0);
    expect(storedInstant("1969-12-31T23:59:59.999Z")).toBe(-1);
  });

  it("rejects dates that do not exist and years before 100", () => {
    expect(storedInstant("2026-02-29T00:00:00.000Z")).toBeNaN();
    expect(storedInstant("1900-02-29T00:00:00.000Z")).toBeNaN();
    expect(storedInstant("2026-04-31T00:00:00.000Z")).toBeNaN();
    expect(storedInstant("0099-12-31T00:00:00.000Z")).toBeNaN();
    expect(storedInstant("2026-01-01T24:00:00.000Z")).toBeNaN();
  });
});

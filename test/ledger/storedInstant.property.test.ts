// The replay fast path reads stored instants by hand (integer day count, no Date.UTC): it must give
// exactly what Date.parse gives for every instant Date#toISOString writes with a 4-digit year ≥ 100,
// and NaN for calendar dates that do not exist.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantToIso, storedInstant } from "../../src/core/instant.js";
import { msOrText } from "../../src/ledger/_lib/stored.js";

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

// Reading the stored form writes its instants by hand (instantToIso, the inverse of storedInstant):
// it must write exactly what Date#toISOString writes, for every instant a Date holds.
describe("instantToIso", () => {
  it("writes what toISOString writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        expect(instantToIso(ms)).toBe(new Date(ms).toISOString());
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (ms) => {
        expect(instantToIso(ms)).toBe(new Date(ms).toISOString());
        expect(storedInstant(instantToIso(ms))).toBe(ms);
      }),
    );
  });

  it("writes the edges of the range, leap days and the epoch", () => {
    for (const text of [
      "0000-01-01T00:00:00.000Z",
      "0000-02-29T23:59:59.999Z",
      "0099-12-31T23:59:59.999Z",
      "0100-01-01T00:00:00.000Z",
      "1600-02-29T00:00:00.000Z",
      "1969-12-31T23:59:59.999Z",
      "1970-01-01T00:00:00.000Z",
      "2000-02-29T12:00:00.000Z",
      "2100-03-01T00:00:00.010Z",
      "9999-12-31T23:59:59.999Z",
    ])
      expect(instantToIso(Date.parse(text))).toBe(text);
    expect(instantToIso(-0)).toBe("1970-01-01T00:00:00.000Z");
    expect(instantToIso(253_402_300_800_000)).toBe("+010000-01-01T00:00:00.000Z");
    expect(instantToIso(-62_167_219_200_001)).toBe("-000001-12-31T23:59:59.999Z");
  });
});

// The stored form's writer reads instants by hand too (msOrText: epoch ms when the string reads back
// the same, else the string): it must give what its definition by Date.parse and toISOString gives.
describe("msOrText", () => {
  const exact = (s: string): number | string => {
    const ms = Date.parse(s);
    return Number.isFinite(ms) && new Date(ms).toISOString() === s ? ms : s;
  };
  const pad = (n: number, k: number) => String(n).padStart(k, "0");

  it("agrees with its definition on every instant toISOString writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => {
        const text = new Date(ms).toISOString();
        expect(msOrText(text)).toBe(exact(text));
      }),
    );
  });

  it("agrees with it on strings of that shape with any fields, and on other strings", () => {
    const field = (max: number) => fc.integer({ min: 0, max });
    fc.assert(
      fc.property(
        fc.tuple(field(9999), field(99), field(99), field(99), field(99), field(99), field(999)),
        ([y, mo, d, h, mi, se, ms]) => {
          const text = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(se, 2)}.${pad(ms, 3)}Z`;
          expect(msOrText(text)).toBe(exact(text));
        },
      ),
    );
    for (const text of [
      "2026-02-29T00:00:00.000Z",
      "2024-02-29T00:00:00.000Z",
      "0099-12-31T00:00:00.000Z",
      "2026-0a-01T00:00:00.000Z",
      "2026-01-01T00:00:00.000+",
      "2026-01-01T00:00:00Z",
      "",
    ])
      expect(msOrText(text)).toBe(exact(text));
  });
});

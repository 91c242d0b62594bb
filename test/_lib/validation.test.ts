import { describe, expect, it } from "vitest";
import * as z from "zod";
import { LoyaltyValidationError } from "../../src/index.js";
import { InstantSchema, makeParsers, parseInstant, PositiveDecimalStringSchema } from "../../src/_lib/validation.js";

describe("validation helpers", () => {
  const { parse, safeParse } = makeParsers(
    z.strictObject({ qty: PositiveDecimalStringSchema, at: InstantSchema }),
    "line",
  );

  it("normalizes instants to UTC ISO strings", () => {
    expect(parse({ qty: "2", at: "2026-01-31T10:00:00+07:00" })).toEqual({ qty: "2", at: "2026-01-31T03:00:00.000Z" });
    expect(parse({ qty: "2", at: new Date("2026-01-31T10:00:00Z") }).at).toBe("2026-01-31T10:00:00.000Z");
  });

  it("lists every issue with its path and what was given", () => {
    const r = safeParse({ qty: "-1", at: "2026-01-31", extra: 1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error).toBeInstanceOf(LoyaltyValidationError);
    expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["qty", "at", ""]);
    expect(r.error.message).toContain('qty: expected a non-negative decimal string such as "12.50", got "-1"');
  });

  it("rejects __proto__ keys and non-objects without throwing from safeParse", () => {
    expect(safeParse(JSON.parse('{"qty":"1","at":"2026-01-01T00:00:00Z","__proto__":{}}')).success).toBe(false);
    expect(safeParse(null).success).toBe(false);
    expect(() => parse(undefined)).toThrow(LoyaltyValidationError);
  });

  it("parseInstant names the argument", () => {
    expect(parseInstant("2026-01-01T00:00:00Z", "at")).toBe(Date.parse("2026-01-01T00:00:00Z"));
    expect(() => parseInstant("yesterday", "at")).toThrow(/at: expected an ISO-8601 instant/);
    expect(() => parseInstant(new Date(Number.NaN), "at")).toThrow(LoyaltyValidationError);
  });
});

describe("instants that do not exist", () => {
  it.each([
    "2026-02-30T00:00:00Z",
    "2026-13-01T00:00:00Z",
    "2026-04-31T10:00:00+02:00",
    "2026-01-01T24:00:00Z",
    "2026-01-01T10:60:00Z",
    "2026-01-01T10:00:00+25:00",
    "2025-02-29T00:00:00Z",
  ])("rejects %s instead of rolling it over", (at) => {
    expect(() => parseInstant(at, "at")).toThrow(LoyaltyValidationError);
  });
  it("accepts 29 February of a leap year", () => {
    expect(parseInstant("2028-02-29T12:00:00Z", "at")).toBe(Date.UTC(2028, 1, 29, 12));
  });
});

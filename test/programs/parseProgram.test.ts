import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseProgram, programJsonSchema, safeParseProgram } from "../../src/index.js";
import { common } from "./_fixtures.js";

const discount = { ...common, kind: "discount", id: "d", name: "D", percent: "10" };

function issues(input: unknown): string[] {
  const r = safeParseProgram(input);
  if (r.success) throw new Error("expected a validation failure");
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("parseProgram", () => {
  it("normalizes instants to UTC and freezes the result", () => {
    const p = parseProgram({ ...discount, active: { from: "2026-01-01T00:00:00+07:00" } });
    expect(p.active.from).toBe("2025-12-31T17:00:00.000Z");
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.active)).toBe(true);
  });

  it("returns an already parsed program as it is", () => {
    const p = parseProgram(discount);
    expect(parseProgram(p)).toBe(p);
    // a JSON copy is validated again and equal
    expect(parseProgram(JSON.parse(JSON.stringify(p)))).toEqual(p);
  });

  it("lists every issue with its path", () => {
    const found = issues({ ...discount, percent: "110", maxDiscount: "5.001", timeZone: "Mars/Olympus" });
    expect(found).toContain('percent: expected a percentage greater than 0 and at most 100, got "110"');
    expect(found.some((m) => m.startsWith("timeZone: expected an IANA time zone"))).toBe(true);
  });

  it("checks amounts against the currency's minor unit (JPY has none)", () => {
    expect(issues({ ...discount, currency: "JPY", maxDiscount: "5.5" })).toEqual([
      'maxDiscount: expected an amount with at most 0 decimals for JPY, got "5.5"',
    ]);
    expect(parseProgram({ ...discount, currency: "KWD", maxDiscount: "5.125" }).currency).toBe("KWD");
  });

  it("rejects an unknown kind, extra keys and __proto__ keys", () => {
    expect(safeParseProgram({ ...discount, kind: "lottery" }).success).toBe(false);
    expect(safeParseProgram({ ...discount, colour: "red" }).success).toBe(false);
    expect(
      safeParseProgram(
        JSON.parse(
          `{"kind":"discount","id":"d","name":"D","currency":"EUR","timeZone":"UTC","active":{"from":"2026-01-01T00:00:00Z"},"percent":"10","__proto__":{"x":1}}`,
        ),
      ).success,
    ).toBe(false);
  });

  it("rejects an active window that ends before it starts, and instants without an offset", () => {
    expect(issues({ ...discount, active: { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" } })).toEqual([
      'active.to: expected active.to after active.from, got "2026-01-01T00:00:00Z"',
    ]);
    expect(safeParseProgram({ ...discount, active: { from: "2026-02-01T00:00:00" } }).success).toBe(false);
  });

  it("rejects duplicate reward ids and points finer than the program's scale", () => {
    const catalog = {
      ...common,
      kind: "catalog",
      id: "c",
      name: "C",
      rewards: [
        { id: "r", name: "R", pointsCost: "10.5", gives: { type: "fixed", amount: "1.00" } },
        { id: "r", name: "R2", pointsCost: "10", gives: { type: "fixed", amount: "1.00" } },
      ],
    };
    const found = issues(catalog);
    expect(found).toContain('rewards.1.id: expected a unique reward id (duplicates are ambiguous), got "r"');
    expect(found).toContain('rewards.0.pointsCost: expected points with at most 0 decimals (pointsScale), got "10.5"');
    expect(parseProgram({ ...catalog, pointsScale: 1, rewards: [catalog.rewards[0]] }).kind).toBe("catalog");
  });

  it("throws a LoyaltyValidationError", () => {
    expect(() => parseProgram(null)).toThrow(LoyaltyValidationError);
  });
});

describe("programJsonSchema", () => {
  it("is JSON Schema 2020-12 with one alternative per kind", () => {
    const schema = programJsonSchema();
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    const alternatives = (schema["oneOf"] ?? schema["anyOf"]) as { properties: { kind: { const: string } } }[];
    expect(alternatives.map((a) => a.properties.kind.const).sort()).toEqual([
      "bonus",
      "catalog",
      "cumulative",
      "discount",
      "promotion",
      "stamps",
    ]);
  });

  it("forbids extra keys and requires the common fields", () => {
    const schema = programJsonSchema();
    const alternatives = (schema["oneOf"] ?? schema["anyOf"]) as {
      additionalProperties: unknown;
      required: string[];
    }[];
    for (const a of alternatives) {
      expect(a.additionalProperties).toBe(false);
      expect(a.required).toEqual(expect.arrayContaining(["kind", "id", "name", "currency", "timeZone", "active"]));
    }
  });

  it("returns a fresh object each time", () => {
    expect(programJsonSchema()).not.toBe(programJsonSchema());
    expect(programJsonSchema()).toEqual(programJsonSchema());
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, deepFreeze, firstDifference, isJsonValue, jsonCopy, jsonEqual } from "../../src/core/json.js";

describe("core json helpers", () => {
  it("jsonEqual ignores key order and undefined properties, and nothing else", () => {
    expect(jsonEqual({ a: 1, b: [1, { c: "x" }] }, { b: [1, { c: "x" }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: "1" })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
  });

  it("firstDifference names the path of the first differing field, in sorted key order", () => {
    expect(firstDifference({ points: "10", meta: { sku: "A" } }, { points: "10", meta: { sku: "A" } })).toBe(undefined);
    expect(firstDifference({ points: "10", at: "x" }, { points: "12", at: "y" })).toEqual(["at"]);
    expect(firstDifference({ lines: [{ q: 1 }, { q: 2 }] }, { lines: [{ q: 1 }, { q: 3 }] })).toEqual([
      "lines",
      1,
      "q",
    ]);
    expect(firstDifference({ lines: [1] }, { lines: [1, 2] })).toEqual(["lines", 1]);
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toEqual(["b"]);
    expect(firstDifference(1, "1")).toEqual([]);
  });

  it("canonicalJson sorts keys and drops undefined, so equal values have equal texts", () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: "x", c: undefined }] })).toBe(
      '{"a":[true,null,{"d":"x"}],"b":1}',
    );
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
    expect(canonicalJson({ x: 1 })).not.toBe(canonicalJson({ x: "1" }));
  });

  it("deepFreeze freezes every level and returns the value", () => {
    const v = { a: { b: [1, { c: 2 }] } };
    const r = deepFreeze(v);
    expect(r).toBe(v);
    expect(Object.isFrozen(v.a.b[1])).toBe(true);
    expect(() => {
      (v.a.b as unknown[]).push(3);
    }).toThrow(TypeError);
  });

  it("isJsonValue refuses non-JSON values", () => {
    expect(isJsonValue({ a: [1, "x", null, true] })).toBe(true);
    expect(isJsonValue({ a: Number.NaN })).toBe(false);
    expect(isJsonValue(new Date())).toBe(false);
    expect(isJsonValue(JSON.parse('{"__proto__": 1}'))).toBe(false);
  });

  it("jsonCopy gives what a JSON round trip gives, sharing nothing", () => {
    const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const copy = jsonCopy(v);
        expect(copy).toStrictEqual(roundTrip(v));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(v));
      }),
    );
    const v = { b: [1, { c: "x" }], a: -0, 2: "two", 1: null };
    const copy = jsonCopy(v);
    expect(Object.keys(copy)).toEqual(["1", "2", "b", "a"]);
    expect(Object.is(copy.a, 0)).toBe(true);
    expect(copy.b).not.toBe(v.b);
    expect(copy.b[1]).not.toBe(v.b[1]);
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { x: [true] });
    expect(Object.getPrototypeOf(jsonCopy(nullProto))).toBe(Object.prototype);
    const proto = JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(jsonCopy(proto))).toBe(Object.prototype);
    expect(JSON.stringify(jsonCopy(proto))).toBe('{"__proto__":{"x":1},"y":2}');
  });
});

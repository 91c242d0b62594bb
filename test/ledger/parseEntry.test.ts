import { describe, expect, it } from "vitest";
import { parseEntry, safeParseEntry } from "../../src/index.js";

describe("parseEntry", () => {
  it("normalizes instants to UTC and keeps meta", () => {
    expect(
      parseEntry({
        kind: "hold",
        transactionId: "h",
        at: "2026-01-10T17:00:00+07:00",
        points: "5",
        timeoutAt: "2026-01-10T17:15:00+07:00",
        meta: { till: 3 },
      }),
    ).toEqual({
      kind: "hold",
      transactionId: "h",
      at: "2026-01-10T10:00:00.000Z",
      points: "5",
      timeoutAt: "2026-01-10T10:15:00.000Z",
      meta: { till: 3 },
    });
  });

  it("lists every problem with its path", () => {
    const r = safeParseEntry({ kind: "earn", transactionId: "", at: "yesterday", points: "1e3" });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["transactionId", "at", "points"]);
  });

  it("rejects meta that is not JSON: functions, NaN, class instances, __proto__ keys", () => {
    const at = "2026-01-10T10:00:00Z";
    for (const meta of [
      () => 1,
      Number.NaN,
      new Map(),
      { nested: [Number.POSITIVE_INFINITY] },
      JSON.parse('{"__proto__":{"polluted":true}}') as unknown,
    ]) {
      expect(safeParseEntry({ kind: "expire", transactionId: "s", at, meta }).success).toBe(false);
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("rejects a negative adjust with an expiry and a reverse with an unknown shortfall policy", () => {
    expect(() =>
      parseEntry({
        kind: "adjust",
        transactionId: "a",
        at: "2026-01-10T10:00:00Z",
        points: "-1",
        reason: "x",
        expiresAt: "2026-02-10T10:00:00Z",
      }),
    ).toThrow(/expiresAt: expiresAt is only allowed on a positive adjustment/);
    expect(
      safeParseEntry({
        kind: "reverse",
        transactionId: "r",
        at: "2026-01-10T10:00:00Z",
        reverses: "e",
        shortfall: "forgive",
      }).success,
    ).toBe(false);
  });
});

describe("entryJsonSchema and accountJsonSchema", () => {
  it("describe instants as date-time strings and forbid extra keys", async () => {
    const { entryJsonSchema, accountJsonSchema } = await import("../../src/index.js");
    const entry = entryJsonSchema() as {
      oneOf: {
        properties: Record<string, { type?: string; format?: string; const?: string }>;
        additionalProperties: boolean;
        required: string[];
      }[];
    };
    expect(entry.oneOf.map((o) => o.properties["kind"]?.const)).toEqual([
      "earn",
      "redeem",
      "expire",
      "adjust",
      "reverse",
      "hold",
      "capture",
      "release",
    ]);
    const earn = entry.oneOf[0];
    expect(earn?.properties["at"]).toMatchObject({ type: "string", format: "date-time" });
    expect(earn?.additionalProperties).toBe(false);
    expect(earn?.required).toEqual(["kind", "transactionId", "at", "points"]);
    // Two forms: the stored one JSON.stringify writes (form "compact-1", entry tuples), and the in-memory one.
    const [stored, inMemory] = accountJsonSchema()["anyOf"] as {
      required: string[];
      properties: Record<string, { const?: string; items?: { prefixItems?: unknown[] } }>;
    }[];
    expect(stored?.properties["form"]?.const).toBe("compact-1");
    expect(stored?.properties["entries"]?.items?.prefixItems).toHaveLength(5);
    expect(inMemory?.required).toEqual([
      "accountId",
      "scale",
      "negativeLimit",
      "retainDays",
      "version",
      "entries",
      "lots",
      "holds",
      "debits",
      "deficit",
      "checkpoint",
    ]);
  });
});

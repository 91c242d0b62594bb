import { describe, expect, it } from "vitest";
import { complaintJsonSchemas, openComplaint, transition } from "../../src/index.js";

describe("complaintJsonSchemas", () => {
  const s = complaintJsonSchemas();

  it("describes events as a oneOf over the fourteen types, instants as strings with an offset", () => {
    const variants = s.event["oneOf"] as {
      properties: Record<string, { const?: string; type?: string; pattern?: string }>;
      additionalProperties: boolean;
    }[];
    expect(variants.map((v) => v.properties["type"]?.const)).toHaveLength(14);
    const followUp = variants.find((v) => v.properties["type"]?.const === "FOLLOW_UP");
    expect(followUp?.properties["satisfied"]).toEqual({ type: "boolean" });
    expect(followUp?.additionalProperties).toBe(false);
    const pattern = new RegExp(followUp?.properties["at"]?.pattern ?? "^$");
    expect(pattern.test("2026-03-02T09:14:00+01:00")).toBe(true);
    expect(pattern.test("2026-03-02")).toBe(false);
  });

  it("describes a stored snapshot with every key this module writes", () => {
    const c = transition(
      openComplaint({
        id: "c",
        customerId: "k",
        channel: "web",
        cause: "other",
        description: "d",
        at: "2026-03-02T09:00:00Z",
      }),
      { type: "ACKNOWLEDGE", at: "2026-03-02T09:01:00Z", by: "a" },
    );
    expect(Object.keys(s.complaint["properties"] as object).sort()).toEqual(Object.keys(c).sort());
    expect(s.complaint["required"]).toEqual(expect.arrayContaining(["state", "history", "context"]));
  });
});

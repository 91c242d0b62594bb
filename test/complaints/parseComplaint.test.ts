import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  openComplaint,
  parseComplaint,
  safeParseComplaint,
  transition,
} from "../../src/index.js";
import { events, opening } from "./_scenario.js";

const closed = events.reduce(transition, openComplaint(opening));

describe("parseComplaint", () => {
  it("round-trips a snapshot through JSON", () => {
    const back = parseComplaint(JSON.parse(JSON.stringify(closed)));
    expect(back).toEqual(closed);
    expect(Object.isFrozen(back)).toBe(true);
  });

  it("rejects a snapshot whose fields disagree with its history", () => {
    const json = JSON.parse(JSON.stringify(closed));
    json.state = "resolved";
    const r = safeParseComplaint(json);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.path).toEqual(["state"]);
    expect(r.error.message).toContain("does not match what the history produces");
  });

  it("rejects a history that cannot be replayed, naming the entry", () => {
    const json = JSON.parse(JSON.stringify(closed));
    json.history.splice(1, 1); // drop ACKNOWLEDGE: ASSESS is not accepted in received
    const r = safeParseComplaint(json);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues[0]?.path).toEqual(["history", 1]);
    expect(r.error.message).toContain("event ASSESS is not allowed in state received");
  });

  it("rejects extra keys, __proto__ keys and non-objects with a typed error", () => {
    const json = JSON.parse(JSON.stringify(closed));
    json.extra = true;
    expect(() => parseComplaint(json)).toThrow(LoyaltyValidationError);
    expect(safeParseComplaint(JSON.parse(`{"__proto__":{},${JSON.stringify(closed).slice(1)}`)).success).toBe(false);
    expect(() => parseComplaint("closed")).toThrow(LoyaltyValidationError);
  });
});

import { describe, expect, it } from "vitest";
import { InvalidTransitionError, LoyaltyValidationError, openComplaint, replay, transition } from "../../src/index.js";
import { events, opening } from "./_scenario.js";

describe("replay", () => {
  it("rebuilds the worked complaint from its JSON history", () => {
    const c = events.reduce(transition, openComplaint(opening));
    const again = replay(JSON.parse(JSON.stringify(c.history)));
    expect(again).toEqual(c);
    expect(again.state).toBe("closed");
  });

  it("rejects a history that does not start with an opening record", () => {
    expect(() => replay([])).toThrow(LoyaltyValidationError);
    expect(() => replay([{ type: "ACKNOWLEDGE", at: "2026-03-02T09:00:00Z", by: "a" }])).toThrow(
      /0\.type: expected "OPEN"/,
    );
  });

  it("rejects an opening record whose priority disagrees with the derivation", () => {
    const c = openComplaint(opening);
    expect(() => replay([{ ...c.history[0], priority: "low" }])).toThrow(/expected the derived priority "urgent"/);
  });

  it("rejects an event that the machine does not accept where it occurs", () => {
    const c = openComplaint(opening);
    expect(() => replay([c.history[0], { type: "CLOSE", at: "2026-03-02T09:00:00Z", by: "a" }])).toThrow(
      InvalidTransitionError,
    );
  });
});

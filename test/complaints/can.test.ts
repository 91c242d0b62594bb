import { describe, expect, it } from "vitest";
import { can, nextEvents, openComplaint, transition } from "../../src/index.js";

const c0 = openComplaint({
  id: "c-1",
  customerId: "cust-1",
  channel: "chat",
  cause: "poor-overall-service",
  description: "Ignored",
  at: "2026-03-02T09:00:00Z",
});
const by = "agent:ana";

describe("can", () => {
  it("answers true exactly when transition would accept", () => {
    expect(can(c0, { type: "ACKNOWLEDGE", at: "2026-03-02T09:01:00Z", by })).toBe(true);
    expect(can(c0, { type: "ASSESS", at: "2026-03-02T09:01:00Z", by })).toBe(false);
    expect(can(c0, { type: "ACKNOWLEDGE", at: "2026-03-02T08:59:00Z", by })).toBe(false); // earlier than receipt
    expect(can(c0, { type: "ACKNOWLEDGE", at: "soon", by } as never)).toBe(false);
    expect(can(null as never, { type: "ACKNOWLEDGE", at: "2026-03-02T09:01:00Z", by })).toBe(false);
  });

  it("evaluates guards at the event's instant", () => {
    let c = c0;
    for (const [type, extra] of [
      ["ACKNOWLEDGE", {}],
      ["ASSESS", {}],
      ["AFFIRM", {}],
      ["PROPOSE_ALTERNATIVE", { alternative: "apology voucher" }],
      ["AGREE_PLAN", { alternative: 0, customerAgreed: true }],
      ["START_DELIVERY", {}],
      ["DELIVERED", {}],
    ] as const) {
      c = transition(c, { type, at: "2026-03-02T10:00:00Z", by, ...extra } as never);
    }
    expect(can(c, { type: "CLOSE", at: "2026-03-09T09:59:59Z", by })).toBe(false);
    expect(can(c, { type: "CLOSE", at: "2026-03-09T10:00:00Z", by })).toBe(true);
  });
});

describe("nextEvents", () => {
  it("lists the event types the state has transitions for, in definition order", () => {
    expect(nextEvents(c0)).toEqual(["ACKNOWLEDGE", "ESCALATE", "CUSTOMER_REPLY", "WITHDRAW", "REJECT"]);
    const w = transition(c0, { type: "WITHDRAW", at: "2026-03-02T09:01:00Z", by: "cust-1" });
    expect(nextEvents(w)).toEqual([]);
  });

  it("returns a fresh array", () => {
    const a = nextEvents(c0);
    a.push("CLOSE");
    expect(nextEvents(c0)).not.toContain("CLOSE");
  });
});

import { describe, expect, it } from "vitest";
import {
  InvalidTransitionError,
  type LoyaltyError,
  LoyaltyValidationError,
  openComplaint,
  transition,
  type Complaint,
  type ComplaintEventInput,
} from "../../src/index.js";
import { events, opening } from "./_scenario.js";

const by = "agent:ana";
const start = () =>
  openComplaint({
    id: "c-1",
    customerId: "cust-1",
    channel: "email",
    cause: "delay-in-fixing",
    description: "Still broken",
    at: "2026-03-02T09:00:00Z",
  });

/** Applies events in order. */
function run(c: Complaint, list: ComplaintEventInput[]): Complaint {
  return list.reduce((acc, e) => transition(acc, e), c);
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected a throw");
}

// Walks to a state along the five A's: `at` minutes after 09:00 on 2 March 2026.
const t = (minutes: number) => new Date(Date.UTC(2026, 2, 2, 9, minutes)).toISOString();
const toAnalyzing: ComplaintEventInput[] = [
  { type: "ACKNOWLEDGE", at: t(1), by },
  { type: "ASSESS", at: t(2), by },
  { type: "AFFIRM", at: t(3), by },
  { type: "PROPOSE_ALTERNATIVE", at: t(4), by, alternative: "repair" },
];
const toFollowingUp: ComplaintEventInput[] = [
  ...toAnalyzing,
  { type: "AGREE_PLAN", at: t(5), by, alternative: 0, customerAgreed: true },
  { type: "START_DELIVERY", at: t(6), by },
  { type: "DELIVERED", at: t(7), by },
];

describe("transition: the five A's of complaint handling", () => {
  it("walks the worked complaint from receipt to a satisfied follow-up and close, with one escalation", () => {
    let c = openComplaint(opening);
    const states: string[] = [c.state];
    for (const e of events) {
      c = transition(c, e);
      states.push(c.state);
    }
    expect(states).toEqual([
      "received",
      "acknowledged", // 1. Acknowledge the customer
      "assessing", // 2. Assess the situation
      "affirmed", // 3. Affirm your understanding
      "analyzing", // 4. Analyze alternatives (two)
      "analyzing",
      "planAgreed", // 5. Agree on a plan ...
      "delivering", // ... and deliver as per plan
      "escalated", // "seek assistance of others in the company"
      "followingUp", // the claims team delivered and handed back
      "resolved", // "Always follow-up"
      "closed",
    ]);
    expect(c.history).toHaveLength(events.length + 1);
    expect(c.context.escalations).toBe(1);
    expect(c.context.plan).toEqual({
      alternative: 0,
      description: "Technician refits the hose tomorrow; claims team assesses the floor",
      agreedAt: "2026-03-02T08:45:00.000Z",
    });
    // Delivered when the claims team handed the complaint back (Berlin 15:30 = 14:30 UTC).
    expect(c.context.deliveredAt).toBe("2026-03-03T14:30:00.000Z");
    expect(c.context.followUp).toEqual({ satisfied: true, at: "2026-03-05T09:00:00.000Z" });
    expect(c.updatedAt).toBe("2026-03-05T09:02:00.000Z");
    // poor-work-quality starts high; a high-value customer moves it to urgent.
    expect(c.priority).toBe("urgent");
  });

  it("stores every instant as canonical UTC ISO, whether given with an offset or as a Date", () => {
    let c = start();
    c = transition(c, { type: "ACKNOWLEDGE", at: "2026-03-02T16:30:00+07:00", by });
    c = transition(c, { type: "ASSESS", at: new Date("2026-03-02T09:31:00Z"), by });
    expect(c.history.slice(1).map((e) => e.at)).toEqual(["2026-03-02T09:30:00.000Z", "2026-03-02T09:31:00.000Z"]);
  });

  it("never mutates the input and returns frozen snapshots", () => {
    const c = start();
    const before = JSON.stringify(c);
    const event = { type: "ACKNOWLEDGE" as const, at: "2026-03-02T09:05:00Z", by };
    const next = transition(c, event);
    expect(JSON.stringify(c)).toBe(before);
    expect(event.at).toBe("2026-03-02T09:05:00Z");
    expect(next).not.toBe(c);
    expect(Object.isFrozen(next)).toBe(true);
    expect(Object.isFrozen(next.history)).toBe(true);
    expect(Object.isFrozen(next.history[1])).toBe(true);
    expect(Object.isFrozen(next.context)).toBe(true);
  });

  it("lets a customer correct the affirmed understanding: affirmed → assessing", () => {
    const c = run(start(), [
      ...toAnalyzing.slice(0, 3),
      { type: "ASSESS", at: t(4), by, note: "not the screen, the battery" },
    ]);
    expect(c.state).toBe("assessing");
  });

  it("reopens on a dissatisfied follow-up and starts a new round", () => {
    const c = run(start(), [...toFollowingUp, { type: "FOLLOW_UP", at: t(8), by, satisfied: false }]);
    expect(c.state).toBe("reopened");
    expect(c.context.reopens).toBe(1);
    expect(c.context.alternatives).toEqual([]);
    expect(c.context.plan).toBeNull();
    expect(c.context.deliveredAt).toBeNull();
    expect(transition(c, { type: "ASSESS", at: t(9), by }).state).toBe("assessing");
  });

  it("reopens on a customer reply within the reopen window, not after it", () => {
    const resolved = run(start(), [...toFollowingUp, { type: "FOLLOW_UP", at: t(8), by, satisfied: true }]);
    expect(resolved.state).toBe("resolved");
    // Window: 14 days after 09:08 on 2 March → ends 09:08 on 16 March (exclusive).
    const reopened = transition(resolved, { type: "CUSTOMER_REPLY", at: "2026-03-16T09:07:59.999Z", by: "cust-1" });
    expect(reopened.state).toBe("reopened");
    expect(reopened.context.followUp).toBeNull(); // the satisfied verdict no longer stands
    expect(reopened.context.resolvedAt).toBeNull();
    const e = thrown(() => transition(resolved, { type: "CUSTOMER_REPLY", at: "2026-03-16T09:08:00Z", by: "cust-1" }));
    expect(e).toBeInstanceOf(InvalidTransitionError);
    expect((e as InvalidTransitionError).message).toContain("reopen window ended at 2026-03-16T09:08:00.000Z");
  });

  it("logs a customer reply in a working state without moving", () => {
    const c = run(start(), [{ type: "CUSTOMER_REPLY", at: t(1), by: "cust-1", note: "any news?" }]);
    expect(c.state).toBe("received");
    expect(c.context.lastCustomerReplyAt).toBe(t(1));
  });
});

describe("transition: guards", () => {
  it("needs the customer's agreement to agree a plan", () => {
    const c = run(start(), toAnalyzing);
    const e = thrown(() => transition(c, { type: "AGREE_PLAN", at: t(5), by, alternative: 0, customerAgreed: false }));
    expect(e).toBeInstanceOf(InvalidTransitionError);
    expect((e as LoyaltyError).details).toMatchObject({ state: "analyzing", event: "AGREE_PLAN" });
    expect((e as LoyaltyError).message).toContain("customerAgreed");
  });

  it("needs the plan to be one of the analyzed alternatives", () => {
    const c = run(start(), toAnalyzing);
    expect(() => transition(c, { type: "AGREE_PLAN", at: t(5), by, alternative: 1, customerAgreed: true })).toThrow(
      /choosesAnalyzedAlternative.*1 alternative\(s\) analyzed/,
    );
  });

  it("auto-closes a delivered complaint only once the customer has been quiet for autoCloseAfterDays", () => {
    const c = run(start(), toFollowingUp); // delivered 09:07 on 2 March, auto-close after 7 days
    expect(() => transition(c, { type: "CLOSE", at: "2026-03-09T09:06:59.999Z", by })).toThrow(
      /auto-close is allowed only from 2026-03-09T09:07:00.000Z/,
    );
    expect(transition(c, { type: "CLOSE", at: "2026-03-09T09:07:00Z", by }).state).toBe("closed");
    // A customer reply restarts the quiet period.
    const replied = transition(c, { type: "CUSTOMER_REPLY", at: "2026-03-05T12:00:00Z", by: "cust-1" });
    expect(() => transition(replied, { type: "CLOSE", at: "2026-03-12T11:59:00Z", by })).toThrow(
      InvalidTransitionError,
    );
    expect(transition(replied, { type: "CLOSE", at: "2026-03-12T12:00:00Z", by }).state).toBe("closed");
  });

  it("closes a resolved complaint at once: the follow-up was satisfied", () => {
    const c = run(start(), [
      ...toFollowingUp,
      { type: "FOLLOW_UP", at: t(8), by, satisfied: true },
      { type: "CLOSE", at: t(9), by },
    ]);
    expect(c.state).toBe("closed");
  });

  it("returns from an escalation to where it came from by default, or one step on, nowhere else", () => {
    const esc = run(start(), [
      ...toAnalyzing.slice(0, 2),
      { type: "ESCALATE", at: t(3), by, team: "engineering", reason: "firmware" },
    ]);
    expect(esc.context.escalation).toEqual({ team: "engineering", reason: "firmware", from: "assessing", at: t(3) });
    expect(transition(esc, { type: "RETURN_FROM_ESCALATION", at: t(4), by }).state).toBe("assessing");
    expect(transition(esc, { type: "RETURN_FROM_ESCALATION", at: t(4), by, to: "affirmed" }).state).toBe("affirmed");
    expect(() => transition(esc, { type: "RETURN_FROM_ESCALATION", at: t(4), by, to: "planAgreed" })).toThrow(
      /returns to assessing or affirmed/,
    );
  });

  it("keeps the original state when an escalation is handed on to another team", () => {
    let c = run(start(), [{ type: "ESCALATE", at: t(1), by, team: "billing", reason: "refund" }]);
    c = transition(c, { type: "ESCALATE", at: t(2), by: "billing:li", team: "legal", reason: "contract" });
    expect(c.context.escalation?.from).toBe("received");
    expect(c.context.escalations).toBe(2);
    expect(transition(c, { type: "RETURN_FROM_ESCALATION", at: t(3), by }).state).toBe("received");
  });
});

describe("transition: rejected events", () => {
  it("names the state, the event and the allowed events", () => {
    const e = thrown(() => transition(start(), { type: "DELIVERED", at: t(1), by }));
    expect(e).toBeInstanceOf(InvalidTransitionError);
    expect((e as LoyaltyError).code).toBe("INVALID_TRANSITION");
    expect((e as LoyaltyError).message).toBe(
      "event DELIVERED is not allowed in state received; allowed: ACKNOWLEDGE, ESCALATE, CUSTOMER_REPLY, WITHDRAW, REJECT",
    );
    expect((e as LoyaltyError).details).toEqual({
      state: "received",
      event: "DELIVERED",
      allowed: ["ACKNOWLEDGE", "ESCALATE", "CUSTOMER_REPLY", "WITHDRAW", "REJECT"],
    });
  });

  it("refuses an event earlier than the last one with a typed error on `at`", () => {
    const c = run(start(), [{ type: "ACKNOWLEDGE", at: t(10), by }]);
    const e = thrown(() => transition(c, { type: "ASSESS", at: t(9), by }));
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    expect((e as LoyaltyValidationError).issues[0]?.path).toEqual(["at"]);
    expect((e as Error).message).toContain(`expected an instant at or after the last event (${t(10)})`);
    // The same instant as the last event is fine.
    expect(transition(c, { type: "ASSESS", at: t(10), by }).state).toBe("assessing");
  });

  it("keeps closed, withdrawn and rejected immutable", () => {
    const closed = run(start(), [
      ...toFollowingUp,
      { type: "FOLLOW_UP", at: t(8), by, satisfied: true },
      { type: "CLOSE", at: t(9), by },
    ]);
    const withdrawn = transition(start(), { type: "WITHDRAW", at: t(1), by: "cust-1" });
    const rejected = transition(start(), { type: "REJECT", at: t(1), by, reason: "a competitor's product" });
    expect(rejected.context.rejectionReason).toBe("a competitor's product");
    for (const c of [closed, withdrawn, rejected]) {
      for (const type of ["ACKNOWLEDGE", "CUSTOMER_REPLY", "CLOSE", "WITHDRAW"] as const) {
        expect(() => transition(c, { type, at: "2027-01-01T00:00:00Z", by })).toThrow(/allowed: none/);
      }
    }
  });

  it("rejects malformed events listing every issue with its path", () => {
    const e = thrown(() =>
      transition(start(), { type: "ESCALATE", at: "yesterday", by: " ", team: "", reason: "x", extra: 1 } as never),
    );
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    // Every field in the schema's order, then the unknown keys.
    expect((e as LoyaltyValidationError).issues.map((i) => i.path.join("."))).toEqual(["at", "by", "team", ""]);
    expect((e as Error).message).toContain("complaint event ESCALATE: at: expected an ISO-8601 instant with an offset");
    expect((e as Error).message).toContain(
      'got "yesterday"; by: expected who performed the event (a non-empty string), got " "',
    );
    expect((e as Error).message).toContain('team: expected the team escalated to (a non-empty string), got ""');
    expect((e as Error).message).toContain('Unrecognized key: "extra"');
    expect(() => transition(start(), { type: "PARTY", at: t(1), by } as never)).toThrow(
      /type: expected one of ACKNOWLEDGE/,
    );
    expect(() => transition(start(), null as never)).toThrow(LoyaltyValidationError);
    expect(() => transition({} as never, { type: "ACKNOWLEDGE", at: t(1), by })).toThrow(
      /expected a complaint snapshot/,
    );
  });
});

describe("transition: hostile input", () => {
  it("turns a getter that throws into a typed validation error", () => {
    const event = {
      type: "ACKNOWLEDGE",
      by: "a",
      get at(): string {
        throw new Error("boom");
      },
    };
    expect(() => transition(start(), event as never)).toThrow(/at: could not be read \(Error: boom\); pass plain data/);
    expect(() =>
      openComplaint({
        get id(): string {
          throw new Error("boom");
        },
      } as never),
    ).toThrow(LoyaltyValidationError);
  });
});

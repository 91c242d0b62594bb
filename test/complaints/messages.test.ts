// The wording of every complaint validation message: each says what was expected and what was given,
// in the words the module has always used, now that the zod schemas are the only validator.
// The limits in these messages are the module's own documented ones (ComplaintEventSchema and
// OpenComplaintInputSchema in the API reference): a CSAT score from 1 to 5 (a five-point Likert
// satisfaction scale, Likert 1932), windows of at most 3650 days. The other values are bad inputs.
import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  openComplaint,
  parseComplaint,
  replay,
  transition,
  type Complaint,
} from "../../src/index.js";

const c0: Complaint = openComplaint({ id: "c", customerId: "k", cause: "overpricing", at: "2026-03-02T09:00:00Z" });
const at = "2026-03-02T09:05:00Z";

function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    return (e as Error).message;
  }
  throw new Error("expected a LoyaltyValidationError");
}

const agreePlan = { type: "AGREE_PLAN", at, by: "a", alternative: 0, customerAgreed: true };

// [what the case shows, the event given to transition, the whole message]
const EVENT_MESSAGES: [string, unknown, string][] = [
  ["no event at all", null, "complaint event: expected an event object with a type, got null"],
  [
    "an unknown type",
    { type: "PARTY", at, by: "a" },
    'complaint event: type: expected one of ACKNOWLEDGE, ASSESS, AFFIRM, PROPOSE_ALTERNATIVE, AGREE_PLAN, START_DELIVERY, DELIVERED, FOLLOW_UP, ESCALATE, RETURN_FROM_ESCALATION, CUSTOMER_REPLY, WITHDRAW, REJECT, CLOSE, got "PARTY"',
  ],
  [
    "every bad field of ACKNOWLEDGE",
    { type: "ACKNOWLEDGE", at: 5, by: 5, note: 5, waitingOn: "x" },
    'complaint event ACKNOWLEDGE: at: expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z" or a valid Date, in years 0000–9999, got 5; by: expected who performed the event (a non-empty string), got 5; note: expected a string, got 5; waitingOn: expected one of "customer", "third-party", got "x"',
  ],
  [
    "every bad field of AGREE_PLAN",
    { ...agreePlan, at: new Date(Number.NaN), alternative: -1.5, customerAgreed: "yes", goodwill: {} },
    'complaint event AGREE_PLAN: at: expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z" or a valid Date, in years 0000–9999, got Invalid Date; alternative: expected the 0-based index of an analyzed alternative, got -1.5; customerAgreed: expected a boolean, got "yes"; goodwill: expected goodwill points, a coupon, or both, got an object',
  ],
  [
    "AGREE_PLAN's goodwill with zero points and an unknown key",
    { ...agreePlan, goodwill: { points: "0", x: 1 } },
    'complaint event AGREE_PLAN: goodwill.points: expected a positive decimal string, got "0"; goodwill: Unrecognized key: "x"',
  ],
  [
    "AGREE_PLAN's goodwill that is not an object",
    { ...agreePlan, goodwill: "100" },
    'complaint event AGREE_PLAN: goodwill: expected an object, got "100"',
  ],
  [
    "every bad field of FOLLOW_UP",
    { type: "FOLLOW_UP", at, by: "a", satisfied: 1, csat: { score: 3.5, reason: " " } },
    'complaint event FOLLOW_UP: satisfied: expected a boolean, got 1; csat.score: expected a CSAT score from 1 to 5, got 3.5; csat.reason: expected the reason for the score (a non-empty string), got " "',
  ],
  [
    // A list of states that includes "received" still says what was given.
    "RETURN_FROM_ESCALATION to a state that is not a working state",
    { type: "RETURN_FROM_ESCALATION", at, by: "a", to: "closed" },
    'complaint event RETURN_FROM_ESCALATION: to: expected one of "received", "acknowledged", "assessing", "affirmed", "analyzing", "planAgreed", "delivering", "followingUp", "reopened", got "closed"',
  ],
];

describe("complaint validation messages", () => {
  it.each(EVENT_MESSAGES)(
    "name the event type, each bad field, what was expected and what was given: %s",
    (_, event, message) => {
      expect(messageOf(() => transition(c0, event as never))).toBe(message);
    },
  );

  it("list every bad field of openComplaint's input in the schema's order, unknown keys last", () => {
    expect(
      messageOf(() =>
        openComplaint({
          id: "",
          customerId: 5,
          cause: "x",
          at: "2026-03-02",
          reopenWindowDays: Number.NaN,
          autoCloseAfterDays: 3651,
          x: 1,
        } as never),
      ),
    ).toBe(
      'openComplaint: id: expected a complaint id (a non-empty string), got ""; customerId: expected a customer id (a non-empty string), got 5; cause: expected one of "little-or-no-support", "delay-in-fixing", "poor-work-quality", "poor-overall-service", "overpricing", "other", got "x"; at: expected an ISO-8601 instant with an offset such as "2026-01-31T10:00:00Z" or a valid Date, in years 0000–9999, got "2026-03-02"; reopenWindowDays: expected a positive number of days up to 3650, got NaN; autoCloseAfterDays: expected a positive number of days up to 3650, got 3651; Unrecognized key: "x"',
    );
    expect(messageOf(() => openComplaint(null as never))).toBe("openComplaint: expected an object, got null");
  });

  it("put an opening record's issues under its place in the history", () => {
    expect(messageOf(() => replay([{ ...c0.history[0], channel: "fax" }]))).toBe(
      'complaint opening record: 0.channel: expected one of "phone", "email", "chat", "in-person", "web", "social", "letter", "other", got "fax"',
    );
    const json = JSON.parse(JSON.stringify(c0)) as Complaint;
    expect(messageOf(() => parseComplaint({ ...json, history: [{ ...json.history[0], priorityOverridden: 1 }] }))).toBe(
      "complaint: history.0.priorityOverridden: expected a boolean, got 1",
    );
  });
});

describe("events in the history", () => {
  it("keep only the keys given a value, frozen", () => {
    const c = transition(c0, { type: "ACKNOWLEDGE", at, by: "a", note: undefined } as never);
    const e = c.history[1] ?? {};
    expect(Object.keys(e)).toEqual(["type", "at", "by"]);
    expect(Object.isFrozen(e)).toBe(true);
    const g = transition(
      transition(
        transition(transition(transition(c, { type: "ASSESS", at, by: "a" }), { type: "AFFIRM", at, by: "a" }), {
          type: "PROPOSE_ALTERNATIVE",
          at,
          by: "a",
          alternative: "refund",
        }),
        { type: "AGREE_PLAN", at, by: "a", alternative: 0, customerAgreed: true, goodwill: { points: "100" } },
      ),
      { type: "START_DELIVERY", at, by: "a" },
    );
    const plan = g.history[5];
    expect(plan?.type === "AGREE_PLAN" && Object.isFrozen(plan.goodwill)).toBe(true);
  });
});

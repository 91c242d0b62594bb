import { describe, expect, it } from "vitest";
import {
  complaintMetrics,
  LoyaltyValidationError,
  openComplaint,
  transition,
  type Complaint,
  type ComplaintCause,
  type ComplaintEventInput,
} from "../../src/index.js";

type Step = [type: ComplaintEventInput["type"], hoursAfterOpening: number, extra?: Record<string, unknown>];
const H = 3_600_000;

/** A complaint received at `opened` (UTC) with each event `hours` after receipt; priority normal. */
function walk(id: string, cause: ComplaintCause, opened: string, steps: Step[]): Complaint {
  const t0 = Date.parse(opened);
  let c = openComplaint({
    id,
    customerId: `cust-${id}`,
    channel: "email",
    cause,
    description: "d",
    at: opened,
    priority: "normal",
  });
  for (const [type, hours, extra] of steps)
    c = transition(c, { type, at: new Date(t0 + hours * H), by: "agent", ...extra } as ComplaintEventInput);
  return c;
}

const fiveAs = (ack: number, plan: number): Step[] => [
  ["ACKNOWLEDGE", ack],
  ["ASSESS", ack + 0.1],
  ["AFFIRM", ack + 0.2],
  ["PROPOSE_ALTERNATIVE", ack + 0.3, { alternative: "fix" }],
  ["AGREE_PLAN", plan, { alternative: 0, customerAgreed: true }],
];

const A = walk("A", "delay-in-fixing", "2026-03-02T09:00:00Z", [
  ...fiveAs(1, 2),
  ["START_DELIVERY", 3],
  ["DELIVERED", 30],
  ["FOLLOW_UP", 50, { satisfied: true }],
  ["CLOSE", 51],
]);
const B = walk("B", "poor-work-quality", "2026-03-03T09:00:00Z", [
  ...fiveAs(3, 4),
  ["START_DELIVERY", 5],
  ["ESCALATE", 6, { team: "workshop", reason: "parts" }],
  ["RETURN_FROM_ESCALATION", 80, { to: "followingUp" }],
  ["FOLLOW_UP", 100, { satisfied: true }],
  ["CLOSE", 101],
]);
const C = walk("C", "poor-work-quality", "2026-03-04T09:00:00Z", [
  ...fiveAs(2, 3),
  ["START_DELIVERY", 4],
  ["DELIVERED", 20],
  ["FOLLOW_UP", 40, { satisfied: false }],
  ["ASSESS", 41],
  ["AFFIRM", 42],
  ["PROPOSE_ALTERNATIVE", 43, { alternative: "replace" }],
  ["AGREE_PLAN", 44, { alternative: 0, customerAgreed: true }],
  ["START_DELIVERY", 45],
  ["DELIVERED", 150],
  ["FOLLOW_UP", 200, { satisfied: true }],
]);
// The customer chased once; delivered at +6 h, never answered the follow-up: auto-closed 7 days later.
const D = walk("D", "little-or-no-support", "2026-03-05T09:00:00Z", [
  ["ACKNOWLEDGE", 5],
  ["CUSTOMER_REPLY", 5.1],
  ["ASSESS", 5.2],
  ["AFFIRM", 5.3],
  ["PROPOSE_ALTERNATIVE", 5.4, { alternative: "call back" }],
  ["AGREE_PLAN", 5.5, { alternative: 0, customerAgreed: true }],
  ["START_DELIVERY", 5.6],
  ["DELIVERED", 6],
  ["CLOSE", 174],
]);
const E = walk("E", "overpricing", "2026-03-06T09:00:00Z", [["WITHDRAW", 2]]);
// Acknowledged only after the period ends.
const G = walk("G", "poor-overall-service", "2026-03-20T09:00:00Z", [["ACKNOWLEDGE", 13 * 24]]);
// Received after the period.
const F = walk("F", "other", "2026-04-02T09:00:00Z", [["ACKNOWLEDGE", 1]]);

const t = { acknowledgeHours: 4, agreePlanHours: 24, resolveHours: 120 };
const policy = { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } };
const period = { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z" };

describe("complaintMetrics", () => {
  const m = complaintMetrics([F, E, D, C, B, A, G], { ...period, policy });

  it("counts the complaints received in the period by cause and by state as of `to`", () => {
    expect(m.count).toBe(6);
    expect(m.byCause).toEqual({
      "little-or-no-support": 1,
      "delay-in-fixing": 1,
      "poor-work-quality": 2,
      "poor-overall-service": 1,
      overpricing: 1,
      other: 0,
    });
    expect(m.byState).toMatchObject({ closed: 3, resolved: 1, withdrawn: 1, received: 1, acknowledged: 0 });
  });

  it("gives median and p90 by linear interpolation between closest ranks", () => {
    // Acknowledge hours sorted [1, 2, 3, 5]: median h = 1.5 → 2.5; p90 h = 2.7 → 3 + 0.7 × 2 = 4.4.
    expect(m.timeToAcknowledge.count).toBe(4);
    expect(m.timeToAcknowledge.medianHours).toBeCloseTo(2.5, 12);
    expect(m.timeToAcknowledge.p90Hours).toBeCloseTo(4.4, 12);
    // Resolve hours sorted [50, 100, 174, 200] (C's first resolution, D's auto-close): median 137,
    // p90 = 174 + 0.7 × 26 = 192.2.
    expect(m.timeToResolve.count).toBe(4);
    expect(m.timeToResolve.medianHours).toBeCloseTo(137, 12);
    expect(m.timeToResolve.p90Hours).toBeCloseTo(192.2, 12);
  });

  it("computes the rates", () => {
    expect(m.reopenRate).toBeCloseTo(1 / 6, 12); // C
    expect(m.escalationRate).toBeCloseTo(1 / 6, 12); // B
    expect(m.firstContactResolutionRate).toBeCloseTo(1 / 6, 12); // A only: D's customer had to chase
    // C resolves late (200 h > 120 h), D acknowledges late (5 h > 4 h), G is unacknowledged at `to`.
    expect(m.slaBreachRate).toBe(0.5);
    // A, B and C resolved with a satisfied follow-up; D was auto-closed.
    expect(m.satisfiedFollowUpShare).toBe(0.75);
  });

  it("returns nulls for an empty period and no breach rate without a policy", () => {
    const empty = complaintMetrics([A], { from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z" });
    expect(empty.count).toBe(0);
    expect(empty.timeToResolve).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(empty.reopenRate).toBeNull();
    expect(complaintMetrics([A], period).slaBreachRate).toBeNull();
  });

  it("rejects a period that ends before it starts, and non-snapshots", () => {
    expect(() => complaintMetrics([A], { from: period.to, to: period.from })).toThrow(LoyaltyValidationError);
    expect(() => complaintMetrics([A, {} as Complaint], period)).toThrow(/1: expected a complaint snapshot/);
  });
});

import { describe, expect, it } from "vitest";
import {
  breaches,
  deadlines,
  goodwillRequests,
  openComplaint,
  transition,
  type ComplaintEventInput,
} from "../../src/index.js";
import { berlin, opening } from "./_scenario.js";

// The worked complaint (urgent: acknowledge 1 h, plan 4 h, resolve 40 h in Berlin business hours
// Mon–Fri 09:00–17:00), but the agent needs photos of the floor before assessing it.
function withWait(waitingOn: "customer" | undefined): ReturnType<typeof openComplaint> {
  const events: ComplaintEventInput[] = [
    { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by: "agent:maria" },
    {
      type: "ASSESS",
      at: "2026-03-02T10:00:00+01:00",
      by: "agent:maria",
      note: "Asked for photos of the floor",
      ...(waitingOn === undefined ? {} : { waitingOn }),
    },
    { type: "CUSTOMER_REPLY", at: "2026-03-03T10:00:00+01:00", by: "cust-dewi", note: "Photos sent" },
  ];
  return events.reduce((c, e) => transition(c, e), openComplaint(opening));
}

describe("SLA clocks pause while the complaint waits on the customer", () => {
  it("moves every unmet deadline by the business time of the pause, not the acknowledgement met before it", () => {
    // Paused Mon 10:00–17:00 (7 h) and Tue 09:00–10:00 (1 h) = 8 business hours.
    // Plan: 48 min ran before the pause, 3 h 12 min after Tue 10:00 → Tue 13:12 Berlin (12:12Z).
    // Resolve: Mon 9 March 09:12 + 8 business hours → Tue 10 March 09:12 Berlin (08:12Z).
    expect(deadlines(withWait("customer"), berlin)).toEqual({
      priority: "urgent",
      acknowledge: "2026-03-02T09:12:00.000Z",
      agreePlan: "2026-03-03T12:12:00.000Z",
      resolve: "2026-03-10T08:12:00.000Z",
      pausedMinutes: 480,
      waitingOn: null,
    });
  });

  it("counts an open pause up to the instant judged, and breaches nothing while it lasts", () => {
    const paused = withWait("customer");
    const monday3pm = "2026-03-02T15:00:00+01:00";
    const d = deadlines(paused, berlin, { at: monday3pm });
    // Paused 10:00–15:00: the 3 h 12 min left run 15:00–17:00 and Tue 09:00–10:12 Berlin (09:12Z).
    expect(d.agreePlan).toBe("2026-03-03T09:12:00.000Z");
    expect(d.waitingOn).toBe("customer");
    expect(d.pausedMinutes).toBe(300);
    expect(breaches(paused, berlin, { at: monday3pm })).toEqual([]);
    // Without the pause the plan was due Monday 13:12 Berlin and is 108 minutes late at 15:00.
    expect(breaches(withWait(undefined), berlin, { at: monday3pm })).toEqual([
      { target: "agreePlan", deadline: "2026-03-02T12:12:00.000Z", metAt: null, lateByMinutes: 108 },
    ]);
  });

  it("records the remedy sought at receipt and the CSAT score and reason at follow-up", () => {
    const c = openComplaint({ ...opening, remedySought: "repair the hose and pay for the floor" });
    expect(c.history[0].remedySought).toBe("repair the hose and pay for the floor");
    expect(() => openComplaint({ ...opening, remedySought: " " })).toThrowError(/remedySought/);
    expect(() =>
      transition(c, {
        type: "ACKNOWLEDGE",
        at: "2026-03-02T09:14:00+01:00",
        by: "agent:maria",
        // @ts-expect-error: "vendor" is not a party the clock waits on
        waitingOn: "vendor",
      }),
    ).toThrowError(/waitingOn/);
  });
});

describe("goodwill in the agreed plan", () => {
  it("grants points and a coupon when the plan is agreed, and withdraws them when a reopened complaint agrees a different plan", () => {
    const by = "agent:maria";
    let c = openComplaint(opening);
    const steps: ComplaintEventInput[] = [
      { type: "ACKNOWLEDGE", at: "2026-03-02T09:14:00+01:00", by },
      { type: "ASSESS", at: "2026-03-02T09:20:00+01:00", by },
      { type: "AFFIRM", at: "2026-03-02T09:31:00+01:00", by },
      { type: "PROPOSE_ALTERNATIVE", at: "2026-03-02T09:36:00+01:00", by, alternative: "Refit the hose" },
      {
        type: "AGREE_PLAN",
        at: "2026-03-02T09:40:00+01:00",
        by,
        alternative: 0,
        customerAgreed: true,
        goodwill: { points: "500", coupon: "SORRY10" },
      },
      { type: "START_DELIVERY", at: "2026-03-03T09:00:00+01:00", by },
      { type: "DELIVERED", at: "2026-03-03T11:00:00+01:00", by },
      {
        type: "FOLLOW_UP",
        at: "2026-03-05T10:00:00+01:00",
        by,
        satisfied: false,
        csat: { score: 2, reason: "still leaks" },
      },
      { type: "ASSESS", at: "2026-03-05T10:10:00+01:00", by },
      { type: "AFFIRM", at: "2026-03-05T10:20:00+01:00", by },
      { type: "PROPOSE_ALTERNATIVE", at: "2026-03-05T10:30:00+01:00", by, alternative: "Replace the machine" },
      {
        type: "AGREE_PLAN",
        at: "2026-03-05T10:40:00+01:00",
        by,
        alternative: 0,
        customerAgreed: true,
        goodwill: { points: "1000", coupon: "SORRY10" },
      },
    ];
    for (const e of steps) c = transition(c, e);
    expect(goodwillRequests(c)).toEqual({
      ledger: [
        {
          kind: "adjust",
          transactionId: "complaint:C-2026-0042:goodwill:1",
          at: "2026-03-02T08:40:00.000Z",
          points: "500",
          reason: "goodwill for complaint C-2026-0042",
        },
        {
          kind: "reverse",
          transactionId: "complaint:C-2026-0042:goodwill:1:reversed",
          at: "2026-03-05T09:40:00.000Z",
          reverses: "complaint:C-2026-0042:goodwill:1",
          shortfall: "deduct-available",
        },
        {
          kind: "adjust",
          transactionId: "complaint:C-2026-0042:goodwill:2",
          at: "2026-03-05T09:40:00.000Z",
          points: "1000",
          reason: "goodwill for complaint C-2026-0042",
        },
      ],
      // The second plan repeats the coupon: it stays issued, nothing is voided.
      coupons: [
        {
          action: "issue",
          requestId: "complaint:C-2026-0042:coupon:1",
          coupon: "SORRY10",
          at: "2026-03-02T08:40:00.000Z",
        },
      ],
    });
  });
});

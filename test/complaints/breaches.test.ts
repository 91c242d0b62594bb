import { describe, expect, it } from "vitest";
import { breaches, LoyaltyValidationError, openComplaint, transition, type SlaPolicyInput } from "../../src/index.js";
import { berlin, events, opening } from "./_scenario.js";

const t = { acknowledgeHours: 1, agreePlanHours: 8, resolveHours: 24 };
const utc: SlaPolicyInput = { timeZone: "UTC", targets: { low: t, normal: t, high: t, urgent: t } };
const c0 = openComplaint({
  id: "c",
  customerId: "k",
  channel: "email",
  cause: "little-or-no-support",
  description: "d",
  at: "2026-03-02T09:00:00Z",
});
const by = "agent:ana";

describe("breaches", () => {
  it("finds none for the worked complaint", () => {
    const c = events.reduce(transition, openComplaint(opening));
    expect(breaches(c, berlin, { at: "2026-03-20T00:00:00Z" })).toEqual([]);
  });

  it("reports an unmet target only once its deadline has passed", () => {
    expect(breaches(c0, utc, { at: "2026-03-02T10:00:00Z" })).toEqual([]); // exactly at the deadline
    expect(breaches(c0, utc, { at: "2026-03-02T10:30:00Z" })).toEqual([
      { target: "acknowledge", deadline: "2026-03-02T10:00:00.000Z", metAt: null, lateByMinutes: 30 },
    ]);
    expect(breaches(c0, utc, { at: "2026-03-03T09:00:00Z" }).map((b) => b.target)).toEqual([
      "acknowledge",
      "agreePlan",
    ]);
  });

  it("reports a target met late with when it was met", () => {
    const c = transition(c0, { type: "ACKNOWLEDGE", at: "2026-03-02T11:15:00Z", by });
    expect(breaches(c, utc, { at: "2026-03-02T12:00:00Z" })).toEqual([
      {
        target: "acknowledge",
        deadline: "2026-03-02T10:00:00.000Z",
        metAt: "2026-03-02T11:15:00.000Z",
        lateByMinutes: 75,
      },
    ]);
  });

  it("ignores events after `at`", () => {
    const c = transition(c0, { type: "ACKNOWLEDGE", at: "2026-03-02T09:30:00Z", by });
    expect(breaches(c, utc, { at: "2026-03-02T09:20:00Z" })).toEqual([]);
    expect(breaches(c, utc, { at: "2026-03-02T12:00:00Z" })).toEqual([]);
  });

  it("stops the clocks when the customer withdraws", () => {
    const early = transition(c0, { type: "WITHDRAW", at: "2026-03-02T09:30:00Z", by: "k" });
    expect(breaches(early, utc, { at: "2026-04-01T00:00:00Z" })).toEqual([]);
    const late = transition(c0, { type: "WITHDRAW", at: "2026-03-02T10:45:00Z", by: "k" });
    expect(breaches(late, utc, { at: "2026-04-01T00:00:00Z" })).toEqual([
      { target: "acknowledge", deadline: "2026-03-02T10:00:00.000Z", metAt: null, lateByMinutes: 45 },
    ]);
  });

  it("rejects a bad `at`", () => {
    expect(() => breaches(c0, utc, { at: "tomorrow" })).toThrow(LoyaltyValidationError);
  });
});

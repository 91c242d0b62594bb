import { describe, expect, it } from "vitest";
import { deadlines, LoyaltyValidationError, openComplaint } from "../../src/index.js";
import { berlin, opening } from "./_scenario.js";

const open = (at: string) =>
  openComplaint({ id: "c", customerId: "k", channel: "web", cause: "poor-overall-service", description: "d", at });

describe("deadlines", () => {
  it("counts business hours from receipt for the worked complaint (urgent)", () => {
    // Monday 2 March 09:12 Berlin (08:12Z). Acknowledge +1 h, plan +4 h the same day; resolve +40 h:
    // Mon 7h48 + Tue..Fri 4 × 8 h = 39h48, the last 12 min on Monday 9 March → 09:12 Berlin.
    expect(deadlines(openComplaint(opening), berlin)).toEqual({
      priority: "urgent",
      acknowledge: "2026-03-02T09:12:00.000Z",
      agreePlan: "2026-03-02T12:12:00.000Z",
      resolve: "2026-03-09T08:12:00.000Z",
      pausedMinutes: 0,
      waitingOn: null,
    });
  });

  it("carries the rest of a day over the weekend", () => {
    // Friday 6 March 16:00 Berlin, normal: 1 h on Friday, 3 h on Monday → Monday 12:00 Berlin.
    expect(deadlines(open("2026-03-06T16:00:00+01:00"), berlin).acknowledge).toBe("2026-03-09T11:00:00.000Z");
  });

  it("starts the clock at opening time when the complaint arrives before it", () => {
    expect(deadlines(open("2026-03-02T07:00:00+01:00"), berlin).acknowledge).toBe("2026-03-02T12:00:00.000Z"); // 13:00 Berlin
  });

  it("ends at closing time rather than the next morning when the hours run out exactly", () => {
    // Monday 09:00 + 16 business hours = Tuesday 17:00.
    expect(deadlines(open("2026-03-02T09:00:00+01:00"), berlin).agreePlan).toBe("2026-03-03T16:00:00.000Z");
  });

  it("follows the wall clock across the change to summer time", () => {
    // Friday 27 March 16:30 (+01:00): 30 min on Friday; DST starts Sunday 29 March; Monday 30 March
    // 09:00 (+02:00) + 3h30 → 12:30 Berlin = 10:30Z.
    expect(deadlines(open("2026-03-27T16:30:00+01:00"), berlin).acknowledge).toBe("2026-03-30T10:30:00.000Z");
  });

  it("skips holidays", () => {
    // Thursday 2 April 16:00 (+02:00): 1 h; Good Friday, the weekend and Easter Monday off;
    // Tuesday 7 April 09:00 + 3 h → 12:00 Berlin = 10:00Z.
    expect(deadlines(open("2026-04-02T16:00:00+02:00"), berlin).acknowledge).toBe("2026-04-07T10:00:00.000Z");
  });

  it("runs round the clock without business hours", () => {
    const { businessHours: _, holidays: __, ...allDay } = berlin;
    expect(deadlines(open("2026-03-06T16:00:00+01:00"), allDay).acknowledge).toBe("2026-03-06T19:00:00.000Z");
  });

  it("rejects an invalid policy with a typed error", () => {
    expect(() => deadlines(open("2026-03-02T09:00:00Z"), { ...berlin, timeZone: "Europe/Atlantis" })).toThrow(
      /timeZone: expected an IANA time zone/,
    );
    const t = { acknowledgeHours: 8, agreePlanHours: 4, resolveHours: 40 };
    expect(() =>
      deadlines(open("2026-03-02T09:00:00Z"), { ...berlin, targets: { ...berlin.targets, low: t } }),
    ).toThrow(LoyaltyValidationError);
    expect(() =>
      deadlines(open("2026-03-02T09:00:00Z"), {
        ...berlin,
        businessHours: { days: [1], start: "17:00", end: "09:00" },
      }),
    ).toThrow(/businessHours.end: expected start before end/);
  });
});

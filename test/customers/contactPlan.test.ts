import { describe, expect, it } from "vitest";
import {
  CONTACT_PLAN_MAX_DAYS,
  contactPlan,
  LoyaltyValidationError,
  parseCustomer,
  type ContactPlanOptions,
  type CustomerInput,
} from "../../src/index.js";

// Asia/Jakarta is UTC+7 all year (no daylight saving), so 10:00 WIB is 03:00Z.
const MARCH: ContactPlanOptions = {
  from: "2026-03-01T00:00:00+07:00",
  to: "2026-04-01T00:00:00+07:00",
  timeZone: "Asia/Jakarta",
  cadence: { default: "weekly" },
  quietHours: { start: "21:00", end: "09:00" },
  minGapHours: 48,
};

function ayu(over: Partial<CustomerInput> = {}): ReturnType<typeof parseCustomer> {
  return parseCustomer({
    id: "ayu",
    lastName: "Sari",
    enrolledAt: "2026-03-02T15:00:00+07:00",
    identifiers: [{ kind: "phone", number: "+6281234567890" }],
    consents: [
      { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
      { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    ],
    ...over,
  });
}

describe("contactPlan", () => {
  it("plans Ayu's first month: a welcome, weekly contact, and a reminder a week before her bonus expires", () => {
    // 100 welcome points earned 2 March expire at the end of 2 April (one month: validity ends at the end of the same day of the next month).
    const plan = contactPlan([ayu()], {
      ...MARCH,
      expiringLots: [{ customerId: "ayu", points: "100", expiresAt: "2026-04-02T23:59:59.999+07:00" }],
    });
    expect(plan.contacts).toEqual([
      { customerId: "ayu", at: "2026-03-02T08:00:00.000Z", kind: "welcome", channel: "sms" },
      { customerId: "ayu", at: "2026-03-09T03:00:00.000Z", kind: "routine", channel: "sms" },
      { customerId: "ayu", at: "2026-03-16T03:00:00.000Z", kind: "routine", channel: "sms" },
      { customerId: "ayu", at: "2026-03-23T03:00:00.000Z", kind: "routine", channel: "sms" },
      // 2 April − 7 days = 26 March, 10:00 WIB.
      {
        customerId: "ayu",
        at: "2026-03-26T03:00:00.000Z",
        kind: "expiry-reminder",
        channel: "sms",
        points: "100",
        expiresAt: "2026-04-02T16:59:59.999Z",
      },
      { customerId: "ayu", at: "2026-03-30T03:00:00.000Z", kind: "routine", channel: "sms" },
    ]);
    expect(plan.skipped).toEqual([]);
  });

  it("drops a routine contact that falls inside the minimum gap of an expiry reminder", () => {
    // Expiring 24 March → reminder 17 March 10:00, 24 h after the routine contact of 16 March.
    const plan = contactPlan([ayu()], {
      ...MARCH,
      expiringLots: [{ customerId: "ayu", points: "40", expiresAt: "2026-03-24T23:59:59.999+07:00" }],
    });
    expect(plan.contacts.map((c) => `${c.at.slice(0, 10)} ${c.kind}`)).toEqual([
      "2026-03-02 welcome",
      "2026-03-09 routine",
      "2026-03-17 expiry-reminder",
      "2026-03-23 routine",
      "2026-03-30 routine",
    ]);
    expect(plan.skipped).toEqual([
      {
        customerId: "ayu",
        at: "2026-03-16T03:00:00.000Z",
        kind: "routine",
        reason: "min-gap",
        conflictsWith: { kind: "expiry-reminder", at: "2026-03-17T03:00:00.000Z" },
      },
    ]);
  });

  it("sums lots expiring the same local day exactly, and ignores lots of customers not planned", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      cadence: { default: "none" },
      welcome: false,
      expiringLots: [
        { customerId: "ayu", points: "50", expiresAt: "2026-03-24T23:59:59.999+07:00" },
        { customerId: "ayu", points: "25.5", expiresAt: "2026-03-24T12:00:00+07:00" },
        { customerId: "someone-else", points: "10", expiresAt: "2026-03-24T12:00:00+07:00" },
      ],
    });
    expect(plan.contacts).toEqual([
      {
        customerId: "ayu",
        at: "2026-03-17T03:00:00.000Z",
        kind: "expiry-reminder",
        channel: "sms",
        points: "75.5",
        expiresAt: "2026-03-24T05:00:00.000Z",
      },
    ]);
  });

  it("moves a welcome out of quiet hours to the next morning", () => {
    const late = ayu({
      enrolledAt: "2026-03-02T21:30:00+07:00",
      consents: [
        { purpose: "personal-data", status: "given", at: "2026-03-02T21:30:00+07:00", method: "signed-form" },
        {
          purpose: "marketing",
          channel: "sms",
          status: "given",
          at: "2026-03-02T21:30:00+07:00",
          method: "signed-form",
        },
      ],
    });
    const plan = contactPlan([late], { ...MARCH, cadence: { default: "none" } });
    expect(plan.contacts).toEqual([
      { customerId: "ayu", at: "2026-03-03T02:00:00.000Z", kind: "welcome", channel: "sms" },
    ]);
  });

  it("moves a contact out of quiet hours that do not wrap midnight", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      welcome: false,
      sendTime: "12:30",
      quietHours: { start: "12:00", end: "13:00" },
    });
    // 13:00 WIB = 06:00Z.
    expect(plan.contacts[0]?.at).toBe("2026-03-09T06:00:00.000Z");
  });

  describe("quiet hours across a DST change (Europe/Berlin)", () => {
    const berlin = (enrolledAt: string) =>
      parseCustomer({
        id: "greta",
        enrolledAt,
        identifiers: [{ kind: "phone", number: "+4915112345678" }],
        consents: [
          { purpose: "personal-data", status: "given", at: enrolledAt, method: "signed-form" },
          { purpose: "marketing", channel: "sms", status: "given", at: enrolledAt, method: "signed-form" },
        ],
      });
    const options = (from: string, to: string, quietHours: { start: string; end: string }) => ({
      from,
      to,
      timeZone: "Europe/Berlin",
      cadence: { default: "monthly" as const },
      quietHours,
      channels: ["sms" as const],
    });

    it("skips a day whose only open window falls in the spring-forward gap", () => {
      // 2026-03-29: clocks jump from 02:00 to 03:00. Quiet 02:57–02:18 leaves only 02:18–02:57 open,
      // which does not exist that day; the welcome at 01:30 CET waits for 02:18 CEST on the 30th
      // (00:18Z), not 03:18 CEST on the 29th (still quiet).
      const plan = contactPlan(
        [berlin("2026-03-29T01:30:00+01:00")],
        options("2026-03-29T00:00:00Z", "2026-04-02T00:00:00Z", { start: "02:57", end: "02:18" }),
      );
      expect(plan.contacts[0]?.kind).toBe("welcome");
      expect(plan.contacts[0]?.at).toBe("2026-03-30T00:18:00.000Z");
    });

    it("never moves a contact back in time when the end of quiet hours occurs twice (fall back)", () => {
      // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:00–02:59 happens twice. Enrolled at 02:10
      // CET (the second time, 01:10Z) inside quiet hours 01:00–02:30: the welcome goes at 02:30 CET
      // (01:30Z), not at the first 02:30 (CEST, 00:30Z), which is before she enrolled and consented.
      const plan = contactPlan(
        [berlin("2026-10-25T02:10:00+01:00")],
        options("2026-10-25T00:00:00Z", "2026-10-28T00:00:00Z", { start: "01:00", end: "02:30" }),
      );
      expect(plan.contacts[0]?.kind).toBe("welcome");
      expect(plan.contacts[0]?.at).toBe("2026-10-25T01:30:00.000Z");
    });
  });

  it("uses only channels with marketing consent at that instant, in the caller's order", () => {
    const c = ayu({
      contact: { email: "ayu@example.com" },
      consents: [
        { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
        {
          purpose: "marketing",
          channel: "sms",
          status: "given",
          at: "2026-03-02T15:00:00+07:00",
          method: "signed-form",
        },
        {
          purpose: "marketing",
          channel: "sms",
          status: "withdrawn",
          at: "2026-03-20T09:00:00+07:00",
          method: "verbal",
        },
        { purpose: "marketing", channel: "email", status: "given", at: "2026-03-21T12:00:00+07:00", method: "web" },
      ],
    });
    const plan = contactPlan([c], { ...MARCH, channels: ["sms", "email"] });
    expect(plan.contacts.map((x) => `${x.at.slice(0, 10)} ${x.channel}`)).toEqual([
      "2026-03-02 sms",
      "2026-03-09 sms",
      "2026-03-16 sms",
      "2026-03-23 email",
      "2026-03-30 email",
    ]);

    const smsOnly = contactPlan([c], { ...MARCH, channels: ["sms"] });
    expect(smsOnly.skipped).toEqual([
      {
        customerId: "ayu",
        at: "2026-03-23T03:00:00.000Z",
        kind: "routine",
        reason: "no-channel",
        channels: [{ channel: "sms", reason: "marketing-consent-withdrawn" }],
      },
      {
        customerId: "ayu",
        at: "2026-03-30T03:00:00.000Z",
        kind: "routine",
        reason: "no-channel",
        channels: [{ channel: "sms", reason: "marketing-consent-withdrawn" }],
      },
    ]);
  });

  it("contacts nobody who has not consented", () => {
    const plan = contactPlan([ayu({ consents: [] })], MARCH);
    expect(plan.contacts).toEqual([]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      "no-channel",
      "no-channel",
      "no-channel",
      "no-channel",
      "no-channel",
    ]);
  });

  it("contacts big-profit customers weekly and the others monthly (Pareto's top 20% first), clamping to month end", () => {
    const since = "2026-01-31T10:00:00+07:00";
    const consents = [
      { purpose: "personal-data" as const, status: "given" as const, at: since, method: "signed-form" as const },
      {
        purpose: "marketing" as const,
        channel: "sms" as const,
        status: "given" as const,
        at: since,
        method: "signed-form" as const,
      },
    ];
    const big = ayu({ id: "big", segment: "big-profit", enrolledAt: since, consents });
    const small = ayu({
      id: "small",
      segment: "small-profit",
      enrolledAt: since,
      identifiers: [{ kind: "phone", number: "+6281234567891" }],
      consents,
    });
    const plan = contactPlan([small, big], {
      from: "2026-02-01T00:00:00+07:00",
      to: "2026-04-01T00:00:00+07:00",
      timeZone: "Asia/Jakarta",
      cadence: { default: "monthly", segments: [{ segment: "big-profit", every: "weekly" }] },
    });
    const dates = (id: string): string[] =>
      plan.contacts.filter((c) => c.customerId === id).map((c) => c.at.slice(0, 10));
    // 31 January + 1 month = 28 February (2026 is not a leap year); + 2 months = 31 March.
    expect(dates("small")).toEqual(["2026-02-28", "2026-03-31"]);
    expect(dates("big")).toEqual([
      "2026-02-07",
      "2026-02-14",
      "2026-02-21",
      "2026-02-28",
      "2026-03-07",
      "2026-03-14",
      "2026-03-21",
      "2026-03-28",
    ]);
  });

  it("keeps the weekday and the day of month of a customer enrolled years ago", () => {
    const since = "2020-01-06T12:00:00+07:00"; // a Monday
    const consents = [
      { purpose: "personal-data" as const, status: "given" as const, at: since, method: "signed-form" as const },
      {
        purpose: "marketing" as const,
        channel: "sms" as const,
        status: "given" as const,
        at: since,
        method: "signed-form" as const,
      },
    ];
    const weekly = contactPlan([ayu({ enrolledAt: since, consents })], { ...MARCH, welcome: false });
    // The Mondays of March 2026.
    expect(weekly.contacts.map((c) => c.at.slice(0, 10))).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
    ]);
    const monthly = contactPlan([ayu({ enrolledAt: "2020-01-31T12:00:00+07:00", consents })], {
      ...MARCH,
      from: "2026-02-01T00:00:00+07:00",
      cadence: { default: "monthly" },
      welcome: false,
    });
    expect(monthly.contacts.map((c) => c.at)).toEqual(["2026-02-28T03:00:00.000Z", "2026-03-31T03:00:00.000Z"]);
  });

  it("skips a reminder that would come after the points expired", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      cadence: { default: "none" },
      welcome: false,
      expiryReminderDays: 0,
      expiringLots: [{ customerId: "ayu", points: "5", expiresAt: "2026-03-24T08:00:00+07:00" }],
    });
    expect(plan.contacts).toEqual([]);
    expect(plan.skipped).toMatchObject([{ kind: "expiry-reminder", reason: "after-expiry", points: "5" }]);
  });

  it("gives the same plan whatever the order of the customers", () => {
    const a = ayu();
    const b = ayu({ id: "budi", identifiers: [{ kind: "phone", number: "+6281234567899" }] });
    expect(contactPlan([a, b], MARCH)).toEqual(contactPlan([b, a], MARCH));
  });

  it("rejects bad options with the field named", () => {
    const c = [ayu()];
    expect(() => contactPlan(c, { ...MARCH, to: MARCH.from })).toThrowError(/to: expected "to" after "from"/);
    expect(() => contactPlan(c, { ...MARCH, timeZone: "Mars/Olympus" })).toThrowError(/timeZone/);
    expect(() => contactPlan(c, { ...MARCH, sendTime: "25:00" })).toThrowError(/sendTime/);
    expect(() => contactPlan(c, { ...MARCH, minGapHours: -1 })).toThrowError(/minGapHours/);
    expect(() => contactPlan(c, { ...MARCH, minGapHours: Number.NaN })).toThrow(LoyaltyValidationError);
    expect(() =>
      contactPlan(c, {
        ...MARCH,
        expiringLots: [{ customerId: "ayu", points: "-5", expiresAt: "2026-03-24T08:00:00+07:00" }],
      }),
    ).toThrowError(/expiringLots\.0\.points/);
    expect(() => contactPlan([ayu(), ayu()], MARCH)).toThrowError(/customers\.1\.id/);
  });
});

describe("contactPlan bounds its work (issue 16)", () => {
  it("refuses a window longer than CONTACT_PLAN_MAX_DAYS, quickly, with a typed error", () => {
    const started = performance.now();
    // 0000-01-01 to 9999-12-31: the window that ran for minutes before the bound.
    expect(() => contactPlan([ayu()], { ...MARCH, from: "0000-01-01T00:00:00Z", to: "9999-12-31T00:00:00Z" })).toThrow(
      /at most 1100 days/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(CONTACT_PLAN_MAX_DAYS).toBe(1100);
    // Exactly 1100 days is accepted (2026-03-01 + 1100 days = 2029-03-05).
    expect(
      contactPlan([ayu()], { ...MARCH, from: "2026-03-01T00:00:00Z", to: "2029-03-05T00:00:00Z" }).contacts.length,
    ).toBeGreaterThan(100);
  });
});

import { describe, expect, it } from "vitest";
import {
  contactPlan,
  LoyaltyValidationError,
  parseCustomer,
  type ContactPlanOptions,
  type CustomerInput,
} from "../../src/index.js";

// Asia/Jakarta is UTC+7 all year (no daylight saving; IANA tz database), so 10:00 WIB is 03:00Z.
// Only the lifecycle contacts: no cadence, no welcome.
const MARCH: ContactPlanOptions = {
  from: "2026-03-01T00:00:00+07:00",
  to: "2026-04-01T00:00:00+07:00",
  timeZone: "Asia/Jakarta",
  cadence: { default: "none" },
  welcome: false,
  quietHours: { start: "21:00", end: "09:00" },
  minGapHours: 0,
};

function ayu(over: Partial<CustomerInput> = {}): ReturnType<typeof parseCustomer> {
  return parseCustomer({
    id: "ayu",
    enrolledAt: "2026-03-02T15:00:00+07:00",
    identifiers: [{ kind: "phone", number: "+6281234567890" }],
    consents: [
      { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
      { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    ],
    ...over,
  });
}

describe("contactPlan: follow-up, win-back, thank-you", () => {
  it("follows up three local days after a purchase at the send time, once per purchase day", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      purchases: [
        { customerId: "ayu", at: "2026-03-05T19:30:00+07:00" },
        { customerId: "ayu", at: "2026-03-05T11:00:00+07:00" },
        { customerId: "someone-else", at: "2026-03-05T11:00:00+07:00" },
      ],
    });
    // 5 March + 3 days = 8 March, 10:00 WIB = 03:00Z; it names the first purchase of the day (04:00Z).
    expect(plan.contacts).toEqual([
      {
        customerId: "ayu",
        at: "2026-03-08T03:00:00.000Z",
        kind: "follow-up",
        channel: "sms",
        purchasedAt: "2026-03-05T04:00:00.000Z",
      },
    ]);
  });

  it("wins back a customer marked before the window at its first send time, and one marked later the next morning", () => {
    const budi = ayu({ id: "budi" });
    const plan = contactPlan([ayu(), budi], {
      ...MARCH,
      // Ayu consents only from 2 March 15:00 (personal data first), so her win-back at the window's
      // first 10:00 is refused.
      winBack: [
        { customerId: "ayu", stage: "lost", markedAt: "2026-02-20T00:00:00+07:00" },
        { customerId: "budi", stage: "lapsing", markedAt: "2026-03-01T12:00:00+07:00" },
        { customerId: "budi", stage: "lapsing", markedAt: "2026-03-10T11:00:00+07:00" },
      ],
    });
    // Budi: the latest mark counts; 10:00 on 10 March has passed at 11:00, so 11 March 10:00 WIB.
    expect(plan.contacts).toEqual([
      { customerId: "budi", at: "2026-03-11T03:00:00.000Z", kind: "win-back", channel: "sms", stage: "lapsing" },
    ]);
    expect(plan.skipped).toEqual([
      {
        customerId: "ayu",
        at: "2026-03-01T03:00:00.000Z",
        kind: "win-back",
        stage: "lost",
        reason: "no-channel",
        channels: [
          { channel: "email", reason: "no-personal-data-consent" },
          { channel: "sms", reason: "no-personal-data-consent" },
          { channel: "phone", reason: "no-personal-data-consent" },
          { channel: "post", reason: "no-personal-data-consent" },
        ],
      },
    ]);
  });

  it("thanks a customer after a resolved complaint, moved out of quiet hours", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      thankYouAfterHours: 2,
      resolvedComplaints: [{ customerId: "ayu", complaintId: "k-7", resolvedAt: "2026-03-12T20:00:00+07:00" }],
    });
    // 20:00 + 2 h = 22:00, inside quiet hours 21:00–09:00 → 13 March 09:00 WIB = 02:00Z.
    expect(plan.contacts).toEqual([
      { customerId: "ayu", at: "2026-03-13T02:00:00.000Z", kind: "thank-you", channel: "sms", complaintId: "k-7" },
    ]);
  });

  it("never contacts a customer who withdrew consent, whatever the kind", () => {
    const withdrawn = ayu({
      consents: [
        { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
        {
          purpose: "marketing",
          channel: "sms",
          status: "given",
          at: "2026-03-02T15:00:00+07:00",
          method: "signed-form",
        },
        { purpose: "marketing", channel: "sms", status: "withdrawn", at: "2026-03-06T08:00:00+07:00", method: "web" },
      ],
    });
    const plan = contactPlan([withdrawn], {
      ...MARCH,
      purchases: [{ customerId: "ayu", at: "2026-03-05T11:00:00+07:00" }],
      winBack: [{ customerId: "ayu", stage: "lapsing", markedAt: "2026-03-10T00:00:00+07:00" }],
      resolvedComplaints: [{ customerId: "ayu", complaintId: "k-1", resolvedAt: "2026-03-12T10:00:00+07:00" }],
    });
    expect(plan.contacts).toEqual([]);
    expect(plan.skipped.map((s) => `${s.kind} ${s.reason}`)).toEqual([
      "follow-up no-channel",
      "win-back no-channel",
      "thank-you no-channel",
    ]);
  });

  it("caps contacts per customer in any window across all kinds, keeping the more important ones", () => {
    const plan = contactPlan([ayu()], {
      ...MARCH,
      cadence: { default: "weekly" },
      welcome: true,
      cap: { max: 2, days: 7 },
      purchases: [
        { customerId: "ayu", at: "2026-03-05T12:00:00+07:00" },
        { customerId: "ayu", at: "2026-03-12T12:00:00+07:00" },
      ],
      thankYouAfterHours: 1,
      resolvedComplaints: [{ customerId: "ayu", complaintId: "k-2", resolvedAt: "2026-03-08T08:00:00+07:00" }],
    });
    // Welcome 2 March 15:00 and thank-you 8 March 09:00 fill the 7 days after the welcome, so the
    // follow-up of 8 March 10:00 and the routine contact of 9 March 10:00 are capped.
    expect(plan.contacts.map((c) => `${c.at} ${c.kind}`)).toEqual([
      "2026-03-02T08:00:00.000Z welcome",
      "2026-03-08T02:00:00.000Z thank-you",
      "2026-03-15T03:00:00.000Z follow-up",
      "2026-03-16T03:00:00.000Z routine",
      "2026-03-23T03:00:00.000Z routine",
      "2026-03-30T03:00:00.000Z routine",
    ]);
    expect(plan.skipped.map((s) => `${s.at} ${s.kind} ${s.reason}`)).toEqual([
      "2026-03-08T03:00:00.000Z follow-up cap",
      "2026-03-09T03:00:00.000Z routine cap",
    ]);
  });

  it("rejects malformed lifecycle options with the field named", () => {
    const c = [ayu()];
    expect(() => contactPlan(c, { ...MARCH, cap: { max: 0, days: 7 } })).toThrowError(/cap\.max/);
    expect(() => contactPlan(c, { ...MARCH, cap: { max: 1, days: 400 } })).toThrowError(/cap\.days/);
    expect(() =>
      contactPlan(c, {
        ...MARCH,
        // @ts-expect-error: "gone" is not a stage
        winBack: [{ customerId: "ayu", stage: "gone", markedAt: "2026-03-01T00:00:00Z" }],
      }),
    ).toThrowError(/winBack\.0\.stage/);
    expect(() => contactPlan(c, { ...MARCH, purchases: [{ customerId: "ayu", at: "2026-02-30T10:00:00Z" }] })).toThrow(
      LoyaltyValidationError,
    );
  });
});

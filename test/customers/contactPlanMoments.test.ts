import { describe, expect, it } from "vitest";
import { contactPlan, parseCustomer, type ContactPlanOptions, type CustomerInput } from "../../src/index.js";

// Europe/Berlin is UTC+1 in winter and UTC+2 from the last Sunday of March (IANA tz database), so a
// 10:00 greeting is 09:00Z on 28 February and 08:00Z on 29 March.
const SPRING: ContactPlanOptions = {
  from: "2027-02-01T00:00:00+01:00",
  to: "2027-05-01T00:00:00+02:00",
  timeZone: "Europe/Berlin",
  cadence: { default: "none" },
  welcome: false,
  minGapHours: 0,
};

const MARKETING = {
  purpose: "marketing",
  channel: "sms",
  status: "given",
  at: "2026-01-01T00:00:00Z",
  method: "web",
} as const;
const PERSONAL = { purpose: "personal-data", status: "given", at: "2026-01-01T00:00:00Z", method: "web" } as const;

function member(over: Partial<CustomerInput>): ReturnType<typeof parseCustomer> {
  return parseCustomer({
    id: "lena",
    identifiers: [{ kind: "phone", number: "+4915112345678" }],
    consents: [PERSONAL, MARKETING],
    ...over,
  });
}

describe("contactPlan: birthdays and tier changes", () => {
  it("greets on the local birthday at the send time; 29 February falls on 28 February in a common year", () => {
    const plan = contactPlan([member({ birthDate: "1992-02-29" })], { ...SPRING, birthdays: {} });
    expect(plan.contacts).toEqual([
      { customerId: "lena", at: "2027-02-28T09:00:00.000Z", kind: "birthday", channel: "sms", birthday: "2027-02-28" },
    ]);
    const march = contactPlan([member({ birthDate: "1992-02-29" })], { ...SPRING, birthdays: { feb29: "mar-1" } });
    expect(march.contacts.map((c) => c.birthday)).toEqual(["2027-03-01"]);
  });

  it("sends no birthday greeting unless asked, and none without personal-data consent", () => {
    expect(contactPlan([member({ birthDate: "1990-03-29" })], SPRING).contacts).toEqual([]);
    const noConsent = contactPlan([member({ birthDate: "1990-03-29", consents: [MARKETING] })], {
      ...SPRING,
      birthdays: {},
    });
    expect(noConsent.contacts).toEqual([]);
    expect(noConsent.skipped).toEqual([
      {
        customerId: "lena",
        at: "2027-03-29T08:00:00.000Z",
        kind: "birthday",
        birthday: "2027-03-29",
        reason: "no-personal-data-consent",
      },
    ]);
  });

  it("announces a tier change at the next send time, once, and not a change from before the window", () => {
    const change = { customerId: "lena", at: "2027-03-10T18:30:00+01:00", from: "silver", to: "gold" };
    const plan = contactPlan([member({})], {
      ...SPRING,
      tierChanges: [
        change,
        change,
        { customerId: "lena", at: "2027-01-01T00:00:00+01:00", from: "gold", to: "silver" },
      ],
    });
    expect(plan.contacts).toEqual([
      {
        customerId: "lena",
        at: "2027-03-11T09:00:00.000Z",
        kind: "tier-change",
        channel: "sms",
        tier: { from: "silver", to: "gold" },
      },
    ]);
  });

  it("the birthday wins over a routine contact inside the minimum gap", () => {
    const plan = contactPlan([member({ birthDate: "1990-04-05", enrolledAt: "2026-04-05T10:00:00+02:00" })], {
      ...SPRING,
      birthdays: {},
      cadence: { default: "monthly" },
      minGapHours: 48,
    });
    const april = plan.contacts.filter((c) => c.at.startsWith("2027-04-05"));
    expect(april.map((c) => c.kind)).toEqual(["birthday"]);
    expect(plan.skipped.find((s) => s.at.startsWith("2027-04-05"))?.reason).toBe("min-gap");
  });
});

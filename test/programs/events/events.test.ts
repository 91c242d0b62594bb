import { describe, expect, it } from "vitest";
import {
  anniversaryBonus,
  balance,
  birthdayBonus,
  eventBonus,
  eventRulesJsonSchema,
  openAccount,
  post,
  safeParseEventRules,
} from "../../../src/index.js";

// Points values are illustrative configuration. The 29 February rule (28 February in common years by
// default) is the one stated in our docs; the leap-year rule is the Gregorian one (2028 is leap, 2026
// and 2100 are not).
const consent = [
  {
    purpose: "personal-data" as const,
    status: "given" as const,
    at: "2020-01-01T00:00:00Z",
    method: "signed-form" as const,
  },
];
const rules = {
  timeZone: "Europe/Berlin",
  birthday: { points: "200" },
  anniversary: { points: "100", validDays: 7 },
  events: [
    { id: "review", name: "Review written", points: "50", cap: { count: 2, period: "month" as const } },
    { id: "profile", name: "Profile completed", points: "30", cap: { count: 1, period: "lifetime" as const } },
  ],
};

describe("birthdayBonus", () => {
  const anna = { id: "anna", birthDate: "1990-07-14", consents: consent };

  it("grants once a year on the birthday in the program's zone, not the server's", () => {
    // 23:30 on 14 July in Berlin is 21:30 UTC; 00:30 on 15 July in Berlin is still 14 July in UTC.
    const d = birthdayBonus(rules, anna, { at: "2026-07-14T21:30:00Z" });
    expect(d.granted).toBe(true);
    expect(d.entry).toEqual({
      kind: "earn",
      transactionId: "birthday:anna:2026",
      at: "2026-07-14T21:30:00.000Z",
      points: "200",
      meta: { reason: "birthday", year: 2026, on: "2026-07-14" },
    });
    const late = birthdayBonus(rules, anna, { at: "2026-07-14T22:30:00Z" });
    expect(late.reason).toBe("not-today");
    expect(late.explanation).toBe("No birthday bonus on 2026-07-15 (Europe/Berlin): the next birthday is 2027-07-14.");
  });

  it("a second grant in the same year is a duplicate in the ledger", () => {
    const a = birthdayBonus(rules, anna, { at: "2026-07-14T08:00:00Z" }).entry;
    const b = birthdayBonus(rules, anna, { at: "2026-07-14T18:00:00Z" }).entry;
    let account = openAccount({ accountId: "anna" });
    account = post(account, a as NonNullable<typeof a>).account;
    const second = post(account, { ...(b as NonNullable<typeof b>), at: (a as NonNullable<typeof a>).at });
    expect(second.status).toBe("duplicate");
    expect(balance(second.account, { at: "2026-07-15T00:00:00Z" })).toBe("200");
  });

  it("29 February: 28 February in common years (or 1 March), 29 February in leap years", () => {
    const leapling = { id: "l", birthDate: "2000-02-29", consents: consent };
    expect(birthdayBonus(rules, leapling, { at: "2026-02-28T12:00:00Z" }).entry?.meta).toEqual({
      reason: "birthday",
      year: 2026,
      on: "2026-02-28",
    });
    expect(birthdayBonus(rules, leapling, { at: "2028-02-28T12:00:00Z" }).reason).toBe("not-today");
    expect(birthdayBonus(rules, leapling, { at: "2028-02-29T12:00:00Z" }).granted).toBe(true);
    const march = { ...rules, birthday: { points: "200", feb29: "mar-1" as const } };
    expect(birthdayBonus(march, leapling, { at: "2026-02-28T12:00:00Z" }).reason).toBe("not-today");
    expect(birthdayBonus(march, leapling, { at: "2026-03-01T12:00:00Z" }).granted).toBe(true);
    expect(birthdayBonus(march, leapling, { at: "2100-03-01T12:00:00Z" }).entry?.transactionId).toBe("birthday:l:2100");
  });

  it("respects consent and says what is missing", () => {
    expect(birthdayBonus(rules, { id: "x", birthDate: "1990-07-14" }, { at: "2026-07-14T10:00:00Z" }).reason).toBe(
      "no-personal-data-consent",
    );
    const withdrawn = [
      ...consent,
      {
        purpose: "personal-data" as const,
        status: "withdrawn" as const,
        at: "2026-01-01T00:00:00Z",
        method: "web" as const,
      },
    ];
    expect(
      birthdayBonus(rules, { id: "x", birthDate: "1990-07-14", consents: withdrawn }, { at: "2026-07-14T10:00:00Z" })
        .reason,
    ).toBe("no-personal-data-consent");
    expect(birthdayBonus(rules, { id: "x", consents: consent }, { at: "2026-07-14T10:00:00Z" }).reason).toBe(
      "no-birth-date",
    );
    expect(birthdayBonus({ timeZone: "UTC" }, anna, { at: "2026-07-14T10:00:00Z" }).reason).toBe("no-rule");
  });
});

describe("anniversaryBonus", () => {
  const ben = { id: "ben", enrolledAt: "2024-05-10T09:00:00Z", consents: consent };

  it("grants from the first anniversary, within the valid days, counting the years", () => {
    expect(anniversaryBonus(rules, ben, { at: "2024-05-12T09:00:00Z" }).reason).toBe("not-today");
    const d = anniversaryBonus(rules, ben, { at: "2026-05-16T09:00:00Z" });
    expect(d.entry?.transactionId).toBe("anniversary:ben:2");
    expect(anniversaryBonus(rules, ben, { at: "2026-05-17T09:00:00Z" }).reason).toBe("not-today");
  });
});

describe("eventBonus", () => {
  const earlier = [
    { id: "r-1", type: "review", at: "2026-03-02T10:00:00Z" },
    { id: "r-2", type: "review", at: "2026-03-31T21:30:00Z" }, // 23:30 on 31 March in Berlin
  ];

  it("caps per calendar month in the program's zone", () => {
    expect(eventBonus(rules, { id: "r-3", type: "review", at: "2026-03-20T10:00:00Z" }, { earlier }).reason).toBe(
      "cap-reached",
    );
    // 00:30 on 1 April in Berlin: a new month there, although still 31 March in UTC.
    const april = eventBonus(rules, { id: "r-3", type: "review", at: "2026-03-31T22:30:00Z" }, { earlier });
    expect(april.granted).toBe(true);
    expect(april.entry?.transactionId).toBe("event:r-3");
  });

  it("is idempotent by event id, knows its rules, and caps a lifetime", () => {
    expect(eventBonus(rules, { id: "r-1", type: "review", at: "2026-05-01T10:00:00Z" }, { earlier }).reason).toBe(
      "duplicate",
    );
    const unknown = eventBonus(rules, { id: "x", type: "app", at: "2026-05-01T10:00:00Z" }, { earlier: [] });
    expect(unknown.explanation).toBe('No points: no event rule "app" (the rules know "review", "profile").');
    const once = [{ id: "p-1", type: "profile", at: "2020-01-01T00:00:00Z" }];
    expect(
      eventBonus(rules, { id: "p-2", type: "profile", at: "2026-05-01T10:00:00Z" }, { earlier: once }).reason,
    ).toBe("cap-reached");
  });

  it("refuses bad input with typed errors", () => {
    expect(() => eventBonus(rules, { id: "", type: "review", at: "2026-05-01T10:00:00Z" }, { earlier: [] })).toThrow(
      /event.id/,
    );
    expect(() => eventBonus(rules, { id: "e", type: "review", at: "2026-05-01T10:00:00Z" }, null as never)).toThrow(
      /options.earlier/,
    );
    expect(safeParseEventRules({ ...rules, events: [...rules.events, rules.events[0]] }).success).toBe(false);
    expect(eventRulesJsonSchema()["type"]).toBe("object");
  });
});

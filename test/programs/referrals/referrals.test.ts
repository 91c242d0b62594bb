import { describe, expect, it } from "vitest";
import {
  type CustomerInput,
  referralCode,
  referralDecision,
  referralReport,
  referralRulesJsonSchema,
} from "../../../src/index.js";

// Points and the minimum purchase are illustrative configuration; the rules tested are the issue's
// fraud rules (self-referral, shared card/phone/e-mail, cap per referrer per period, refunded purchase).
// The barcode 4006381333931 is a valid EAN-13 (check digit 1), the phone an E.164 number.
const rules = {
  timeZone: "Europe/Berlin",
  referrerPoints: "500",
  friendPoints: "250",
  minPurchase: "30.00",
  capPerReferrer: { count: 2, period: "month" as const },
};
const ana: CustomerInput = {
  id: "ana",
  contact: { email: "ana@example.org" },
  identifiers: [{ kind: "phone", number: "+4915112345678" }],
};
const bo: CustomerInput = { id: "bo", contact: { email: "bo@example.org" } };
const purchase = { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00" };

describe("referralDecision", () => {
  it("rewards both sides with idempotent earn requests", () => {
    const d = referralDecision(rules, ana, bo, { purchase, rewarded: [] });
    expect(d.reason).toBe("rewarded");
    expect(d.entries?.referrer).toMatchObject({
      transactionId: "referral:bo:referrer",
      points: "500",
      at: "2026-04-01T10:00:00.000Z",
    });
    expect(d.entries?.friend).toMatchObject({ transactionId: "referral:bo:friend", points: "250" });
    expect(d.explanation).toBe("ana earns 500 and bo earns 250 points for bo's first purchase t-1.");
  });

  it("refuses each fraud rule with its own reason", () => {
    const why = (
      a: CustomerInput,
      b: CustomerInput,
      extra: Partial<typeof purchase> & { refunded?: boolean } = {},
      rewarded: { referrerId: string; friendId: string; at: string }[] = [],
    ) => referralDecision(rules, a, b, { purchase: { ...purchase, ...extra }, rewarded }).reason;
    expect(why(ana, ana)).toBe("self-referral");
    const card = { kind: "barcode" as const, code: "4006381333931" };
    expect(why({ ...ana, identifiers: [card] }, { ...bo, identifiers: [card] })).toBe("shared-card");
    expect(why(ana, { ...bo, identifiers: [{ kind: "phone", number: "+4915112345678" }] })).toBe("shared-phone");
    expect(why(ana, { ...bo, contact: { email: "ANA@example.org" } })).toBe("shared-email");
    expect(why(ana, bo, { amount: "29.99" })).toBe("below-minimum");
    expect(why(ana, bo, { refunded: true })).toBe("refunded");
    expect(why(ana, bo, {}, [{ referrerId: "cy", friendId: "bo", at: "2026-03-01T10:00:00Z" }])).toBe(
      "already-rewarded",
    );
    const two = [
      { referrerId: "ana", friendId: "f1", at: "2026-04-01T08:00:00Z" },
      { referrerId: "ana", friendId: "f2", at: "2026-04-02T08:00:00Z" },
    ];
    expect(why(ana, bo, {}, two)).toBe("cap-reached");
    // Next month in Berlin: the cap starts again.
    expect(why(ana, bo, { at: "2026-04-30T22:30:00Z" }, two)).toBe("rewarded");
  });

  it("refuses bad input with typed errors", () => {
    expect(() => referralDecision(rules, ana, bo, { purchase: { ...purchase, amount: "-1" }, rewarded: [] })).toThrow(
      /purchase.amount/,
    );
    expect(() => referralDecision({ ...rules, referrerPoints: "0" }, ana, bo, { purchase, rewarded: [] })).toThrow(
      /referrerPoints/,
    );
    expect(referralRulesJsonSchema()["type"]).toBe("object");
  });
});

describe("referralCode", () => {
  it("is stable per member and salt, 10 Crockford base-32 characters", () => {
    const a = referralCode("ana", { salt: "s" });
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(referralCode("ana", { salt: "s" })).toBe(a);
    expect(referralCode("ana", { salt: "t" })).not.toBe(a);
    expect(referralCode("bo", { salt: "s" })).not.toBe(a);
    const codes = new Set(Array.from({ length: 5000 }, (_, i) => referralCode(`c-${i}`, { salt: "s" })));
    expect(codes.size).toBe(5000);
    expect(() => referralCode("ana", { salt: "" })).toThrow(/options.salt/);
  });
});

describe("referralReport", () => {
  it("counts invitations, conversions and points, and ranks advocates", () => {
    const r = referralReport([
      {
        referrerId: "ana",
        invitedAt: "2026-03-01T10:00:00Z",
        friendId: "bo",
        rewardedAt: "2026-03-05T10:00:00Z",
        pointsPaid: "750",
      },
      { referrerId: "ana", invitedAt: "2026-03-02T10:00:00Z", friendId: "cy" },
      {
        referrerId: "dee",
        invitedAt: "2026-03-03T10:00:00Z",
        friendId: "ed",
        rewardedAt: "2026-03-09T10:00:00Z",
        pointsPaid: "750",
      },
      {
        referrerId: "dee",
        invitedAt: "2026-03-04T10:00:00Z",
        friendId: "fi",
        rewardedAt: "2026-03-10T10:00:00Z",
        pointsPaid: "750",
      },
    ]);
    expect(r).toEqual({
      invitations: 4,
      enrolled: 4,
      conversions: 3,
      conversionRate: 0.75,
      pointsPaid: "2250",
      topAdvocates: [
        { customerId: "dee", invitations: 2, conversions: 2, pointsPaid: "1500" },
        { customerId: "ana", invitations: 2, conversions: 1, pointsPaid: "750" },
      ],
    });
    expect(referralReport([]).conversionRate).toBe(0);
    expect(() => referralReport([{ referrerId: "", invitedAt: "2026-03-01T10:00:00Z" }])).toThrow(/records.0/);
  });
});

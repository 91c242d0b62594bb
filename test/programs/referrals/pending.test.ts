// Referral rewards pending until the friend's return window ends (rules.pendingDays). 30 days is the
// approval period LoyaltyLion's help centre names for purchases and referrals ("They will be approved
// after 30 days"); the points are the illustrative configuration of referrals.test.ts.
import { describe, expect, it } from "vitest";
import {
  balance,
  type CustomerInput,
  LoyaltyValidationError,
  openAccount,
  pendingPoints,
  post,
  referralDecision,
  referralRulesJsonSchema,
} from "../../../src/index.js";

const rules = { timeZone: "Europe/Berlin", referrerPoints: "500", friendPoints: "250", pendingDays: 30 };
const ana: CustomerInput = { id: "ana" };
const bo: CustomerInput = { id: "bo" };
const purchase = { transactionId: "t-1", at: "2026-04-01T10:00:00Z", amount: "45.00" };

describe("referral rewards with a return window", () => {
  it("are pending until the friend's window ends, and say so", () => {
    const d = referralDecision(rules, ana, bo, { purchase, rewarded: [] });
    expect(d.entries?.referrer).toMatchObject({ availableAt: "2026-05-01T10:00:00.000Z", points: "500" });
    expect(d.entries?.friend).toMatchObject({ availableAt: "2026-05-01T10:00:00.000Z", points: "250" });
    expect(d.explanation).toContain(
      "pending until 2026-05-01T10:00:00.000Z (the end of the friend's 30-day return window)",
    );
    const referrer = post(openAccount({ accountId: "ana" }), d.entries!.referrer).account;
    expect(balance(referrer, { at: "2026-04-15T00:00:00Z" })).toBe("0");
    expect(pendingPoints(referrer, { at: "2026-04-15T00:00:00Z" })).toBe("500");
    expect(balance(referrer, { at: "2026-05-01T10:00:00Z" })).toBe("500");
  });

  it("a refund inside the window is settled by reversing them: no clawback", () => {
    const d = referralDecision(rules, ana, bo, { purchase, rewarded: [] });
    let referrer = post(openAccount({ accountId: "ana" }), {
      kind: "earn",
      transactionId: "own",
      at: "2026-03-01T10:00:00Z",
      points: "20",
    }).account;
    referrer = post(referrer, d.entries!.referrer).account;
    referrer = post(referrer, {
      kind: "reverse",
      transactionId: "referral-refunded",
      at: "2026-04-10T10:00:00Z",
      reverses: "referral:bo:referrer",
    }).account;
    expect(balance(referrer, { at: "2026-06-01T00:00:00Z" })).toBe("20");
    expect(referrer.debits).toEqual([]);
  });

  it("without pendingDays the rewards are available at once; a bad pendingDays is refused", () => {
    const { pendingDays: _, ...now } = rules;
    expect(referralDecision(now, ana, bo, { purchase, rewarded: [] }).entries?.friend).not.toHaveProperty(
      "availableAt",
    );
    expect(() => referralDecision({ ...rules, pendingDays: 0 }, ana, bo, { purchase, rewarded: [] })).toThrow(
      LoyaltyValidationError,
    );
    expect(JSON.stringify(referralRulesJsonSchema())).toContain('"pendingDays"');
  });
});

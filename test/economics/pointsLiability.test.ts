import { describe, expect, it } from "vitest";
import { pointsLiability } from "../../src/economics/pointsLiability.js";
import { LoyaltyError, LoyaltyValidationError } from "../../src/errors/errors.js";
import { openAccount } from "../../src/ledger/openAccount.js";
import { postMany } from "../../src/ledger/postMany.js";

// Figures below are worked by hand from the entries in each test (points × a point value of 0.01 EUR,
// a common "1 point = 1 cent" program rule); the buckets follow issue 21 (30 / 90 / 365 days, later, never).
const EUR_CENT = { amount: "0.01", currency: "EUR" };
const AT = "2026-03-01T00:00:00Z";

function ann() {
  return postMany(openAccount({ accountId: "ann" }), [
    { kind: "earn", transactionId: "a1", at: "2026-01-01T10:00:00Z", points: "100", expiresAt: "2026-03-20T00:00:00Z" },
    { kind: "earn", transactionId: "a2", at: "2026-01-02T10:00:00Z", points: "200", expiresAt: "2026-05-01T00:00:00Z" },
    { kind: "earn", transactionId: "a3", at: "2026-01-03T10:00:00Z", points: "300", expiresAt: "2026-12-01T00:00:00Z" },
    { kind: "earn", transactionId: "a4", at: "2026-01-04T10:00:00Z", points: "400", expiresAt: "2027-06-01T00:00:00Z" },
    { kind: "earn", transactionId: "a5", at: "2026-01-05T10:00:00Z", points: "555" },
    {
      kind: "earn",
      transactionId: "gone",
      at: "2026-01-06T10:00:00Z",
      points: "999",
      expiresAt: "2026-02-01T00:00:00Z",
    },
    // A redeem consumes the soonest-expiring lot first: these 50 come out of 'gone' (2026-02-01).
    { kind: "redeem", transactionId: "r1", at: "2026-01-20T10:00:00Z", points: "50" },
  ]).account;
}

describe("pointsLiability", () => {
  it("splits outstanding points by expiry bucket and values them exactly", () => {
    const r = pointsLiability([ann()], { at: AT, pointValue: EUR_CENT });
    // 19 days → 30-day bucket; 61 days → 90; 275 days → 365; 457 days → later; no expiry → never.
    expect(r.byExpiry.within30Days.points).toBe("100");
    expect(r.byExpiry.within90Days.points).toBe("200");
    expect(r.byExpiry.within365Days.points).toBe("300");
    expect(r.byExpiry.later.points).toBe("400");
    expect(r.byExpiry.never).toEqual({ points: "555", value: { amount: "5.55", currency: "EUR" } });
    // 'gone' (999, of which 50 redeemed) expired on 2026-02-01: not owed any more.
    expect(r.outstanding).toEqual({ points: "1555", value: { amount: "15.55", currency: "EUR" } });
    expect(Object.isFrozen(r.byExpiry)).toBe(true);
  });

  it("gives the same answer from the history as from the snapshot, and values as of an earlier date", () => {
    const account = ann();
    const fromHistory = pointsLiability([{ accountId: "ann", entries: account.entries }], {
      at: AT,
      pointValue: EUR_CENT,
    });
    expect(fromHistory).toEqual(pointsLiability([account], { at: AT, pointValue: EUR_CENT }));
    // On 2026-01-10 the redeem has not happened and 'gone' is still alive: 1555 + 999.
    const early = pointsLiability([account], { at: "2026-01-10T00:00:00Z", pointValue: EUR_CENT });
    expect(early.outstanding.points).toBe("2554");
  });

  it("splits by tier and reports open holds as held and debts as owed", () => {
    const bob = postMany(openAccount({ accountId: "bob", negativeLimit: "100" }), [
      { kind: "earn", transactionId: "b1", at: "2026-01-01T10:00:00Z", points: "80" },
      { kind: "hold", transactionId: "h1", at: "2026-02-20T10:00:00Z", points: "30" },
    ]).account;
    const cy = postMany(openAccount({ accountId: "cy", negativeLimit: "100" }), [
      { kind: "redeem", transactionId: "c1", at: "2026-01-01T10:00:00Z", points: "40" },
    ]).account;
    const r = pointsLiability([ann(), bob, cy], {
      at: AT,
      pointValue: EUR_CENT,
      tiers: { ann: "Gold", bob: "Silver" },
    });
    expect(r.byTier["Gold"]?.points).toBe("1555");
    expect(r.byTier["Silver"]?.points).toBe("50");
    expect(r.byTier["none"]?.points).toBe("0");
    expect(r.held).toEqual({ points: "30", value: { amount: "0.30", currency: "EUR" } });
    expect(r.pending).toEqual({ points: "0", value: { amount: "0.00", currency: "EUR" } });
    expect(r.owedPoints).toBe("40");
    expect(r.accounts).toBe(3);
  });

  it("reports points inside a return window as pending, apart from outstanding, until they are released", () => {
    // 60 points earned on 20 February pending for 30 days (the approval period LoyaltyLion's help
    // centre gives as an example), beside 10 available ones.
    const acc = postMany(openAccount({ accountId: "p" }), [
      { kind: "earn", transactionId: "p0", at: "2026-01-01T10:00:00Z", points: "10" },
      {
        kind: "earn",
        transactionId: "p1",
        at: "2026-02-20T10:00:00Z",
        points: "60",
        availableAt: "2026-03-22T10:00:00Z",
      },
    ]).account;
    const inside = pointsLiability([acc], { at: "2026-03-01T00:00:00Z", pointValue: EUR_CENT });
    expect(inside.outstanding.points).toBe("10");
    expect(inside.pending).toEqual({ points: "60", value: { amount: "0.60", currency: "EUR" } });
    expect(inside.held.points).toBe("0");
    const after = pointsLiability([acc], { at: "2026-03-22T10:00:00Z", pointValue: EUR_CENT });
    expect(after.outstanding.points).toBe("70");
    expect(after.pending.points).toBe("0");
  });

  it("rounds each value half-even to the currency's minor unit", () => {
    const acc = postMany(openAccount({ accountId: "d" }), [
      { kind: "earn", transactionId: "d1", at: "2026-01-01T10:00:00Z", points: "125" },
    ]).account;
    // 125 × 0.005 = 0.625 → 0.62 half-even (0.63 half-up would be wrong).
    const r = pointsLiability([acc], { at: AT, pointValue: { amount: "0.005", currency: "EUR" } });
    expect(r.outstanding.value.amount).toBe("0.62");
  });

  it("rejects a bad instant, a negative point value, and a history that does not add up", () => {
    expect(() => pointsLiability([], { at: "yesterday", pointValue: EUR_CENT })).toThrow(/at: expected an ISO-8601/);
    expect(() => pointsLiability([], { at: AT, pointValue: { amount: "-1", currency: "EUR" } })).toThrow(
      LoyaltyValidationError,
    );
    expect(() =>
      pointsLiability(
        [
          {
            accountId: "x",
            entries: [{ kind: "redeem", transactionId: "r", at: "2026-01-01T00:00:00Z", points: "5" }],
          },
        ],
        { at: AT, pointValue: EUR_CENT },
      ),
    ).toThrow(LoyaltyError);
    expect(() => pointsLiability([{ nope: 1 } as never], { at: AT, pointValue: EUR_CENT })).toThrow(/accounts\.0/);
  });
});

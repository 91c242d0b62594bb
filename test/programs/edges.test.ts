import { describe, expect, it } from "vitest";
import {
  accumulatedSpend,
  balance,
  checkout,
  checkoutAll,
  openProgramAccount,
  parseProgram,
  post,
  quote,
  refund,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, cumulative, discount10, eur, stamps } from "./_fixtures.js";

describe("the rolling window's edge", () => {
  const program = cumulative(false);
  function spentAt(at: string): ProgramAccount {
    return checkout(
      program,
      openProgramAccount(program, { customerId: "c", consent: true }),
      basket(at, [{ price: "1000.00" }]),
      { transactionId: "old", consent: true },
    ).account;
  }
  // 12 months before 2027-03-01T10:00:00Z (11:00 in Berlin) is 2026-03-01T10:00:00Z
  const now = basket("2027-03-01T10:00:00Z", [{ price: "10.00" }]);
  it("drops a purchase exactly 12 months old", () => {
    expect(quote(program, spentAt("2026-03-01T10:00:00Z"), now, { consent: true }).accumulatedSpend).toEqual(
      eur("0.00"),
    );
  });
  it("keeps a purchase one millisecond younger", () => {
    expect(quote(program, spentAt("2026-03-01T10:00:00.001Z"), now, { consent: true }).accumulatedSpend).toEqual(
      eur("1000.00"),
    );
  });
  it("clamps to month end: one month before 31 March is 28 February (same wall-clock time in Berlin)", () => {
    const monthly = parseProgram({
      ...common,
      kind: "cumulative",
      id: "m",
      name: "M",
      tiers: [{ name: "T", threshold: "0", percent: "0" }],
      window: { type: "rolling", months: 1 },
    });
    const account = checkout(
      monthly,
      openProgramAccount(monthly, { customerId: "c", consent: true }),
      basket("2026-02-28T08:59:59Z", [{ price: "5.00" }]),
      { transactionId: "feb", consent: true },
    ).account;
    // 31 March 2026 10:00 Berlin (08:00Z, summer time) − 1 month = 28 February 2026 10:00 Berlin (09:00Z)
    expect(accumulatedSpend(monthly, account, { at: "2026-03-31T08:00:00Z" })).toEqual(eur("0.00"));
    const later = checkout(
      monthly,
      openProgramAccount(monthly, { customerId: "c", consent: true }),
      basket("2026-02-28T09:00:01Z", [{ price: "5.00" }]),
      { transactionId: "feb", consent: true },
    ).account;
    expect(accumulatedSpend(monthly, later, { at: "2026-03-31T08:00:00Z" })).toEqual(eur("5.00"));
  });
});

describe("redemption rules", () => {
  const p = parseProgram({
    ...common,
    kind: "bonus",
    id: "r",
    name: "R",
    earn: { rules: [] },
    redeem: { pointValue: "0.05", minPoints: "100", step: "50", maxShare: "100" },
  });
  function withPoints(points: string): ProgramAccount {
    const a = openProgramAccount(p, { customerId: "c", consent: true });
    return {
      ...a,
      points: post(a.points, { kind: "earn", transactionId: "o", at: "2026-01-02T00:00:00Z", points }).account,
    };
  }
  it("uses points in multiples of the step", () => {
    // 7.49 can take at most 149.8 points at 0.05: 100 in steps of 50
    const q = quote(p, withPoints("1000"), basket("2026-03-01T10:00:00Z", [{ price: "7.49" }]), {
      consent: true,
      redeemPoints: "max",
    });
    expect(q.pointsRedeemed).toBe("100");
    expect(q.pointsMoney).toEqual(eur("5.00"));
  });
  it("uses none below the minimum and says so", () => {
    const q = quote(p, withPoints("99"), basket("2026-03-01T10:00:00Z", [{ price: "50.00" }]), {
      consent: true,
      redeemPoints: "max",
    });
    expect(q.pointsRedeemed).toBe("0");
    expect(q.explain.find((e) => e.rule === "redeem")).toMatchObject({ applied: false });
  });
  it("refuses redeemPoints on a program without a redeem rule, and nonsense amounts", () => {
    const a = openProgramAccount(bonus, { customerId: "c", consent: true });
    expect(() =>
      quote(
        parseProgram({ ...common, kind: "bonus", id: "n", name: "N", earn: { rules: [] } }),
        { ...a, programId: "n" },
        basket("2026-03-01T10:00:00Z", [{ price: "1.00" }]),
        { consent: true, redeemPoints: 1 },
      ),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() =>
      quote(bonus, a, basket("2026-03-01T10:00:00Z", [{ price: "1.00" }]), { consent: true, redeemPoints: "-5" }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() =>
      quote(bonus, a, basket("2026-03-01T10:00:00Z", [{ price: "1.00" }]), { consent: true, redeemPoints: 1.5 }),
    ).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});

describe("points with decimals", () => {
  it("earns to the program's points scale", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "s",
      name: "S",
      pointsScale: 2,
      earn: { rules: [{ type: "per-amount", points: "1", per: "3.00" }] },
    });
    const q = quote(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket("2026-03-01T10:00:00Z", [{ price: "10.00" }, { price: "10.00" }]),
      { consent: true },
    );
    // 20.00 / 3 = 6.666… → 6.66 (floor), split 3.33 / 3.33
    expect(q.pointsEarned).toBe("6.66");
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["3.33", "3.33"]);
  });
});

describe("stamp refunds", () => {
  it("takes back the stamp of a refunded purchase, and not more than the card holds with deduct-available", () => {
    const card = openProgramAccount(stamps, { cardId: "c" });
    const r = checkout(stamps, card, basket("2026-03-01T10:00:00Z", [{ price: "12.00" }]), { transactionId: "v1" });
    const back = refund(stamps, r.account, r, { at: "2026-03-02T10:00:00Z", transactionId: "r1" });
    expect(back.pointsReversed).toBe("1");
    expect(balance(back.account.points, { at: "2026-03-03T00:00:00Z" })).toBe("0");
  });
});

describe("windows and inactive programs", () => {
  it("quotes nothing before the program starts and explains why", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "later",
      name: "Later",
      percent: "10",
      active: { from: "2026-06-01T00:00:00Z" },
    });
    const q = quote(p, openProgramAccount(p), basket("2026-03-01T10:00:00Z", [{ price: "10.00" }]));
    expect(q.active).toBe(false);
    expect(q.discountTotal).toEqual(eur("0.00"));
    expect(q.explain[0]?.reason).toMatch(/not active at 2026-03-01T10:00:00.000Z/);
  });
  it("lets checkoutAll go on past an inactive program", () => {
    const off = parseProgram({
      ...common,
      kind: "discount",
      id: "off",
      name: "Off",
      percent: "50",
      active: { from: "2027-01-01T00:00:00Z" },
    });
    const r = checkoutAll(
      [off, discount10],
      { off: openProgramAccount(off), ten: openProgramAccount(discount10) },
      basket("2026-03-01T10:00:00Z", [{ price: "10.00" }]),
      { transactionId: "t" },
    );
    expect(r.results.map((x) => x.status)).toEqual(["inactive", "applied"]);
    expect(r.total).toEqual(eur("9.00"));
  });
  it("still refunds after the program has ended", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "short",
      name: "Short",
      percent: "10",
      active: { from: "2026-01-01T00:00:00Z", to: "2026-03-02T00:00:00Z" },
    });
    const r = checkout(p, openProgramAccount(p), basket("2026-03-01T10:00:00Z", [{ price: "10.00" }]), {
      transactionId: "t",
    });
    expect(refund(p, r.account, r, { at: "2026-04-01T10:00:00Z", transactionId: "r" }).moneyBack).toEqual(eur("9.00"));
  });
});

describe("catalog rewards need something to act on", () => {
  it("refuses a money-off reward when nothing eligible is left to pay", () => {
    const p = parseProgram({
      ...common,
      kind: "catalog",
      id: "c",
      name: "C",
      rewards: [{ id: "off", name: "Off", pointsCost: "10", gives: { type: "fixed", amount: "5.00" } }],
    });
    const a = openProgramAccount(p, { customerId: "c", consent: true });
    const rich = {
      ...a,
      points: post(a.points, { kind: "earn", transactionId: "o", at: "2026-01-02T00:00:00Z", points: "100" }).account,
    };
    expect(() =>
      checkout(p, rich, basket("2026-03-01T10:00:00Z", [{ price: "4.90", kind: "delivery" }]), {
        transactionId: "t",
        consent: true,
        rewardId: "off",
      }),
    ).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});

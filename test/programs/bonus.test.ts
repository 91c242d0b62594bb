import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  openProgramAccount,
  parseProgram,
  post,
  quote,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, eur } from "./_fixtures.js";

function withPoints(points: string, program = bonus): ProgramAccount {
  const account = openProgramAccount(program, { customerId: "olga", consent: true });
  if (points === "0") return account;
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

describe("bonus programs (1 point per 1.00 paid, floor; 0.01 per point; max 50%)", () => {
  it("earns 35 points on a 35.70 basket (issue #4)", () => {
    const q = quote(bonus, withPoints("0"), basket("2026-03-01T10:00:00Z", [{ price: "35.70" }]), { consent: true });
    expect(q.pointsEarned).toBe("35");
    expect(q.lines[0]?.pointsEarned).toBe("35");
  });

  it("redeems at most 1,000 of 10,000 available points on a 20.00 basket (issue #4)", () => {
    const account = withPoints("10000");
    const q = quote(bonus, account, basket("2026-03-01T10:00:00Z", [{ price: "20.00" }]), {
      consent: true,
      redeemPoints: "max",
    });
    expect(q.pointsRedeemed).toBe("1000");
    expect(q.pointsMoney).toEqual(eur("10.00"));
    expect(q.total).toEqual(eur("10.00"));
    // asking for all 10,000 is capped at the same 1,000
    const all = quote(bonus, account, basket("2026-03-01T10:00:00Z", [{ price: "20.00" }]), {
      consent: true,
      redeemPoints: "10000",
    });
    expect(all.pointsRedeemed).toBe("1000");
    expect(all.explain.find((e) => e.rule === "redeem")?.reason).toMatch(/capped at 50%/);
  });

  it("earns only on what is paid after points: 20.00 with 10.00 in points earns 10", () => {
    const q = quote(bonus, withPoints("10000"), basket("2026-03-01T10:00:00Z", [{ price: "20.00" }]), {
      consent: true,
      redeemPoints: "max",
    });
    expect(q.pointsEarned).toBe("10");
  });

  it("refuses to redeem more than available with InsufficientPointsError and changes nothing", () => {
    const account = withPoints("50");
    const snapshot = JSON.stringify(account);
    expect(() =>
      checkout(bonus, account, basket("2026-03-01T10:00:00Z", [{ price: "20.00" }]), {
        transactionId: "t",
        consent: true,
        redeemPoints: 51,
      }),
    ).toThrow(expect.objectContaining({ code: "INSUFFICIENT_POINTS" }));
    expect(JSON.stringify(account)).toBe(snapshot);
  });

  it("posts the redeem before the earn and records the lot's expiry at the end of the same day 12 months later", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "b12",
      name: "B",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 1 },
    });
    const account = openProgramAccount(p, { customerId: "c", consent: true });
    // 31 January 2026, 15:00 in Berlin → expires at the end of 28 February 2026 in Berlin (23:00Z)
    const r = checkout(p, account, basket("2026-01-31T14:00:00Z", [{ price: "10.00" }]), {
      transactionId: "t1",
      consent: true,
    });
    expect(r.expiresAt).toBe("2026-02-28T22:59:59.999Z");
    expect(r.entries.map((e) => e.kind)).toEqual(["earn"]);
    expect(balance(r.account.points, { at: "2026-02-28T22:59:59.998Z" })).toBe("10");
    expect(balance(r.account.points, { at: "2026-02-28T22:59:59.999Z" })).toBe("0");
  });

  it("applies multipliers (the highest, not compounded), per-unit points, minimum order and caps after rounding", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "rich",
      name: "Rich",
      earn: {
        rules: [
          { type: "per-amount", points: "1", per: "1.00" },
          { type: "multiplier", factor: "2", match: { categories: ["shoes"] } },
          { type: "multiplier", factor: "3", match: { skus: ["BOOT"] } },
          { type: "per-unit", points: "5", match: { skus: ["SOCKS"] } },
        ],
        minOrder: "5.00",
        capPerTransaction: "100",
      },
    });
    const account = openProgramAccount(p, { customerId: "c", consent: true });
    const q = quote(
      p,
      account,
      basket("2026-03-01T10:00:00Z", [
        { sku: "BOOT", category: "shoes", price: "10.50" }, // 10.5 × 3 = 31.5
        { sku: "SANDAL", category: "shoes", price: "4.25" }, // 4.25 × 2 = 8.5
        { sku: "SOCKS", quantity: 2, price: "3.00" }, // 6 + 2 × 5 = 16
      ]),
      { consent: true },
    );
    // 31.5 + 8.5 + 16 = 56 exactly; per line 31 + 8 + 16 = 55, the last point goes to the larger
    // remainder — a tie (.5 / .5) — so to the earlier line
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["32", "8", "16"]);
    expect(q.pointsEarned).toBe("56");
    const small = quote(p, account, basket("2026-03-01T10:00:00Z", [{ price: "4.99" }]), { consent: true });
    expect(small.pointsEarned).toBe("0");
    expect(small.explain.find((e) => e.rule === "min-order")?.applied).toBe(false);
    const big = quote(p, account, basket("2026-03-01T10:00:00Z", [{ price: "500.00" }]), { consent: true });
    expect(big.pointsEarned).toBe("100");
  });

  it("caps points per calendar month across purchases", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "capm",
      name: "Cap",
      earn: {
        rules: [{ type: "per-amount", points: "1", per: "1.00" }],
        capPerPeriod: { points: "100", period: "month" },
      },
    });
    let account = openProgramAccount(p, { customerId: "c", consent: true });
    account = checkout(p, account, basket("2026-03-01T10:00:00Z", [{ price: "80.00" }]), {
      transactionId: "t1",
      consent: true,
    }).account;
    const second = checkout(p, account, basket("2026-03-15T10:00:00Z", [{ price: "80.00" }]), {
      transactionId: "t2",
      consent: true,
    });
    expect(second.pointsEarned).toBe("20");
    const april = checkout(p, second.account, basket("2026-04-01T10:00:00Z", [{ price: "80.00" }]), {
      transactionId: "t3",
      consent: true,
    });
    expect(april.pointsEarned).toBe("80");
  });

  it("gives a welcome bonus with the first purchase only", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "w",
      name: "W",
      earn: { rules: [] },
      welcomeBonus: { points: "100", on: "first-purchase" },
    });
    const first = checkout(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket("2026-03-01T10:00:00Z", [{ price: "5.00" }]),
      { transactionId: "t1", consent: true },
    );
    expect(first.welcomeBonus).toBe("100");
    const second = checkout(p, first.account, basket("2026-03-02T10:00:00Z", [{ price: "5.00" }]), {
      transactionId: "t2",
      consent: true,
    });
    expect(second.welcomeBonus).toBe("0");
    expect(balance(second.account.points, { at: "2026-03-03T00:00:00Z" })).toBe("100");
  });
});

import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  openProgramAccount,
  parseProgram,
  post,
  refund,
  IdempotencyConflictError,
  type Program,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, discount10, eur } from "./_fixtures.js";

function withPoints(points: string, program: Program = bonus): ProgramAccount {
  const account = openProgramAccount(program, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}
const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

describe("refund", () => {
  const sale = basket(at(1), [
    { price: "10.00", quantity: 3 },
    { price: "4.90", kind: "delivery" },
  ]);

  it("gives back the net paid and takes back the points earned on the refunded quantities", () => {
    const r = checkout(bonus, withPoints("1"), sale, { transactionId: "s1", consent: true });
    expect(r.pointsEarned).toBe("30");
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    expect(back.moneyBack).toEqual(eur("10.00"));
    expect(back.pointsReversed).toBe("10");
    expect(balance(back.account.points, { at: at(3) })).toBe("21");
  });

  it("restores redeemed points in proportion and returns only the money paid", () => {
    const r = checkout(bonus, withPoints("1500"), sale, { transactionId: "s1", consent: true, redeemPoints: "max" });
    // 50% of the 30.00 merchandise: 15.00 in 1,500 points; delivery is not eligible
    expect(r.pointsRedeemed).toBe("1500");
    expect(r.total).toEqual(eur("19.90"));
    expect(r.pointsEarned).toBe("15");
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 2 }] });
    expect(back.moneyBack).toEqual(eur("10.00")); // 2/3 of the 15.00 paid in money
    expect(back.pointsRestored).toBe("1000"); // 2/3 of 1,500
    expect(back.pointsReversed).toBe("10"); // 2/3 of 15
    expect(balance(back.account.points, { at: at(3) })).toBe("1005");
  });

  it("refunds everything that is left when no lines are given, and then refuses more", () => {
    const r = checkout(discount10, openProgramAccount(discount10), sale, { transactionId: "s1" });
    const part = refund(discount10, r.account, r, {
      at: at(2),
      transactionId: "r1",
      lines: [{ id: "1", quantity: "1" }],
    });
    const rest = refund(discount10, part.account, r, { at: at(3), transactionId: "r2" });
    expect(rest.complete).toBe(true);
    // one shirt: 10.00 − 1.00 discount; the rest: 2 × 9.00 + 4.90 delivery (31.90 in all)
    expect(part.moneyBack).toEqual(eur("9.00"));
    expect(rest.moneyBack).toEqual(eur("22.90"));
    expect(() =>
      refund(discount10, rest.account, r, { at: at(4), transactionId: "r3", lines: [{ id: "2", quantity: 1 }] }),
    ).toThrow(expect.objectContaining({ code: "REFUND_EXCEEDS_PURCHASE" }));
  });

  it("refuses to refund more than was bought over several refunds with REFUND_EXCEEDS_PURCHASE", () => {
    const r = checkout(discount10, openProgramAccount(discount10), sale, { transactionId: "s1" });
    const a = refund(discount10, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 2 }] });
    let caught: unknown;
    try {
      refund(discount10, a.account, r, { at: at(3), transactionId: "r2", lines: [{ id: "1", quantity: 2 }] });
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({
      code: "REFUND_EXCEEDS_PURCHASE",
      details: { lineId: "1", bought: "3", alreadyRefunded: "2", requested: "2" },
    });
  });

  it("is idempotent: a retry is a duplicate, a different request under the same id a conflict", () => {
    const r = checkout(discount10, openProgramAccount(discount10), sale, { transactionId: "s1" });
    const a = refund(discount10, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    const again = refund(discount10, a.account, r, {
      at: at(2),
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
    });
    expect(again.status).toBe("duplicate");
    expect(again.account).toBe(a.account);
    expect(again.moneyBack).toEqual(a.moneyBack);
    expect(() =>
      refund(discount10, a.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 2 }] }),
    ).toThrow(IdempotencyConflictError);
  });

  it("says NOT_FOUND for an unknown purchase or line", () => {
    const r = checkout(discount10, openProgramAccount(discount10), sale, { transactionId: "s1" });
    expect(() => refund(discount10, r.account, "nope", { at: at(2), transactionId: "r1" })).toThrow(
      expect.objectContaining({ code: "NOT_FOUND" }),
    );
    expect(() =>
      refund(discount10, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "9", quantity: 1 }] }),
    ).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });

  describe("clawback when the earned points were already spent", () => {
    function spentAfterEarning(policy: "negative-balance" | "deduct-available") {
      const p = parseProgram({
        ...common,
        kind: "bonus",
        id: `claw-${policy}`,
        name: "C",
        clawback: policy,
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
        redeem: { pointValue: "0.01" },
      });
      const s1 = checkout(
        p,
        openProgramAccount(p, { customerId: "c", consent: true }),
        basket(at(1), [{ price: "100.00" }]),
        { transactionId: "s1", consent: true },
      );
      // spend 80 of the 100 earned points
      const s2 = checkout(p, s1.account, basket(at(2), [{ price: "0.80" }]), {
        transactionId: "s2",
        consent: true,
        redeemPoints: 80,
      });
      return { p, s1, account: s2.account };
    }

    it("negative-balance: takes all 100 back, leaving the balance at −80", () => {
      const { p, s1, account } = spentAfterEarning("negative-balance");
      const back = refund(p, account, s1, { at: at(3), transactionId: "r1" });
      expect(back.pointsReversed).toBe("100");
      expect(balance(back.account.points, { at: at(4) })).toBe("-80");
    });

    it("deduct-available: takes the 20 still there and forgives the rest", () => {
      const { p, s1, account } = spentAfterEarning("deduct-available");
      const back = refund(p, account, s1, { at: at(3), transactionId: "r1" });
      expect(balance(back.account.points, { at: at(4) })).toBe("0");
    });
  });

  it("takes a first-purchase welcome bonus back when the purchase is refunded in full", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "w",
      name: "W",
      earn: { rules: [] },
      welcomeBonus: { points: "100", on: "first-purchase" },
    });
    const r = checkout(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket(at(1), [{ price: "5.00", quantity: 2 }]),
      { transactionId: "s1", consent: true },
    );
    const half = refund(p, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    expect(half.welcomeReversed).toBe("0");
    const all = refund(p, half.account, r, { at: at(3), transactionId: "r2" });
    expect(all.welcomeReversed).toBe("100");
    expect(balance(all.account.points, { at: at(4) })).toBe("0");
    // the next purchase is the first again
    const again = checkout(p, all.account, basket(at(5), [{ price: "5.00" }]), { transactionId: "s2", consent: true });
    expect(again.welcomeBonus).toBe("100");
  });
});

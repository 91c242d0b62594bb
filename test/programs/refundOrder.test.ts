// The refund-order defect: refunding the purchase that earned points before the one that spent them
// must end where refunding them the other way round ends — with nothing, as if neither was bought.
import { describe, expect, it } from "vitest";
import { balance, checkout, openProgramAccount, parseProgram, refund } from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

// 1 point per 1.00 paid; a point is worth 0.01 and may pay up to half of a basket.
function program(clawback: "deduct-available" | "negative-balance") {
  return parseProgram({
    ...common,
    kind: "bonus",
    id: `order-${clawback}`,
    name: "Order",
    clawback,
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
    redeem: { pointValue: "0.01", maxShare: "50" },
  });
}

// Buy 100.00 earning 100 points; buy 2.00 paying 1.00 of it with the 100 points (earning 1 on the 1.00 paid).
function twoSales(clawback: "deduct-available" | "negative-balance") {
  const p = program(clawback);
  const s1 = checkout(
    p,
    openProgramAccount(p, { customerId: "c", consent: true }),
    basket(at(1), [{ price: "100.00" }]),
    {
      transactionId: "s1",
      consent: true,
    },
  );
  const s2 = checkout(p, s1.account, basket(at(2), [{ price: "2.00" }]), {
    transactionId: "s2",
    consent: true,
    redeemPoints: 100,
  });
  return { p, s1, s2 };
}

describe("refund order", () => {
  for (const clawback of ["deduct-available", "negative-balance"] as const) {
    it(`${clawback}: the scenario's figures — 100 earned, 100 redeemed for 1.00, 1 earned`, () => {
      const { s1, s2 } = twoSales(clawback);
      expect(s1.pointsEarned).toBe("100");
      expect(s2.pointsRedeemed).toBe("100");
      expect(s2.total).toEqual({ amount: "1.00", currency: "EUR" });
      expect(s2.pointsEarned).toBe("1");
      expect(balance(s2.account.points, { at: at(3) })).toBe("1");
    });

    it(`${clawback}: refunding the earning sale first, then the spending one, leaves 0 points`, () => {
      const { p, s1, s2 } = twoSales(clawback);
      const r1 = refund(p, s2.account, s1, { at: at(3), transactionId: "r1" });
      const r2 = refund(p, r1.account, s2, { at: at(4), transactionId: "r2" });
      expect(balance(r2.account.points, { at: at(5) })).toBe("0");
    });

    it(`${clawback}: refunding the spending sale first, then the earning one, leaves 0 points`, () => {
      const { p, s1, s2 } = twoSales(clawback);
      const r2 = refund(p, s2.account, s2, { at: at(3), transactionId: "r2" });
      const r1 = refund(p, r2.account, s1, { at: at(4), transactionId: "r1" });
      expect(balance(r1.account.points, { at: at(5) })).toBe("0");
    });
  }

  it("deduct-available: the first refund's receipt says 1 point taken and 99 forgiven", () => {
    const { p, s1, s2 } = twoSales("deduct-available");
    const r1 = refund(p, s2.account, s1, { at: at(3), transactionId: "r1" });
    expect(r1.pointsReversed).toBe("100");
    expect(r1.pointsTaken).toBe("1");
    expect(r1.pointsForgiven).toBe("99");
    expect(balance(r1.account.points, { at: at(4) })).toBe("0");
    // The second refund gives the 100 redeemed points back into the clawed-back lot, where they
    // cancel the clawback: the 99 forgiven are no longer forgiven and the 1 taken comes back, and is
    // then taken back as the second sale's own earned point.
    const r2 = refund(p, r1.account, s2, { at: at(4), transactionId: "r2" });
    expect(r2.pointsTaken).toBe("1");
    expect(r2.pointsForgiven).toBe("0");
  });

  it("negative-balance: the first refund takes all 100 (1 from the balance, 99 below zero), forgiving none", () => {
    const { p, s1, s2 } = twoSales("negative-balance");
    const r1 = refund(p, s2.account, s1, { at: at(3), transactionId: "r1" });
    expect(r1.pointsTaken).toBe("100");
    expect(r1.pointsForgiven).toBe("0");
    expect(balance(r1.account.points, { at: at(4) })).toBe("-99");
  });
});

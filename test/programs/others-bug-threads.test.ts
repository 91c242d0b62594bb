// Scenarios from other loyalty systems' public bug threads, replayed on loyalty-kit. Each test names
// the thread it comes from and checks the behaviour the reporters asked for; the figures are worked
// out by hand in the comments (1 point per 1.00 paid, rounded down; a point is worth 0.01 as money).
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  openProgramAccount,
  parseProgram,
  post,
  refund,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, cumulative } from "./_fixtures.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;
const LATER = "2026-04-01T00:00:00Z";

function withPoints(points: string): ProgramAccount {
  const account = openProgramAccount(bonus, { customerId: "olga", consent: true });
  if (points === "0") return account;
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

describe("refunds take back what the purchase earned", () => {
  // frappe/erpnext#32951 "Negative Loyalty should be generated on sales return": an invoice of 1000
  // earned points, a return of 100 left them all in place.
  it("a return of 100.00 out of 1000.00 takes back 100 of the 1000 points", () => {
    const r = checkout(bonus, withPoints("0"), basket(at(1), [{ price: "100.00", quantity: 10 }]), {
      transactionId: "s1",
      consent: true,
    });
    expect(r.pointsEarned).toBe("1000");
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    expect(back.moneyBack.amount).toBe("100.00");
    expect(back.pointsReversed).toBe("100");
    expect(balance(back.account.points, { at: at(3) })).toBe("900");
  });

  // odoo/odoo#257854 and #238806: a POS refund never deducted the points its order earned, so
  // buying and refunding the same item again and again piled up points at no cost.
  it("five rounds of buy and refund leave the balance where it started", () => {
    let account = withPoints("40");
    for (let i = 1; i <= 5; i++) {
      const r = checkout(bonus, account, basket(at(i * 2), [{ price: "250.00" }]), {
        transactionId: `s${i}`,
        consent: true,
      });
      expect(r.pointsEarned).toBe("250");
      account = refund(bonus, r.account, r, { at: at(i * 2 + 1), transactionId: `r${i}` }).account;
      expect(balance(account.points, { at: at(i * 2 + 1) })).toBe("40");
    }
  });

  // PrestaShop/loyalty#23 "Take into account returned quantity when cancelling points" and
  // vinsol-spree-contrib/spree-loyalty-points#8 (a return credited the wrong number of points):
  // partial returns by quantity must add up to the whole.
  it("returning 1 and then 2 of 3 shirts takes back 10 and then 20 of the 30 points", () => {
    const r = checkout(bonus, withPoints("0"), basket(at(1), [{ price: "10.00", quantity: 3 }]), {
      transactionId: "s1",
      consent: true,
    });
    const one = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    const two = refund(bonus, one.account, r, { at: at(3), transactionId: "r2", lines: [{ id: "1", quantity: 2 }] });
    expect([r.pointsEarned, one.pointsReversed, two.pointsReversed]).toEqual(["30", "10", "20"]);
    expect(balance(two.account.points, { at: at(4) })).toBe("0");
  });
});

describe("a refund of an order paid with points does not charge the points again", () => {
  // odoo/odoo#212922 and #221928: refunding an order paid partly with points deducted those points a
  // second time. frappe/erpnext#30242: points came out wrong on a return against an invoice that had
  // redeemed points.
  it("a full refund gives the 1,000 points used back and takes the 10 earned, nothing more", () => {
    // 20.00 basket, half of it payable with points: 1,000 points pay 10.00, 10.00 is paid and earns 10.
    const r = checkout(bonus, withPoints("1000"), basket(at(1), [{ price: "10.00", quantity: 2 }]), {
      transactionId: "s1",
      consent: true,
      redeemPoints: "max",
    });
    expect([r.pointsRedeemed, r.total.amount, r.pointsEarned]).toEqual(["1000", "10.00", "10"]);
    expect(balance(r.account.points, { at: at(2) })).toBe("10");
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1" });
    expect([back.moneyBack.amount, back.pointsRestored, back.pointsReversed]).toEqual(["10.00", "1000", "10"]);
    expect(balance(back.account.points, { at: at(3) })).toBe("1000");
  });

  it("a return of one of the two items gives back half of each: 5.00, 500 points used, 5 earned", () => {
    const r = checkout(bonus, withPoints("1000"), basket(at(1), [{ price: "10.00", quantity: 2 }]), {
      transactionId: "s1",
      consent: true,
      redeemPoints: "max",
    });
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] });
    expect([back.moneyBack.amount, back.pointsRestored, back.pointsReversed]).toEqual(["5.00", "500", "5"]);
    expect(balance(back.account.points, { at: at(3) })).toBe("505");
  });
});

// odoo/odoo#150833 (points used on a discount earned a new point) is a property in
// programs.property.test.ts: spending points never raises the points earned on a basket.

describe("tiers follow the spend actually reached", () => {
  // frappe/erpnext#24672: a multi-tier program put a customer with a single, small invoice straight
  // into the second tier. Here Silver starts at 1,000.00 of spend.
  it.each([
    [false, ["Bronze", "Bronze", "Silver"]],
    [true, ["Bronze", "Silver", "Silver"]],
  ] as const)(
    "purchases of 200.00, 850.00 and 10.00 reach Silver only once 1,000.00 is spent (includeCurrentPurchase %s)",
    (includeCurrent, expected) => {
      const program = cumulative(includeCurrent);
      let account = openProgramAccount(program, { customerId: "olga", consent: true });
      const seen: string[] = [];
      ["200.00", "850.00", "10.00"].forEach((price, i) => {
        const r = checkout(program, account, basket(at(i + 1), [{ price }]), { transactionId: `s${i}`, consent: true });
        seen.push(r.tier?.name ?? "none");
        if (i === 0) expect(r.discountTotal.amount).toBe("0.00");
        account = r.account;
      });
      // without the current purchase: 0, then 200 (< 1,000), then 1,050; with it: 200, 1,050, 1,060
      expect(seen).toEqual(expected);
    },
  );
});

describe("a retried or replayed event pays out once", () => {
  // robgpeak/CompLinks-xclub#125: an opt-in bonus credited twice at the same instant (a double click).
  // A till retry after a lost reply must not pay the points or the welcome bonus again.
  it("the retry of a first purchase is a duplicate: 35 points and the 1,000 welcome bonus once", () => {
    const program = parseProgram({
      ...common,
      kind: "bonus",
      id: "w",
      name: "Welcome",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
      welcomeBonus: { points: "1000", on: "first-purchase" },
    });
    const account = openProgramAccount(program, { customerId: "olga", consent: true });
    const sale = basket(at(1), [{ price: "35.70" }]);
    const first = checkout(program, account, sale, { transactionId: "till-1:0001", consent: true });
    const retry = checkout(program, first.account, sale, { transactionId: "till-1:0001", consent: true });
    expect([first.status, first.pointsEarned, first.welcomeBonus]).toEqual(["applied", "35", "1000"]);
    expect(retry.status).toBe("duplicate");
    expect(balance(retry.account.points, { at: LATER })).toBe("1035");
    // a later, different sale is not a first purchase any more
    const next = checkout(program, retry.account, basket(at(2), [{ price: "10.00" }]), {
      transactionId: "till-1:0002",
      consent: true,
    });
    expect([next.pointsEarned, next.welcomeBonus]).toEqual(["10", "0"]);
    expect(balance(next.account.points, { at: LATER })).toBe("1045");
  });
});

import { describe, expect, it } from "vitest";
import {
  checkout,
  openProgramAccount,
  parseProgram,
  post,
  refund,
  type Explanation,
  type Program,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, bonus, common, discount10 } from "./_fixtures.js";

// Every kind of sentence a refund writes into `explain`, pinned word for word: money back, redeemed
// points given back, earned points reversed (with the clawback policy when they were spent), and a
// welcome bonus taken back. The programs, points and prices are this test's own (the bonus program of
// the shared fixtures: 1 point per 1.00, points worth 0.01, at most 50 % paid in points). The sentences
// were recorded from loyalty-kit before they moved into one module (src/programs/_lib/explainRefund.ts).
const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;
const text = (explain: readonly Explanation[]) =>
  explain.map((e) => `${e.rule} | ${e.applied ? "applied" : "not applied"} | ${e.reason}`).join("\n");

function withPoints(points: string, program: Program = bonus): ProgramAccount {
  const account = openProgramAccount(program, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

describe("refund sentences", () => {
  it("money back only (a discount program)", () => {
    const r = checkout(discount10, openProgramAccount(discount10), basket(at(1), [{ price: "20.00", quantity: 2 }]), {
      transactionId: "s1",
    });
    const back = refund(discount10, r.account, r, {
      at: at(2),
      transactionId: "r1",
      lines: [{ id: "1", quantity: 1 }],
    });
    expect(text(back.explain)).toMatchInlineSnapshot(
      `"money | applied | 18.00 EUR back: the net paid for the refunded quantities"`,
    );
  });

  it("redeemed points given back and earned points reversed", () => {
    const r = checkout(bonus, withPoints("1500"), basket(at(1), [{ price: "10.00", quantity: 3 }]), {
      transactionId: "s1",
      consent: true,
      redeemPoints: "max",
    });
    const back = refund(bonus, r.account, r, { at: at(2), transactionId: "r1", lines: [{ id: "1", quantity: 2 }] });
    expect(text(back.explain)).toMatchInlineSnapshot(`
      "money | applied | 10.00 EUR back: the net paid for the refunded quantities
      restore | applied | 1000 redeemed points given back in proportion to the refunded quantities
      reverse | applied | 10 earned points reversed; if already spent: deduct-available (10 taken from the customer, 0 forgiven, welcome points included)"
    `);
  });

  it("earned points already spent: the clawback policy, what was taken and forgiven; a welcome bonus taken back", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "claw",
      name: "C",
      clawback: "deduct-available",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
      redeem: { pointValue: "0.01" },
      welcomeBonus: { points: "50", on: "first-purchase" },
    });
    const s1 = checkout(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket(at(1), [{ price: "100.00" }]),
      {
        transactionId: "s1",
        consent: true,
      },
    );
    // spend 120 of the 150 points (100 earned, 50 welcome)
    const s2 = checkout(p, s1.account, basket(at(2), [{ price: "1.20" }]), {
      transactionId: "s2",
      consent: true,
      redeemPoints: 120,
    });
    const back = refund(p, s2.account, s1, { at: at(3), transactionId: "r1" });
    expect(text(back.explain)).toMatchInlineSnapshot(`
      "money | applied | 100.00 EUR back: the net paid for the refunded quantities
      reverse | applied | 100 earned points reversed; if already spent: deduct-available (30 taken from the customer, 120 forgiven, welcome points included)
      welcome-bonus | applied | the purchase is fully refunded: its 50 welcome points are taken back"
    `);
  });
});

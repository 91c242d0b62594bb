import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  parseCustomer,
  planActions,
  reviewStrategy,
  type ReviewAfterRow,
} from "../../src/index.js";

// Hand-made outcomes: every number below follows from the rows in this file.
const customers = ["a", "b", "c", "d", "e", "f"].map((id) => ({
  customer: parseCustomer({ id }),
  segment: id < "e" ? ("at-risk" as const) : ("champions" as const),
}));

describe("reviewStrategy", () => {
  it("compares each rule's treated customers with its holdout and prices the extra retention", () => {
    const plan = planActions(
      customers,
      {
        timeZone: "UTC",
        budget: "10",
        holdout: { share: 0, seed: "r" },
        rules: [
          { id: "perk", when: { segments: ["at-risk"] }, action: { type: "perk", perk: "gift", cost: "1.50" } },
          { id: "none", when: {}, action: { type: "nothing" } },
        ],
      },
      { at: "2026-01-01T00:00:00Z" },
    );
    // Build a plan with a holdout by hand: a, b treated; c, d held out from the same rule.
    const withHoldout = {
      ...plan,
      actions: plan.actions.filter((x) => x.customerId !== "c" && x.customerId !== "d"),
      holdout: [
        { customerId: "c", ruleId: "perk" },
        { customerId: "d", ruleId: "perk" },
      ],
    };
    const after: ReviewAfterRow[] = [
      { customerId: "a", orders: 2, spend: "40", segment: "loyal" },
      { customerId: "b", orders: 1, spend: "10.50", segment: "need-attention" },
      { customerId: "c", orders: 1, spend: "5", segment: "at-risk" },
      { customerId: "e", orders: 3, spend: "90", segment: "champions" },
    ];
    const r = reviewStrategy(
      { plan: withHoldout, segments: customers.map((c) => ({ customerId: c.customer.id, segment: c.segment })) },
      after,
    );
    expect(r.transitions).toEqual([
      { from: "champions", to: "champions", customers: 1 },
      { from: "champions", to: "absent", customers: 1 },
      { from: "at-risk", to: "loyal", customers: 1 },
      { from: "at-risk", to: "need-attention", customers: 1 },
      { from: "at-risk", to: "at-risk", customers: 1 },
      { from: "at-risk", to: "absent", customers: 1 },
    ]);
    expect(r.bySegment).toEqual([
      { segment: "champions", customers: 2, retained: 1, retention: 0.5, spend: "90", spendPerCustomer: "45.00" },
      { segment: "at-risk", customers: 4, retained: 3, retention: 0.75, spend: "55.5", spendPerCustomer: "13.88" },
    ]);
    const perk = r.byRule.find((x) => x.ruleId === "perk");
    // Treated a, b both retained (1.0); holdout c retained, d not (0.5): lift 0.5 × 2 treated = 1 extra
    // customer for a cost of 2 × 1.50 = 3.
    expect(perk).toMatchObject({
      treated: { customers: 2, retained: 2, retention: 1, spend: "50.5" },
      holdout: { customers: 2, retained: 1, retention: 0.5, spend: "5" },
      cost: "3",
      retentionLift: 0.5,
      costPerRetained: "1.50",
      costPerExtraRetained: "3.00",
    });
    expect(r.byRule.find((x) => x.ruleId === "none")?.holdout.retention).toBeNull();
  });

  it("refuses malformed outcomes with typed errors", () => {
    const plan = planActions(
      [],
      {
        timeZone: "UTC",
        budget: "0",
        holdout: { share: 0, seed: "x" },
        rules: [{ id: "n", when: {}, action: { type: "nothing" } }],
      },
      { at: "2026-01-01T00:00:00Z" },
    );
    const segments = [{ customerId: "a", segment: "lost" as const }];
    expect(() => reviewStrategy({ plan, segments }, [{ customerId: "a", orders: -1, spend: "0" }])).toThrow(
      LoyaltyValidationError,
    );
    expect(() => reviewStrategy({ plan, segments }, [{ customerId: "a", orders: 1, spend: "-3" }])).toThrow(
      /non-negative decimal/,
    );
    expect(() => reviewStrategy({ plan, segments: [...segments, ...segments] }, [])).toThrow(/duplicate customer "a"/);
  });
});

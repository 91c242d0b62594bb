import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canContact,
  LoyaltyValidationError,
  parseCustomer,
  parseStrategy,
  planActions,
  type CrmCustomer,
  type StrategyInput,
} from "../../src/index.js";

const AT = "2026-04-01T10:00:00Z";
const consented = (id: string, channels: readonly ("email" | "sms")[]) =>
  parseCustomer({
    id,
    contact: { email: `${id}@example.com` },
    identifiers: [{ kind: "phone", number: "+4915112345678" }],
    consents: [
      { purpose: "personal-data", status: "given", at: "2026-01-05T10:00:00Z", method: "web" },
      ...channels.map((channel) => ({
        purpose: "marketing" as const,
        channel,
        status: "given" as const,
        at: "2026-01-05T10:00:00Z",
        method: "web" as const,
      })),
    ],
  });

const STRATEGY: StrategyInput = {
  timeZone: "Europe/Berlin",
  quietHours: { start: "21:00", end: "08:00" },
  budget: "1.00",
  holdout: { share: 0, seed: "test" },
  rules: [
    { id: "drop", when: { abcClasses: ["C"], pAlive: { max: 0.05 } }, action: { type: "deselect" } },
    {
      id: "win-back",
      when: { segments: ["at-risk", "cant-lose"] },
      action: { type: "offer", coupon: "COMEBACK10", channels: ["sms", "email"], cost: "0.40" },
    },
    { id: "thank", when: { segments: ["champions"] }, action: { type: "perk", perk: "free-delivery", cost: "0.30" } },
  ],
};

describe("planActions", () => {
  it("gives each customer the first matching rule, through a consented channel, and says why", () => {
    const rows: CrmCustomer[] = [
      { customer: consented("ana", ["email"]), segment: "at-risk" },
      { customer: consented("ben", []), segment: "cant-lose" },
      { customer: consented("cem", ["sms"]), segment: "at-risk", abcClass: "C", pAlive: 0.01 },
      { customer: consented("dan", []), segment: "champions" },
      { customer: consented("eva", []), segment: "new" },
    ];
    const plan = planActions(rows, STRATEGY, { at: AT });
    expect(plan.actions.map((a) => [a.customerId, a.ruleId, a.channel, a.cost])).toEqual([
      ["cem", "drop", undefined, "0"],
      ["ana", "win-back", "email", "0.4"],
      ["dan", "thank", undefined, "0.3"],
    ]);
    expect(plan.actions[0]?.explain).toBe("rule drop: ABC class C, P(alive) 0.01 in [0, 0.05]");
    expect(plan.actions[1]?.explain).toBe("rule win-back: segment at-risk");
    // ben has no marketing consent on sms or email: skipped with each channel's reason.
    expect(plan.skipped).toEqual([
      {
        customerId: "ben",
        ruleId: "win-back",
        reason: "no-consented-channel",
        channels: [
          { channel: "sms", reason: "no-marketing-consent" },
          { channel: "email", reason: "no-marketing-consent" },
        ],
        explain: "rule win-back: segment cant-lose",
      },
    ]);
    expect(plan.unmatched).toEqual(["eva"]);
    expect(plan.spent).toBe("0.7");
    expect(Object.isFrozen(plan.actions[0])).toBe(true);
  });

  it("moves the send time out of quiet hours in the strategy's time zone", () => {
    // 2026-04-01 is in CEST (UTC+2): 23:00Z is 01:00 local, inside 21:00–08:00; 08:00 local is 06:00Z.
    const plan = planActions([{ customer: consented("ana", ["email"]), segment: "at-risk" }], STRATEGY, {
      at: "2026-04-01T23:00:00Z",
    });
    expect(plan.actions[0]?.sendAt).toBe("2026-04-02T06:00:00.000Z");
  });

  it("spends the budget rule by rule and skips, never cuts, an action over it", () => {
    const rows: CrmCustomer[] = ["a", "b", "c"].map((id) => ({ customer: consented(id, ["sms"]), segment: "at-risk" }));
    const plan = planActions(rows, STRATEGY, { at: AT });
    // Budget 1.00 at 0.40 each: two offers (0.80), the third would need 1.20.
    expect(plan.actions.map((a) => a.customerId)).toEqual(["a", "b"]);
    expect(plan.skipped).toEqual([
      { customerId: "c", ruleId: "win-back", reason: "over-budget", explain: "rule win-back: segment at-risk" },
    ]);
    expect(plan.spent).toBe("0.8");
  });

  it("keeps a seeded holdout that does not depend on the order of the list", () => {
    const rows: CrmCustomer[] = Array.from({ length: 2000 }, (_, i) => ({
      customer: consented(`c${i}`, []),
      segment: "new",
    }));
    const s: StrategyInput = { ...STRATEGY, holdout: { share: 0.2, seed: "2026-q2" } };
    const a = planActions(rows, s, { at: AT });
    const b = planActions([...rows].reverse(), s, { at: AT });
    const ids = (p: typeof a) => p.holdout.map((h) => h.customerId).sort();
    expect(ids(a)).toEqual(ids(b));
    // Binomial(2000, 0.2): mean 400, sd √(2000·0.2·0.8) ≈ 17.9; ±5 sd is 310–490.
    expect(a.holdout.length).toBeGreaterThan(310);
    expect(a.holdout.length).toBeLessThan(490);
    const other = planActions(rows, { ...s, holdout: { share: 0.2, seed: "2026-q3" } }, { at: AT });
    expect(ids(other)).not.toEqual(ids(a));
    expect(a.holdout.length + a.unmatched.length).toBe(2000);
  });

  it("refuses bad input with typed errors that say how to fix it", () => {
    const row = { customer: consented("ana", []) };
    expect(() => planActions([row, row], STRATEGY, { at: AT })).toThrow(/duplicate customer id "ana"/);
    expect(() => planActions([{ ...row, pAlive: 2 }], STRATEGY, { at: AT })).toThrow(LoyaltyValidationError);
    expect(() => planActions([row], { ...STRATEGY, timeZone: "Mars/Olympus" }, { at: AT })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => planActions([row], STRATEGY, { at: "yesterday" })).toThrow(LoyaltyValidationError);
    expect(() => parseStrategy({ ...STRATEGY, holdout: { share: 0.9, seed: "x" } })).toThrow(/0 to 0.5/);
    expect(() => parseStrategy({ ...STRATEGY, rules: [STRATEGY.rules[0], STRATEGY.rules[0]] })).toThrow(
      /duplicate rule id "drop"/,
    );
  });

  it("never contacts without consent, never exceeds the budget, never mutates its input (property)", () => {
    const segments = ["at-risk", "champions", "new"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            channels: fc.subarray(["email", "sms"] as const),
            segment: fc.constantFrom(...segments),
          }),
          { maxLength: 30 },
        ),
        fc.integer({ min: 0, max: 300 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (specs, cents, share) => {
          const rows: CrmCustomer[] = specs.map((x, i) => ({
            customer: consented(`c${i}`, x.channels),
            segment: x.segment,
          }));
          const strategy: StrategyInput = {
            ...STRATEGY,
            budget: (cents / 100).toFixed(2),
            holdout: { share, seed: "p" },
          };
          const snapshot = JSON.stringify({ rows, strategy });
          const plan = planActions(rows, strategy, { at: AT });
          expect(JSON.stringify({ rows, strategy })).toBe(snapshot);
          expect(Number(plan.spent)).toBeLessThanOrEqual(cents / 100 + 1e-9);
          for (const a of plan.actions) {
            if (a.channel === undefined) continue;
            const row = rows.find((r) => r.customer.id === a.customerId);
            expect(row && canContact(row.customer, a.channel, { at: AT, purpose: "marketing" }).allowed).toBe(true);
          }
          const all = [
            ...plan.actions.map((a) => a.customerId),
            ...plan.holdout.map((h) => h.customerId),
            ...plan.skipped.map((s) => s.customerId),
            ...plan.unmatched,
          ].sort();
          expect(all).toEqual(rows.map((r) => r.customer.id).sort());
        },
      ),
      // The suite's usual depth; `npm run test:deep` (DEEP=1) runs this file in its property project.
      { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 },
    );
  });
});

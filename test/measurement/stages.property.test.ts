import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LOYAL_SIGNS,
  LOYALTY_STAGES,
  loyalSigns,
  loyaltyStage,
  type LoyalSignsObservations,
  type LoyaltyStageObservations,
} from "../../src/index.js";

const stageKeys = [
  "satisfied",
  "repeatPurchases",
  "prefersBrand",
  "givesAdvice",
  "promotesProduct",
  "sharesCompetitorInfo",
] as const;
const stageObservations = fc.record(Object.fromEntries(stageKeys.map((k) => [k, fc.boolean()])), {
  requiredKeys: [],
}) as fc.Arbitrary<LoyaltyStageObservations>;
const signObservations = fc.record(Object.fromEntries(LOYAL_SIGNS.map((s) => [s.key, fc.boolean()])), {
  requiredKeys: [],
}) as fc.Arbitrary<LoyalSignsObservations>;

describe("loyalty stage and signs properties", () => {
  it("a stage never moves down when only positive evidence is added", () => {
    fc.assert(
      fc.property(stageObservations, fc.constantFrom(...stageKeys), (o, key) => {
        const before = LOYALTY_STAGES.indexOf(loyaltyStage(o).stage);
        const after = LOYALTY_STAGES.indexOf(loyaltyStage({ ...o, [key]: true }).stage);
        expect(after).toBeGreaterThanOrEqual(before);
      }),
    );
  });

  it("the evidence for a stage always holds, and what is missing does not", () => {
    fc.assert(
      fc.property(stageObservations, (o) => {
        const r = loyaltyStage(o);
        for (const k of r.evidence) expect(o[k]).toBe(true);
        for (const k of r.missing) expect(o[k]).not.toBe(true);
        expect(r.next === null).toBe(r.stage === "partnership");
      }),
    );
  });

  it("adding a sign never lowers the score, and raises it by one when it was missing", () => {
    fc.assert(
      fc.property(signObservations, fc.constantFrom(...LOYAL_SIGNS.map((s) => s.key)), (o, key) => {
        const before = loyalSigns(o);
        const after = loyalSigns({ ...o, [key]: true });
        expect(after.score).toBe(before.score + (o[key] === true ? 0 : 1));
        expect(after.held.length + after.missing.length).toBe(9);
      }),
    );
  });
});

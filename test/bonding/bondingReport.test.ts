import { describe, expect, it } from "vitest";
import { bondingReport, LoyaltyValidationError } from "../../src/index.js";

const shop = [
  { customerId: "ani", signals: { loyaltyCardHolder: 1 } }, // financial 0.3 → needs 0.3 social
  { customerId: "budi", signals: { loyaltyCardHolder: 1, membership: 1, personalContacts: 6 } }, // social 0.45 → needs 0.3 structural
  { customerId: "citra", signals: { discountsUsed: 5 } }, // none: financial 0.15 → gap 0.15
  { customerId: "dewi", signals: { loyaltyCardHolder: 1, membership: 1, eventsAttended: 4, integrations: 1 } }, // social; structural 0.2 → gap 0.1
  { customerId: "eko", signals: { membership: 1, integrations: 2 } }, // structural 0.4
];

describe("bondingReport", () => {
  it("counts customers per level with their shares", () => {
    const r = bondingReport(shop);
    expect(r.total).toBe(5);
    expect(r.levels).toEqual({
      none: { count: 1, share: 0.2 },
      financial: { count: 1, share: 0.2 },
      social: { count: 2, share: 0.4 },
      structural: { count: 1, share: 0.2 },
    });
  });

  it("lists the customers closest to moving up, smallest gap first", () => {
    const r = bondingReport(shop, { closest: 3 });
    expect(r.closestToMovingUp).toEqual([
      { customerId: "dewi", level: "social", next: "structural", strength: 0.2, threshold: 0.3, gap: 0.1 },
      { customerId: "citra", level: "none", next: "financial", strength: 0.15, threshold: 0.3, gap: 0.15 },
      { customerId: "ani", level: "financial", next: "social", strength: 0, threshold: 0.3, gap: 0.3 },
    ]);
  });

  it("leaves structurally bonded customers out of the move-up list", () => {
    expect(bondingReport(shop).closestToMovingUp.map((c) => c.customerId)).not.toContain("eko");
  });

  it("reports an empty shop without dividing by zero", () => {
    expect(bondingReport([]).levels.none).toEqual({ count: 0, share: 0 });
  });

  it("applies rule overrides to every customer", () => {
    expect(bondingReport(shop, { rules: { thresholds: { structural: 0.5 } } }).levels.structural.count).toBe(0);
  });

  it("rejects a profile without an id, a repeated id, a bad signal and a bad closest, naming the place", () => {
    expect(() => bondingReport([{ signals: {} }])).toThrowError(/customers\.0\.customerId/);
    expect(() => bondingReport([shop[0], shop[0]] as never)).toThrowError(/customers\.1\.customerId/);
    expect(() => bondingReport([{ customerId: "x", signals: { referrals: -2 } }])).toThrowError(
      /customers\.0\.signals\.referrals/,
    );
    expect(() => bondingReport(shop, { closest: -1 })).toThrow(LoyaltyValidationError);
  });
  it("treats null options as none, and refuses options that are not an object", () => {
    // A null options argument gave a TypeError reading "closest" (found by the fuzz test over every export).
    expect(bondingReport([], null).closestToMovingUp).toEqual([]);
    expect(() => bondingReport([], 3 as never)).toThrowError(LoyaltyValidationError);
  });
});

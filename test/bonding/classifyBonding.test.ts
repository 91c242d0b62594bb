import { describe, expect, it } from "vitest";
import {
  BOND_TYPES,
  classifyBonding,
  DEFAULT_BONDING_RULES,
  LoyaltyValidationError,
  type BondingProfile,
} from "../../src/index.js";

const strengthOf = (r: ReturnType<typeof classifyBonding>, type: string): number | undefined =>
  r.bonds.find((b) => b.type === type)?.strength;

describe("classifyBonding (Berry & Parasuraman's levels: financial < social < structural)", () => {
  it("orders the bond types from weakest to strongest", () => {
    expect([...BOND_TYPES]).toEqual(["financial", "social", "structural"]);
  });

  it("holds a customer bound only by the reward system at the financial level, the weakest", () => {
    // Card (0.3) + five rewards redeemed (0.4 × 5/5) = 0.7.
    const r = classifyBonding({ signals: { loyaltyCardHolder: 1, rewardsRedeemed: 5 } });
    expect(r.level).toBe("financial");
    expect(strengthOf(r, "financial")).toBe(0.7);
    expect(r.next.type).toBe("social");
    expect(r.next.actions.map((a) => a.id)).toContain("community-membership");
  });

  it("lifts her to social bonding once she joins the community and membership", () => {
    const r = classifyBonding({ signals: { loyaltyCardHolder: 1, rewardsRedeemed: 5, membership: 1 } });
    expect(r.level).toBe("social");
    expect(strengthOf(r, "social")).toBe(0.3);
    expect(r.next).toEqual({ type: "structural", actions: DEFAULT_BONDING_RULES.actions.structural });
  });

  it("binds a business whose 1,000 associates know the operator's number structurally (the cellular-operator example)", () => {
    const r = classifyBonding({
      customerId: "pt-maju",
      signals: { sharedIdentifierContacts: 1000, personalContacts: 12 },
    });
    expect(r.customerId).toBe("pt-maju");
    expect(r.level).toBe("structural");
    expect(r.bonds[2]).toEqual({
      type: "structural",
      strength: 0.3,
      passes: true,
      evidence: [{ signal: "sharedIdentifierContacts", value: 1000, contribution: 0.3 }],
    });
    expect(r.next.type).toBe("structural");
  });

  it("reports a structural signal without relationship evidence as a weak structural bond, not ignored", () => {
    // A 24-month contract (0.3) and two integrations (0.4) would be 0.7, but nobody has a relationship
    // with this customer: the bond is capped at 0.25, below the 0.3 threshold.
    const r = classifyBonding({ signals: { contractMonths: 24, integrations: 2, discountsUsed: 10 } });
    expect(r.bonds[2]).toEqual({
      type: "structural",
      strength: 0.25,
      passes: false,
      limitedBy: "no-relationship-evidence",
      evidence: [
        { signal: "integrations", value: 2, contribution: 0.4 },
        { signal: "contractMonths", value: 24, contribution: 0.3 },
      ],
    });
    expect(r.level).toBe("financial");
    expect(r.next.type).toBe("social");
    // Even with no financial bond, the missing relationship is what to build next.
    expect(classifyBonding({ signals: { contractMonths: 24 } })).toMatchObject({
      level: "none",
      next: { type: "social" },
    });
    // One personal contact is relationship evidence: the full structural strength counts.
    const withContact = classifyBonding({
      signals: { contractMonths: 24, integrations: 2, discountsUsed: 10, personalContacts: 1 },
    });
    expect(strengthOf(withContact, "structural")).toBe(0.7);
    expect(withContact.level).toBe("structural");
  });

  it("gives level none and suggests financial bonding to a customer with no signal", () => {
    const r = classifyBonding({ signals: {} });
    expect(r.level).toBe("none");
    expect(r.bonds.map((b) => b.strength)).toEqual([0, 0, 0]);
    expect(r.next.type).toBe("financial");
    expect(r.next.actions.map((a) => a.id)).toEqual(["bonus-card", "first-purchase-bonus", "cumulative-discount"]);
  });

  it("saturates a signal and caps a bond at 1", () => {
    const r = classifyBonding({
      signals: { loyaltyCardHolder: 5, discountsUsed: 100, rewardsRedeemed: 50, cumulativeTier: 9 },
    });
    expect(strengthOf(r, "financial")).toBe(1);
    expect(r.bonds[0]?.evidence.find((e) => e.signal === "discountsUsed")?.contribution).toBe(0.3);
  });

  it("lets the caller override thresholds and weights", () => {
    const profile: BondingProfile = { signals: { loyaltyCardHolder: 1, membership: 1 } };
    expect(classifyBonding(profile).level).toBe("social");
    expect(classifyBonding(profile, { thresholds: { social: 0.5 } }).level).toBe("financial");
    expect(strengthOf(classifyBonding(profile, { signals: { membership: { weight: 0.8 } } }), "social")).toBe(0.8);
  });

  it("rejects unknown signals, negative counts and non-finite values, naming the field", () => {
    expect(() => classifyBonding({ signals: { loyalty: 1 } } as never)).toThrowError(/signals.*loyalty/);
    expect(() => classifyBonding({ signals: { discountsUsed: -1 } })).toThrowError(/signals\.discountsUsed/);
    expect(() => classifyBonding({ signals: { referrals: Number.POSITIVE_INFINITY } })).toThrow(LoyaltyValidationError);
    expect(() => classifyBonding({ signals: { referrals: Number.NaN } })).toThrow(LoyaltyValidationError);
  });

  it("rejects malformed rules, naming them", () => {
    expect(() => classifyBonding({ signals: {} }, { thresholds: { social: 2 } })).toThrowError(
      /rules\.thresholds\.social/,
    );
    expect(() => classifyBonding({ signals: {} }, { signals: { membership: { saturation: 0 } } })).toThrowError(
      /rules\.signals\.membership\.saturation/,
    );
    expect(() => classifyBonding({ signals: {} }, { relationshipSignals: ["gossip"] } as never)).toThrow(
      LoyaltyValidationError,
    );
  });

  it("never mutates the profile", () => {
    const profile = { signals: { loyaltyCardHolder: 1, membership: 1 } };
    const copy = structuredClone(profile);
    classifyBonding(profile);
    expect(profile).toEqual(copy);
  });
});

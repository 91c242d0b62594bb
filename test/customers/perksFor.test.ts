import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseCustomer, perksFor, type PerkRule } from "../../src/index.js";

// Pareto's 80/20 rule: prioritize the 20% — free drink, free product, VIP lounge.
const rules: PerkRule[] = [
  { perk: "free-drink", description: "A free drink on every visit", segments: ["big-profit"] },
  { perk: "free-product", segments: ["big-profit"], interestsAny: ["batik"] },
  { perk: "vip-lounge", segments: ["big-profit"] },
  { perk: "newsletter", description: "Monthly news" },
  { perk: "free-drink", segments: ["small-profit"] },
];

describe("perksFor", () => {
  it("gives a big-profit customer the VIP perks of the top 20%", () => {
    const vip = parseCustomer({ id: "c-9", segment: "big-profit", interests: ["batik", "yoga"] });
    expect(perksFor(vip, rules)).toEqual([
      { perk: "free-drink", description: "A free drink on every visit", because: ["segment big-profit"] },
      { perk: "free-product", because: ["segment big-profit", "interest batik"] },
      { perk: "vip-lounge", because: ["segment big-profit"] },
      { perk: "newsletter", description: "Monthly news", because: ["applies to every customer"] },
    ]);
  });

  it("gives a small-profit customer only what her segment earns, each perk once", () => {
    const regular = parseCustomer({ id: "c-2", segment: "small-profit" });
    expect(perksFor(regular, rules).map((p) => p.perk)).toEqual(["newsletter", "free-drink"]);
  });

  it("gives nothing segment-bound to a customer with no segment", () => {
    expect(perksFor(parseCustomer({ id: "c-3" }), rules).map((p) => p.perk)).toEqual(["newsletter"]);
  });

  it("rejects a malformed rule, naming it", () => {
    expect(() => perksFor(parseCustomer({ id: "c" }), [{ perk: "" }])).toThrowError(/rules\.0\.perk/);
    expect(() => perksFor(parseCustomer({ id: "c" }), [{ perk: "x", segments: [] }])).toThrow(LoyaltyValidationError);
  });
});

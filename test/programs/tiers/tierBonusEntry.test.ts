import { describe, expect, it } from "vitest";
import { balance, openAccount, post, tierBonusEntry, type TierPolicyInput } from "../../../src/index.js";

// Thresholds and the 1.5× multiplier are illustrative configuration; the rules tested are the ones
// tierBonusEntry states: bonus = points × (multiplier − 1) rounded down, the tier held before the purchase.
const policy: TierPolicyInput = {
  basis: "spend",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  window: { type: "calendar-year" },
  tiers: [
    { name: "Silver", threshold: "500" },
    { name: "Gold", threshold: "1000", earnMultiplier: "1.5" },
  ],
};

describe("tierBonusEntry", () => {
  const history = [{ at: "2026-02-01T10:00:00Z", amount: "1200.00" }];

  it("gives half as many points again to Gold, rounded down, posted under its own id", () => {
    const e = tierBonusEntry(policy, history, {
      at: "2026-03-01T10:00:00Z",
      transactionId: "sale-7",
      pointsEarned: "75",
    });
    expect(e).toEqual({
      kind: "earn",
      transactionId: "sale-7:tier-bonus",
      at: "2026-03-01T10:00:00.000Z",
      points: "37",
      meta: { reason: "tier-bonus", tier: "Gold", multiplier: "1.5", basePoints: "75" },
    });
    expect(Object.isFrozen(e)).toBe(true);
    let account = openAccount({ accountId: "card-1" });
    account = post(account, e as NonNullable<typeof e>).account;
    expect(post(account, e as NonNullable<typeof e>).status).toBe("duplicate");
    expect(balance(account, { at: "2026-03-02T00:00:00Z" })).toBe("37");
  });

  it("gives nothing without a tier or multiplier, and the purchase that lifts a member earns at the old rate", () => {
    expect(
      tierBonusEntry(policy, [], { at: "2026-03-01T10:00:00Z", transactionId: "s", pointsEarned: "75" }),
    ).toBeNull();
    const silver = [{ at: "2026-02-01T10:00:00Z", amount: "600.00" }];
    expect(
      tierBonusEntry(policy, silver, { at: "2026-03-01T10:00:00Z", transactionId: "s", pointsEarned: "75" }),
    ).toBeNull();
    const lifting = [...silver, { at: "2026-03-01T10:00:00Z", amount: "500.00" }];
    expect(
      tierBonusEntry(policy, lifting, { at: "2026-03-01T10:00:00Z", transactionId: "s", pointsEarned: "75" }),
    ).toBeNull();
    expect(
      tierBonusEntry(policy, history, { at: "2026-03-01T10:00:00Z", transactionId: "s", pointsEarned: "1" }),
    ).toBeNull();
  });

  it("refuses bad points and transaction ids, saying what is expected", () => {
    expect(() =>
      tierBonusEntry(policy, history, { at: "2026-03-01T10:00:00Z", transactionId: "s", pointsEarned: "-5" }),
    ).toThrow(/pointsEarned: expected the purchase's points as a non-negative decimal/);
    expect(() =>
      tierBonusEntry(policy, history, { at: "2026-03-01T10:00:00Z", transactionId: "", pointsEarned: "5" }),
    ).toThrow(/transactionId: expected a non-empty transaction id/);
  });
});

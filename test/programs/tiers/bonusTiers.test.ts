// A bonus program carrying its tier policy: checkout applies the tier's earn multiplier itself.
// Thresholds and the 1.5× multiplier are the illustrative configuration of tierBonusEntry.test.ts, so
// the figures are the ones tierBonusEntry gives beside checkout: 75 points × 0.5 = 37 (rounded down).
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  LoyaltyValidationError,
  openProgramAccount,
  parseProgram,
  programJsonSchema,
  quote,
  refund,
  tierBonusEntry,
  type TierPolicyInput,
} from "../../../src/index.js";
import { basket, common } from "../_fixtures.js";

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

const program = (tiers: TierPolicyInput | undefined = policy) =>
  parseProgram({
    ...common,
    kind: "bonus",
    id: "tiered",
    name: "Tiered",
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
    ...(tiers === undefined ? {} : { tiers }),
  });

describe("a bonus program with tiers", () => {
  it("earns at the Gold rate once the member is Gold, explained in the quote; the same figure as tierBonusEntry", () => {
    const p = program();
    const opened = openProgramAccount(p, { customerId: "c", consent: true });
    const s1 = checkout(p, opened, basket("2026-02-01T10:00:00Z", [{ price: "1200.00" }]), {
      transactionId: "s1",
      consent: true,
    });
    // The purchase that lifts the member into Gold earns at the old rate.
    expect(s1.pointsEarned).toBe("1200");
    expect(s1.explain.find((e) => e.rule === "tier-multiplier")).toBeUndefined();
    const q = quote(p, s1.account, basket("2026-03-01T10:00:00Z", [{ price: "75.00" }]), { consent: true });
    expect(q.pointsEarned).toBe("112");
    expect(q.explain.find((e) => e.rule === "tier-multiplier")?.reason).toBe("Gold: 1.5× points (+37 on 75)");
    expect(q.explain.find((e) => e.rule === "points")?.reason).toContain(": 75 points");
    const beside = tierBonusEntry(policy, [{ at: "2026-02-01T10:00:00Z", amount: "1200.00" }], {
      at: "2026-03-01T10:00:00Z",
      transactionId: "s2",
      pointsEarned: "75",
    });
    expect(beside?.points).toBe("37");
    const s2 = checkout(p, s1.account, basket("2026-03-01T10:00:00Z", [{ price: "75.00" }]), {
      transactionId: "s2",
      consent: true,
    });
    expect(balance(s2.account.points, { at: "2026-03-02T00:00:00Z" })).toBe("1312");
  });

  it("a refund takes the multiplied points back in proportion; refunds count against the tier", () => {
    const p = program();
    const opened = openProgramAccount(p, { customerId: "c", consent: true });
    const s1 = checkout(p, opened, basket("2026-02-01T10:00:00Z", [{ price: "1200.00" }]), {
      transactionId: "s1",
      consent: true,
    });
    const s2 = checkout(p, s1.account, basket("2026-03-01T10:00:00Z", [{ price: "75.00" }]), {
      transactionId: "s2",
      consent: true,
    });
    const r2 = refund(p, s2.account, s2, { at: "2026-03-02T10:00:00Z", transactionId: "r2" });
    expect(r2.pointsReversed).toBe("112");
    // Refunding the 1,200.00 leaves 0 spent this year: Gold is kept to the end of next year (the
    // policy's default retention), so the next purchase still earns 1.5×.
    const r1 = refund(p, r2.account, s1, { at: "2026-03-03T10:00:00Z", transactionId: "r1" });
    const q = quote(p, r1.account, basket("2026-03-04T10:00:00Z", [{ price: "10.00" }]), { consent: true });
    expect(q.pointsEarned).toBe("15");
  });

  it("without a tier, or without tiers on the program, nothing changes", () => {
    const q = quote(
      program(undefined),
      openProgramAccount(program(undefined), { customerId: "c", consent: true }),
      basket("2026-03-01T10:00:00Z", [{ price: "75.00" }]),
      { consent: true },
    );
    expect(q.pointsEarned).toBe("75");
    const p = program();
    const fresh = quote(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket("2026-03-01T10:00:00Z", [{ price: "75.00" }]),
      { consent: true },
    );
    expect(fresh.pointsEarned).toBe("75");
    expect(fresh.explain.some((e) => e.rule === "tier-multiplier")).toBe(false);
  });

  it("rejects a spend policy in another currency, and the JSON Schema describes tiers on bonus", () => {
    const err = (() => {
      try {
        program({ ...policy, currency: "USD" });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(LoyaltyValidationError);
    expect(String((err as Error).message)).toContain("expected the program's currency EUR");
    const schema = JSON.stringify(programJsonSchema());
    expect(schema).toContain('"earnMultiplier"');
  });
});

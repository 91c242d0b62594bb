// A bonus program with a return window (`earn.pendingDays`): points earned on a purchase are pending
// for that many days. 30 days is the approval period LoyaltyLion's help centre gives as an example
// ("They will be approved after 30 days"); 1 point per 1.00 paid and a point worth 0.01 are the
// figures of the other bonus-program tests, so 100.00 paid earns 100 points.
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  LoyaltyValidationError,
  openProgramAccount,
  parseProgram,
  pendingPoints,
  programJsonSchema,
  quote,
  refund,
} from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

const at = (day: number) => `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`;

const program = (extra: Record<string, unknown> = {}) =>
  parseProgram({
    ...common,
    kind: "bonus",
    id: "pending",
    name: "Pending",
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], pendingDays: 30, ...extra },
    redeem: { pointValue: "0.01", maxShare: "50" },
  });

function sale(p = program()) {
  return checkout(p, openProgramAccount(p, { customerId: "c", consent: true }), basket(at(1), [{ price: "100.00" }]), {
    transactionId: "s1",
    consent: true,
  });
}

describe("pending points in a bonus program", () => {
  it("checkout earns them pending for pendingDays; the quote says until when", () => {
    const s1 = sale();
    expect(s1.pointsEarned).toBe("100");
    expect(s1.entries.find((e) => e.kind === "earn")).toMatchObject({ availableAt: "2026-03-31T10:00:00.000Z" });
    expect(balance(s1.account.points, { at: at(2) })).toBe("0");
    expect(pendingPoints(s1.account.points, { at: at(2) })).toBe("100");
    expect(balance(s1.account.points, { at: at(31) })).toBe("100");
    const line = s1.explain.find((e) => e.rule === "pending");
    expect(line?.reason).toContain("30-day return window: available from 2026-03-31T10:00:00.000Z");
  });

  it("pending points cannot pay for a purchase inside the window", () => {
    const p = program();
    const s1 = sale(p);
    expect(() =>
      quote(p, s1.account, basket(at(5), [{ price: "10.00" }]), { redeemPoints: 100, consent: true }),
    ).toThrow(/requested 100, available 0/);
    const later = quote(p, s1.account, basket(at(31), [{ price: "10.00" }]), { redeemPoints: 100, consent: true });
    expect(later.pointsRedeemed).toBe("100");
  });

  it("a refund inside the window takes them back: nothing forgiven, no debt", () => {
    for (const clawback of ["deduct-available", "negative-balance"] as const) {
      const p = program();
      const p2 = parseProgram({ ...p, clawback });
      const s1 = sale(p2);
      const r = refund(p2, s1.account, s1, { at: at(10), transactionId: "r1" });
      expect(r.pointsTaken).toBe("100");
      expect(r.pointsForgiven).toBe("0");
      expect(balance(r.account.points, { at: "2026-04-09T10:00:00Z" })).toBe("0");
      expect(pendingPoints(r.account.points, { at: at(10) })).toBe("0");
      expect(r.account.points.deficit).toBe("0");
    }
  });

  it("validity counts from release: 1 month after 31 March ends on 30 April", () => {
    const s1 = sale(program({ validityMonths: 1 }));
    const earn = s1.entries.find((e) => e.kind === "earn");
    // end of the same day one month after the release (31 March → 30 April, clamped), Europe/Berlin (UTC+2)
    expect(earn).toMatchObject({ availableAt: "2026-03-31T10:00:00.000Z", expiresAt: "2026-04-30T21:59:59.999Z" });
  });

  it("rejects a pendingDays outside 1–365 and describes it in the JSON Schema", () => {
    expect(() => program({ pendingDays: 0 })).toThrow(LoyaltyValidationError);
    expect(() => program({ pendingDays: 366 })).toThrow(LoyaltyValidationError);
    expect(() => program({ pendingDays: 1.5 })).toThrow(LoyaltyValidationError);
    expect(JSON.stringify(programJsonSchema())).toContain('"pendingDays"');
  });

  it("programs without pendingDays are unchanged: points available at once", () => {
    const p = parseProgram({
      ...common,
      kind: "bonus",
      id: "now",
      name: "Now",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
    });
    const s1 = checkout(
      p,
      openProgramAccount(p, { customerId: "c", consent: true }),
      basket(at(1), [{ price: "100.00" }]),
      { transactionId: "s1", consent: true },
    );
    expect(balance(s1.account.points, { at: at(1) })).toBe("100");
    expect(s1.entries.find((e) => e.kind === "earn")).not.toHaveProperty("availableAt");
    expect(s1.explain.some((e) => e.rule === "pending")).toBe(false);
  });
});

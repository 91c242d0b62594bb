import { describe, expect, it } from "vitest";
import {
  checkout,
  hasPersonalDataConsent,
  LoyaltyError,
  LoyaltyValidationError,
  openProgramAccount,
  parseCustomer,
  parseProgram,
} from "../../src/index.js";

// Data-protection law: the shop must have the client's permission to process personal data; the statement in
// force at the sale decides.
const ayu = parseCustomer({
  id: "c-1",
  consents: [
    { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-01T10:00:00+07:00", method: "signed-form" },
    { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    { purpose: "personal-data", status: "withdrawn", at: "2026-06-01T09:00:00+07:00", method: "web" },
    { purpose: "personal-data", status: "given", at: "2026-06-01T09:00:00+07:00", method: "verbal" },
    { purpose: "personal-data", status: "withdrawn", at: "2026-09-01T09:00:00+07:00", method: "verbal" },
  ],
});

describe("hasPersonalDataConsent", () => {
  it("is false before the signed form, true from its instant, false after a withdrawal", () => {
    expect(hasPersonalDataConsent(ayu, "2026-03-02T14:59:59+07:00")).toBe(false);
    expect(hasPersonalDataConsent(ayu, "2026-03-02T15:00:00+07:00")).toBe(true);
    expect(hasPersonalDataConsent(ayu, new Date("2026-05-31T00:00:00Z"))).toBe(true);
    expect(hasPersonalDataConsent(ayu, "2026-09-01T09:00:00+07:00")).toBe(false);
  });

  it("takes the statement listed last among those at the same instant", () => {
    expect(hasPersonalDataConsent(ayu, "2026-07-01T00:00:00Z")).toBe(true);
  });

  it("does not count marketing consent, and a customer with no statements has none", () => {
    expect(hasPersonalDataConsent(ayu, "2026-03-01T12:00:00+07:00")).toBe(false);
    expect(hasPersonalDataConsent(parseCustomer({ id: "walk-in" }), "2026-03-01T12:00:00Z")).toBe(false);
  });

  it("rejects an invalid instant with a validation error", () => {
    expect(() => hasPersonalDataConsent(ayu, "2026-02-30T10:00:00Z")).toThrow(LoyaltyValidationError);
    expect(() => hasPersonalDataConsent(ayu, new Date(Number.NaN))).toThrow(LoyaltyValidationError);
  });

  it("feeds checkout of a personalized program: a sale after the withdrawal is refused", () => {
    const program = parseProgram({
      kind: "bonus",
      id: "bonus",
      name: "Bonus",
      currency: "IDR",
      timeZone: "Asia/Jakarta",
      active: { from: "2026-01-01T00:00:00Z" },
      earn: { rules: [{ type: "per-amount", points: "1", per: "1000" }] },
    });
    const account = openProgramAccount(program, {
      customerId: ayu.id,
      consent: hasPersonalDataConsent(ayu, "2026-03-02T15:05:00+07:00"),
    });
    const basket = (at: string) => ({
      id: at,
      at,
      lines: [{ id: "1", sku: "BLS-BATIK", quantity: 1, unitPrice: { amount: "249000", currency: "IDR" } }],
    });
    const sale = checkout(program, account, basket("2026-03-02T15:05:00+07:00"), {
      transactionId: "s1",
      consent: hasPersonalDataConsent(ayu, "2026-03-02T15:05:00+07:00"),
    });
    expect(sale.pointsEarned).toBe("249");
    const late = "2026-09-02T10:00:00+07:00";
    const refused = (() => {
      try {
        checkout(program, sale.account, basket(late), {
          transactionId: "s2",
          consent: hasPersonalDataConsent(ayu, late),
        });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(LoyaltyError);
    expect((refused as LoyaltyError).code).toBe("CONSENT_REQUIRED");
  });
});

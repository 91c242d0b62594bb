import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseCustomer, safeParseCustomer } from "../../src/index.js";

// A customer database usually holds name, contact information, age, gender, social status,
// hobbies, preferences, purchase history.
const sari = {
  id: "c-001",
  firstName: "Ayu",
  lastName: "Sari",
  contact: { email: "ayu.sari@example.com", address: "Jl. Melati 5, Bandung" },
  ageBand: "25-34",
  gender: "female",
  socialStatus: "student",
  interests: ["batik", "yoga"],
  preferences: ["size M", "pastel colours"],
  purchaseHistoryRef: "pos:receipts/c-001",
  segment: "small-profit",
  enrolledAt: "2026-03-02T15:00:00+07:00",
  identifiers: [{ kind: "phone", number: "+6281234567890" }],
  consents: [
    { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
  ],
};

describe("parseCustomer", () => {
  it("reads the shop's customer card with every field a customer database usually holds", () => {
    const c = parseCustomer(sari);
    expect(c.lastName).toBe("Sari");
    expect(c.enrolledAt).toBe("2026-03-02T08:00:00.000Z");
    expect(c.consents[1]).toEqual({
      purpose: "marketing",
      channel: "sms",
      status: "given",
      at: "2026-03-02T08:00:00.000Z",
      method: "signed-form",
    });
  });

  it("round-trips through JSON", () => {
    const c = parseCustomer(sari);
    expect(parseCustomer(JSON.parse(JSON.stringify(c)))).toEqual(c);
  });

  it("does not mutate the input", () => {
    const input = structuredClone(sari);
    parseCustomer(input);
    expect(input).toEqual(sari);
  });

  it("fills empty identifiers and consents for an anonymous walk-in", () => {
    expect(parseCustomer({ id: "walk-in" })).toEqual({ id: "walk-in", identifiers: [], consents: [] });
  });

  it("rejects a card barcode with a wrong check digit, naming the identifier", () => {
    const r = safeParseCustomer({ id: "c", identifiers: [{ kind: "barcode", code: "4006381333930" }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]?.path).toEqual(["identifiers", 0, "code"]);
  });

  it("rejects a phone not in E.164 and points to normalizePhone", () => {
    expect(() => parseCustomer({ id: "c", identifiers: [{ kind: "phone", number: "0812-3456-7890" }] })).toThrowError(
      /identifiers\.0\.number: .*normalizePhone/,
    );
  });

  it("rejects consent statements out of order", () => {
    const r = safeParseCustomer({
      id: "c",
      consents: [
        { purpose: "personal-data", status: "given", at: "2026-03-05T00:00:00Z", method: "web" },
        { purpose: "personal-data", status: "withdrawn", at: "2026-03-04T00:00:00Z", method: "web" },
      ],
    });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]?.path).toEqual(["consents", 1, "at"]);
      expect(r.error.message).toMatch(/oldest first/);
    }
  });

  it("requires a channel on marketing consent and refuses one on personal-data consent", () => {
    expect(
      safeParseCustomer({
        id: "c",
        consents: [{ purpose: "marketing", status: "given", at: "2026-03-05T00:00:00Z", method: "web" }],
      }).success,
    ).toBe(false);
    expect(
      safeParseCustomer({
        id: "c",
        consents: [
          { purpose: "personal-data", channel: "sms", status: "given", at: "2026-03-05T00:00:00Z", method: "web" },
        ],
      }).success,
    ).toBe(false);
  });

  it("rejects impossible birth dates and malformed age bands", () => {
    expect(safeParseCustomer({ id: "c", birthDate: "2001-02-29" }).success).toBe(false);
    expect(safeParseCustomer({ id: "c", birthDate: "2000-02-29" }).success).toBe(true);
    expect(safeParseCustomer({ id: "c", ageBand: "34-25" }).success).toBe(false);
    expect(safeParseCustomer({ id: "c", ageBand: "65+" }).success).toBe(true);
  });

  it("rejects extra keys and __proto__ keys", () => {
    expect(() => parseCustomer({ id: "c", vip: true })).toThrow(LoyaltyValidationError);
    expect(() => parseCustomer(JSON.parse('{"id":"c","__proto__":{"x":1}}'))).toThrow(LoyaltyValidationError);
  });
});

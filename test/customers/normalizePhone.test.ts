import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, normalizePhone } from "../../src/index.js";

describe("normalizePhone", () => {
  it("turns an Indonesian mobile number said at the till into E.164 with the shop's country code", () => {
    expect(normalizePhone("0812-3456-7890", { defaultCountryCode: "62" })).toBe("+6281234567890");
    expect(normalizePhone("0812 3456 7890", { defaultCountryCode: "62" })).toBe("+6281234567890");
  });

  it("keeps an international number whatever the country default", () => {
    expect(normalizePhone("+62 812 3456 7890")).toBe("+6281234567890");
    expect(normalizePhone("+62 (812) 3456-7890", { defaultCountryCode: "7" })).toBe("+6281234567890");
    expect(normalizePhone("0062 812 3456 7890")).toBe("+6281234567890");
  });

  it("drops the Russian trunk prefix 8 when told so", () => {
    expect(normalizePhone("8 (912) 345-67-89", { defaultCountryCode: "7", trunkPrefix: "8" })).toBe("+79123456789");
  });

  it("keeps a leading zero where the country has no trunk prefix (Italy)", () => {
    expect(normalizePhone("06 1234 5678", { defaultCountryCode: "39", trunkPrefix: "" })).toBe("+390612345678");
  });

  it("refuses to guess the country of a national number", () => {
    expect(() => normalizePhone("0812-3456-7890")).toThrowError(/national number: pass defaultCountryCode/);
  });

  it("rejects what cannot be a phone number", () => {
    for (const bad of ["", "+", "abc", "+0 812 3456", "+1234567890123456", "12", "0812-3456-789O"]) {
      expect(() => normalizePhone(bad, { defaultCountryCode: "62" })).toThrow(LoyaltyValidationError);
    }
  });

  it("rejects a malformed country code or trunk prefix, naming the option", () => {
    expect(() => normalizePhone("0812", { defaultCountryCode: "+62" })).toThrowError(/defaultCountryCode/);
    expect(() => normalizePhone("0812", { defaultCountryCode: "0" })).toThrowError(/defaultCountryCode/);
    expect(() => normalizePhone("0812", { defaultCountryCode: "62", trunkPrefix: "x" })).toThrowError(/trunkPrefix/);
  });
});

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

  // The forms people type (issue: "phone numbers as people type them"). Numbers from the public
  // examples of each plan: Berlin 030 (Bundesnetzagentur area codes), NANP 415 (San Francisco),
  // Telkomsel 0812 (Indonesia), Rome 06 (Italy's plan keeps the 0).
  it("drops a trunk prefix typed after the country code, as (0) or plain", () => {
    expect(normalizePhone("+49 (0)30 1234567")).toBe(normalizePhone("+49 30 1234567"));
    expect(normalizePhone("+49 (0)30 1234567")).toBe("+49301234567");
    expect(normalizePhone("030 1234567", { defaultCountryCode: "49" })).toBe("+49301234567");
    expect(normalizePhone("+62 0812 3456 7890")).toBe("+6281234567890");
    expect(normalizePhone("+62 0812 3456 7890")).toBe(normalizePhone("+62 812 3456 7890"));
  });

  it("reads a NANP number typed with its leading 1 when the country is 1", () => {
    expect(normalizePhone("1 (415) 555-2671", { defaultCountryCode: "1" })).toBe("+14155552671");
    expect(normalizePhone("(415) 555-2671", { defaultCountryCode: "1" })).toBe("+14155552671");
    expect(normalizePhone("+1 415 555 2671")).toBe("+14155552671");
  });

  it("keeps the leading 0 of an Italian number, national or international, without being told", () => {
    expect(normalizePhone("06 1234 5678", { defaultCountryCode: "39" })).toBe("+390612345678");
    expect(normalizePhone("+39 06 1234 5678")).toBe("+390612345678");
  });

  it("rejects a number of impossible length for its country's plan, saying how many digits it expects", () => {
    // NANP numbers have exactly 10 digits after +1; French numbers 9 after +33.
    expect(() => normalizePhone("+1 415 555 267")).toThrowError(
      /expected 10 digits after the country code \+1 .*got 9/,
    );
    expect(() => normalizePhone("+33 1 23 45 67 8")).toThrowError(/expected 9 digits after the country code \+33/);
    expect(normalizePhone("0812 3456", { defaultCountryCode: "62" })).toBe("+628123456"); // 7 digits: the shortest the plan allows
    expect(() => normalizePhone("0812 3456 7890 123", { defaultCountryCode: "62" })).toThrowError(/7 to 12 digits/);
    expect(() => normalizePhone("+1234567")).toThrow(LoyaltyValidationError); // fast path no more: +1 with 6 digits
  });

  it("lets an integrator plug in their own normaliser, and checks what it returns", () => {
    const normalize = (input: string, o: { defaultCountryCode?: string }) =>
      `+${o.defaultCountryCode ?? "44"}${input.replace(/\D/g, "").replace(/^0/, "")}`;
    expect(normalizePhone("020 7946 0958", { normalize })).toBe("+442079460958");
    expect(normalizePhone("0812 3456 7890", { defaultCountryCode: "62", normalize })).toBe("+6281234567890");
    expect(() => normalizePhone("x", { normalize: () => "0812" })).toThrowError(
      /normalize: expected the normalize option to return an E.164 number/,
    );
    expect(() =>
      normalizePhone("x", {
        normalize: () => {
          throw new Error("NOT_A_NUMBER");
        },
      }),
    ).toThrowError(/phone: the normalize option refused "x": NOT_A_NUMBER/);
    expect(() => normalizePhone("x", { normalize: "no" as never })).toThrow(LoyaltyValidationError);
  });
});

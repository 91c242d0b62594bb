import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, validateBarcode } from "../../src/index.js";

// Published examples whose check digits are printed in the standards' own illustrations.
describe("validateBarcode", () => {
  it("accepts the EAN-13 4006381333931 (the GS1 / EAN article's example)", () => {
    expect(validateBarcode("4006381333931")).toBe("EAN-13");
  });

  it("accepts the ISBN-13 978-0-306-40615-7 as an EAN-13", () => {
    expect(validateBarcode("9780306406157")).toBe("EAN-13");
  });

  it("accepts the UPC-A 036000291452", () => {
    expect(validateBarcode("036000291452")).toBe("UPC-A");
  });

  it("accepts the EAN-8 96385074", () => {
    expect(validateBarcode("96385074")).toBe("EAN-8");
  });

  it("rejects a wrong check digit and says which digit was expected", () => {
    // 4006381333931 with its last digit changed: the GS1 sum of the first twelve digits is 89, so 1 is due.
    expect(() => validateBarcode("4006381333932")).toThrowError(/should be 1, got 2/);
    expect(() => validateBarcode("036000291453")).toThrowError(/UPC-A check digit .* should be 2, got 3/);
    expect(() => validateBarcode("96385075")).toThrowError(/EAN-8 .* should be 4/);
  });

  it("rejects a swap of two neighbouring digits (the error the check digit exists to catch)", () => {
    expect(() => validateBarcode("4006381339331")).toThrow(LoyaltyValidationError);
  });

  it("rejects lengths that are no GS1 symbology and non-digits", () => {
    for (const bad of ["", "123", "40063813339310", "400638133393a", " 4006381333931"]) {
      expect(() => validateBarcode(bad)).toThrow(LoyaltyValidationError);
    }
  });
});

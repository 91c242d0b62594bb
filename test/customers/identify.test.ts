import { describe, expect, it } from "vitest";
import { buildCustomerIndex, identify, LoyaltyValidationError, parseCustomer, type Customer } from "../../src/index.js";

const customers: Customer[] = [
  parseCustomer({ id: "c-1", lastName: "Müller", identifiers: [{ kind: "barcode", code: "4006381333931" }] }),
  parseCustomer({ id: "c-2", lastName: "Muller", identifiers: [{ kind: "phone", number: "+6281234567890" }] }),
  parseCustomer({
    id: "c-3",
    lastName: "Sari",
    identifiers: [
      { kind: "magnetic", number: "60112345" },
      { kind: "barcode", code: "036000291452" },
    ],
  }),
  parseCustomer({ id: "c-4", lastName: "Ёлкина", identifiers: [{ kind: "barcode", code: "96385074" }] }),
  parseCustomer({ id: "c-5" }),
];
const index = buildCustomerIndex(customers);

describe("identify", () => {
  it("finds a customer by the barcode on her plastic card", () => {
    expect(identify(index, { kind: "barcode", code: "4006381333931" })).toEqual({
      status: "found",
      customers: [customers[0]],
    });
    expect(identify(index, { kind: "barcode", code: "96385074" }).customers[0]?.id).toBe("c-4");
  });

  it("finds a UPC-A card whether the scanner reports 12 or 13 digits", () => {
    expect(identify(index, { kind: "barcode", code: "036000291452" }).customers[0]?.id).toBe("c-3");
    expect(identify(index, { kind: "barcode", code: "0036000291452" }).customers[0]?.id).toBe("c-3");
  });

  it("finds a customer by the magnetic stripe", () => {
    expect(identify(index, { kind: "magnetic", number: "60112345" }).customers[0]?.id).toBe("c-3");
  });

  it("finds a customer by her phone number said the national way", () => {
    expect(
      identify(index, { kind: "phone", number: "0812-3456-7890", defaultCountryCode: "62" }).customers[0]?.id,
    ).toBe("c-2");
    expect(identify(index, { kind: "phone", number: "+62 812 3456 7890" }).customers[0]?.id).toBe("c-2");
  });

  it("returns every customer with a last name, ignoring case and diacritics, never a guess", () => {
    const r = identify(index, { kind: "lastName", lastName: "MULLER" });
    expect(r.status).toBe("ambiguous");
    expect(r.customers.map((c) => c.id)).toEqual(["c-1", "c-2"]);
    expect(identify(index, { kind: "lastName", lastName: "  sari " })).toEqual({
      status: "found",
      customers: [customers[2]],
    });
    expect(identify(index, { kind: "lastName", lastName: "елкина" }).customers[0]?.id).toBe("c-4");
  });

  it("answers not-found for an unknown card, phone or name, and anonymous for a coupon customer", () => {
    expect(identify(index, { kind: "barcode", code: "9780306406157" })).toEqual({ status: "not-found", customers: [] });
    expect(identify(index, { kind: "phone", number: "+6281234567891" }).status).toBe("not-found");
    expect(identify(index, { kind: "lastName", lastName: "Santoso" }).status).toBe("not-found");
    expect(identify(index, { kind: "anonymous" })).toEqual({ status: "anonymous", customers: [] });
  });

  it("treats a misread barcode as an error, not a miss", () => {
    expect(() => identify(index, { kind: "barcode", code: "4006381333930" })).toThrow(LoyaltyValidationError);
  });

  it("rejects a national phone without a country code, an empty last name, an unknown kind", () => {
    expect(() => identify(index, { kind: "phone", number: "0812-3456-7890" })).toThrowError(/defaultCountryCode/);
    expect(() => identify(index, { kind: "lastName", lastName: " " })).toThrowError(/lastName/);
    expect(() => identify(index, { kind: "phone", number: "0812-3456-7890", defaultCountryCode: "+62" })).toThrowError(
      /defaultCountryCode/,
    );
    expect(() =>
      identify(index, { kind: "phone", number: "0812-3456-7890", defaultCountryCode: "62", trunkPrefix: "x" }),
    ).toThrowError(/trunkPrefix/);
    expect(() => identify(index, { kind: "email" } as never)).toThrowError(/kind/);
  });
});

describe("buildCustomerIndex", () => {
  it("is frozen and counts its customers", () => {
    expect(Object.isFrozen(index)).toBe(true);
    expect(index.size).toBe(5);
  });

  it("refuses one card on two customers, naming both", () => {
    const twice = [
      parseCustomer({ id: "a", identifiers: [{ kind: "barcode", code: "4006381333931" }] }),
      parseCustomer({ id: "b", identifiers: [{ kind: "barcode", code: "4006381333931" }] }),
    ];
    expect(() => buildCustomerIndex(twice)).toThrowError(
      /customers\.1\.identifiers\.0\.code: barcode "4006381333931" already belongs to customers\.0 \("a"\)/,
    );
  });

  it("refuses the same UPC-A card spelled with 12 and with 13 digits on two customers", () => {
    const twice = [
      parseCustomer({ id: "a", identifiers: [{ kind: "barcode", code: "036000291452" }] }),
      parseCustomer({ id: "b", identifiers: [{ kind: "barcode", code: "0036000291452" }] }),
    ];
    expect(() => buildCustomerIndex(twice)).toThrow(LoyaltyValidationError);
  });

  it("refuses a duplicate customer id and an unparsed phone", () => {
    expect(() => buildCustomerIndex([parseCustomer({ id: "a" }), parseCustomer({ id: "a" })])).toThrowError(
      /customers\.1\.id/,
    );
    const raw = { id: "x", identifiers: [{ kind: "phone", number: "0812" }], consents: [] } as unknown as Customer;
    expect(() => buildCustomerIndex([raw])).toThrowError(/customers\.0\.identifiers\.0\.number/);
  });

  it("leaves the customers untouched", () => {
    const before = JSON.stringify(customers);
    buildCustomerIndex(customers);
    expect(JSON.stringify(customers)).toBe(before);
  });
});

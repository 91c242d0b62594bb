import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parsePurchaseRecords, repeatPurchaseRate } from "../../src/index.js";

const purchases = [
  { customerId: "ana", at: "2026-01-03T10:00:00Z" },
  { customerId: "ana", at: "2026-02-11T10:00:00Z" },
  { customerId: "ana", at: "2026-04-02T10:00:00Z" },
  { customerId: "budi", at: "2026-01-20T10:00:00+07:00" },
  { customerId: "citra", at: new Date("2026-03-05T10:00:00Z") },
  { customerId: "citra", at: "2026-03-30T23:00:00Z" },
  { customerId: "dewi", at: "2026-04-01T00:00:00Z" },
];

describe("repeatPurchaseRate", () => {
  it("counts customers with two or more purchases: ana and citra of four → 0.5", () => {
    expect(repeatPurchaseRate(purchases)).toEqual({ customers: 4, repeatCustomers: 2, rate: 0.5 });
  });

  it("counts only purchases in [from, to): in Q1 ana (2) and citra (2) repeat, budi does not, dewi is out", () => {
    const r = repeatPurchaseRate(purchases, { from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" });
    expect(r).toEqual({ customers: 3, repeatCustomers: 2, rate: 2 / 3 });
  });

  it("is null when nobody bought in the window", () => {
    expect(repeatPurchaseRate(purchases, { from: "2027-01-01T00:00:00Z" }).rate).toBeNull();
  });

  it("rejects bad records and bounds", () => {
    expect(() => repeatPurchaseRate([{ customerId: "", at: "2026-01-01T00:00:00Z" }])).toThrow(LoyaltyValidationError);
    expect(() => repeatPurchaseRate([{ customerId: "a", at: "2026-01-01" }])).toThrow(/0\.at/);
    expect(() => repeatPurchaseRate([], { from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z" })).toThrow(
      LoyaltyValidationError,
    );
    expect(() => repeatPurchaseRate([], { to: "soon" })).toThrow(/to: expected an ISO-8601 instant/);
  });

  it("normalizes instants to UTC ISO strings when parsing records", () => {
    expect(parsePurchaseRecords([{ customerId: "budi", at: "2026-01-20T10:00:00+07:00" }])[0]?.at).toBe(
      "2026-01-20T03:00:00.000Z",
    );
  });
});

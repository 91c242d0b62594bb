import { describe, expect, it } from "vitest";
import { balance, LoyaltyValidationError, availableLots } from "../../src/index.js";
import { day, ledger } from "./_helpers.js";

describe("balance", () => {
  const account = ledger([
    { kind: "earn", transactionId: "a", at: day(1), points: "100", expiresAt: day(10) },
    { kind: "earn", transactionId: "b", at: day(2), points: "50" },
    { kind: "redeem", transactionId: "r", at: day(3), points: "30" },
    { kind: "hold", transactionId: "h", at: day(4), points: "20", timeoutAt: day(8) },
  ]);

  it("is what is left in unexpired lots, held points excluded", () => {
    // a: 100 − 30 (redeem, soonest-expiring lot first) − 20 (hold) = 50; b: 50 → 100.
    expect(balance(account, { at: day(5) })).toBe("100");
  });

  it("frees a hold at its timeout, back into the lots it came from", () => {
    expect(balance(account, { at: "2026-01-08T09:59:59.999Z" })).toBe("100");
    expect(balance(account, { at: day(8) })).toBe("120");
  });

  it("drops a lot at the very instant it expires", () => {
    expect(balance(account, { at: "2026-01-10T09:59:59.999Z" })).toBe("120");
    expect(balance(account, { at: day(10) })).toBe("50");
  });

  it("does not give back a timed-out hold's points to a lot that has expired by then", () => {
    const late = ledger([
      { kind: "earn", transactionId: "a", at: day(1), points: "100", expiresAt: day(10) },
      { kind: "hold", transactionId: "h", at: day(4), points: "20", timeoutAt: day(12) },
    ]);
    expect(balance(late, { at: day(9) })).toBe("80");
    expect(balance(late, { at: day(11) })).toBe("0");
    expect(balance(late, { at: day(12) })).toBe("0");
  });

  it("answers for instants before the last entry by replaying up to them", () => {
    expect(balance(account, { at: day(1) })).toBe("100");
    expect(balance(account, { at: day(2, "09:00:00") })).toBe("100");
    expect(balance(account, { at: day(2) })).toBe("150");
    expect(balance(account, { at: day(3) })).toBe("120");
    expect(balance(account, { at: "2025-12-31T00:00:00Z" })).toBe("0");
  });

  it("accepts a Date and rejects an invalid instant", () => {
    expect(balance(account, { at: new Date(day(5)) })).toBe("100");
    expect(() => balance(account, { at: "tomorrow" })).toThrow(LoyaltyValidationError);
    expect(() => balance(account, { at: new Date(Number.NaN) })).toThrow(/at: expected an ISO-8601 instant/);
  });
});

describe("availableLots", () => {
  it("lists lots with points left in redeem order and leaves out expired ones", () => {
    const account = ledger([
      { kind: "earn", transactionId: "forever", at: day(1), points: "5" },
      { kind: "earn", transactionId: "late", at: day(2), points: "6", expiresAt: day(25) },
      { kind: "earn", transactionId: "soon", at: day(3), points: "7", expiresAt: day(8) },
    ]);
    expect(availableLots(account, { at: day(4) })).toEqual([
      { lotId: "soon", at: day(3), expiresAt: day(8), remaining: "7" },
      { lotId: "late", at: day(2), expiresAt: day(25), remaining: "6" },
      { lotId: "forever", at: day(1), remaining: "5" },
    ]);
    expect(availableLots(account, { at: day(9) }).map((l) => l.lotId)).toEqual(["late", "forever"]);
    expect(availableLots(account, { at: day(2) }).map((l) => l.lotId)).toEqual(["late", "forever"]);
  });
});

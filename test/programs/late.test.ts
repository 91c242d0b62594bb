// Late sales at the till: a till that was offline checks out its sales hours later. Compared with
// the same sale checked out in time order on a fresh account (the program is the fixtures'
// 1-point-per-euro bonus program, here with points valid 12 months).
import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  type OperationError,
  openProgramAccount,
  parseProgram,
  parseProgramAccount,
  refund,
} from "../../src/index.js";
import { basket, common, discount10, stamps } from "./_fixtures.js";

const expiring = parseProgram({
  ...common,
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor", validityMonths: 12 },
  redeem: { pointValue: "0.01", maxShare: "50" },
});
const fresh = () => openProgramAccount(expiring, { customerId: "olga", consent: true });
const noon = basket("2026-03-01T12:00:00Z", [{ price: "50.00" }]);
const morning = basket("2026-03-01T09:30:00Z", [{ price: "20.00" }], { storeId: "mitte", tillId: "till-3" });

describe("checkout of a late sale", () => {
  it("earns from its sale time and expires from it; the purchases stay in time order", () => {
    const first = checkout(expiring, fresh(), noon, { transactionId: "web-1", consent: true });
    const late = checkout(expiring, first.account, morning, { transactionId: "s-19", consent: true });
    expect(late.status).toBe("applied");
    const inTime = checkout(expiring, fresh(), morning, { transactionId: "s-19", consent: true });
    expect(late.pointsEarned).toBe(inTime.pointsEarned); // 20
    expect(late.expiresAt).toBe(inTime.expiresAt);
    const lot = late.account.points.lots.find((l) => l.lotId === "s-19:earn");
    expect(lot).toEqual(inTime.account.points.lots.find((l) => l.lotId === "s-19:earn"));
    expect(late.entries[0]).toMatchObject({ at: "2026-03-01T12:00:00.000Z", earnedAt: "2026-03-01T09:30:00.000Z" });
    expect(late.account.sales.map((s) => s.transactionId)).toEqual(["s-19", "web-1"]);
    expect(balance(late.account.points, { at: "2026-03-02T00:00:00Z" })).toBe("70"); // 50 + 20
    // A retry is a duplicate; the stored account reads back; a refund of the late sale takes its points back.
    const retry = checkout(expiring, late.account, morning, { transactionId: "s-19", consent: true });
    expect(retry.status).toBe("duplicate");
    expect(retry.entries).toEqual(late.entries); // the ledger's own entries, posted at noon
    const stored = parseProgramAccount(JSON.parse(JSON.stringify(late.account)));
    const back = refund(expiring, stored, late, { at: "2026-03-01T13:00:00Z", transactionId: "r-19" });
    expect(back.pointsReversed).toBe("20");
    expect(back.entries[0]).toMatchObject({ storeId: "mitte", tillId: "till-3" });
    expect(balance(back.account.points, { at: "2026-03-02T00:00:00Z" })).toBe("50");
  });

  it("a discount program's late sale is recorded in time order", () => {
    const first = checkout(discount10, openProgramAccount(discount10), noon, { transactionId: "sale-1" });
    const late = checkout(discount10, first.account, morning, { transactionId: "sale-0" });
    expect(late.account.sales.map((s) => s.at)).toEqual(["2026-03-01T09:30:00.000Z", "2026-03-01T12:00:00.000Z"]);
  });

  it("a late sale that redeems points, or in a stamps program, is LATE_ENTRY_CONFLICT, nothing applied", () => {
    const first = checkout(expiring, fresh(), noon, { transactionId: "web-1", consent: true });
    const err = (() => {
      try {
        checkout(expiring, first.account, morning, { transactionId: "s-19", consent: true, redeemPoints: "10" });
      } catch (e) {
        return e as OperationError<"LATE_ENTRY_CONFLICT">;
      }
      throw new Error("expected a throw");
    })();
    expect(err.code).toBe("LATE_ENTRY_CONFLICT");
    expect(err.details).toMatchObject({
      transactionId: "s-19",
      conflict: "redeem",
      newest: "2026-03-01T12:00:00.000Z",
    });
    const card = openProgramAccount(stamps, { cardId: "card-1" });
    const s1 = checkout(stamps, card, noon, { transactionId: "st-1" });
    expect(() => checkout(stamps, s1.account, morning, { transactionId: "st-0" })).toThrow(
      expect.objectContaining({ code: "LATE_ENTRY_CONFLICT" }),
    );
  });
});

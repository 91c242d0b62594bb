import { describe, expect, it } from "vitest";
import { checkoutAll, openProgramAccount, parseProgram } from "../../src/index.js";
import { basket, bonus, discount10, eur, stamps } from "./_fixtures.js";

describe("checkoutAll", () => {
  const accounts = {
    ten: openProgramAccount(discount10),
    bonus: openProgramAccount(bonus, { customerId: "olga", consent: true }),
    card6: openProgramAccount(stamps, { cardId: "card-1" }),
  };
  const sale = basket("2026-03-01T10:00:00Z", [
    { price: "19.99" },
    { price: "5.01" },
    { price: "4.90", kind: "delivery" },
  ]);

  it("applies programs in the stated order, each on what the previous left", () => {
    const r = checkoutAll([discount10, bonus, stamps], accounts, sale, { transactionId: "sale-1", consent: true });
    expect(r.results.map((x) => x.programId)).toEqual(["ten", "bonus", "card6"]);
    expect(r.results[1]?.lines.map((l) => l.gross.amount)).toEqual(["17.99", "4.51", "4.90"]);
    // points on the 22.50 of merchandise left after the discount
    expect(r.results[1]?.pointsEarned).toBe("22");
    expect(r.results[2]?.stamps?.earned).toBe(1);
    expect(r.total).toEqual(eur("27.40"));
    expect(r.lines.map((l) => l.net.amount)).toEqual(["17.99", "4.51", "4.90"]);
    expect(r.accounts["bonus"]?.version).toBe(1);
  });

  it("gives different points when the order changes", () => {
    const r = checkoutAll([bonus, discount10], accounts, sale, { transactionId: "sale-1", consent: true });
    expect(r.results[0]?.pointsEarned).toBe("25");
  });

  it("is idempotent as a whole", () => {
    const r = checkoutAll([discount10, bonus], accounts, sale, { transactionId: "sale-1", consent: true });
    const again = checkoutAll([discount10, bonus], r.accounts, sale, { transactionId: "sale-1", consent: true });
    expect(again.status).toBe("duplicate");
    expect(again.total).toEqual(r.total);
  });

  it("rejects duplicate programs and missing accounts", () => {
    expect(() => checkoutAll([discount10, discount10], accounts, sale, { transactionId: "t" })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
    const other = parseProgram({ ...discount10, id: "other" });
    expect(() => checkoutAll([other], accounts, sale, { transactionId: "t" })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { checkout, openProgramAccount, parseProgram, post, quote } from "../../src/index.js";
import { basket, bonus, common, cumulative, discount10 } from "./_fixtures.js";

const options = { consent: true } as const;
const at = "2026-03-01T10:00:00Z";

describe("quote on the one pricing engine: exact figures", () => {
  it("prices a plain bonus basket: 35.70 at 1 point per 1.00 earns 35 points", () => {
    const account = openProgramAccount(bonus, { customerId: "olga", consent: true });
    const b = basket(at, [{ price: "35.70" }]);
    const q = quote(bonus, account, b, options);
    expect(q.pointsEarned).toBe("35");
  });

  it("splits 2 kg at 3.335 a kg half-even to 6.67 and earns on it", () => {
    const account = openProgramAccount(bonus, { customerId: "olga", consent: true });
    const b = basket(at, [
      { price: "3.335", quantity: "2" },
      { price: "0.125", quantity: "0.5" },
    ]);
    const q = quote(bonus, account, b, options);
    // 2 × 3.335 = 6.67 exactly; 0.5 × 0.125 = 0.0625 → 0.06 (half-even)
    expect(q.lines.map((l) => l.gross.amount)).toEqual(["6.67", "0.06"]);
  });

  it("gives a tie to the earlier line: a cap of 6 over raw points 1, 4, 4", () => {
    // Raw 1, 4, 4 (sum 9) capped at 6 are split 6/9 each: 0.666…, 2.666…, 2.666…; wholes 0, 2, 2 leave
    // 2 points for the largest remainders. The remainders are all exactly 2/3, so the two points go to
    // the first two lines: 1, 3, 2. (Before the fix the Decimal engine compared remainders rounded to 40
    // significant digits, which gave 2.666…67 the larger fraction and 0, 3, 3.)
    const capped = parseProgram({
      ...common,
      kind: "bonus",
      id: "cap",
      name: "Cap 6",
      earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], capPerTransaction: "6" },
    });
    const account = openProgramAccount(capped, { customerId: "olga", consent: true });
    const b = basket(at, [{ price: "1.00" }, { price: "4.00" }, { price: "4.00" }]);
    expect(quote(capped, account, b, options).lines.map((l) => l.pointsEarned)).toEqual(["1", "3", "2"]);
  });

  it("earns exactly 100 points for 300.00 at 1 point per 3.00 (the rate is applied as net × 1 / 3.00, not as a rounded 0.333…)", () => {
    const third = parseProgram({
      ...common,
      kind: "bonus",
      id: "third",
      name: "1 per 3",
      earn: { rules: [{ type: "per-amount", points: "1", per: "3.00" }] },
    });
    const account = openProgramAccount(third, { customerId: "olga", consent: true });
    const q = quote(third, account, basket(at, [{ price: "300.00" }, { price: "100.00" }]), options);
    // 300 / 3 = 100 exactly; 100 / 3 = 33.3… floors to 33.
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["100", "33"]);
    expect(q.pointsEarned).toBe("133");
  });

  it("takes 10% off 19.99 + 5.01 merchandise as 2.00 / 0.50 and leaves 4.90 delivery alone (issue #4)", () => {
    const account = openProgramAccount(discount10, {});
    const b = basket(at, [{ price: "19.99" }, { price: "5.01" }, { price: "4.90", kind: "delivery" }]);
    const q = quote(discount10, account, b, options);
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["2.00", "0.50", "0.00"]);
  });

  it("says a discount equal to the maximum (10% of 50.00 = 5.00, maximum 5.00) was not capped", () => {
    const capped = parseProgram({
      ...common,
      kind: "discount",
      id: "max5",
      name: "10%, at most 5",
      percent: "10",
      maxDiscount: "5.00",
    });
    const account = openProgramAccount(capped, {});
    const b = basket(at, [{ price: "30.00" }, { price: "20.00" }]);
    const q = quote(capped, account, b, options);
    expect(q.discountTotal.amount).toBe("5.00");
    expect(q.explain.at(-1)?.reason).toBe("10% off 50.00 EUR of eligible lines: 5.00 EUR");
  });

  it("gives Gold (10%) to 4,900 spent plus a 200 purchase that counts", () => {
    const gold = cumulative(true);
    const opened = openProgramAccount(gold, { customerId: "olga", consent: true });
    const account = checkout(gold, opened, basket("2026-02-01T10:00:00Z", [{ price: "4900.00" }]), {
      transactionId: "t1",
      consent: true,
    }).account;
    const b = basket(at, [{ price: "200.00" }]);
    const q = quote(gold, account, b, options);
    expect(q.tier?.name).toBe("Gold");
    expect(q.discountTotal.amount).toBe("20.00");
  });

  it("redeems at most 1,000 of 10,000 points on a 20.00 basket (50% of it) and earns on the 10.00 left (issue #4)", () => {
    const opened = openProgramAccount(bonus, { customerId: "olga", consent: true });
    const account = {
      ...opened,
      points: post(opened.points, {
        kind: "earn",
        transactionId: "opening",
        at: "2026-01-02T00:00:00Z",
        points: "10000",
      }).account,
    };
    const b = basket(at, [{ price: "12.00" }, { price: "8.00" }]);
    const q = quote(bonus, account, b, { consent: true, redeemPoints: "max" });
    expect(q.pointsRedeemed).toBe("1000");
    // 10.00 paid with points split 6.00 / 4.00 like the amounts; 10 points earned on the 10.00 left
    expect(q.lines.map((l) => l.pointsMoney.amount)).toEqual(["6.00", "4.00"]);
    expect(q.lines.map((l) => l.pointsRedeemed)).toEqual(["600", "400"]);
    expect(q.pointsEarned).toBe("10");
  });

  it("throws for an invalid call (no consent)", () => {
    const account = openProgramAccount(bonus, { customerId: "olga", consent: true });
    expect(() => quote(bonus, account, basket(at, [{ price: "20.00" }]), {})).toThrow(/consent/);
  });
});

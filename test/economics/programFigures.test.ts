import { describe, expect, it } from "vitest";
import { programFigures, type FigureSale } from "../../src/economics/programFigures.js";
import { CurrencyMismatchError, LoyaltyValidationError } from "../../src/errors/errors.js";
import { checkout } from "../../src/programs/checkout.js";
import { openProgramAccount } from "../../src/programs/openProgramAccount.js";
import { parseProgram } from "../../src/programs/parseProgram.js";

// Every expected figure is worked by hand from the rows of each test; the definitions (participation =
// active members ÷ identified buyers, cost = discounts + money paid with points, redemption rate =
// redeemed ÷ issued in the period, retained = active in the previous period too) are the function's own.
const eur = (amount: string) => ({ amount, currency: "EUR" });
const record = (
  at: string,
  gross: string,
  discount: string,
  pointsMoney: string,
  earned: string,
  redeemed: string,
) => ({
  at,
  gross: eur(gross),
  discountTotal: eur(discount),
  pointsMoney: eur(pointsMoney),
  total: eur((Number(gross) - Number(discount) - Number(pointsMoney)).toFixed(2)),
  pointsEarned: earned,
  welcomeBonus: "0",
  pointsRedeemed: redeemed,
});
const SALES: FigureSale[] = [
  { customerId: "ann", record: record("2026-01-10T10:00:00.000Z", "100.00", "0.00", "0.00", "100", "0") },
  { customerId: "bob", record: record("2026-01-20T10:00:00.000Z", "50.00", "0.00", "0.00", "50", "0") },
  { customerId: "cem", at: "2026-01-21T10:00:00Z", amount: eur("40.00") },
  { customerId: null, at: "2026-01-22T10:00:00Z", amount: eur("9.99") },
  { customerId: "ann", record: record("2026-02-10T10:00:00.000Z", "80.00", "2.00", "10.00", "68", "100") },
  { customerId: "cem", at: "2026-02-11T10:00:00Z", amount: eur("25.00") },
  { customerId: "dan", at: "2026-02-12T10:00:00Z", amount: eur("15.00") },
];

describe("programFigures", () => {
  it("gives participation, redemption rate, cost and revenue per month", () => {
    const [jan, feb] = programFigures(SALES);
    // January: members ann + bob active, cem identified outside → 2 / 3; the anonymous sale is revenue only.
    expect(jan?.period).toBe("2026-01");
    expect(jan?.members.customers).toBe(2);
    expect(jan?.otherCustomers).toBe(1);
    expect(jan?.participation).toBe("0.6667");
    expect(jan?.members.revenue.amount).toBe("150.00");
    expect(jan?.otherRevenue.amount).toBe("49.99"); // 40.00 + 9.99
    expect(jan?.redemptionRate).toBe("0.0000"); // 0 of 150
    expect(jan?.retainedMembers).toBe(0); // first period
    expect(jan?.costPerRetainedMember).toBeNull();
    // February: ann only; cem and dan outside → 1 / 3. Cost 2.00 + 10.00; 100 redeemed of 68 issued.
    expect(feb?.participation).toBe("0.3333");
    expect(feb?.members.cost.amount).toBe("12.00");
    expect(feb?.members.revenue.amount).toBe("68.00");
    expect(feb?.redemptionRate).toBe("1.4706"); // 100 / 68
    expect(feb?.retainedMembers).toBe(1); // ann was active in January
    expect(feb?.costPerRetainedMember).toEqual(eur("12.00"));
    expect(feb?.otherRevenue.amount).toBe("40.00");
  });

  it("sums quarters, and counts a member who also bought outside the program once", () => {
    const extra: FigureSale = { customerId: "ann", at: "2026-03-01T10:00:00Z", amount: eur("5.00") };
    const [q1] = programFigures([...SALES, extra], { period: "quarter" });
    expect(q1?.period).toBe("2026-Q1");
    expect(q1?.members.customers).toBe(2); // ann, bob
    expect(q1?.otherCustomers).toBe(2); // cem, dan (ann counts as a member)
    expect(q1?.participation).toBe("0.5000");
    expect(q1?.members.pointsIssued).toBe("218"); // 100 + 50 + 68
    expect(q1?.otherRevenue.amount).toBe("94.99"); // 40 + 9.99 + 25 + 15 + 5
  });

  it("reads the records a real checkout returns", () => {
    const program = parseProgram({
      kind: "discount",
      id: "card",
      name: "5% card",
      currency: "EUR",
      timeZone: "UTC",
      active: { from: "2026-01-01T00:00:00Z" },
      percent: "5",
    });
    const basket = {
      id: "b1",
      at: "2026-01-05T10:00:00Z",
      lines: [{ id: "1", sku: "A", quantity: 2, unitPrice: eur("10.00") }],
    };
    const r = checkout(program, openProgramAccount(program, { customerId: "ann" }), basket, { transactionId: "t1" });
    const [jan] = programFigures([{ customerId: "ann", record: r }]);
    expect(jan?.members.discounts.amount).toBe("1.00"); // 5% of 20.00
    expect(jan?.participation).toBe("1.0000");
  });

  it("rejects bad rows naming them, and mixed currencies", () => {
    expect(() => programFigures([{ customerId: "x", at: "soon", amount: eur("1.00") }])).toThrow(
      LoyaltyValidationError,
    );
    expect(() => programFigures([{ customerId: "x", at: "soon", amount: eur("1.00") }])).toThrow(/0\.at/);
    expect(() =>
      programFigures([
        ...SALES,
        { customerId: "e", at: "2026-01-01T00:00:00Z", amount: { amount: "1", currency: "USD" } },
      ]),
    ).toThrow(CurrencyMismatchError);
    const bad = {
      customerId: "ann",
      record: { ...record("2026-01-10T10:00:00.000Z", "1.00", "0.00", "0.00", "1", "0"), pointsRedeemed: "-1" },
    };
    expect(() => programFigures([bad])).toThrow(/customer ann: expected points/);
    expect(programFigures([])).toEqual([]);
  });
});

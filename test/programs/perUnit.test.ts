import { describe, expect, it } from "vitest";
import { openProgramAccount, parseProgram, post, quote, type Program, type ProgramAccount } from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

// Points are earned only on what is paid, for every rule kind: in 0.1 a per-unit rule
// gave its points for a unit that a reward paid for in full, and a per-unit rule needed a `match`.
// The program below is this test's own: 5 points per unit bought, a silk scarf free for 500 points.
const catalog = parseProgram({
  ...common,
  kind: "catalog",
  id: "units",
  name: "5 per unit",
  earn: { rules: [{ type: "per-unit", points: "5" }] },
  rewards: [{ id: "scarf", name: "Silk scarf", pointsCost: "500", gives: { type: "product", sku: "SCARF" } }],
});

function member(): ProgramAccount {
  const account = openProgramAccount(catalog, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points: "1000" })
      .account,
  };
}

const at = "2026-03-01T10:00:00Z";

describe("per-unit earn rules earn only on units paid for", () => {
  it("without match applies to every merchandise line (not delivery): 1 dress + 2 scarves earn 15", () => {
    const q = quote(
      catalog,
      member(),
      basket(at, [
        { sku: "DRESS", price: "40.00" },
        { sku: "SCARF", price: "12.00", quantity: "2" },
        { sku: "SHIP", price: "4.90", kind: "delivery" },
      ]),
      { consent: true },
    );
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["5", "10", "0"]);
    expect(q.pointsEarned).toBe("15");
  });

  it("a scarf the reward paid for in full earns nothing: 1 dress + 1 free scarf earn 5", () => {
    const q = quote(
      catalog,
      member(),
      basket(at, [
        { sku: "DRESS", price: "40.00" },
        { sku: "SCARF", price: "12.00" },
      ]),
      { consent: true, rewardId: "scarf" },
    );
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["5", "0"]);
    expect(q.pointsEarned).toBe("5");
  });

  it("of two scarves, one free: the one paid for earns 5 (1 dress + 1 paid scarf = 10)", () => {
    const q = quote(
      catalog,
      member(),
      basket(at, [
        { sku: "DRESS", price: "40.00" },
        { sku: "SCARF", price: "12.00", quantity: "2" },
      ]),
      { consent: true, rewardId: "scarf" },
    );
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["5", "5"]);
    expect(q.pointsEarned).toBe("10");
  });
});

// The same rule when points or money off pay for units. The programs are this test's own: 5 points per
// unit bought; points worth 0.01 each with no share limit (maxShare 100); catalog rewards that take
// money off. Two scarves at 12.00 on one line: 12.00 taken off covers one unit whole, 24.00 both.
const bonus = parseProgram({
  ...common,
  kind: "bonus",
  id: "units-bonus",
  name: "5 per unit, points pay",
  earn: { rules: [{ type: "per-unit", points: "5" }] },
  redeem: { pointValue: "0.01", maxShare: "100" },
});

const moneyOff = parseProgram({
  ...common,
  kind: "catalog",
  id: "units-money-off",
  name: "5 per unit, money off",
  earn: { rules: [{ type: "per-unit", points: "5" }] },
  rewards: [
    { id: "twelve", name: "12.00 off", pointsCost: "100", gives: { type: "fixed", amount: "12.00" } },
    { id: "half", name: "Half price", pointsCost: "100", gives: { type: "percent", percent: "50" } },
    { id: "all", name: "All free", pointsCost: "100", gives: { type: "percent", percent: "100" } },
    { id: "tenth", name: "10% off", pointsCost: "100", gives: { type: "percent", percent: "10" } },
  ],
});

function withPoints(program: Program, points: string): ProgramAccount {
  const account = openProgramAccount(program, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

const twoScarves = () => basket(at, [{ sku: "SCARF", price: "12.00", quantity: "2" }]);

describe("per-unit earn rules: units paid by points or money off earn nothing", () => {
  it("1,200 points (12.00) pay one of two 12.00 scarves: the other earns 5", () => {
    const q = quote(bonus, withPoints(bonus, "1200"), twoScarves(), { consent: true, redeemPoints: "1200" });
    expect(q.pointsMoney.amount).toBe("12.00");
    expect(q.total.amount).toBe("12.00");
    expect(q.pointsEarned).toBe("5");
  });

  it("2,400 points (24.00) pay both scarves: nothing earned", () => {
    const q = quote(bonus, withPoints(bonus, "2400"), twoScarves(), { consent: true, redeemPoints: "max" });
    expect(q.pointsMoney.amount).toBe("24.00");
    expect(q.total.amount).toBe("0.00");
    expect(q.pointsEarned).toBe("0");
    expect(q.explain.find((e) => e.rule === "earn:earn-1")?.applied).toBe(false);
  });

  it("600 points (6.00) pay no unit whole: both scarves earn (10)", () => {
    const q = quote(bonus, withPoints(bonus, "600"), twoScarves(), { consent: true, redeemPoints: "600" });
    expect(q.pointsMoney.amount).toBe("6.00");
    expect(q.pointsEarned).toBe("10");
  });

  it.each([
    ["twelve", "12.00", "5"], // 12.00 off covers one unit
    ["half", "12.00", "5"], // 50% of 24.00 = 12.00: one unit
    ["all", "24.00", "0"], // both units free
    ["tenth", "2.40", "10"], // 10% covers no unit whole
  ])("a %s reward takes %s off two 12.00 scarves: %s points", (rewardId, off, points) => {
    const q = quote(moneyOff, withPoints(moneyOff, "100"), twoScarves(), { consent: true, rewardId });
    expect(q.discountTotal.amount).toBe(off);
    expect(q.pointsEarned).toBe(points);
  });
});

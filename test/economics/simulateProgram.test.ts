import { describe, expect, it } from "vitest";
import { mergeSimulations } from "../../src/economics/mergeSimulations.js";
import { pointsLiability } from "../../src/economics/pointsLiability.js";
import { type ProgramSimulation, simulateProgram, type SimulatedSale } from "../../src/economics/simulateProgram.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";
import type { ProgramInput } from "../../src/programs/program.js";

// The worked example: every figure below is computed by hand in the comments from the program rules
// (1 point per 1.00 EUR paid, floor; 1 point = 0.10 EUR; at most 50% of a basket paid with points;
// points valid 2 months, to the end of the same day) and the five sales. The 5% card is the
// "discount card" program type (a fixed percentage off every purchase).
const bonus: ProgramInput = {
  kind: "bonus",
  id: "bonus",
  name: "Bonus",
  currency: "EUR",
  timeZone: "UTC",
  active: { from: "2026-01-01T00:00:00Z" },
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], validityMonths: 2 },
  redeem: { pointValue: "0.10", maxShare: "50" },
};
const card: ProgramInput = {
  kind: "discount",
  id: "card",
  name: "5% card",
  currency: "EUR",
  timeZone: "UTC",
  active: { from: "2026-01-01T00:00:00Z" },
  percent: "5",
};

const sale = (customerId: string, id: string, at: string, amount: string): SimulatedSale => ({
  customerId,
  basket: { id, at, lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: { amount, currency: "EUR" } }] },
});
const SALES: readonly SimulatedSale[] = [
  sale("ann", "a1", "2026-01-10T10:00:00Z", "100.00"),
  sale("bob", "b1", "2026-01-20T10:00:00Z", "50.00"),
  sale("ann", "a2", "2026-02-10T10:00:00Z", "80.00"),
];
const AT = "2026-03-31T23:59:59Z";
const REDEEM_AT_100 = { threshold: "100", probability: 1 };

describe("simulateProgram — the worked example", () => {
  it("prices the bonus program by hand: issued, redeemed, expired, outstanding and liability", () => {
    const r = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100 });
    // ann 10 Jan: pays 100.00, earns 100 (valid to 10 Mar). bob 20 Jan: pays 50.00, earns 50 (to 20 Mar).
    // ann 10 Feb: balance 100 ≥ 100 → redeems max: 50% of 80.00 = 40.00 = 400 points, but only 100 held
    // → 100 points = 10.00 off; pays 70.00, earns 70 (to 10 Apr).
    expect(r.gross.amount).toBe("230.00"); // 100 + 50 + 80
    expect(r.pointsMoney.amount).toBe("10.00");
    expect(r.discounts.amount).toBe("0.00");
    expect(r.cost.amount).toBe("10.00");
    expect(r.revenue.amount).toBe("220.00"); // 230 − 10
    expect(r.pointsIssued).toBe("220"); // 100 + 50 + 70
    expect(r.pointsRedeemed).toBe("100");
    // At 31 Mar: bob's 50 expired on 20 Mar; ann's 70 are valid to 10 Apr.
    expect(r.pointsExpired).toBe("50");
    expect(r.pointsOutstanding).toBe("70");
    expect(r.liability).toEqual({ amount: "7.00", currency: "EUR" }); // 70 × 0.10
    expect(r.pointValue).toEqual({ amount: "0.10", currency: "EUR" });
    expect(r.customers).toBe(2);
    expect(r.baskets).toBe(3);
  });

  it("reports each month apart", () => {
    const r = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100 });
    expect(
      r.byPeriod.map((p) => [p.period, p.customers, p.baskets, p.revenue.amount, p.pointsIssued, p.pointsRedeemed]),
    ).toEqual([
      ["2026-01", 2, 2, "150.00", "150", "0"],
      ["2026-02", 1, 1, "70.00", "70", "100"],
    ]);
    const q = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100, period: "quarter" });
    expect(q.byPeriod.map((p) => [p.period, p.revenue.amount])).toEqual([["2026-Q1", "220.00"]]);
  });

  it("compares with a 5% discount card on the same sales", () => {
    const r = simulateProgram(card, SALES, { at: AT });
    // 5% of 100, 50 and 80: 5.00 + 2.50 + 4.00 = 11.50, against 10.00 for the bonus program.
    expect(r.discounts.amount).toBe("11.50");
    expect(r.cost.amount).toBe("11.50");
    expect(r.revenue.amount).toBe("218.50");
    expect(r.pointsIssued).toBe("0");
    expect(r.liability).toBeNull();
  });

  it("without a redemption behaviour nobody redeems: all 230 points issued, 150 expired by 31 Mar", () => {
    const r = simulateProgram(bonus, SALES, { at: AT });
    // ann earns 100 + 80; ann's first 100 (to 10 Mar) and bob's 50 (to 20 Mar) expire; 80 remain.
    expect([r.pointsIssued, r.pointsRedeemed, r.pointsExpired, r.pointsOutstanding]).toEqual(["230", "0", "150", "80"]);
  });

  it("reports figures per customer group (an RFM segment or ABC class given by the caller)", () => {
    const r = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100, groups: { ann: "A" } });
    expect(r.byGroup["A"]?.cost.amount).toBe("10.00");
    expect(r.byGroup["A"]?.revenue.amount).toBe("170.00"); // 100 + 70
    expect(r.byGroup["none"]?.pointsIssued).toBe("50"); // bob, not listed
  });

  it("counts an enrollment welcome bonus as issued at the customer's first purchase", () => {
    const welcome: ProgramInput = { ...bonus, welcomeBonus: { points: "20", on: "enrollment" } } as ProgramInput;
    const r = simulateProgram(welcome, SALES, { at: AT });
    // 230 earned + 20 each for ann and bob; the welcome lots have no expiry in this program.
    expect(r.pointsIssued).toBe("270");
    expect(r.pointsOutstanding).toBe("120"); // 80 + 20 + 20
    expect(r.byPeriod[0]?.pointsIssued).toBe("190"); // 150 + 40 in January
  });

  it("keeps the accounts on request, so pointsLiability can value them at any instant up to `at`", () => {
    const r = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100, keepAccounts: true });
    expect(r.accounts?.map((a) => a.customerId)).toEqual(["ann", "bob"]);
    // At `at` the accounts hold what the run reports outstanding: ann's 70.
    const end = pointsLiability(
      (r.accounts ?? []).map((a) => a.points),
      { at: AT, pointValue: { amount: "0.10", currency: "EUR" } },
    );
    expect(end.outstanding.points).toBe(r.pointsOutstanding);
    // On 15 Feb: ann's 70 (earned 10 Feb, valid to 10 Apr: 54 days ahead) and bob's 50 (to 20 Mar:
    // 33 days ahead) — ann's first 100 were redeemed on 10 Feb. 120 points × 0.10 = 12.00.
    const mid = pointsLiability(
      (r.accounts ?? []).map((a) => a.points),
      { at: "2026-02-15T00:00:00Z", pointValue: { amount: "0.10", currency: "EUR" } },
    );
    expect(mid.outstanding).toEqual({ points: "120", value: { amount: "12.00", currency: "EUR" } });
    expect(mid.byExpiry.within90Days.points).toBe("120");
    expect(simulateProgram(bonus, SALES, { at: AT }).accounts).toBeUndefined();
    expect(() => simulateProgram(bonus, SALES, { at: AT, keepAccounts: "yes" as unknown as boolean })).toThrow(
      /keepAccounts/,
    );
  });
});

describe("simulateProgram — redemption draws", () => {
  const many: SimulatedSale[] = [];
  for (let c = 0; c < 12; c++)
    for (let m = 1; m <= 4; m++)
      many.push(sale(`c${c}`, `c${c}-${m}`, `2026-0${m}-0${1 + (c % 9)}T10:00:00Z`, "60.00"));

  it("is reproducible, and the same whatever the order of customers (so it can run per shard)", () => {
    const options = { at: "2026-05-01T00:00:00Z", redemption: { threshold: "50", probability: 0.5, seed: 42 } };
    const a = simulateProgram(bonus, many, options);
    const b = simulateProgram(bonus, [...many].reverse(), options);
    expect(b).toEqual(a);
    // With probability 0.5 some but not all eligible purchases redeem: 12 customers × 3 eligible purchases.
    const never = simulateProgram(bonus, many, { ...options, redemption: { threshold: "50", probability: 0 } });
    const always = simulateProgram(bonus, many, { ...options, redemption: { threshold: "50", probability: 1 } });
    expect(never.pointsRedeemed).toBe("0");
    expect(Number(a.pointsRedeemed)).toBeGreaterThan(0);
    expect(Number(a.pointsRedeemed)).toBeLessThan(Number(always.pointsRedeemed));
  });

  it("4 shards split by customer, merged, equal one pass", () => {
    const options = {
      at: "2026-05-01T00:00:00Z",
      redemption: { threshold: "50", probability: 0.5, seed: 42 },
      groups: { c0: "A", c1: "A", c5: "B" },
    };
    const one = simulateProgram(bonus, many, options);
    const shards = [0, 1, 2, 3].map((k) =>
      simulateProgram(
        bonus,
        many.filter((s) => Number(s.customerId.slice(1)) % 4 === k),
        options,
      ),
    );
    expect(mergeSimulations(shards)).toEqual(one);
    // With keepAccounts the merged accounts are the shards' accounts, every customer once.
    const kept = [0, 1, 2, 3].map((k) =>
      simulateProgram(
        bonus,
        many.filter((s) => Number(s.customerId.slice(1)) % 4 === k),
        { ...options, keepAccounts: true },
      ),
    );
    const merged = mergeSimulations(kept);
    expect(merged.accounts?.map((a) => a.customerId).sort()).toEqual(
      simulateProgram(bonus, many, { ...options, keepAccounts: true })
        .accounts?.map((a) => a.customerId)
        .sort(),
    );
    expect(mergeSimulations([kept[0] as ProgramSimulation, shards[1] as ProgramSimulation]).accounts).toBeUndefined();
    expect(() => mergeSimulations([one, simulateProgram(card, many, { at: options.at })])).toThrow(/part 0/);
    expect(() => mergeSimulations([])).toThrow(LoyaltyValidationError);
  });
});

describe("simulateProgram — bad input", () => {
  it("names the customer and the rows when sorted baskets are out of order", () => {
    const rows = [
      sale("ann", "a2", "2026-02-10T10:00:00Z", "80.00"),
      sale("ann", "a1", "2026-01-10T10:00:00Z", "1.00"),
    ];
    expect(() => simulateProgram(bonus, rows, { at: AT, sorted: true })).toThrow(
      /customer ann: row 1 \(2026-01-10T10:00:00.000Z\) is earlier than row 0/,
    );
    // Without `sorted`, the same rows are put in time order.
    expect(simulateProgram(bonus, rows, { at: AT }).baskets).toBe(2);
  });

  it("names the row and customer of an invalid basket", () => {
    const bad = { customerId: "bob", basket: { id: "x", at: "2026-01-01T00:00:00Z", lines: "none" } };
    expect(() => simulateProgram(bonus, [...SALES, bad as unknown as SimulatedSale], { at: AT })).toThrow(
      /customer bob, row 3/,
    );
  });

  it("refuses a redemption behaviour for a program without points to redeem", () => {
    expect(() => simulateProgram(card, SALES, { at: AT, redemption: REDEEM_AT_100 })).toThrow(LoyaltyValidationError);
    expect(() => simulateProgram(card, SALES, { at: AT, redemption: REDEEM_AT_100 })).toThrow(/discount program/);
  });

  it("refuses a probability outside [0, 1] and a bad `at`", () => {
    expect(() => simulateProgram(bonus, SALES, { at: AT, redemption: { threshold: "1", probability: 2 } })).toThrow(
      /probability/,
    );
    expect(() => simulateProgram(bonus, SALES, { at: "yesterday" })).toThrow(LoyaltyValidationError);
  });

  it("does not mutate its input and freezes its result", () => {
    const copy = structuredClone(SALES);
    const r = simulateProgram(bonus, SALES, { at: AT, redemption: REDEEM_AT_100 });
    expect(SALES).toEqual(copy);
    expect(Object.isFrozen(r) && Object.isFrozen(r.byPeriod) && Object.isFrozen(r.byPeriod[0])).toBe(true);
  });
});

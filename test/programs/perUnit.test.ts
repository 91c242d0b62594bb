import { describe, expect, it } from "vitest";
import { openProgramAccount, parseProgram, post, quote, type ProgramAccount } from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

// Issue 15, "Points are earned only on what is paid, for every rule kind": in 0.1 a per-unit rule
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

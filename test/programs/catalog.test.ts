import { describe, expect, it } from "vitest";
import {
  balance,
  checkout,
  openCatalogStock,
  openProgramAccount,
  parseProgram,
  post,
  refund,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, common, eur } from "./_fixtures.js";

const catalog = parseProgram({
  ...common,
  kind: "catalog",
  id: "gifts",
  name: "Gifts",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  rewards: [
    { id: "scarf", name: "Silk scarf", pointsCost: "500", stock: 1, gives: { type: "product", sku: "SCARF" } },
    { id: "five-off", name: "5.00 off", pointsCost: "300", gives: { type: "fixed", amount: "5.00" } },
    { id: "quarter", name: "25% off", pointsCost: "800", gives: { type: "percent", percent: "25" } },
  ],
});

function withPoints(points: string): ProgramAccount {
  const account = openProgramAccount(catalog, { customerId: "olga", consent: true });
  return {
    ...account,
    points: post(account.points, { kind: "earn", transactionId: "opening", at: "2026-01-02T00:00:00Z", points })
      .account,
  };
}

const withScarf = basket("2026-03-01T10:00:00Z", [
  { sku: "DRESS", price: "40.00" },
  { sku: "SCARF", price: "12.00" },
]);

describe("catalog programs", () => {
  it("redeems a product reward: the product is free, points are spent, the stock goes down", () => {
    const stock = openCatalogStock(catalog);
    const r = checkout(catalog, withPoints("600"), withScarf, {
      transactionId: "t1",
      consent: true,
      rewardId: "scarf",
      stock,
    });
    expect(r.lines.map((l) => l.discount.amount)).toEqual(["0.00", "12.00"]);
    expect(r.pointsRedeemed).toBe("500");
    // points earned on the 40.00 actually paid
    expect(r.pointsEarned).toBe("40");
    expect(r.stock?.rewards).toEqual([{ rewardId: "scarf", remaining: 0 }]);
    expect(stock.rewards).toEqual([{ rewardId: "scarf", remaining: 1 }]);
    expect(balance(r.account.points, { at: "2026-03-02T00:00:00Z" })).toBe("140");
  });

  it("refuses an out-of-stock reward with OUT_OF_STOCK and changes nothing", () => {
    const first = checkout(catalog, withPoints("2000"), withScarf, {
      transactionId: "t1",
      consent: true,
      rewardId: "scarf",
    });
    const again = basket("2026-03-02T10:00:00Z", [{ sku: "SCARF", price: "12.00" }]);
    const stockAfter = first.stock ?? undefined;
    expect(() =>
      checkout(catalog, first.account, again, {
        transactionId: "t2",
        consent: true,
        rewardId: "scarf",
        ...(stockAfter ? { stock: stockAfter } : {}),
      }),
    ).toThrow(expect.objectContaining({ code: "OUT_OF_STOCK" }));
  });

  it("refuses a reward the customer cannot afford with INSUFFICIENT_POINTS", () => {
    expect(() =>
      checkout(catalog, withPoints("499"), withScarf, { transactionId: "t1", consent: true, rewardId: "scarf" }),
    ).toThrow(expect.objectContaining({ code: "INSUFFICIENT_POINTS" }));
  });

  it("takes a unit out of the stock once, even when a retry passes the stock from before", () => {
    const stock = openCatalogStock(catalog);
    const account = withPoints("600");
    const r = checkout(catalog, account, withScarf, { transactionId: "t1", consent: true, rewardId: "scarf", stock });
    const lostReply = checkout(catalog, r.account, withScarf, {
      transactionId: "t1",
      consent: true,
      rewardId: "scarf",
      stock,
    });
    expect(lostReply.status).toBe("duplicate");
    expect(lostReply.stock?.rewards).toEqual([{ rewardId: "scarf", remaining: 0 }]);
    const stored = r.stock ?? stock;
    const retry = checkout(catalog, r.account, withScarf, {
      transactionId: "t1",
      consent: true,
      rewardId: "scarf",
      stock: stored,
    });
    expect(retry.stock).toBe(stored);
  });

  it("spreads a fixed reward over the eligible lines and gives the points back on refund", () => {
    const r = checkout(
      catalog,
      withPoints("300"),
      basket("2026-03-01T10:00:00Z", [{ price: "30.00" }, { price: "10.00" }, { price: "4.90", kind: "delivery" }]),
      {
        transactionId: "t1",
        consent: true,
        rewardId: "five-off",
      },
    );
    expect(r.lines.map((l) => l.discount.amount)).toEqual(["3.75", "1.25", "0.00"]);
    expect(r.lines.map((l) => l.pointsRedeemed)).toEqual(["225", "75", "0"]);
    const back = refund(catalog, r.account, r, {
      at: "2026-03-02T10:00:00Z",
      transactionId: "r1",
      lines: [{ id: "2", quantity: 1 }],
    });
    expect(back.moneyBack).toEqual(eur("8.75"));
    expect(back.pointsRestored).toBe("75");
  });

  it("says NOT_FOUND for an unknown reward or a product reward without its product in the basket", () => {
    expect(() =>
      checkout(catalog, withPoints("600"), withScarf, { transactionId: "t", consent: true, rewardId: "yacht" }),
    ).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() =>
      checkout(catalog, withPoints("600"), basket("2026-03-01T10:00:00Z", [{ price: "1.00" }]), {
        transactionId: "t",
        consent: true,
        rewardId: "scarf",
      }),
    ).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});

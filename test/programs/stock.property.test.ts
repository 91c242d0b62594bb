import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkout,
  openCatalogStock,
  openProgramAccount,
  parseProgram,
  post,
  type CatalogStock,
  type ProgramAccount,
} from "../../src/index.js";
import { LoyaltyError } from "../../src/errors/errors.js";
import { basket, common } from "./_fixtures.js";

// Issue 16, "Catalog stock trusts a bare transaction id": stock of 2, three customers whose tills
// each number their sales sale-1, sale-2; 0.1 handed out three items and said 1 was left.
const catalog = parseProgram({
  ...common,
  kind: "catalog",
  id: "gifts",
  name: "Gifts",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
  rewards: [{ id: "scarf", name: "Silk scarf", pointsCost: "500", stock: 2, gives: { type: "product", sku: "SCARF" } }],
});

const withScarf = basket("2026-03-01T10:00:00Z", [
  { sku: "DRESS", price: "40.00" },
  { sku: "SCARF", price: "12.00" },
]);

function member(customerId: string): ProgramAccount {
  const account = openProgramAccount(catalog, { customerId, consent: true });
  return {
    ...account,
    points: post(account.points, {
      kind: "earn",
      transactionId: "opening",
      at: "2026-01-02T00:00:00Z",
      points: "100000",
    }).account,
  };
}

describe("catalog stock keys are scoped by (program, customer, transaction)", () => {
  it("three customers' sale-1 at three tills: two scarves handed out, the third is OUT_OF_STOCK", () => {
    let stock: CatalogStock = openCatalogStock(catalog);
    const handed: string[] = [];
    for (const c of ["ana", "ben", "cem"]) {
      try {
        const r = checkout(catalog, member(c), withScarf, {
          transactionId: "sale-1",
          consent: true,
          rewardId: "scarf",
          stock,
        });
        stock = r.stock ?? stock;
        if (r.reward !== null) handed.push(c);
      } catch (e) {
        expect(e).toBeInstanceOf(LoyaltyError);
        expect((e as LoyaltyError).code).toBe("OUT_OF_STOCK");
      }
    }
    expect(handed).toEqual(["ana", "ben"]);
    expect(stock.rewards).toEqual([{ rewardId: "scarf", remaining: 0 }]);
  });

  it("property: stock never below zero and never issues more than it holds, whatever ids the tills use", () => {
    const customers = ["ana", "ben", "cem", "dai"];
    const op = fc.record({
      customer: fc.constantFrom(...customers),
      // few distinct ids so tills collide across customers and the same till retries
      tx: fc.constantFrom("sale-1", "sale-2", "sale-3"),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const accounts = new Map(customers.map((c) => [c, member(c)]));
        let stock: CatalogStock = openCatalogStock(catalog);
        const handedOut = new Set<string>();
        for (const o of ops) {
          const account = accounts.get(o.customer) as ProgramAccount;
          try {
            const r = checkout(catalog, account, withScarf, {
              transactionId: o.tx,
              consent: true,
              rewardId: "scarf",
              stock,
            });
            accounts.set(o.customer, r.account);
            if (r.status === "applied" && r.reward !== null) handedOut.add(`${o.customer}/${o.tx}`);
            stock = r.stock ?? stock;
          } catch (e) {
            expect(e).toBeInstanceOf(LoyaltyError);
            expect((e as LoyaltyError).code).toBe("OUT_OF_STOCK");
          }
          const remaining = stock.rewards[0]?.remaining ?? 2;
          expect(remaining).toBeGreaterThanOrEqual(0);
          expect(handedOut.size).toBeLessThanOrEqual(2);
          expect(remaining).toBe(2 - handedOut.size);
        }
      }),
    );
  });
});

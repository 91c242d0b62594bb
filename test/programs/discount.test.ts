import { describe, expect, it } from "vitest";
import { checkout, openProgramAccount, parseProgram, quote } from "../../src/index.js";
import { basket, common, discount10, eur } from "./_fixtures.js";

describe("discount programs", () => {
  const b = basket("2026-03-01T10:00:00Z", [
    { price: "19.99" },
    { price: "5.01" },
    { price: "4.90", kind: "delivery", sku: "SHIP" },
  ]);

  it("takes 10% off 19.99 + 5.01 EUR merchandise as 2.50, allocated 2.00 / 0.50, delivery untouched (issue #4)", () => {
    const q = quote(discount10, openProgramAccount(discount10), b);
    expect(q.discountTotal).toEqual(eur("2.50"));
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["2.00", "0.50", "0.00"]);
    expect(q.lines[2]?.net).toEqual(eur("4.90"));
    expect(q.lines[2]?.eligible).toBe(false);
    // 19.99 + 5.01 + 4.90 − 2.50
    expect(q.total).toEqual(eur("27.40"));
    expect(q.explain.find((e) => e.rule === "eligibility")?.reason).toMatch(/delivery/);
  });

  it("gives nothing below the minimum spend and says so", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "min",
      name: "10% from 30",
      percent: "10",
      minSpend: "30.00",
    });
    const q = quote(p, openProgramAccount(p), b);
    expect(q.discountTotal).toEqual(eur("0.00"));
    expect(q.explain.find((e) => e.rule === "min-spend")).toMatchObject({ applied: false });
  });

  it("caps the discount at its maximum", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "cap",
      name: "10% up to 1",
      percent: "10",
      maxDiscount: "1.00",
    });
    const q = quote(p, openProgramAccount(p), b);
    expect(q.discountTotal).toEqual(eur("1.00"));
    // 1.00 over 19.99 : 5.01 → 0.7996 / 0.2004 → 0.79 + 0.20 = 0.99, the last cent to the larger remainder (0.7996)
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["0.80", "0.20", "0.00"]);
  });

  it("applies nothing outside the active window and says so", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "spring",
      name: "Spring",
      percent: "10",
      active: { from: "2026-03-01T00:00:00Z", to: "2026-03-01T09:00:00Z" },
    });
    const account = openProgramAccount(p);
    const r = checkout(p, account, b, { transactionId: "t1" });
    expect(r.status).toBe("inactive");
    expect(r.discountTotal).toEqual(eur("0.00"));
    expect(r.account).toBe(account);
    expect(r.explain[0]).toMatchObject({ rule: "active-window", applied: false });
  });

  it("respects include and exclude lists; excludes win", () => {
    const p = parseProgram({
      ...common,
      kind: "discount",
      id: "shoes",
      name: "Shoes",
      percent: "50",
      eligibility: { includeCategories: ["shoes"], excludeSkus: ["SALE-SHOE"] },
    });
    const q = quote(
      p,
      openProgramAccount(p),
      basket("2026-03-01T10:00:00Z", [
        { price: "40.00", category: "shoes", sku: "BOOT" },
        { price: "30.00", category: "shoes", sku: "SALE-SHOE" },
        { price: "20.00", category: "dresses" },
      ]),
    );
    expect(q.lines.map((l) => l.discount.amount)).toEqual(["20.00", "0.00", "0.00"]);
  });
});

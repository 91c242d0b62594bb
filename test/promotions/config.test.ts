import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, parseProgram, programJsonSchema, safeParseProgram } from "../../src/index.js";
import { common } from "./_fixtures.js";

const base = { ...common, kind: "promotion", id: "p", name: "P" } as const;

function issues(input: unknown) {
  const r = safeParseProgram(input);
  if (r.success) throw new Error("expected the config to be refused");
  expect(r.error).toBeInstanceOf(LoyaltyValidationError);
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("promotion configs", () => {
  it("refuse a rule that matches an excluded SKU, naming the path", () => {
    expect(
      issues({
        ...base,
        eligibility: { excludeSkus: ["GIFT-CARD"] },
        rule: { type: "amount-off", amount: "5.00", match: { skus: ["TEE", "GIFT-CARD"] } },
      }),
    ).toEqual([
      'rule.match.skus.1: expected a SKU that eligibility.excludeSkus does not exclude (the rule could never apply to it): remove it from one of the two lists, got "GIFT-CARD"',
    ]);
  });

  it("refuse a gift that earns itself", () => {
    const found = issues({
      ...base,
      rule: { type: "gift", gift: { sku: "PAD", unitPrice: "24.90" }, when: { match: { skus: ["LAPTOP", "PAD"] } } },
    });
    expect(found).toEqual([
      'rule.when.match.skus.1: expected another SKU than the gift\'s: the gift cannot be the product that earns it (remove it from when.match.skus), got "PAD"',
    ]);
  });

  it("refuse amounts finer than the currency and buy X get Y with zero units", () => {
    expect(issues({ ...base, rule: { type: "amount-off", amount: "5.001" } })[0]).toMatch(
      /^rule\.amount: expected an amount with at most 2 decimals for EUR/,
    );
    expect(issues({ ...base, rule: { type: "buy-x-get-y", buy: { quantity: 0 }, get: { quantity: 1 } } })[0]).toMatch(
      /^rule\.buy\.quantity/,
    );
    expect(issues({ ...base, rule: { type: "amount-off", amount: "0.00" } })[0]).toMatch(
      /^rule\.amount: expected an amount as a positive/,
    );
  });

  it("accepts each rule and is not personalized by default", () => {
    const p = parseProgram({ ...base, rule: { type: "buy-x-get-y", buy: { quantity: 2 }, get: { quantity: 1 } } });
    expect(p.kind).toBe("promotion");
    expect(p.personalized).toBeUndefined();
  });

  it("are described by the program JSON Schema", () => {
    const text = JSON.stringify(programJsonSchema());
    for (const word of ['"promotion"', '"amount-off"', '"buy-x-get-y"', '"gift"', '"most-expensive"'])
      expect(text).toContain(word);
  });
});

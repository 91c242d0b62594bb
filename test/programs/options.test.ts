import { describe, expect, it } from "vitest";
import {
  accumulatedSpend,
  LoyaltyValidationError,
  openProgramAccount,
  parseProgram,
  quote,
  tierFor,
  type Tier,
} from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

// A missing or null options argument: accumulatedSpend and tierFor(null, …) threw
// plain TypeErrors in 0.1; quote(…, null) and openProgramAccount(p, null) did too.
const discount = parseProgram({ ...common, kind: "discount", id: "ten", name: "10% off", percent: "10" });
const cumulative = parseProgram({
  ...common,
  kind: "cumulative",
  id: "vip",
  name: "VIP",
  window: { type: "rolling", months: 12 },
  tiers: [{ name: "Bronze", threshold: "0", percent: "0" }],
});
const oneLine = basket("2026-03-01T10:00:00Z", [{ sku: "DRESS", price: "10.00" }]);

function validationPath(f: () => unknown): readonly (string | number)[] | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyValidationError);
    return (e as LoyaltyValidationError).issues[0]?.path;
  }
  throw new Error("expected a LoyaltyValidationError");
}

describe("programs functions with missing or null options", () => {
  it("accumulatedSpend without options or with null names options.at", () => {
    const account = openProgramAccount(cumulative, { customerId: "c1", consent: true });
    const call = accumulatedSpend as (...args: unknown[]) => unknown;
    expect(validationPath(() => call(cumulative, account))).toEqual(["options", "at"]);
    expect(validationPath(() => call(cumulative, account, null))).toEqual(["options", "at"]);
    expect(validationPath(() => call(cumulative, account, {}))).toEqual(["options", "at"]);
  });

  it("tierFor(null, …), a hole or a null tier: a typed error naming the place", () => {
    const call = tierFor as (...args: unknown[]) => unknown;
    expect(validationPath(() => call(null, "10"))).toEqual(["tiers"]);
    expect(validationPath(() => call(undefined, "10"))).toEqual(["tiers"]);
    expect(validationPath(() => call([, { name: "B", threshold: "0", percent: "0" }], "10"))).toEqual(["tiers", 0]);
    expect(validationPath(() => call([null], "10"))).toEqual(["tiers", 0]);
    const tiers: Tier[] = [{ name: "B", threshold: "0", percent: "0" }];
    expect(tierFor(tiers, "10")?.name).toBe("B");
  });

  it("quote with null options prices like quote with none (the documented defaults)", () => {
    const account = openProgramAccount(discount);
    const call = quote as (...args: unknown[]) => ReturnType<typeof quote>;
    // 10 % of 10.00 is 1.00 (the program's percent)
    expect(call(discount, account, oneLine, null)).toEqual(quote(discount, account, oneLine));
    expect(call(discount, account, oneLine, null).discountTotal.amount).toBe("1.00");
    expect(validationPath(() => call(discount, account, oneLine, "max"))).toEqual(["options"]);
  });

  it("openProgramAccount with null options opens an anonymous account like no options", () => {
    const call = openProgramAccount as (...args: unknown[]) => ReturnType<typeof openProgramAccount>;
    expect(call(discount, null)).toEqual(openProgramAccount(discount));
    expect(validationPath(() => call(discount, 42))).toEqual(["options"]);
  });
});

import { describe, expect, it } from "vitest";
import {
  add,
  compare,
  format,
  isMoney,
  LoyaltyValidationError,
  max,
  money,
  parseMoney,
  subtract,
  sum,
  toJSON,
} from "../../src/index.js";

// Money's one wire shape: { "amount": "12.50", "currency": "EUR" }, with the currency's minor units
// (ISO 4217: EUR has 2, JPY 0, BHD 3).
describe("Money on the wire", () => {
  it("JSON.stringify writes the amount with the currency's minor units", () => {
    expect(JSON.stringify(money("12.5", "EUR"))).toBe('{"amount":"12.50","currency":"EUR"}');
    expect(JSON.stringify(money("7", "JPY"))).toBe('{"amount":"7","currency":"JPY"}');
    expect(JSON.stringify(money("1.5", "BHD"))).toBe('{"amount":"1.500","currency":"BHD"}');
    // more digits than the currency has are kept, never rounded away
    expect(JSON.stringify(money("0.125", "EUR"))).toBe('{"amount":"0.125","currency":"EUR"}');
    expect(JSON.stringify({ total: money("3", "EUR") })).toBe('{"total":{"amount":"3.00","currency":"EUR"}}');
  });

  it("a parsed 20.00 comes back as 20.00", () => {
    const m = parseMoney({ amount: "20.00", currency: "EUR" });
    expect(JSON.stringify(m)).toBe('{"amount":"20.00","currency":"EUR"}');
    expect(toJSON(m)).toEqual({ amount: "20.00", currency: "EUR" });
  });

  it("toJSON is not an own enumerable key: Money still has exactly amount and currency", () => {
    expect(Object.keys(money("1", "EUR"))).toEqual(["amount", "currency"]);
    expect(Object.isFrozen(money("1", "EUR"))).toBe(true);
  });

  it("arithmetic and format take the JSON shape (a quote's total) as well as Money", () => {
    const total = { amount: "12.50", currency: "EUR" } as const;
    expect(toJSON(add(total, money("0.75", "EUR")))).toEqual({ amount: "13.25", currency: "EUR" });
    expect(toJSON(subtract(total, { amount: "2.50", currency: "EUR" }))).toEqual({ amount: "10.00", currency: "EUR" });
    expect(compare(total, money("12.5", "EUR"))).toBe(0);
    expect(toJSON(sum([total, total], "EUR"))).toEqual({ amount: "25.00", currency: "EUR" });
    expect(isMoney(max(total, money("1", "EUR")))).toBe(true);
    expect(format(total, "en-US")).toBe("€12.50");
  });

  it("an amount given as a number is refused with a message saying it must be a decimal string", () => {
    const call = () => add({ amount: 12.5, currency: "EUR" } as never, money("1", "EUR"));
    expect(call).toThrow(LoyaltyValidationError);
    expect(call).toThrow(/amount must be a decimal string/);
    expect(() => add({ amount: "12.50", currency: "XXX1" } as never, money("1", "EUR"))).toThrow(/ISO 4217/);
    expect(() => format({ amount: "abc", currency: "EUR" } as never)).toThrow(/decimal string/);
  });
});

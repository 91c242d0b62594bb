import { describe, expect, it } from "vitest";
import {
  add,
  allocate,
  compare,
  CurrencyMismatchError,
  currencyCodes,
  Decimal,
  equals,
  format,
  isMoney,
  isNegative,
  isPositive,
  isZero,
  LoyaltyValidationError,
  max,
  min,
  minorUnits,
  money,
  multiply,
  parseMoney,
  percentage,
  round,
  safeParseMoney,
  subtract,
  sum,
  toDecimal,
  toJSON,
  zero,
} from "../../src/index.js";

const amounts = (list: { amount: Decimal }[]): string[] => list.map((m) => m.amount.toString());

describe("money()", () => {
  it("keeps the amount exactly and freezes the value", () => {
    const m = money("12.50", "EUR");
    expect(m.amount.toString()).toBe("12.5");
    expect(m.currency).toBe("EUR");
    expect(Object.isFrozen(m)).toBe(true);
    expect(money(new Decimal("0.1"), "USD").amount.plus("0.2").toString()).toBe("0.3");
    expect(money(12, "JPY").amount.toString()).toBe("12");
  });

  it("rejects a fractional JavaScript number, saying it already lost precision", () => {
    expect(() => money(0.1, "EUR")).toThrow(/already lost precision/);
    expect(() => money(0.1, "EUR")).toThrow(LoyaltyValidationError);
  });

  it.each([
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["exponent string", "1e3"],
    ["spaces", " 1"],
    ["thousands separator", "1,000"],
    ["empty", ""],
    ["object", {}],
    ["Decimal NaN", new Decimal(Number.NaN)],
  ])("rejects %s as an amount", (_, amount) => {
    expect(() => money(amount as never, "EUR")).toThrow(LoyaltyValidationError);
  });

  it("rejects unknown and lower-case currency codes", () => {
    expect(() => money("1", "XYZ")).toThrow(/ISO 4217/);
    expect(() => money("1", "eur")).toThrow(LoyaltyValidationError);
  });

  it("knows ISO 4217 minor units: JPY 0, USD 2, KWD/BHD/OMR/TND 3, CLF 4", () => {
    expect(minorUnits("JPY")).toBe(0);
    expect(minorUnits("USD")).toBe(2);
    for (const c of ["BHD", "KWD", "OMR", "TND"]) expect(minorUnits(c)).toBe(3);
    expect(minorUnits("CLF")).toBe(4);
    expect(minorUnits("XAU")).toBeUndefined();
    expect(currencyCodes().length).toBeGreaterThan(150);
  });
});

describe("arithmetic", () => {
  it("adds and subtracts exactly where floats do not (0.1 + 0.2)", () => {
    expect(add(money("0.1", "EUR"), money("0.2", "EUR")).amount.toString()).toBe("0.3");
    expect(subtract(money("10", "USD"), money("2.50", "USD")).amount.toString()).toBe("7.5");
    expect(subtract(money("1", "USD"), money("2.50", "USD")).amount.toString()).toBe("-1.5");
  });

  it("throws CurrencyMismatchError on two currencies, for every binary operation", () => {
    const eur = money("1", "EUR");
    const usd = money("1", "USD");
    for (const op of [
      () => add(eur, usd),
      () => subtract(eur, usd),
      () => compare(eur, usd),
      () => min(eur, usd),
      () => max(eur, usd),
      () => sum([eur, usd], "EUR"),
    ]) {
      expect(op).toThrow(CurrencyMismatchError);
    }
    expect(equals(eur, usd)).toBe(false);
  });

  it("multiplies and takes percentages without rounding", () => {
    expect(multiply(money("19.99", "EUR"), 3).amount.toString()).toBe("59.97");
    expect(multiply(money("10", "EUR"), "0.333").amount.toString()).toBe("3.33");
    expect(percentage(money("25.00", "EUR"), 10).amount.toString()).toBe("2.5");
    expect(percentage(money("19.99", "EUR"), "12.5").amount.toString()).toBe("2.49875");
    expect(() => multiply(money("1", "EUR"), Number.NaN)).toThrow(LoyaltyValidationError);
  });

  it("compares, finds min and max, and tests sign", () => {
    expect(compare(money("1.50", "EUR"), money("1.5", "EUR"))).toBe(0);
    expect(compare(money("1.49", "EUR"), money("1.5", "EUR"))).toBe(-1);
    expect(compare(money("2", "EUR"), money("1.5", "EUR"))).toBe(1);
    expect(min(money("3", "EUR"), money("2", "EUR"), money("2.5", "EUR")).amount.toString()).toBe("2");
    expect(max(money("3", "EUR"), money("2", "EUR"), money("3.5", "EUR")).amount.toString()).toBe("3.5");
    expect(isZero(money("0.00", "EUR"))).toBe(true);
    expect(isZero(zero("JPY"))).toBe(true);
    expect(isNegative(money("-0.01", "EUR"))).toBe(true);
    expect(isPositive(money("-0.01", "EUR"))).toBe(false);
    expect(isPositive(money("0.01", "EUR"))).toBe(true);
  });

  it("sums a list, and an empty list to zero", () => {
    expect(sum([money("19.99", "EUR"), money("5.01", "EUR"), money("4.90", "EUR")], "EUR").amount.toString()).toBe(
      "29.9",
    );
    expect(sum([], "EUR").amount.toString()).toBe("0");
    expect(() => sum([], "XXX")).toThrow(LoyaltyValidationError);
  });

  it("rejects non-money arguments with a validation error, not a TypeError", () => {
    // The JSON wire shape { amount: "1", currency: "EUR" } is accepted (see wire.test.ts); these are not Money.
    expect(() => add({ amount: 1, currency: "EUR" } as never, money("1", "EUR"))).toThrow(LoyaltyValidationError);
    expect(() => add("1 EUR" as never, money("1", "EUR"))).toThrow(LoyaltyValidationError);
    expect(() => add(null as never, money("1", "EUR"))).toThrow(LoyaltyValidationError);
    expect(isMoney({ amount: "1", currency: "EUR" })).toBe(false);
  });
});

describe("round()", () => {
  it("rounds to the minor unit with every mode", () => {
    const r = (a: string, c: string, mode?: Parameters<typeof round>[1]): string =>
      round(money(a, c), mode).amount.toString();
    expect(r("2.345", "EUR")).toBe("2.34"); // half-even: 4 is even
    expect(r("2.355", "EUR")).toBe("2.36");
    expect(r("2.345", "EUR", "half-up")).toBe("2.35");
    expect(r("-2.345", "EUR", "half-up")).toBe("-2.35");
    expect(r("2.341", "EUR", "up")).toBe("2.35");
    expect(r("-2.349", "EUR", "down")).toBe("-2.34");
    expect(r("-2.341", "EUR", "floor")).toBe("-2.35");
    expect(r("-2.349", "EUR", "ceil")).toBe("-2.34");
    expect(r("1234.5", "JPY")).toBe("1234");
    expect(r("1235.5", "JPY")).toBe("1236");
    expect(r("1.23456", "KWD")).toBe("1.235");
    expect(r("1.234567", "CLF")).toBe("1.2346");
  });

  it("rejects an unknown mode", () => {
    expect(() => round(money("1", "EUR"), "nearest" as never)).toThrow(/rounding mode/);
  });
});

describe("allocate()", () => {
  it("splits 10.00 USD 50:10 into 8.33 and 1.67 (issue 3)", () => {
    expect(amounts(allocate(money("10", "USD"), [50, 10]))).toEqual(["8.33", "1.67"]);
  });

  it("gives ties to the earlier share even when the shares differ in size: 0.06 USD over 1 : 4 : 4 → 0.01, 0.03, 0.02", () => {
    // Exact shares 0.666…, 2.666…, 2.666… cents: wholes 0, 2, 2 leave 2 cents, and every remainder is
    // exactly 2/3 of a cent, so the first two shares get them (remainders compared exactly, not as
    // 40-digit quotients, where 2.666…67 would look larger than 0.666…67).
    expect(allocate(money("0.06", "USD"), [1, 4, 4]).map((s) => s.amount.toFixed(2))).toEqual(["0.01", "0.03", "0.02"]);
    expect(allocate(money("-0.06", "USD"), ["0.1", "0.4", "0.4"]).map((s) => s.amount.toFixed(2))).toEqual([
      "-0.01",
      "-0.03",
      "-0.02",
    ]);
  });

  it("splits amounts beyond 40 significant digits exactly", () => {
    const big = money("1234567890123456789012345678901234567890123.45", "EUR");
    const shares = allocate(big, [1, 1]);
    expect(shares.map((s) => s.amount.toFixed(2))).toEqual([
      "617283945061728394506172839450617283945061.73",
      "617283945061728394506172839450617283945061.72",
    ]);
  });

  it("splits 0.05 USD three ways into 0.02, 0.02, 0.01 (ties go to the earlier share)", () => {
    expect(amounts(allocate(money("0.05", "USD"), [1, 1, 1]))).toEqual(["0.02", "0.02", "0.01"]);
  });

  it("gives remainders to the largest fractional part first", () => {
    // 1.00 over [1, 2, 3]: exact 16.67, 33.33, 50 cents → 16, 33, 50 truncated, one cent left → first share (.67).
    expect(amounts(allocate(money("1", "EUR"), [1, 2, 3]))).toEqual(["0.17", "0.33", "0.5"]);
  });

  it("accepts decimal ratios and zero ratios, and splits negative amounts", () => {
    expect(amounts(allocate(money("100", "JPY"), ["0.5", "0.25", 0, "0.25"]))).toEqual(["50", "25", "0", "25"]);
    expect(amounts(allocate(money("-0.05", "USD"), [1, 1, 1]))).toEqual(["-0.02", "-0.02", "-0.01"]);
    expect(amounts(allocate(money("0.01", "KWD"), [1, 1, 1]))).toEqual(["0.004", "0.003", "0.003"]);
  });

  it("rejects empty, negative, all-zero ratios and unrounded amounts", () => {
    expect(() => allocate(money("1", "EUR"), [])).toThrow(LoyaltyValidationError);
    expect(() => allocate(money("1", "EUR"), [1, -1])).toThrow(/non-negative ratio/);
    expect(() => allocate(money("1", "EUR"), [0, 0])).toThrow(/all zero/);
    expect(() => allocate(money("1.005", "EUR"), [1, 1])).toThrow(/round it first/);
    expect(() => allocate(money("1", "EUR"), [Number.NaN])).toThrow(LoyaltyValidationError);
  });
});

describe("format() and JSON", () => {
  it("formats with Intl for a locale, keeping the minor unit and extra decimals", () => {
    expect(format(money("1234.5", "USD"))).toBe("$1,234.50");
    expect(format(money("1234.5", "EUR"), "de-DE")).toBe("1.234,50\u00a0€");
    expect(format(money("1500", "JPY"), "ja-JP")).toBe("￥1,500");
    expect(format(money("0.1234", "USD"))).toBe("$0.1234");
    // beyond a double's 15–17 significant digits, nothing is lost
    expect(format(money("12345678901234567.89", "USD"))).toBe("$12,345,678,901,234,567.89");
    expect(() => format(money("1", "USD"), "not a locale!")).toThrow(LoyaltyValidationError);
  });

  it("round-trips { amount, currency } on the wire", () => {
    expect(toJSON(money("12.5", "EUR"))).toEqual({ amount: "12.50", currency: "EUR" });
    expect(toJSON(money("7", "JPY"))).toEqual({ amount: "7", currency: "JPY" });
    expect(toJSON(money("0.125", "EUR"))).toEqual({ amount: "0.125", currency: "EUR" });
    const m = parseMoney(JSON.parse(JSON.stringify(toJSON(money("-3.10", "USD")))));
    expect(equals(m, money("-3.1", "USD"))).toBe(true);
  });

  it("parseMoney lists every issue; safeParseMoney never throws", () => {
    const r = safeParseMoney({ amount: 12.5, currency: "XYZ", extra: true });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["amount", "currency", ""]);
    expect(() => parseMoney(null)).toThrow(LoyaltyValidationError);
  });

  it("toDecimal rejects non-decimals and names the path", () => {
    expect(() => toDecimal("abc", { path: ["rate"] })).toThrow(/rate: expected a decimal string/);
    expect(toDecimal(0.5).toString()).toBe("0.5");
  });
});

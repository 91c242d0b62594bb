import { describe, expect, it } from "vitest";
import { CurrencyMismatchError, LoyaltyValidationError, money, rfmAccumulator, rfmSummary } from "../../src/index.js";
import { cdnowSample, sameSummary } from "./_cdnow.js";

const options = { observationEnd: "1998-06-30", calibrationEnd: "1997-09-30", period: "week" } as const;

describe("rfmAccumulator", () => {
  it("merges CDNOW split across three workers into the one-pass summary", () => {
    const purchases = cdnowSample();
    const parts = [rfmAccumulator(options), rfmAccumulator(options), rfmAccumulator(options)];
    purchases.forEach((p, i) => parts[i % 3]?.add(p));
    const [a, b, c] = parts;
    if (a === undefined || b === undefined || c === undefined) throw new Error("three parts");
    const merged = a.merge(b).merge(JSON.parse(JSON.stringify(c.state())));
    expect(merged.count).toBe(purchases.length);
    expect(sameSummary(merged.result(), rfmSummary(purchases, options))).toBeUndefined();
  });

  it("resumes from a JSON state", () => {
    const acc = rfmAccumulator({ observationEnd: "2026-01-31", period: "day" }).add({
      customerId: "a",
      at: "2026-01-01",
      value: 1,
    });
    const resumed = rfmAccumulator(
      { observationEnd: "2026-01-31", period: "day" },
      JSON.parse(JSON.stringify(acc.state())),
    );
    resumed.add({ customerId: "a", at: "2026-01-03", value: 2 });
    expect(resumed.result()).toEqual([{ customerId: "a", frequency: 1, recency: 2, T: 30, monetary: 2 }]);
    // The original is not changed by the resumed copy.
    expect(acc.result()[0]?.frequency).toBe(0);
  });

  it("keeps the currency in its state and refuses to merge another currency", () => {
    const o = { observationEnd: "2026-01-31", period: "day" } as const;
    const eur = rfmAccumulator(o).add({ customerId: 1, at: "2026-01-01", value: money("5", "EUR") });
    const usd = rfmAccumulator(o).add({ customerId: 1, at: "2026-01-01", value: money("5", "USD") });
    expect(eur.state().currency).toBe("EUR");
    expect(() => eur.merge(usd)).toThrow(CurrencyMismatchError);
    expect(eur.count).toBe(1);
  });

  it("refuses partials built with other options, and bad purchases, adding nothing", () => {
    const acc = rfmAccumulator({ observationEnd: "2026-01-31", period: "day" });
    expect(() => acc.merge(rfmAccumulator({ observationEnd: "2026-01-31", period: "week" }))).toThrow(
      /different options/,
    );
    expect(() => acc.add({ customerId: "", at: "2026-01-01" })).toThrow(/0\.customerId/);
    expect(() => acc.add({ customerId: "a", at: "yesterday" })).toThrow(LoyaltyValidationError);
    expect(() =>
      acc.merge({
        period: "day",
        observationEnd: "2026-01-31T23:59:59.999Z",
        customers: [
          [
            "a",
            [
              [0, 1],
              [1, Number.NaN],
            ],
          ],
        ],
      }),
    ).toThrow(/customers\.0\.1\.1/);
    expect(() =>
      acc.merge({ period: "day", observationEnd: "2026-01-31T23:59:59.999Z", count: -1, customers: [] }),
    ).toThrow(/count: expected a purchase count/);
    expect(acc.count).toBe(0);
    expect(acc.result()).toEqual([]);
  });

  it("refuses a state day before 0000-01-01 and adds nothing for a customer listed without days", () => {
    const o = { period: "day", observationEnd: "2026-01-31T23:59:59.999Z" } as const;
    const acc = rfmAccumulator({ observationEnd: "2026-01-31", period: "day" });
    // -719528 is 0000-01-01: new Date(0).setUTCFullYear(0, 0, 1) / 86,400,000 (proleptic Gregorian).
    expect(() => acc.merge({ ...o, customers: [["a", [[-719_529, 1]]]] })).toThrow(/customers\.0\.1\.0/);
    expect(acc.count).toBe(0);
    acc.merge({
      ...o,
      customers: [
        ["gone", []],
        [
          "a",
          [
            [-719_528, 5],
            [20_454, 7],
          ],
        ],
      ],
    });
    expect(acc.result().map((r) => r.customerId)).toEqual(["a"]);
    expect(acc.state().customers).toEqual([
      [
        "a",
        [
          [-719_528, 5],
          [20_454, 7],
        ],
      ],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import {
  CurrencyMismatchError,
  customerValue,
  deselectionCandidates,
  LoyaltyValidationError,
  money,
} from "../../src/index.js";

const options = { margin: "0.3", costToServe: { perSupportContact: "15", perReturn: "60" } };

describe("customerValue", () => {
  it("nets margin against the cost to serve, exactly, and ranks", () => {
    const ranked = customerValue(
      [
        { customerId: "costly", revenue: "5000", supportContacts: 40, returns: 12 }, // 1500 − 600 − 720
        { customerId: "quiet", revenue: "1500.10", supportContacts: 1, discounts: "0.02" }, // 450.03 − 15 − 0.02
      ],
      options,
    );
    expect(ranked).toEqual([
      {
        customerId: "quiet",
        rank: 1,
        revenue: "1500.1",
        grossMargin: "450.03",
        costToServe: "15.02",
        netValue: "435.01",
      },
      { customerId: "costly", rank: 2, revenue: "5000", grossMargin: "1500", costToServe: "1320", netValue: "180" },
    ]);
  });

  it("keeps the currency of money amounts and refuses to mix them", () => {
    const [v] = customerValue([{ customerId: 1, revenue: money("100", "EUR"), otherCosts: money("5", "EUR") }], {
      margin: 0.5,
    });
    expect(v).toMatchObject({ netValue: "45", currency: "EUR" });
    expect(() =>
      customerValue([{ customerId: 1, revenue: money("1", "EUR"), discounts: money("1", "USD") }], { margin: 0.5 }),
    ).toThrow(CurrencyMismatchError);
  });

  it("rejects duplicate ids, negative costs, fractional counts and a margin above 1", () => {
    expect(() =>
      customerValue(
        [
          { customerId: 1, revenue: 1 },
          { customerId: 1, revenue: 2 },
        ],
        options,
      ),
    ).toThrow(/1\.customerId: expected unique/);
    expect(() => customerValue([{ customerId: 1, revenue: 1, discounts: "-1" }], options)).toThrow(/0\.discounts/);
    expect(() => customerValue([{ customerId: 1, revenue: 1, returns: 1.5 }], options)).toThrow(/0\.returns/);
    expect(() => customerValue([{ customerId: 1, revenue: 1 }], { margin: "1.2" })).toThrow(/margin/);
    expect(() => customerValue([], options)).toThrow(LoyaltyValidationError);
  });
});

describe("deselectionCandidates", () => {
  const values = customerValue(
    [
      { customerId: "a", revenue: "900" }, // 360
      { customerId: "b", revenue: "100", returns: 3 }, // 40 − 75 = −35
      { customerId: "c", revenue: "400", supportContacts: 2 }, // 160 − 20 = 140
      { customerId: "d", revenue: "50", supportContacts: 2 }, // 20 − 20 = 0
    ],
    { margin: "0.4", costToServe: { perSupportContact: "10", perReturn: "25" } },
  );

  it("flags customers who cost more than they bring, and explains why", () => {
    const out = deselectionCandidates(values);
    expect(out.map((c) => c.customerId)).toEqual(["b"]);
    expect(out[0]?.reasons).toEqual(["negative-net-value"]);
    expect(out[0]?.explanation).toBe("net value -35: margin 40 minus cost to serve 75");
  });

  it("adds the bottom share, worst first, with both reasons where both apply", () => {
    const out = deselectionCandidates(values, { bottomShare: 0.5 });
    expect(out.map((c) => [c.customerId, c.reasons])).toEqual([
      ["b", ["negative-net-value", "bottom-share"]],
      ["d", ["bottom-share"]],
    ]);
  });

  it("rejects rows that are not customerValue rows", () => {
    expect(() =>
      deselectionCandidates([
        { customerId: 1, rank: 1, revenue: "1", grossMargin: "1", costToServe: "0", netValue: "abc" },
      ]),
    ).toThrow(/0\.netValue/);
    expect(() => deselectionCandidates(values, { bottomShare: 2 })).toThrow(/bottomShare/);
  });
});

import { describe, expect, it } from "vitest";
import { breakageTriangle } from "../../src/economics/breakageTriangle.js";
import { LoyaltyError, LoyaltyValidationError } from "../../src/errors/errors.js";

// Every figure is worked by hand from the entries in the test; redemption order is the ledger's
// documented rule (soonest expiry first, then oldest; lots without expiry last).
const history = [
  {
    accountId: "ann",
    entries: [
      { kind: "earn", transactionId: "jan-a", at: "2026-01-05T10:00:00Z", points: "100" },
      { kind: "redeem", transactionId: "r1", at: "2026-01-20T10:00:00Z", points: "20" },
      { kind: "redeem", transactionId: "r2", at: "2026-02-10T10:00:00Z", points: "30" },
      { kind: "earn", transactionId: "feb-a", at: "2026-02-15T10:00:00Z", points: "200" },
      { kind: "redeem", transactionId: "r3", at: "2026-03-10T10:00:00Z", points: "70" },
    ],
  },
  {
    accountId: "bob",
    entries: [
      {
        kind: "earn",
        transactionId: "jan-b",
        at: "2026-01-10T10:00:00Z",
        points: "100",
        expiresAt: "2026-02-20T00:00:00Z",
      },
      { kind: "redeem", transactionId: "b1", at: "2026-01-15T10:00:00Z", points: "40" },
    ],
  },
] as const;

describe("breakageTriangle", () => {
  it("tracks redeemed, expired and outstanding points per issue month and age", () => {
    const r = breakageTriangle(history, { at: "2026-03-31T23:59:59Z", decimals: 2 });
    expect(r.rows.map((row) => [row.month, row.issued])).toEqual([
      ["2026-01", "200"],
      ["2026-02", "200"],
    ]);
    const jan = r.rows[0]?.cells ?? [];
    // January lots (200): end Jan redeemed 20 + 40; end Feb + 30, bob's 60 left expired on 20 Feb;
    // end Mar: r3's 70 takes ann's 50 left in jan-a (oldest first, both without expiry), 20 from feb-a.
    expect(jan.map((c) => [c.redeemed, c.expired, c.outstanding])).toEqual([
      ["60", "0", "140"],
      ["90", "60", "50"],
      ["140", "60", "0"],
    ]);
    expect(jan.map((c) => c.redeemedShare)).toEqual(["0.30", "0.45", "0.70"]);
    const feb = r.rows[1]?.cells ?? [];
    expect(feb.map((c) => [c.redeemed, c.outstanding])).toEqual([
      ["0", "200"],
      ["20", "180"],
    ]);
  });

  it("projects the ultimate redemption rate by chain ladder on the redeemed triangle", () => {
    const r = breakageTriangle(history, { at: "2026-03-31T23:59:59Z", decimals: 4 });
    // Redeemed triangle: Jan [60, 90, 140], Feb [0, 20]. f1 = (90 + 20) / (60 + 0) = 1.8333; f2 = 140/90 = 1.5556.
    // Feb ultimate = 20 × 140/90 = 31.11…; total (140 + 31.11…) / 400 issued = 0.4278.
    expect(r.factors.map((f) => Number(f).toFixed(4))).toEqual(["1.8333", "1.5556"]);
    expect(r.ultimateRedemptionRate).toBe("0.4278");
    expect(r.breakageRate).toBe("0.5722");
    expect(Object.isFrozen(r.rows)).toBe(true);
  });

  it("ignores entries after `at` and reports nothing for an empty history", () => {
    const r = breakageTriangle(history, { at: "2026-01-31T23:59:59Z" });
    expect(r.rows.map((row) => row.cells.length)).toEqual([1]);
    expect(r.ultimateRedemptionRate).toBe("0.3000");
    expect(breakageTriangle([], { at: "2026-01-31T00:00:00Z" }).ultimateRedemptionRate).toBeNull();
  });

  it("rejects a bad instant, an item without entries, and a history the ledger refuses", () => {
    expect(() => breakageTriangle(history, { at: "soon" })).toThrow(/at: expected an ISO-8601/);
    expect(() => breakageTriangle([{ accountId: "x" } as never], { at: "2026-01-31T00:00:00Z" })).toThrow(
      /histories\.0/,
    );
    expect(() =>
      breakageTriangle(
        [
          {
            accountId: "x",
            entries: [{ kind: "redeem", transactionId: "r", at: "2026-01-01T00:00:00Z", points: "5" }],
          },
        ],
        { at: "2026-01-31T00:00:00Z" },
      ),
    ).toThrow(LoyaltyError);
    expect(() => breakageTriangle([], { at: "2026-01-31T00:00:00Z", decimals: -1 })).toThrow(LoyaltyValidationError);
  });
});

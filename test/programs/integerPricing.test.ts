// The pricing engine on integer minor units: exact where decimal.js rounded to 40 digits, and a typed
// refusal of amounts past what a JS number holds exactly.
import { describe, expect, it } from "vitest";
import {
  checkout,
  LoyaltyValidationError,
  openProgramAccount,
  parseBasket,
  parseProgram,
  quote,
} from "../../src/index.js";

const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } } as const;
// 1 point per 3.00: a rate with no exact decimal (1/3)
const thirds = parseProgram({
  ...common,
  kind: "bonus",
  id: "thirds",
  name: "1 point per 3.00",
  earn: { rules: [{ type: "per-amount", points: "1", per: "3.00" }] },
});
const account = openProgramAccount(thirds, { customerId: "c", consent: true });
const basket = (...prices: string[]) =>
  parseBasket({
    id: "b",
    at: "2026-03-01T10:00:00Z",
    lines: prices.map((amount, i) => ({
      id: String(i + 1),
      sku: `S${i}`,
      quantity: 1,
      unitPrice: { amount, currency: "EUR" },
    })),
  });

describe("fractional earn rates are summed exactly, then rounded once", () => {
  it("three lines of 1.00 at 1 point per 3.00 earn 1 point (1/3 + 1/3 + 1/3 = 1)", () => {
    // On 40-digit decimals each line earned 0.333…3 and the sum 0.999…9 floored to 0, while the
    // explanation already said "1.00 points".
    const q = quote(thirds, account, basket("1.00", "1.00", "1.00"), { consent: true });
    expect(q.pointsEarned).toBe("1");
    expect(q.explain.at(-1)?.reason).toBe(
      "1.00 points on 3.00 EUR paid after discounts and points, rounded floor: 1 points",
    );
  });

  it("splits the points over the lines by their exact shares, equal remainders to the earlier line", () => {
    // 2.00 and 5.00 earn 2/3 and 5/3 (7/3, floored to 2): each line keeps its whole points (0 and 1)
    // and the one left goes to the larger remainder; both are 2/3, so to the earlier line. On
    // 40-digit decimals 0.666…67 and 1.666…67 were rounded at different places and line 2 got it.
    const q = quote(thirds, account, basket("2.00", "5.00"), { consent: true });
    expect(q.pointsEarned).toBe("2");
    expect(q.lines.map((l) => l.pointsEarned)).toEqual(["1", "1"]);
  });
});

describe("amounts past 2^53 − 1 minor units are refused, not priced inexactly", () => {
  // Number.MAX_SAFE_INTEGER = 2^53 − 1 = 9,007,199,254,740,991 (ECMA-262, Number.MAX_SAFE_INTEGER):
  // in cents, 90,071,992,547,409.91 EUR.
  it("prices a line of exactly 2^53 − 1 cents", () => {
    const q = quote(thirds, account, basket("90071992547409.91"), { consent: true });
    expect(q.gross.amount).toBe("90071992547409.91");
    // 9,007,199,254,740,991 cents / 300 cents per point = 30,023,997,515,803.3…, floored
    expect(q.pointsEarned).toBe("30023997515803");
  });

  it("refuses a line one cent more with a typed validation error naming the line", () => {
    const run = () => quote(thirds, account, basket("90071992547409.92"), { consent: true });
    expect(run).toThrow(LoyaltyValidationError);
    expect(run).toThrow(
      /line 1's amount \(quantity × unit price\) is more than pricing keeps exact \(at most 90071992547409\.91 EUR/,
    );
    expect(run).toThrow(
      expect.objectContaining({
        code: "VALIDATION",
        issues: [expect.objectContaining({ path: ["basket", "lines", 0] })],
      }),
    );
  });

  it("refuses a basket whose lines together pass it, and checkout refuses it the same way", () => {
    // two lines of 50,000,000,000,000.00 EUR: 10^16 cents > 2^53 − 1
    const b = basket("50000000000000.00", "50000000000000.00");
    expect(() => quote(thirds, account, b, { consent: true })).toThrow(
      /the basket's total is more than pricing keeps exact/,
    );
    expect(() => checkout(thirds, account, b, { transactionId: "t1", consent: true })).toThrow(LoyaltyValidationError);
  });
});

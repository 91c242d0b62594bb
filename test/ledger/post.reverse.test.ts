import { describe, expect, it } from "vitest";
import {
  balance,
  InsufficientPointsError,
  LoyaltyValidationError,
  type OperationError,
  post,
  reversiblePoints,
  unconsumedPoints,
} from "../../src/index.js";
import { day, ledger, thrown } from "./_helpers.js";

describe("post: reverse (refunds)", () => {
  it("reverses a redeem by giving back exactly the lots it consumed, most recently consumed first", () => {
    // Redeem 25 took C 10, then B 15 (C expires first). Reversing 20 gives back B's 15 first, then 5 to C.
    const account = ledger([
      { kind: "earn", transactionId: "B", at: day(1), points: "20", expiresAt: day(28) },
      { kind: "earn", transactionId: "C", at: day(2), points: "10", expiresAt: day(20) },
      { kind: "redeem", transactionId: "R", at: day(3), points: "25" },
      { kind: "reverse", transactionId: "refund", at: day(4), reverses: "R", points: "20" },
    ]);
    expect(account.lots.map((l) => [l.lotId, l.remaining, l.consumed])).toEqual([
      ["B", "20", "0"],
      ["C", "5", "5"],
    ]);
    expect(account.debits[0]).toEqual({
      transactionId: "R",
      points: "25",
      lots: [{ lotId: "C", points: "5" }],
      deficit: "0",
      reversed: "20",
    });
    expect(reversiblePoints(account, "R")).toBe("5");
    expect(balance(account, { at: day(5) })).toBe("25");
  });

  it("reverses an earn wholly when no points are given, removing its lot's points", () => {
    const account = ledger([
      { kind: "earn", transactionId: "sale", at: day(1), points: "30" },
      { kind: "earn", transactionId: "other", at: day(2), points: "10" },
      { kind: "reverse", transactionId: "refund", at: day(3), reverses: "sale" },
    ]);
    expect(account.lots[0]).toMatchObject({ lotId: "sale", remaining: "0", reversed: "30" });
    expect(balance(account, { at: day(4) })).toBe("10");
    expect(reversiblePoints(account, "sale")).toBe("0");
    expect(() => post(account, { kind: "reverse", transactionId: "again", at: day(4), reverses: "sale" })).toThrow(
      /points: expected at most 0 points \(what is left to reverse of "sale"\)/,
    );
  });

  it("rejects reversing more than what is left of the entry", () => {
    const account = ledger([{ kind: "earn", transactionId: "sale", at: day(1), points: "30" }]);
    expect(() =>
      post(account, { kind: "reverse", transactionId: "r", at: day(2), reverses: "sale", points: "31" }),
    ).toThrow(LoyaltyValidationError);
  });

  describe("a refund after the earned points were spent", () => {
    // Earned 50 on the sale, spent 40 of them; 20 more sit in an older lot without expiry.
    const spent = ledger([
      { kind: "earn", transactionId: "old", at: day(1), points: "20" },
      { kind: "earn", transactionId: "sale", at: day(2), points: "50", expiresAt: day(30) },
      { kind: "redeem", transactionId: "spend", at: day(3), points: "40" },
    ]);

    it("has 10 of the sale's points unconsumed", () => {
      expect(unconsumedPoints(spent, "sale")).toBe("10");
      expect(balance(spent, { at: day(4) })).toBe("30");
    });

    it("by default refuses a reverse that would fall short, saying how much can be taken back", () => {
      const e = thrown(() => post(spent, { kind: "reverse", transactionId: "refund", at: day(4), reverses: "sale" }));
      expect(e).toBeInstanceOf(InsufficientPointsError);
      expect((e as InsufficientPointsError).details).toEqual({ requested: "50", available: "10" });
    });

    it("deduct-available takes the lot's 10, then 20 from other points, and forgives the last 20", () => {
      const account = post(spent, {
        kind: "reverse",
        transactionId: "refund",
        at: day(4),
        reverses: "sale",
        shortfall: "deduct-available",
      }).account;
      expect(balance(account, { at: day(5) })).toBe("0");
      expect(account.deficit).toBe("0");
      expect(account.lots[1]).toMatchObject({ lotId: "sale", remaining: "0", reversed: "10", clawedBack: "40" });
      expect(account.debits[1]).toEqual({
        transactionId: "refund",
        points: "20",
        lots: [{ lotId: "old", points: "20" }],
        deficit: "0",
        reversed: "0",
      });
    });

    it("negative-balance takes all 50 back and leaves the customer owing 20", () => {
      const account = post(spent, {
        kind: "reverse",
        transactionId: "refund",
        at: day(4),
        reverses: "sale",
        shortfall: "negative-balance",
      }).account;
      expect(balance(account, { at: day(5) })).toBe("-20");
      expect(account.deficit).toBe("20");
      expect(account.debits[1]).toEqual({
        transactionId: "refund",
        points: "40",
        lots: [{ lotId: "old", points: "20" }],
        deficit: "20",
        reversed: "0",
      });
    });
  });

  it("gives points that went into a since-repaid negative balance back as a new lot", () => {
    const account = ledger(
      [
        { kind: "redeem", transactionId: "R", at: day(1), points: "30" },
        { kind: "earn", transactionId: "E", at: day(2), points: "50" },
        { kind: "reverse", transactionId: "refund", at: day(3), reverses: "R" },
      ],
      { accountId: "a", negativeLimit: "100" },
    );
    // R put the account at −30; E repaid it (E's lot keeps 20); reversing R gives the 30 back.
    expect(account.lots.map((l) => [l.lotId, l.remaining])).toEqual([
      ["E", "20"],
      ["refund", "30"],
    ]);
    expect(balance(account, { at: day(4) })).toBe("50");
  });

  it("names unknown targets and refuses to reverse holds, sweeps and reverses", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e", at: day(1), points: "10" },
      { kind: "hold", transactionId: "h", at: day(2), points: "5" },
    ]);
    expect(
      (
        thrown(() =>
          post(account, { kind: "reverse", transactionId: "r", at: day(3), reverses: "nope" }),
        ) as OperationError
      ).code,
    ).toBe("NOT_FOUND");
    expect(() => post(account, { kind: "reverse", transactionId: "r", at: day(3), reverses: "h" })).toThrow(
      /reverses: expected the transactionId of an earn, redeem, adjust or capture entry, got "h" which is a hold \(release it instead\)/,
    );
  });

  it("reverses a capture like a redeem", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e", at: day(1), points: "10" },
      { kind: "hold", transactionId: "h", at: day(2), points: "8" },
      { kind: "capture", transactionId: "c", at: day(2), holdId: "h" },
      { kind: "reverse", transactionId: "r", at: day(3), reverses: "c", points: "3" },
    ]);
    expect(balance(account, { at: day(4) })).toBe("5");
  });
});

// Issue 16 (reverse of an earn): reversing up to unconsumedPoints takes the points straight back out
// of the lot, as its TSDoc says — 0.1 compared against the account balance and refused both cases.
describe("reversing an earn takes back what is still in its lot, whatever the balance", () => {
  const owing = [
    { kind: "earn", transactionId: "e2", at: day(1), points: "5" },
    { kind: "redeem", transactionId: "r2", at: day(1), points: "5" },
    { kind: "reverse", transactionId: "x2", at: day(2), reverses: "e2", shortfall: "negative-balance" },
  ] as const;

  it("after a hold was released (the lot holds 40, the balance is 35)", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e1", at: day(1), points: "40" },
      { kind: "hold", transactionId: "h1", at: day(1), points: "40" },
      ...owing,
      { kind: "release", transactionId: "rel", at: day(3), holdId: "h1" },
    ]);
    expect([unconsumedPoints(account, "e1"), balance(account, { at: day(3) })]).toEqual(["40", "35"]);
    const r = post(account, { kind: "reverse", transactionId: "x1", at: day(4), reverses: "e1" });
    expect(balance(r.account, { at: day(4) })).toBe("-5");
    expect(unconsumedPoints(r.account, "e1")).toBe("0");
  });

  it("from a lapsed lot while the balance is negative", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e2", at: day(1), points: "5" },
      { kind: "redeem", transactionId: "r2", at: day(1), points: "5" },
      { kind: "earn", transactionId: "e1", at: day(1), points: "40", expiresAt: day(3) },
      { kind: "reverse", transactionId: "x2", at: day(4), reverses: "e2", shortfall: "negative-balance" },
    ]);
    expect([unconsumedPoints(account, "e1"), balance(account, { at: day(4) })]).toEqual(["40", "-5"]);
    const r = post(account, { kind: "reverse", transactionId: "x1", at: day(5), reverses: "e1" });
    expect(balance(r.account, { at: day(5) })).toBe("-5");
    expect(r.account.lots.find((l) => l.lotId === "e1")).toMatchObject({ remaining: "0", reversed: "40" });
  });

  it("still refuses a shortfall under reject, saying how many points are in the lot", () => {
    const account = ledger([
      { kind: "earn", transactionId: "e1", at: day(1), points: "40" },
      { kind: "redeem", transactionId: "r1", at: day(2), points: "10" },
    ]);
    const e = thrown(() => post(account, { kind: "reverse", transactionId: "x1", at: day(3), reverses: "e1" }));
    expect(e).toBeInstanceOf(InsufficientPointsError);
    expect((e as InsufficientPointsError).message).toMatch(/requested 40, but only 30 are still in its lot/);
  });
});

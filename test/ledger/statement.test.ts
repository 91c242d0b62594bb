import { describe, expect, it } from "vitest";
import { statement } from "../../src/index.js";
import { day, ledger } from "./_helpers.js";

describe("statement", () => {
  const account = ledger([
    { kind: "earn", transactionId: "e1", at: day(1), points: "100", expiresAt: day(15) },
    { kind: "earn", transactionId: "e2", at: day(5), points: "40" },
    { kind: "hold", transactionId: "h1", at: day(6), points: "30", timeoutAt: day(6, "10:30:00") },
    { kind: "hold", transactionId: "h2", at: day(7), points: "20" },
    { kind: "capture", transactionId: "c2", at: day(7, "10:01:00"), holdId: "h2" },
    { kind: "redeem", transactionId: "r1", at: day(9), points: "50" },
    { kind: "reverse", transactionId: "x1", at: day(10), reverses: "r1", points: "10" },
    { kind: "expire", transactionId: "sweep", at: day(20) },
  ]);

  it("lists entries, lapses and hold timeouts with running balances between opening and closing", () => {
    const s = statement(account, { from: day(5), to: day(31) });
    // Worked by hand: opening 100 (e1). e2 +40 = 140; h1 −30 = 110; h1 times out at 10:30 +30 = 140;
    // h2 −20 = 120; capture c2 of the whole hold changes nothing; r1 −50 = 70 (e1 had 80 → 30 left);
    // x1 gives 10 back to e1 → 80; e1 (40 left) lapses on the 15th −40 = 40; the sweep changes nothing.
    expect(s.opening).toBe("100");
    expect(s.lines.map((l) => [l.at, l.kind, l.transactionId, l.change, l.balance])).toEqual([
      [day(5), "earn", "e2", "40", "140"],
      [day(6), "hold", "h1", "-30", "110"],
      [day(6, "10:30:00"), "timeout", "h1", "30", "140"],
      [day(7), "hold", "h2", "-20", "120"],
      [day(7, "10:01:00"), "capture", "c2", "0", "120"],
      [day(9), "redeem", "r1", "-50", "70"],
      [day(10), "reverse", "x1", "10", "80"],
      [day(15), "lapse", "e1", "-40", "40"],
      [day(20), "expire", "sweep", "0", "40"],
    ]);
    expect(s.closing).toBe("40");
  });

  it("opens before entries posted exactly at `from` and closes at `to`", () => {
    const s = statement(account, { from: day(1), to: day(1) });
    expect([s.opening, s.lines.length, s.closing]).toEqual(["0", 1, "100"]);
    const quiet = statement(account, { from: day(21), to: day(25) });
    expect([quiet.opening, quiet.lines, quiet.closing]).toEqual(["40", [], "40"]);
  });

  it("rejects a period that ends before it starts", () => {
    expect(() => statement(account, { from: day(5), to: day(4) })).toThrow(/to: expected an instant at or after from/);
  });
});

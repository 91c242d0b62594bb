// Refunding an old sale whose redeem entry the points ledger has dropped: the redeemed points go back
// into the lots they came from, which only the points account's history knows (options.history).
// The oracle is the same sequence on a program account whose ledger drops nothing (retainDays 36500),
// bounded afterwards by replaying its history with the real retainDays.
import { describe, expect, it } from "vitest";
import { balance, parseProgram, refund, type LedgerHistoryRecord, type Program } from "../../src/index.js";
import { common } from "./_fixtures.js";
import { bounded, json, Till } from "./_history.js";

type Clawback = "deduct-available" | "negative-balance";

// 1 point per 1.00 paid; a point is worth 0.01 and may pay up to half of a basket (refundOrder.test.ts's program).
function program(clawback: Clawback): Program {
  return parseProgram({
    ...common,
    kind: "bonus",
    id: `old-${clawback}`,
    name: "Old",
    clawback,
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
    redeem: { pointValue: "0.01", maxShare: "50" },
  });
}

const day = (month: number, d: number) =>
  `2026-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}T10:00:00.000Z`;

// s1 (1 March) buys 100.00 and earns 100 points; s2 (2 March) buys 2.00 and pays 1.00 of it with
// those 100 points (earning 1 on the 1.00 paid); s3 (1 July, 121 days later: past the 90-day
// window) buys 10.00 and earns 10. The program account then holds only s3, and the ledger's snapshot
// no longer holds s1's earn (its lot is empty) nor s2's redeem.
function aged(p: Program, retainDays: number): Till {
  const till = new Till(p, retainDays);
  till.sell("s1", day(3, 1), "100.00");
  till.sell("s2", day(3, 2), "2.00", 1, 100);
  till.sell("s3", day(7, 1), "10.00");
  return till;
}

describe("refunding a sale whose redeem entry the ledger has dropped", () => {
  for (const clawback of ["deduct-available", "negative-balance"] as const) {
    for (const order of [
      ["s1", "s2"],
      ["s2", "s1"],
    ] as const) {
      it(`${clawback}: refunding ${order.join(", then ")} (then s3) with the history leaves nothing, as a ledger that drops nothing`, () => {
        const p = program(clawback);
        const till = aged(p, 90);
        const oracle = aged(p, 36_500);
        expect(till.account.sales.map((s) => s.transactionId)).toEqual(["s3"]);
        const ids = till.account.points.entries.map((e) => e.transactionId);
        expect(ids).not.toContain("s1:earn");
        expect(ids).not.toContain("s2:redeem");
        expect(oracle.account.points.entries.map((e) => e.transactionId)).toContain("s2:redeem");

        [...order, "s3"].forEach((id, i) => {
          const options = { at: day(7, 2 + i), transactionId: `r-${id}` };
          if (id === "s2") {
            // without the history: refused, nothing applied
            const before = JSON.stringify(till.account);
            expect(() => refund(p, till.account, id, { ...options, record: till.records.get(id) })).toThrow(
              expect.objectContaining({ code: "HISTORY_REQUIRED" }),
            );
            expect(JSON.stringify(till.account)).toBe(before);
          }
          const r = till.refund(id, options);
          const o = oracle.refund(id, options, false);
          expect(r.status).toBe("applied");
          const { account: _a, ...figures } = r;
          const { account: _b, ...expected } = o;
          expect(figures).toEqual(expected);
          expect(json(r.account.points)).toEqual(bounded(oracle, 90));
          expect(Object.isFrozen(r.account.points)).toBe(true);
        });
        const points = till.account.points;
        expect(balance(points, { at: day(7, 10) })).toBe("0");
        expect(points.lots.filter((l) => l.remaining !== "0")).toEqual([]);
        expect(points.deficit).toBe("0");
      });
    }
  }

  it("the redeemed points cancel the clawback of the lot they came from: 89 forgiven, then nothing to give", () => {
    // deduct-available: refunding s1 takes the 11 points the customer has (s2's 1 and s3's 10) and
    // forgives 89; refunding s2 then gives its 100 points back into s1's lot, which cancels that
    // clawback (89 forgiven: nothing to give back; 11 taken: given back), so the customer has 11 again.
    const till = aged(program("deduct-available"), 90);
    const r1 = till.refund("s1", { at: day(7, 2), transactionId: "r1" });
    expect([r1.pointsReversed, r1.pointsTaken, r1.pointsForgiven]).toEqual(["100", "11", "89"]);
    const r2 = till.refund("s2", { at: day(7, 3), transactionId: "r2" });
    expect([r2.pointsRestored, r2.pointsReversed, r2.pointsTaken]).toEqual(["100", "1", "1"]);
    expect(balance(r2.account.points, { at: day(7, 4) })).toBe("10");
  });

  it("without the history: HISTORY_REQUIRED naming the dropped entry, and nothing applied", () => {
    const till = aged(program("deduct-available"), 90);
    const before = JSON.stringify(till.account);
    const options = { at: day(7, 2), transactionId: "r2", record: till.records.get("s2") };
    expect(() => refund(till.p, till.account, "s2", options)).toThrow(
      expect.objectContaining({
        code: "HISTORY_REQUIRED",
        message: expect.stringMatching(/"s2:redeem".*options\.history/),
        details: expect.objectContaining({ accountId: "c", transactionId: "s2:redeem" }),
      }),
    );
    expect(JSON.stringify(till.account)).toBe(before);
    // A sale whose redeem entry the ledger still holds needs no history: s3 redeemed nothing, and
    // s1's earn is settled from its record as before.
    expect(refund(till.p, till.account, "s1", { ...options, record: till.records.get("s1") }).status).toBe("applied");
  });

  it("refunds part of an old redeeming sale, then the rest, as a ledger that drops nothing", () => {
    const p = program("deduct-available");
    const make = (retainDays: number) => {
      const till = new Till(p, retainDays);
      till.sell("s1", day(3, 1), "100.00");
      // 2 × 1.00, 1.00 of it paid with 100 points: 50 redeemed points on each unit
      till.sell("s2", day(3, 2), "1.00", 2, 100);
      till.sell("s3", day(7, 1), "10.00");
      return till;
    };
    const till = make(90);
    const oracle = make(36_500);
    const half = { at: day(7, 2), transactionId: "r1", lines: [{ id: "1", quantity: 1 }] };
    const r1 = till.refund("s2", half);
    expect(r1.pointsRestored).toBe("50");
    const o1 = oracle.refund("s2", half, false);
    expect(r1.pointsTaken).toBe(o1.pointsTaken);
    expect(json(r1.account.points)).toEqual(bounded(oracle, 90));
    expect(balance(r1.account.points, { at: day(7, 3) })).toBe(balance(o1.account.points, { at: day(7, 3) }));
    const rest = { at: day(7, 3), transactionId: "r2" };
    const r2 = till.refund("s2", rest);
    oracle.refund("s2", rest, false);
    expect(r2.pointsRestored).toBe("50");
    expect(r2.complete).toBe(true);
    expect(json(r2.account.points)).toEqual(bounded(oracle, 90));
  });

  it("refuses an edited, incomplete or foreign history with HISTORY_MISMATCH, and applies nothing", () => {
    const till = aged(program("deduct-available"), 90);
    const other = aged(program("deduct-available"), 90);
    const history = till.history;
    const options = { at: day(7, 2), transactionId: "r2", record: till.records.get("s2") };
    const s3earn = history.findIndex((h) => h.entry.transactionId === "s3:earn");
    const raised = history.map((h, i) => (i === s3earn ? { ...h, entry: { ...h.entry, points: "11" } } : h));
    const foreign = other.history.map((h) => ({ ...h, accountId: "ivan" }));
    const cases: [string, unknown[]][] = [
      ["edited", raised],
      ["one record short at the end", history.slice(0, -1)],
      ["a record missing", history.filter((_, i) => i !== 1)],
      ["another account's", foreign],
    ];
    const before = JSON.stringify(till.account);
    for (const [what, edited] of cases) {
      expect(
        () => refund(till.p, till.account, "s2", { ...options, history: edited as LedgerHistoryRecord[] }),
        what,
      ).toThrow(expect.objectContaining({ code: "HISTORY_MISMATCH" }));
      expect(JSON.stringify(till.account)).toBe(before);
    }
  });

  it("does not read the history when the ledger still holds the redeem entry", () => {
    const till = new Till(program("deduct-available"), 90);
    till.sell("s1", day(3, 1), "100.00");
    till.sell("s2", day(3, 2), "2.00", 1, 100);
    // not an array: it would be refused if it were read
    const r = refund(till.p, till.account, "s2", {
      at: day(3, 3),
      transactionId: "r2",
      history: "not read" as unknown as LedgerHistoryRecord[],
    });
    expect(r.pointsRestored).toBe("100");
  });
});

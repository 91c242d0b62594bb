// Refunds of old sales with the stored records and the points account's history: for any purchases
// (some paying with points), any time passing (often beyond the 90-day window, so the ledger's
// snapshot drops the sales' entries) and any order of full or partial refunds, each refund gives
// the same receipt, and the points snapshot after it is the one of the same sequence on a ledger
// that never drops anything (retainDays 36500), bounded by replaying its history with 90 days —
// so balance, lots and debts are the unbounded ledger's. Runs as the global configuration says
// (1,000 in `npm test`, about 15 s on the 2-core machine under load; 100,000 under DEEP=1).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { balance, parseProgram } from "../../src/index.js";
import { common } from "./_fixtures.js";
import { bounded, json, Till } from "./_history.js";

const DAY = 86_400_000;
const T0 = Date.parse("2026-03-01T10:00:00Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();

function program(clawback: "deduct-available" | "negative-balance") {
  // 1 point per 1.00 paid (floor); a point is worth 0.01 and may pay up to half of the basket.
  return parseProgram({
    ...common,
    kind: "bonus",
    id: `hist-${clawback}`,
    name: "History",
    clawback,
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], rounding: "floor" },
    redeem: { pointValue: "0.01", maxShare: "50" },
  });
}

const purchaseArb = fc.record({
  cents: fc.integer({ min: 100, max: 20_000 }),
  quantity: fc.integer({ min: 1, max: 3 }),
  redeem: fc.boolean(),
  // days after the previous purchase
  gap: fc.integer({ min: 0, max: 60 }),
});

const scenarioArb = fc
  .record({
    clawback: fc.constantFrom("deduct-available" as const, "negative-balance" as const),
    purchases: fc.array(purchaseArb, { minLength: 1, maxLength: 5 }),
    // days from the last purchase to the first refund: often past the 90-day window
    wait: fc.integer({ min: 0, max: 200 }),
  })
  .chain((s) =>
    fc.record({
      s: fc.constant(s),
      order: fc.shuffledSubarray(
        s.purchases.map((_, i) => i),
        { minLength: s.purchases.length },
      ),
      // per refund: how many units of the sale's line (1…quantity; the rest is refunded at the end)
      units: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: s.purchases.length, maxLength: s.purchases.length }),
    }),
  );

describe("refund with records and history", () => {
  it("every refund ends where it ends on a ledger that never drops anything", () => {
    fc.assert(
      fc.property(scenarioArb, ({ s, order, units }) => {
        const p = program(s.clawback);
        const till = new Till(p, 90);
        const oracle = new Till(p, 36_500);
        let t = 0;
        s.purchases.forEach((b, i) => {
          t += b.gap * DAY;
          for (const x of [till, oracle])
            x.sell(`s${i}`, at(t), (b.cents / 100).toFixed(2), b.quantity, b.redeem ? "max" : undefined);
        });
        t += s.wait * DAY;
        let n = 0;
        const refundBoth = (i: number, lines?: { id: string; quantity: number }[]) => {
          t += 3_600_000;
          const options = { at: at(t), transactionId: `r${n++}`, ...(lines === undefined ? {} : { lines }) };
          const { account: a, ...got } = till.refund(`s${i}`, options);
          const { account: _b, ...want } = oracle.refund(`s${i}`, options, false);
          expect(got).toEqual(want);
          expect(json(a.points)).toEqual(bounded(oracle, 90));
        };
        order.forEach((i, k) => {
          const q = (s.purchases[i] as { quantity: number }).quantity;
          const u = Math.min(units[k] as number, q);
          refundBoth(i, u === q ? undefined : [{ id: "1", quantity: u }]);
        });
        // the rest of the partly refunded sales: then nothing is left
        order.forEach((i, k) => {
          const q = (s.purchases[i] as { quantity: number }).quantity;
          if (Math.min(units[k] as number, q) < q) refundBoth(i);
        });
        const points = till.account.points;
        expect(balance(points, { at: at(t + DAY) })).toBe("0");
        expect(points.lots.filter((l) => l.remaining !== "0")).toEqual([]);
        expect(points.deficit).toBe("0");
      }),
    );
  });
});

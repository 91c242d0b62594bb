// A bonus program carrying its tier policy earns, on every purchase, exactly the points the same
// program without tiers earns plus what tierBonusEntry gives for the history before the purchase —
// the two ways of applying tiers agree, over random purchases and full refunds in any order. The
// thresholds and multipliers are illustrative configuration (as in tierBonusEntry.test.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  checkout,
  openProgramAccount,
  parseProgram,
  type ProgramAccount,
  refund,
  tierBonusEntry,
  type TierPolicyInput,
} from "../../../src/index.js";
import { basket, common } from "../_fixtures.js";

const policy: TierPolicyInput = {
  basis: "spend",
  currency: "EUR",
  timeZone: "Europe/Berlin",
  window: { type: "rolling", months: 3 },
  tiers: [
    { name: "Silver", threshold: "300", earnMultiplier: "1.25" },
    { name: "Gold", threshold: "1000", earnMultiplier: "1.5" },
  ],
};
const base = {
  ...common,
  kind: "bonus",
  name: "B",
  earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
} as const;
const tiered = parseProgram({ ...base, id: "tiered", tiers: policy });
const plain = parseProgram({ ...base, id: "plain" });

// 1,000 runs in `npm test` (about 8 s of CPU: two checkouts and a tierBonusEntry over the whole
// history per purchase), 100,000 under DEEP=1.
type Step = { price: number; days: number; refundPick: number | null };
const stepArb: fc.Arbitrary<Step> = fc.record({
  price: fc.integer({ min: 1, max: 900 }),
  days: fc.integer({ min: 0, max: 40 }),
  refundPick: fc.option(fc.nat(), { freq: 4 }),
});

describe("bonus tiers at checkout agree with tierBonusEntry", () => {
  it("points earned = the plain program's + tierBonusEntry's, on every purchase", () => {
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 12 }), (steps) => {
        let acc: ProgramAccount = openProgramAccount(tiered, { customerId: "c", consent: true });
        let t = Date.parse("2026-01-05T10:00:00Z");
        const history: { at: string; amount: string }[] = [];
        const sales: ReturnType<typeof checkout>[] = [];
        const refunded = new Set<number>();
        steps.forEach((s, i) => {
          t += s.days * 86_400_000 + 60_000;
          const at = new Date(t).toISOString();
          const b = basket(at, [{ price: `${s.price}.00` }]);
          const opened = openProgramAccount(plain, { customerId: "c", consent: true });
          const without = checkout(plain, opened, b, { transactionId: `p${i}`, consent: true });
          const bonus = tierBonusEntry(policy, history, {
            at,
            transactionId: `s${i}`,
            pointsEarned: without.pointsEarned,
          });
          const sale = checkout(tiered, acc, b, { transactionId: `s${i}`, consent: true });
          expect(sale.pointsEarned).toBe(String(Number(without.pointsEarned) + Number(bonus?.points ?? "0")));
          acc = sale.account;
          sales.push(sale);
          history.push({ at, amount: `${s.price}.00` });
          if (s.refundPick !== null) {
            const k = s.refundPick % sales.length;
            const target = sales[k];
            if (target !== undefined && !refunded.has(k)) {
              t += 60_000;
              const { status: _s, account: _a, stock: _k, ...stored } = target; // what a store keeps
              const r = refund(tiered, acc, target, {
                at: new Date(t).toISOString(),
                transactionId: `r${i}`,
                record: stored, // the stored checkout record: the sale may have left the account's window
              });
              acc = r.account;
              refunded.add(k);
              history.push({ at: new Date(t).toISOString(), amount: `-${steps[k]?.price ?? 0}.00` });
            }
          }
        });
      }),
      { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 },
    );
  });
});

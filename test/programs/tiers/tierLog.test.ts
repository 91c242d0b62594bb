// A bonus program's `totals.tierLog` (the sales and refunds that left the account's window) stays
// bounded over thousands of sales, and every sale still earns the tier bonus that tierBonusEntry
// gives from the member's whole history. Thresholds, multipliers and prices are illustrative
// configuration (as in bonusTiers.property.test.ts); the spend pattern alternates big and small
// years so tiers are gained, kept, reviewed and lost many times.
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

const tiers = [
  { name: "Silver", threshold: "300", earnMultiplier: "1.25" },
  { name: "Gold", threshold: "1000", earnMultiplier: "1.5" },
  { name: "Platinum", threshold: "3000", earnMultiplier: "2" },
];
const policies: { name: string; policy: TierPolicyInput; sales: number; every: number; maxRows: number }[] = [
  {
    // A year's review looks back at most three years (three tiers, one level a year), and each
    // year's rows fold to at most three (the highest running amount per basis, then the rest):
    // at most 4 years × 3 rows.
    name: "calendar year, one tier down a year",
    policy: {
      basis: "spend",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      window: { type: "calendar-year" },
      downgrade: "one-tier",
      tiers,
    },
    sales: 600,
    every: 6,
    maxRows: 4 * 3,
  },
  {
    // 3 months' window (at most 92 days) and 30 days' grace (+1 day): 21 visits every 6 days, and a
    // refund every 7th visit.
    name: "rolling 3 months, 30 days' grace",
    policy: {
      basis: "points",
      timeZone: "Europe/Berlin",
      window: { type: "rolling", months: 3 },
      retention: { type: "grace", days: 30 },
      downgrade: "one-tier",
      tiers,
    },
    sales: 600,
    every: 6,
    maxRows: 21 + 3 + 2,
  },
  {
    name: "lifetime",
    policy: { basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", window: { type: "lifetime" }, tiers },
    sales: 1_000,
    every: 4,
    maxRows: 3,
  },
];

// About ten years of visits each (the lifetime log is the cheapest to check, so it gets the most).
const DAY = 86_400_000;

describe("a bonus program's tier log", () => {
  for (const { name, policy, sales: SALES, every, maxRows } of policies) {
    it(`stays bounded over ${SALES.toLocaleString("en")} sales, tier bonuses unchanged (${name})`, {
      timeout: 120_000,
    }, () => {
      const program = parseProgram({
        ...common,
        kind: "bonus",
        id: "tiered",
        name: "T",
        earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }] },
        tiers: policy,
      });
      let account: ProgramAccount = openProgramAccount(program, { customerId: "c", consent: true });
      const start = Date.parse("2026-01-02T10:00:00Z");
      const history: { at: string; amount: string }[] = [];
      const sales: ReturnType<typeof checkout>[] = [];
      let longest = 0;
      let compared = 0;
      for (let k = 0; k < SALES; k++) {
        const atMs = start + every * k * DAY;
        const at = new Date(atMs).toISOString();
        const year = new Date(atMs).getUTCFullYear() - 2026;
        const price = year % 4 === 0 ? 40 + (k % 7) : year % 4 === 1 ? 12 : 1 + (k % 3);
        const sale = checkout(program, account, basket(at, [{ price: `${price}.00` }]), {
          transactionId: `s${k}`,
          consent: true,
        });
        // Points earned: 1 per 1.00, plus what the tier held just before the sale gives on them.
        if (k % 100 === 0 || k > SALES - 3) {
          const bonus = tierBonusEntry(policy, history, { at, transactionId: `s${k}`, pointsEarned: String(price) });
          expect(sale.pointsEarned).toBe(String(price + Number(bonus?.points ?? "0")));
          compared++;
        }
        account = sale.account;
        sales.push(sale);
        history.push({ at, amount: policy.basis === "spend" ? `${price}.00` : sale.pointsEarned });
        // Every 7th visit the sale two visits back is returned in full.
        if (k % 7 === 6) {
          const target = sales[k - 2] as (typeof sales)[number];
          const { status: _s, account: _a, stock: _k, ...record } = target;
          const r = refund(program, account, target, {
            at: new Date(atMs + 60_000).toISOString(),
            transactionId: `r${k}`,
            record,
          });
          account = r.account;
          const taken = policy.basis === "spend" ? target.spend.amount : target.pointsEarned;
          history.push({ at: new Date(atMs + 60_000).toISOString(), amount: `-${taken}` });
        }
        longest = Math.max(longest, account.totals.tierLog?.length ?? 0);
      }
      expect(compared).toBeGreaterThan(SALES / 100);
      // Without the bound the log would hold a row for each sale and refund that left the account's 90 days.
      expect(longest).toBeLessThanOrEqual(maxRows);
      expect(account.totals.tierLog?.length).toBeGreaterThan(0);
    });
  }
});

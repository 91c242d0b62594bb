// Model-based test of the bounded program account: the same random sequence of checkouts, refunds
// and retries goes to an account that keeps a few days (retainDays 0–20, so sales keep leaving it)
// and to one that keeps everything (retainDays 36,500: nothing ever leaves, what the account did
// before it was bounded). Every answer must be the same — prices, tier and accumulated spend,
// points earned under the weekly cap, the first-purchase bonus, refund figures — and so must the
// accumulated spend and the points balance after every step. The bounded account gets the stored
// checkout record for a refund or a retry of a sale that has left it, as an integrator passes it.
// The programs are illustrative (tier thresholds, cap and rates are not from a source): a
// cumulative program with a rolling 2-month window, one with a calendar-year window, and a bonus
// program with a weekly cap of 60 points, a first-purchase bonus of 5 and points redemption.
import { isDeepStrictEqual } from "node:util";
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  accumulatedSpend,
  balance,
  checkout,
  openAccount,
  openProgramAccount,
  parseProgram,
  parseProgramAccount,
  post,
  refund,
  type CheckoutRecord,
  type Program,
  type ProgramAccount,
} from "../../src/index.js";
import { basket, common } from "./_fixtures.js";

// A run is up to 30 operations on two accounts: 1,000 runs of each property (100,000 under DEEP=1)
// take about 4 and 3 s of CPU; the checkouts and refunds themselves are most of it.
const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

/** toEqual, with node's deep strict equality first: equal values skip the slower matcher. */
function same(actual: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

const tiers = [
  { name: "Bronze", threshold: "0", percent: "0" },
  { name: "Silver", threshold: "100", percent: "5" },
  { name: "Gold", threshold: "400", percent: "10" },
];
const programs: Program[] = [
  parseProgram({
    ...common,
    kind: "cumulative",
    id: "rolling",
    name: "Rolling",
    tiers,
    window: { type: "rolling", months: 2 },
    includeCurrentPurchase: false,
  }),
  parseProgram({
    ...common,
    kind: "cumulative",
    id: "year",
    name: "Year",
    tiers,
    window: { type: "calendar-year" },
    includeCurrentPurchase: true,
  }),
  parseProgram({
    ...common,
    kind: "bonus",
    id: "bonus",
    name: "Bonus",
    earn: { rules: [{ type: "per-amount", points: "1", per: "1.00" }], capPerPeriod: { points: "60", period: "week" } },
    redeem: { pointValue: "0.01", maxShare: "50" },
    welcomeBonus: { points: "5", on: "first-purchase" },
  }),
];

const op = fc.oneof(
  fc.record({
    kind: fc.constant("checkout" as const),
    gapHours: fc.integer({ min: 0, max: 24 * 40 }),
    prices: fc.array(fc.integer({ min: 1, max: 20_000 }), { minLength: 1, maxLength: 3 }),
    redeem: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("refund" as const),
    gapHours: fc.integer({ min: 0, max: 24 * 40 }),
    pick: fc.nat(),
    all: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("retry" as const), pick: fc.nat() }),
);

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;
type Sale = { record: CheckoutRecord; basket: ReturnType<typeof basket>; redeem: boolean };

function figures(r: object): unknown {
  const { account: _a, explain: _e, stock: _s, status: _t, ...rest } = r as Record<string, unknown>;
  return rest;
}

test.prop([fc.constantFrom(0, 1, 2), fc.integer({ min: 0, max: 20 }), fc.array(op, { maxLength: 30 })], runs)(
  "a bounded account answers as one that keeps everything",
  // The points ledger keeps everything on both sides: this tests the program account's own bound.
  (which, retainDays, ops) => compare(which, retainDays, ops, 36_500),
);

test.prop([fc.integer({ min: 0, max: 20 }), fc.array(op, { maxLength: 30 })], runs)(
  "a bounded account on a bounded ledger refunds old sales from their records as one that keeps everything",
  // The bonus program, its points ledger bounded too: a refund of a sale whose emptied earn lot (or
  // welcome lot) the ledger has dropped is settled from the record. No redemption at the till: a restore
  // of points redeemed at the till by a sale whose debit the ledger dropped is not supported. The points are
  // spent instead by a redeem posted to the ledger after the sale (all the balance), so earn lots
  // empty and leave the bounded ledger.
  (retainDays, ops) => compare(2, retainDays, ops, retainDays, true),
);

function compare(which: number, retainDays: number, ops: readonly Op[], ledgerDays: number, spendApart = false): void {
  const program = programs[which] as Program;
  let bounded: ProgramAccount = {
    ...openProgramAccount(program, { customerId: "c", consent: true, retainDays }),
    points: openAccount({ accountId: "c", currency: "EUR", scale: 0, retainDays: ledgerDays }),
  };
  let full: ProgramAccount = openProgramAccount(program, { customerId: "c", consent: true, retainDays: 36_500 });
  const sales: Sale[] = [];
  let t = Date.parse("2026-01-05T09:00:00Z");
  let n = 0;
  for (const o of ops) {
    n++;
    if (o.kind === "checkout") {
      t += o.gapHours * 3_600_000;
      const at = new Date(t).toISOString();
      const b = basket(
        at,
        o.prices.map((c) => ({ price: (c / 100).toFixed(2) })),
      );
      const redeemAtTill = o.redeem && !spendApart;
      const options = { transactionId: `s${n}`, consent: true, ...(redeemAtTill ? { redeemPoints: "max" } : {}) };
      const x = checkout(program, bounded, b, options);
      const y = checkout(program, full, b, options);
      same(figures(x), figures(y));
      bounded = x.account;
      full = y.account;
      if (y.status === "applied") {
        const { account: _a, status: _s, stock: _k, ...record } = y;
        sales.push({ record: JSON.parse(JSON.stringify(record)) as CheckoutRecord, basket: b, redeem: redeemAtTill });
      }
      const all = balance(full.points, { at });
      if (o.redeem && spendApart && all !== "0" && !all.startsWith("-")) {
        const spend = { kind: "redeem" as const, transactionId: `spend-${n}`, at, points: all };
        bounded = { ...bounded, points: post(bounded.points, spend).account };
        full = { ...full, points: post(full.points, spend).account };
      }
    } else if (o.kind === "refund") {
      if (sales.length === 0) continue;
      const sale = sales[o.pick % sales.length] as Sale;
      t += o.gapHours * 3_600_000;
      const options = {
        at: new Date(t).toISOString(),
        transactionId: `r${n}`,
        ...(o.all ? {} : { lines: [{ id: "1", quantity: 1 }] }),
      };
      let y: ReturnType<typeof refund>;
      try {
        y = refund(program, full, sale.record.transactionId, options);
      } catch (e) {
        // the same refusal (e.g. already fully refunded) from the bounded account
        expect(() => refund(program, bounded, sale.record.transactionId, { ...options, record: sale.record })).toThrow(
          (e as Error).message,
        );
        continue;
      }
      const x = refund(program, bounded, sale.record.transactionId, { ...options, record: sale.record });
      same(figures(x), figures(y));
      same(x.explain, y.explain);
      bounded = x.account;
      full = y.account;
    } else {
      if (sales.length === 0) continue;
      const sale = sales[o.pick % sales.length] as Sale;
      const options = {
        transactionId: sale.record.transactionId,
        consent: true,
        ...(sale.redeem ? { redeemPoints: "max" } : {}),
      };
      const y = checkout(program, full, sale.basket, options);
      const x = checkout(program, bounded, sale.basket, { ...options, record: sale.record });
      expect([x.status, y.status]).toEqual(["duplicate", "duplicate"]);
      same(figures(x), figures(y));
    }
    const at = new Date(t).toISOString();
    same(accumulatedSpend(program, bounded, { at }), accumulatedSpend(program, full, { at }));
    expect(balance(bounded.points, { at })).toBe(balance(full.points, { at }));
  }
  // The bounded account holds only its window, and reads back from JSON.
  same(parseProgramAccount(JSON.parse(JSON.stringify(bounded))), bounded);
  const newest = Math.max(...[...bounded.sales, ...bounded.refunds].map((s) => Date.parse(s.at)));
  for (const s of bounded.sales) expect(Date.parse(s.at)).toBeGreaterThanOrEqual(newest - retainDays * 86_400_000);
}

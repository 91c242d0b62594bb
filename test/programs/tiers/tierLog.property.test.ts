import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { parseTierPolicy, tierStatus, type TierPolicyInput } from "../../../src/index.js";
import { boundTierLog, type TierLogRow } from "../../../src/programs/tiers/_lib/tierLogBound.js";

// A bonus program keeps, of the sales and refunds that left the account's window (`totals.tierLog`),
// only what a tier question from the account's cutoff on can depend on. The spec is the tier replay
// itself: for every window, downgrade rule and grace, the tier and the amount at any instant from
// the cutoff on are the same whether the replay reads the whole log or the bounded one (followed by
// the sales the account still holds). Thresholds are illustrative (three tiers, as in
// tiers.property.test.ts); instants span 2020–2029 in a zone with DST, so the one-tier rule's
// three-year reach and the calendar's 1 January reviews are crossed many times.
const tiers = [
  { name: "Bronze", threshold: "200" },
  { name: "Silver", threshold: "500" },
  { name: "Gold", threshold: "1000" },
];

const START = Date.parse("2020-01-01T00:00:00Z");
const END = Date.parse("2029-12-31T00:00:00Z");
const ms = fc.integer({ min: START, max: END });
const amount = fc.integer({ min: -300, max: 900 }).map((n) => `${n}.00`);
const points = fc.integer({ min: -100, max: 900 }).map(String);

const policy = fc
  .oneof(
    fc.record({
      basis: fc.constantFrom("spend" as const, "points" as const),
      window: fc.constant({ type: "calendar-year" as const }),
      downgrade: fc.constantFrom("to-qualified" as const, "one-tier" as const),
    }),
    fc.record({
      basis: fc.constantFrom("spend" as const, "points" as const),
      window: fc.integer({ min: 1, max: 12 }).map((months) => ({ type: "rolling" as const, months })),
      retention: fc.integer({ min: 0, max: 120 }).map((days) => ({ type: "grace" as const, days })),
      downgrade: fc.constantFrom("to-qualified" as const, "one-tier" as const),
    }),
    fc.record({
      basis: fc.constantFrom("spend" as const, "points" as const),
      window: fc.constant({ type: "lifetime" as const }),
    }),
  )
  .map(
    (p): TierPolicyInput => ({
      timeZone: "Europe/Berlin",
      tiers,
      ...p,
      ...(p.basis === "spend" ? { currency: "EUR" } : {}),
    }),
  );

// Rows of the log; several at one instant now and then (a sale and its refund in one visit).
const row = fc.tuple(ms, amount, points, fc.boolean());
const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

test.prop(
  [policy, fc.array(row, { maxLength: 40 }), ms, fc.array(fc.integer({ min: 0, max: 800 }), { maxLength: 6 })],
  runs,
)(
  "the bounded tier log gives the same tier and amount at every instant from the cutoff on",
  (input, raw, cutoff, askAfter) => {
    const p = parseTierPolicy(input);
    const iso = (t: number) => new Date(t).toISOString();
    // Rows before the cutoff left the window (the log); rows from it on are the sales the account holds.
    const all: TierLogRow[] = [];
    let prev = START;
    for (const [t, sp, pt, same] of raw) {
      const at = same ? prev : t;
      prev = at;
      all.push([iso(at), sp, pt]);
    }
    const log = all.filter(([at]) => Date.parse(at) < cutoff);
    const kept = all.filter(([at]) => Date.parse(at) >= cutoff);
    const bounded = boundTierLog(p, log, cutoff - 1);
    expect(bounded.length).toBeLessThanOrEqual(log.length);
    const history = (rows: readonly TierLogRow[]) =>
      rows.map(([at, sp, pt]) => ({ at, amount: p.basis === "spend" ? sp : pt }));
    const full = history([...log, ...kept]);
    const short = history([...bounded, ...kept]);
    for (const days of [0, ...askAfter]) {
      const at = iso(cutoff - 1 + days * 86_400_000);
      const a = tierStatus(p, full, { at });
      const b = tierStatus(p, short, { at });
      expect({ tier: b.tier?.name, amount: b.amount }).toEqual({ tier: a.tier?.name, amount: a.amount });
    }
  },
);

import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { tierStatus, type TierPolicyInput } from "../../../src/index.js";

// Invariants issue-tracked for tier policies: a member never loses a tier before the policy says;
// gaining is monotone in spend; the tier on a date is a pure function of the history up to it.
// Thresholds are illustrative (three tiers); instants span 2026–2029 in a zone with DST.
const tiers = [
  { name: "Bronze", threshold: "200" },
  { name: "Silver", threshold: "500" },
  { name: "Gold", threshold: "1000" },
];
const RANK: Record<string, number> = { Bronze: 0, Silver: 1, Gold: 2 };
const rank = (name: string | undefined) => (name === undefined ? -1 : (RANK[name] ?? -9));

const START = Date.parse("2026-01-01T00:00:00Z");
const END = Date.parse("2029-12-31T00:00:00Z");
const instant = fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString());
const purchase = fc.record({ at: instant, amount: fc.integer({ min: 1, max: 800 }).map((n) => `${n}.00`) });
const activity = fc.record({ at: instant, amount: fc.integer({ min: -300, max: 800 }).map((n) => `${n}.00`) });

const policy = fc
  .oneof(
    fc.record({
      window: fc.constant({ type: "calendar-year" as const }),
      downgrade: fc.constantFrom("to-qualified" as const, "one-tier" as const),
    }),
    fc.record({
      window: fc.integer({ min: 1, max: 12 }).map((months) => ({ type: "rolling" as const, months })),
      retention: fc.integer({ min: 0, max: 90 }).map((days) => ({ type: "grace" as const, days })),
      downgrade: fc.constantFrom("to-qualified" as const, "one-tier" as const),
    }),
    fc.constant({ window: { type: "lifetime" as const } }),
  )
  .map((p): TierPolicyInput => ({ basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", tiers, ...p }));

// Each run replays several histories through Intl time-zone arithmetic (~1–5 ms a call on this
// machine): 1,000 runs each by default take about 4 s for the file; DEEP=1 runs 100,000.
const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };

const tierAt = (p: TierPolicyInput, h: { at: string; amount: string }[], at: string) =>
  rank(tierStatus(p, h, { at }).tier?.name);

test.prop([policy, fc.array(activity, { maxLength: 8 }), instant, fc.array(activity, { maxLength: 4 })], runs)(
  "the tier on a date depends only on the history up to that date, in any order",
  (p, history, at, later) => {
    const atMs = Date.parse(at);
    const after = later.map((a) => ({ ...a, at: new Date(Math.max(Date.parse(a.at), atMs + 1)).toISOString() }));
    const a = tierStatus(p, history, { at });
    const b = tierStatus(p, [...after, ...[...history].reverse()], { at });
    expect(b).toEqual(a);
  },
);

test.prop([policy, fc.array(purchase, { maxLength: 8 }), purchase, instant], runs)(
  "gaining is monotone in spend: one more purchase never lowers the tier on any date",
  (p, history, extra, at) => {
    expect(tierAt(p, [...history, extra], at)).toBeGreaterThanOrEqual(tierAt(p, history, at));
  },
);

test.prop([policy, fc.array(activity, { maxLength: 8 }), instant])(
  "the tier held is never below the tier the window's amount qualifies for",
  (p, history, at) => {
    const s = tierStatus(p, history, { at });
    expect(rank(s.tier?.name)).toBeGreaterThanOrEqual(rank(s.qualifiedTier ?? undefined));
  },
);

test.prop(
  [fc.array(purchase, { minLength: 1, maxLength: 8 }), fc.constantFrom("to-qualified", "one-tier" as const)],
  runs,
)("calendar year: a tier qualified for in a year is held through the whole next year", (history, downgrade) => {
  const p: TierPolicyInput = {
    basis: "spend",
    currency: "EUR",
    timeZone: "Europe/Berlin",
    window: { type: "calendar-year" },
    downgrade: downgrade as "to-qualified" | "one-tier",
    tiers,
  };
  for (const year of [2026, 2027]) {
    // Berlin is UTC+1 in winter: 31 Dec 23:00Z is midnight, the last instant of the year is 22:59:59.999Z.
    const lastOfYear = `${year}-12-31T22:59:59.999Z`;
    const reached = rank(tierStatus(p, history, { at: lastOfYear }).qualifiedTier ?? undefined);
    // The first and the last instant of the next year in Berlin.
    for (const at of [`${year + 1}-01-01T00:00:00+01:00`, `${year + 1}-12-31T22:59:59.999Z`])
      expect(tierAt(p, history, at)).toBeGreaterThanOrEqual(reached);
  }
});

test.prop([fc.array(activity, { maxLength: 8 }), instant, instant])(
  "calendar year: no tier is lost between two dates of the same year",
  (history, x, y) => {
    const p: TierPolicyInput = {
      basis: "spend",
      currency: "EUR",
      timeZone: "UTC",
      window: { type: "calendar-year" },
      tiers,
    };
    const [a, b] = x < y ? [x, y] : [y, x];
    if (a.slice(0, 4) !== b.slice(0, 4)) return;
    expect(tierAt(p, history, b)).toBeGreaterThanOrEqual(tierAt(p, history, a));
  },
);

test.prop([fc.array(activity, { maxLength: 8 }), instant, fc.integer({ min: 0, max: 60 })], runs)(
  "rolling: a tier is lost only after the amount stayed below its threshold for the grace days",
  (history, at, days) => {
    const p: TierPolicyInput = {
      basis: "spend",
      currency: "EUR",
      timeZone: "UTC",
      window: { type: "rolling", months: 6 },
      retention: { type: "grace", days },
      tiers,
    };
    for (const c of tierStatus(p, history, { at }).changes) {
      if (c.reason === "reached") continue;
      expect(c.reason).toBe(days === 0 ? "fell-below" : "grace-ended");
      const dropMs = Date.parse(c.at);
      // Just before the drop the tier was still held; over the grace days before it, the amount was below.
      expect(tierAt(p, history, new Date(dropMs - 1).toISOString())).toBeGreaterThanOrEqual(rank(c.from ?? undefined));
      for (const back of [days * 86_400_000, (days * 86_400_000) / 2, 0]) {
        const s = tierStatus(p, history, { at: new Date(dropMs - back).toISOString() });
        expect(rank(s.qualifiedTier ?? undefined)).toBeLessThan(rank(c.from ?? undefined));
      }
    }
  },
);

// The tier replay keeps the sorted levels of a frozen policy (a parsed program's) instead of sorting
// them on every call: for any tiers in any order and any history, replaying with the frozen policy
// (again and again, so the kept levels are read) gives what a fresh, unfrozen copy of the same policy
// gives, sorted anew; and a policy that is not frozen is sorted again after it changes.
import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { deepFreeze } from "../../../src/core/json.js";
import { replayTiers } from "../../../src/programs/tiers/_lib/simulate.js";
import { parseTierPolicy } from "../../../src/programs/tiers/parseTierPolicy.js";
import type { TierActivity, TierPolicy } from "../../../src/programs/tiers/tierPolicy.js";

const runs = { numRuns: process.env["DEEP"] === "1" ? 100_000 : 1_000 };
const START = Date.parse("2026-01-01T00:00:00Z");
const END = Date.parse("2028-12-31T00:00:00Z");
const activity = fc.record({
  at: fc.integer({ min: START, max: END }).map((ms) => new Date(ms).toISOString()),
  amount: fc.integer({ min: -300, max: 900 }).map((n) => `${n}.00`),
});
const levels = fc
  .uniqueArray(fc.integer({ min: 1, max: 2_000 }), { minLength: 1, maxLength: 4 })
  .map((ts) => ts.map((t, i) => ({ name: `T${i}`, threshold: String(t), earnMultiplier: "1.5" })));
const window = fc.constantFrom(
  { type: "calendar-year" as const },
  { type: "rolling" as const, months: 3 },
  { type: "lifetime" as const },
);

/** What a replay shows: the held and qualified levels by name, the thresholds and the changes. */
const shown = (policy: TierPolicy, history: TierActivity[], at: number) => {
  const r = replayTiers(policy, history, at);
  return {
    levels: r.levels.map((l) => l.name),
    thresholds: r.thresholds.map((t) => t.toString()),
    held: r.held,
    qualified: r.qualified,
    amount: r.amount.toString(),
    changes: r.changes.map((c) => [c.at, c.from, c.to, c.reason, c.amount.toString()]),
  };
};

test.prop([levels, window, fc.array(activity, { maxLength: 10 }), fc.integer({ min: START, max: END })], runs)(
  "a frozen policy's kept levels replay as a fresh copy sorted anew",
  (tiers, w, history, at) => {
    // Frozen as parseProgram freezes a program (and so its tier policy).
    const policy = deepFreeze(
      parseTierPolicy({ basis: "spend", currency: "EUR", timeZone: "Europe/Berlin", window: w, tiers }),
    );
    const copy = structuredClone(policy) as TierPolicy;
    const h = history as TierActivity[];
    const fresh = shown(copy, h, at);
    expect(shown(policy, h, at)).toEqual(fresh);
    expect(shown(policy, h, at)).toEqual(fresh);
  },
);

test("a policy that is not frozen is sorted again when its thresholds change", () => {
  const policy = structuredClone(
    parseTierPolicy({
      basis: "spend",
      currency: "EUR",
      timeZone: "Europe/Berlin",
      window: { type: "lifetime" },
      tiers: [
        { name: "Silver", threshold: "300" },
        { name: "Gold", threshold: "1000" },
      ],
    }),
  ) as { tiers: { name: string; threshold: string }[] } & TierPolicy;
  const history: TierActivity[] = [{ at: "2026-03-01T10:00:00.000Z", amount: "500" } as TierActivity];
  const at = Date.parse("2026-04-01T00:00:00Z");
  expect(replayTiers(policy, history, at).levels[replayTiers(policy, history, at).held]?.name).toBe("Silver");
  (policy.tiers[1] as { threshold: string }).threshold = "400"; // Gold now reached by the 500 spent
  expect(replayTiers(policy, history, at).levels.map((l) => l.name)).toEqual(["Silver", "Gold"]);
  expect(replayTiers(policy, history, at).levels[replayTiers(policy, history, at).held]?.name).toBe("Gold");
  (policy.tiers[0] as { threshold: string }).threshold = "450"; // Silver above Gold: the order changes
  expect(replayTiers(policy, history, at).levels.map((l) => l.name)).toEqual(["Gold", "Silver"]);
});

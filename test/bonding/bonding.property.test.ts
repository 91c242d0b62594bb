import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  BONDING_SIGNALS,
  bondingReport,
  classifyBonding,
  DEFAULT_BONDING_RULES,
  LoyaltyValidationError,
  parseBondingProfile,
  safeParseBondingProfile,
  type BondingProfile,
  type BondingRulesInput,
  type BondingSignal,
} from "../../src/index.js";

const SIGNALS = BONDING_SIGNALS.map((s) => s.signal) as BondingSignal[];
const RANK = { none: 0, financial: 1, social: 2, structural: 3 } as const;

const value = fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.double({ min: 0, max: 2000, noNaN: true }));
const profile: fc.Arbitrary<BondingProfile> = fc
  .dictionary(fc.constantFrom(...SIGNALS), value, { maxKeys: SIGNALS.length })
  .map((signals) => ({ signals: { ...signals } }));
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const rules: fc.Arbitrary<BondingRulesInput> = fc.record(
  {
    signals: fc
      .dictionary(
        fc.constantFrom(...SIGNALS),
        fc.record({ weight: unit, saturation: fc.double({ min: 0.01, max: 5000, noNaN: true }) }, { requiredKeys: [] }),
      )
      .map((d) => ({ ...d })),
    thresholds: fc.record({ financial: unit, social: unit, structural: unit }, { requiredKeys: [] }),
    relationshipSignals: fc.subarray(SIGNALS),
    weakStructuralCap: unit,
  },
  { requiredKeys: [] },
);
const more = fc.record({ signal: fc.constantFrom(...SIGNALS), delta: fc.double({ min: 0, max: 2000, noNaN: true }) });

function withMore(p: BondingProfile, signal: BondingSignal, delta: number): BondingProfile {
  return { signals: { ...p.signals, [signal]: (p.signals[signal] ?? 0) + delta } };
}

test.prop([profile, more, fc.option(rules, { nil: undefined })])(
  "adding evidence never lowers a bond's strength, under any rules",
  (p, { signal, delta }, r) => {
    const before = classifyBonding(p, r);
    const after = classifyBonding(withMore(p, signal, delta), r);
    after.bonds.forEach((b, i) => expect(b.strength).toBeGreaterThanOrEqual(before.bonds[i]?.strength ?? 0));
  },
);

test.prop([profile, more, fc.option(rules, { nil: undefined })])(
  "the level is monotone in each signal",
  (p, { signal, delta }, r) => {
    expect(RANK[classifyBonding(withMore(p, signal, delta), r).level]).toBeGreaterThanOrEqual(
      RANK[classifyBonding(p, r).level],
    );
  },
);

test.prop([profile])("passing the defaults as rules gives the default result", (p) => {
  expect(classifyBonding(p, DEFAULT_BONDING_RULES)).toEqual(classifyBonding(p));
  expect(classifyBonding(p, {})).toEqual(classifyBonding(p));
});

test.prop([profile, fc.option(rules, { nil: undefined })])(
  "strengths stay in [0, 1], the level is the strongest passing bond, and next is one step up",
  (p, r) => {
    const c = classifyBonding(p, r);
    for (const b of c.bonds) {
      expect(b.strength).toBeGreaterThanOrEqual(0);
      expect(b.strength).toBeLessThanOrEqual(1);
    }
    const passing = c.bonds.filter((b) => b.passes).map((b) => b.type);
    expect(c.level).toBe(passing.at(-1) ?? "none");
    const weakStructural = c.bonds[2]?.limitedBy !== undefined;
    const expected =
      c.level === "none" && weakStructural
        ? "social"
        : { none: "financial", financial: "social", social: "structural", structural: "structural" }[c.level];
    expect(c.next.type).toBe(expected);
  },
);

test.prop([fc.array(profile, { maxLength: 20 })])(
  "a report counts every customer once and its move-up list is sorted by gap",
  (ps) => {
    const withIds = ps.map((p, i) => ({ customerId: `c${i}`, ...p }));
    const r = bondingReport(withIds, { closest: 100 });
    const counted = r.levels.none.count + r.levels.financial.count + r.levels.social.count + r.levels.structural.count;
    expect(counted).toBe(ps.length);
    expect(r.closestToMovingUp.length).toBe(ps.length - r.levels.structural.count);
    for (let i = 1; i < r.closestToMovingUp.length; i++)
      expect(r.closestToMovingUp[i]?.gap).toBeGreaterThanOrEqual(r.closestToMovingUp[i - 1]?.gap ?? 0);
  },
);

test.prop([
  fc.oneof(
    fc.anything(),
    fc.json().map((s) => JSON.parse(s) as unknown),
  ),
])("parseBondingProfile returns a profile or throws a LoyaltyValidationError", (input) => {
  try {
    const p = parseBondingProfile(input);
    expect(parseBondingProfile(JSON.parse(JSON.stringify(p)))).toEqual(p);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyValidationError);
  }
  const r = safeParseBondingProfile(input);
  if (!r.success) expect(r.error).toBeInstanceOf(LoyaltyValidationError);
});

test.prop([fc.anything()])(
  "classifyBonding with arbitrary rules returns a classification or throws a LoyaltyValidationError",
  (r) => {
    try {
      classifyBonding({ signals: { membership: 1 } }, r as never);
    } catch (e) {
      expect(e).toBeInstanceOf(LoyaltyValidationError);
    }
  },
);

// Every parse function and every public function of the module, fed arbitrary values: each returns
// a valid result or throws a LoyaltyError — never a TypeError, never a NaN — and leaves its input alone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as kit from "../../src/index.js";
import { LoyaltyError } from "../../src/index.js";

type Call = (a: unknown, b: unknown) => unknown;

const calls: Record<string, Call> = {
  nps: (a) => kit.nps(a as number[]),
  wilsonInterval: (a, b) => kit.wilsonInterval(a as number, b as number),
  surveySummary: (a, b) => kit.surveySummary(a as never, b as never),
  parseSurveyResponses: (a) => kit.parseSurveyResponses(a),
  retentionRate: (a) => kit.retentionRate(a as never),
  churnRate: (a) => kit.churnRate(a as never),
  parseRetentionCounts: (a) => kit.parseRetentionCounts(a),
  parsePurchaseRecords: (a) => kit.parsePurchaseRecords(a),
  repeatPurchaseRate: (a, b) => kit.repeatPurchaseRate(a as never, b as never),
  cohortRetention: (a, b) => kit.cohortRetention(a as never, b as never),
  purchaseFrequencyIndex: (a, b) => kit.purchaseFrequencyIndex(a as never, b as never),
  parsePurchaseFrequencyOptions: (a) => kit.parsePurchaseFrequencyOptions(a),
  shareOfPurchases: (a, b) => kit.shareOfPurchases(a as never, b as never),
  shareOfPurchasesByCustomer: (a) => kit.shareOfPurchasesByCustomer(a as never),
  parseShareOfPurchasesRows: (a) => kit.parseShareOfPurchasesRows(a),
  loyalSigns: (a) => kit.loyalSigns(a as never),
  parseLoyalSignsObservations: (a) => kit.parseLoyalSignsObservations(a),
  loyaltyStage: (a) => kit.loyaltyStage(a as never),
  parseLoyaltyStageObservations: (a) => kit.parseLoyaltyStageObservations(a),
  loyaltyType: (a) => kit.loyaltyType(a as never),
  parseLoyaltyTypeObservations: (a) => kit.parseLoyaltyTypeObservations(a),
  dickBasu: (a, b) => kit.dickBasu(a as never, b as never),
  parseDickBasuInput: (a) => kit.parseDickBasuInput(a),
  wordOfMouthReach: (a, b) => kit.wordOfMouthReach(a as never, b as never),
  parseWordOfMouthInput: (a) => kit.parseWordOfMouthInput(a),
  retentionEconomics: (a) => kit.retentionEconomics(a as never),
  parseRetentionEconomicsInput: (a) => kit.parseRetentionEconomicsInput(a),
};

const safeCalls: Record<string, (a: unknown) => { success: boolean }> = {
  safeParseSurveyResponses: kit.safeParseSurveyResponses,
  safeParseRetentionCounts: kit.safeParseRetentionCounts,
  safeParsePurchaseRecords: kit.safeParsePurchaseRecords,
  safeParsePurchaseFrequencyOptions: kit.safeParsePurchaseFrequencyOptions,
  safeParseShareOfPurchasesRows: kit.safeParseShareOfPurchasesRows,
  safeParseLoyalSignsObservations: kit.safeParseLoyalSignsObservations,
  safeParseLoyaltyStageObservations: kit.safeParseLoyaltyStageObservations,
  safeParseLoyaltyTypeObservations: kit.safeParseLoyaltyTypeObservations,
  safeParseDickBasuInput: kit.safeParseDickBasuInput,
  safeParseWordOfMouthInput: kit.safeParseWordOfMouthInput,
  safeParseRetentionEconomicsInput: kit.safeParseRetentionEconomicsInput,
};

/** No NaN anywhere in a result (null stands for "no value"). */
function hasNaN(value: unknown, depth = 0): boolean {
  if (typeof value === "number") return Number.isNaN(value);
  if (depth > 6 || typeof value !== "object" || value === null) return false;
  return Object.values(value).some((v) => hasNaN(v, depth + 1));
}

function check(call: Call, a: unknown, b: unknown): void {
  const before = JSON.stringify([a, b], (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v));
  try {
    const result = call(a, b);
    expect(hasNaN(result)).toBe(false);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
  expect(JSON.stringify([a, b], (_k, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))).toBe(before);
}

// 27 functions × 2 generators × 1,000 runs: each case is cheap (microseconds), so the default run count stays.
describe("fuzzed inputs give a typed error or a valid result", () => {
  it.each(Object.entries(calls))("%s with fc.anything()", (_name, call) => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (a, b) => check(call, a, b)));
  });

  it.each(Object.entries(calls))("%s with fc.json()", (_name, call) => {
    fc.assert(fc.property(fc.json(), fc.json(), (a, b) => check(call, JSON.parse(a), JSON.parse(b))));
  });

  it.each(Object.entries(safeCalls))("%s never throws", (_name, safeParse) => {
    fc.assert(
      fc.property(fc.anything(), (a) => {
        const r = safeParse(a);
        expect(typeof r.success).toBe("boolean");
      }),
    );
  });
});

// Near-valid inputs reach past the schema into the arithmetic.
describe("near-valid inputs", () => {
  const num = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.double(), fc.constant(Number.NaN));
  it("nps on arrays of near-scores", () => {
    fc.assert(fc.property(fc.array(num, { maxLength: 20 }), (s) => check(calls["nps"] as Call, s, undefined)));
  });
  it("retention counts", () => {
    fc.assert(
      fc.property(fc.record({ start: num, end: num, acquired: num }), (c) =>
        check(calls["retentionRate"] as Call, c, undefined),
      ),
    );
  });
  it("purchase frequency with odd windows", () => {
    const instant = fc.date({
      noInvalidDate: true,
      min: new Date("1900-01-01T00:00:00Z"),
      max: new Date("2200-01-01T00:00:00Z"),
    });
    fc.assert(
      fc.property(
        fc.oneof(fc.nat(1000), fc.array(instant, { maxLength: 5 })),
        fc.record({
          reference: fc.double({ min: 0, max: 1e6 }),
          period: fc.constantFrom("day", "week", "month", "quarter", "year"),
          from: instant,
          to: instant,
        }),
        (p, o) => check(calls["purchaseFrequencyIndex"] as Call, p, o),
      ),
    );
  });
  it("share of purchases on counts and money", () => {
    const amount = fc.oneof(
      num,
      fc.record({
        amount: fc.constantFrom("0", "1.5", "-2", "100", "1e3"),
        currency: fc.constantFrom("EUR", "USD", "JPY", "XYZ"),
      }),
    );
    fc.assert(fc.property(amount, amount, (a, b) => check(calls["shareOfPurchases"] as Call, a, b)));
  });
});

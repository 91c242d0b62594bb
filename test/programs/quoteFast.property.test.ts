// quote's integer fast path (src/programs/_lib/fast.ts) must give exactly what the Decimal engine
// gives: over random bonus and catalog programs (every earn rule type, decimal rates and factors,
// point scales, the six rounding modes, caps, minimum orders, welcome bonuses, eligibility),
// percentage discounts and cumulative tiers (minimum spends, maximum discounts, windows) and
// random baskets (decimal quantities, prices with more decimals than the currency, zero and huge
// prices, JPY/EUR/KWD), the whole quote is compared deep-equal with the fast path on and off,
// thrown errors included. Where a value is not exactly representable the fast path must decline
// (and quote then takes the Decimal path); it must still cover most generated cases.
import { fc, test } from "@fast-check/vitest";
import { afterAll, expect } from "vitest";
import {
  checkout,
  openProgramAccount,
  post,
  parseBasket,
  parseProgram,
  quote,
  ROUNDING_MODES,
  type ProgramInput,
  type Quote,
} from "../../src/index.js";
import { fastPath, quoteFast } from "../../src/programs/_lib/fast.js";
import { price } from "../../src/programs/_lib/engine.js";

const SKUS = ["A", "B", "C", "D", "E"];
const CATS = ["shoes", "dresses", "bags"];
const KINDS = ["merchandise", "service", "delivery", "gift-card", "fee"] as const;

/** An integer of units as a decimal string with `dp` decimals ("150", 2 → "1.50"). */
function atScale(units: number | bigint, dp: number): string {
  const t = String(units).padStart(dp + 1, "0");
  return dp === 0 ? t : `${t.slice(0, -dp)}.${t.slice(-dp)}`;
}

const currency = fc.constantFrom({ code: "EUR", dp: 2 }, { code: "JPY", dp: 0 }, { code: "KWD", dp: 3 });
const match = fc.oneof(
  fc.record({ categories: fc.subarray(CATS, { minLength: 1 }) }),
  fc.record({ skus: fc.subarray(SKUS, { minLength: 1 }) }),
);
const rule = fc.oneof(
  fc.record(
    {
      type: fc.constant("per-amount" as const),
      points: fc.constantFrom("1", "2", "5", "0.5", "1.25", "0.1", "0.333"),
      // mostly rates that are exact decimals; 1/3, 1/7 and odd amounts make the fast path decline
      per: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.constantFrom("1", "2", "0.5", "10", "100", "1.00", "2.50", "0.25", "5", "20", "0.08"),
        },
        { weight: 1, arbitrary: fc.constantFrom("3", "7") },
        { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((c) => atScale(c, 2)) },
      ),
      match,
    },
    { requiredKeys: ["type", "points", "per"] },
  ),
  fc.record({
    type: fc.constant("multiplier" as const),
    factor: fc.constantFrom("2", "1.5", "3", "1.25", "10", "0.5"),
    match,
  }),
  fc.record({ type: fc.constant("per-unit" as const), points: fc.constantFrom("5", "1", "0.5", "2.25", "10"), match }),
);

/** Points at most `scale` decimals: whole, or with the scale's decimals. */
const pointsAt = (scale: number, max: number) =>
  fc.integer({ min: 1, max: max * 10 ** scale }).map((u) => atScale(u, scale));

const earningProgram: fc.Arbitrary<ProgramInput> = fc
  .record({ cur: currency, scale: fc.integer({ min: 0, max: 3 }), catalog: fc.boolean() })
  .chain(({ cur, scale, catalog }) => {
    const { code, dp } = cur;
    return fc
      .record(
        {
          rules: fc.array(rule, { minLength: 0, maxLength: 6 }),
          rounding: fc.constantFrom(...ROUNDING_MODES),
          minOrder: fc.integer({ min: 0, max: 5000 * 10 ** dp }).map((u) => atScale(u, dp)),
          capPerTransaction: pointsAt(scale, 400),
          capPerPeriod: fc.record({
            points: pointsAt(scale, 800),
            period: fc.constantFrom("day" as const, "week" as const, "month" as const, "year" as const),
          }),
          validityMonths: fc.integer({ min: 1, max: 24 }),
          welcome: fc.record({
            points: pointsAt(scale, 200),
            on: fc.constantFrom("enrollment" as const, "first-purchase" as const),
          }),
          eligibility: fc.record(
            {
              lineKinds: fc.subarray([...KINDS], { minLength: 1 }),
              includeSkus: fc.subarray(SKUS, { minLength: 1 }),
              excludeCategories: fc.subarray(CATS, { maxLength: 1 }),
            },
            { requiredKeys: [] },
          ),
          pointsScale: fc.constant(scale),
          redeem: fc.record(
            {
              pointValue: fc.constantFrom("0.01", "0.05", "1", "0.003", "0.07"),
              maxShare: fc.constantFrom("50", "100", "33.3", "10"),
              minPoints: pointsAt(scale, 300),
              step: fc.oneof(pointsAt(scale, 50), fc.constantFrom("1", "10")),
            },
            { requiredKeys: ["pointValue"] },
          ),
          activeFrom: fc.constantFrom(
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            "2026-01-01T00:00:00Z",
            "2026-03-15T00:00:00Z",
          ),
        },
        { requiredKeys: ["rules", "activeFrom"] },
      )
      .map((r): ProgramInput => {
        const earn = {
          rules: r.rules,
          ...(r.rounding === undefined ? {} : { rounding: r.rounding }),
          ...(r.minOrder === undefined ? {} : { minOrder: r.minOrder }),
          ...(r.capPerTransaction === undefined ? {} : { capPerTransaction: r.capPerTransaction }),
          ...(r.capPerPeriod === undefined ? {} : { capPerPeriod: r.capPerPeriod }),
          ...(r.validityMonths === undefined ? {} : { validityMonths: r.validityMonths }),
        };
        const common = {
          id: "p",
          name: "P",
          currency: code,
          timeZone: "Europe/Berlin",
          active: { from: r.activeFrom },
          ...(r.eligibility === undefined ? {} : { eligibility: r.eligibility }),
          ...(r.pointsScale === undefined && scale === 0 ? {} : { pointsScale: scale }),
          ...(r.welcome === undefined ? {} : { welcomeBonus: r.welcome }),
        };
        return catalog
          ? {
              ...common,
              kind: "catalog",
              ...(r.rules.length === 0 ? {} : { earn }),
              rewards: [{ id: "r", name: "R", pointsCost: "10", gives: { type: "fixed", amount: "1" } }],
            }
          : { ...common, kind: "bonus", earn, ...(r.redeem === undefined ? {} : { redeem: r.redeem }) };
      });
  });

/** Percentage discounts and cumulative tiers, with minimum spends, caps and rounding modes. */
const discountingProgram: fc.Arbitrary<ProgramInput> = currency.chain(({ code, dp }) => {
  const amount = (max: number) => fc.integer({ min: 0, max: max * 10 ** dp }).map((u) => atScale(u, dp));
  const percent = fc.constantFrom("10", "12.5", "33.33", "5", "100", "0.5", "7", "2.75");
  return fc
    .record(
      {
        cumulative: fc.boolean(),
        percent,
        minSpend: amount(500),
        maxDiscount: amount(300),
        rounding: fc.constantFrom(...ROUNDING_MODES),
        eligibility: fc.record(
          { lineKinds: fc.subarray([...KINDS], { minLength: 1 }), excludeSkus: fc.subarray(SKUS, { maxLength: 2 }) },
          { requiredKeys: [] },
        ),
        tiers: fc.uniqueArray(
          fc.record({ threshold: fc.integer({ min: 0, max: 400 }), percent: fc.oneof(percent, fc.constant("0")) }),
          { minLength: 1, maxLength: 4, selector: (t) => t.threshold },
        ),
        window: fc.constantFrom(
          { type: "rolling" as const, months: 12 },
          { type: "calendar-year" as const },
          { type: "lifetime" as const },
        ),
        includeCurrentPurchase: fc.boolean(),
      },
      { requiredKeys: ["cumulative", "percent", "tiers", "window"] },
    )
    .map((r): ProgramInput => {
      const common = {
        id: "p",
        name: "P",
        currency: code,
        timeZone: "Europe/Berlin",
        active: { from: "2026-01-01T00:00:00Z" },
        ...(r.eligibility === undefined ? {} : { eligibility: r.eligibility }),
        ...(r.rounding === undefined ? {} : { rounding: r.rounding }),
        ...(r.maxDiscount === undefined ? {} : { maxDiscount: r.maxDiscount }),
      };
      return r.cumulative
        ? {
            ...common,
            kind: "cumulative",
            window: r.window,
            ...(r.includeCurrentPurchase === undefined ? {} : { includeCurrentPurchase: r.includeCurrentPurchase }),
            tiers: r.tiers.map((t, i) => ({ name: `T${i}`, threshold: String(t.threshold), percent: t.percent })),
          }
        : {
            ...common,
            kind: "discount",
            percent: r.percent,
            ...(r.minSpend === undefined ? {} : { minSpend: r.minSpend }),
          };
    });
});

const programInput: fc.Arbitrary<ProgramInput> = fc.oneof(
  { weight: 2, arbitrary: earningProgram },
  { weight: 1, arbitrary: discountingProgram },
);

/** A unit price in minor units of a currency with `dp` decimals, sometimes with more decimals, zero or huge. */
const unitPrice = (dp: number) =>
  fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: 1, max: 200_000 }).map((u) => atScale(u, dp)) },
    {
      weight: 8,
      arbitrary: fc
        .integer({ min: 1, max: 2_000_000 })
        .chain((u) => fc.integer({ min: 1, max: 3 }).map((extra) => atScale(u, dp + extra))),
    },
    { weight: 2, arbitrary: fc.constant("0") },
    // (rare: one such line in a basket sends the whole quote to the Decimal path)
    { weight: 1, arbitrary: fc.bigInt({ min: 10n ** 12n, max: 10n ** 19n }).map((u) => atScale(u, dp)) },
  );
const quantity = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }).map(String) },
  { weight: 3, arbitrary: fc.constantFrom("0.5", "1.25", "0.333", "2.000001", "0.000001", "1.10", "3.0") },
  { weight: 1, arbitrary: fc.constantFrom("1000000", "999999999", 7) },
);
const linesFor = (dp: number) =>
  fc.array(
    fc.record(
      {
        sku: fc.constantFrom(...SKUS),
        category: fc.constantFrom(...CATS),
        kind: fc.constantFrom(...KINDS, "merchandise", "merchandise"),
        quantity,
        price: unitPrice(dp),
      },
      { requiredKeys: ["sku", "kind", "quantity", "price"] },
    ),
    { minLength: 1, maxLength: 12 },
  );

const caseArb = programInput.chain((input) => {
  const dp = input.currency === "JPY" ? 0 : input.currency === "KWD" ? 3 : 2;
  return fc.record({
    input: fc.constant(input),
    lines: linesFor(dp),
    history: fc.option(linesFor(dp), { nil: undefined }),
    day: fc.integer({ min: 2, max: 28 }),
    opening: fc.integer({ min: 0, max: 20_000 }),
    // a catalog reward is the Decimal path's (the fast path must decline it); points redeemed are not
    extra: fc.oneof(
      fc.constantFrom(
        {},
        {},
        { redeemPoints: "max" as const },
        { redeemPoints: "max" as const },
        { rewardId: "r" },
        { redeemPoints: 0 },
      ),
      fc.integer({ min: 1, max: 20_000 }).map((p) => ({ redeemPoints: p })),
      fc.integer({ min: 1, max: 20_000 }).map((p) => ({
        redeemPoints: atScale(
          p,
          input.kind === "bonus" || input.kind === "catalog" ? Math.min(input.pointsScale ?? 0, 1) : 0,
        ),
      })),
    ),
  });
});

type Outcome = { quote: Quote } | { error: string };
function outcome(f: () => Quote | null): Outcome | null {
  try {
    const q = f();
    return q === null ? null : { quote: q };
  } catch (e) {
    return { error: e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e) };
  }
}

let cases = 0;
let covered = 0;

test.prop([caseArb])(
  "the fast path gives exactly the Decimal engine's quote, or declines",
  ({ input, lines, history, day, opening, extra }) => {
    const program = parseProgram(input);
    const basketOf = (id: string, at: string, ls: NonNullable<typeof history>) =>
      parseBasket({
        id,
        at,
        lines: ls.map((l, i) => ({
          id: String(i + 1),
          sku: l.sku,
          ...(l.category === undefined ? {} : { category: l.category }),
          kind: l.kind,
          quantity: l.quantity,
          unitPrice: { amount: l.price, currency: program.currency },
        })),
      });
    let account = openProgramAccount(program, { customerId: "c", consent: true, at: program.active.from });
    if (opening > 0 && (program.kind === "bonus" || program.kind === "catalog")) {
      account = {
        ...account,
        points: post(account.points, {
          kind: "earn",
          transactionId: "opening",
          at: program.active.from,
          points: String(opening),
        }).account,
      };
    }
    // an earlier purchase: the welcome bonus is gone and points count toward the period cap
    if (history !== undefined) {
      try {
        account = checkout(program, account, basketOf("h", "2026-03-16T09:00:00Z", history), {
          transactionId: "h",
          consent: true,
        }).account;
      } catch {
        // (a history basket the program refuses leaves the account as it was)
      }
    }
    const basket = basketOf("b", `2026-03-${String(day).padStart(2, "0")}T10:00:00Z`, lines);
    const options = { consent: true, ...extra } as const;

    const fast = outcome(() => quoteFast(program, account, basket, options));
    const slow = outcome(() => price(program, account, basket, options).quote);
    cases++;
    if (fast !== null) {
      covered++;
      expect(fast).toEqual(slow);
    }
    // and through the public function, with the module-private switch
    const on = outcome(() => quote(program, account, basket, options));
    fastPath.enabled = false;
    try {
      expect(on).toEqual(outcome(() => quote(program, account, basket, options)));
    } finally {
      fastPath.enabled = true;
    }
  },
);

afterAll(() => {
  // the comparison above is only worth something if the fast path actually runs
  expect(covered).toBeGreaterThan(cases / 2);
});

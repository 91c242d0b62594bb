// The pricing engine works on integer minor units; these properties compare its quotes with a model
// written here on decimal.js, the formulas the engine used before (quantity × unit price rounded
// half-even to the cent; percent of the eligible amount rounded by the program's mode, capped, split
// by money's `allocate`; points per amount summed and rounded once). Rates are chosen so every
// decimal.js step of the model is exact (pers that divide a power of ten), so the model is the spec.
import { fc, test } from "@fast-check/vitest";
import type DecimalJs from "decimal.js";
import { expect } from "vitest";
import {
  allocate,
  Decimal,
  money,
  openProgramAccount,
  parseBasket,
  parseProgram,
  quote,
  type RoundingMode,
} from "../../src/index.js";

const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } } as const;
const MODES: RoundingMode[] = ["half-even", "half-up", "down", "up", "floor", "ceil"];
const DECIMAL_MODE: Record<RoundingMode, DecimalJs.Rounding> = {
  "half-even": Decimal.ROUND_HALF_EVEN,
  "half-up": Decimal.ROUND_HALF_UP,
  down: Decimal.ROUND_DOWN,
  up: Decimal.ROUND_UP,
  floor: Decimal.ROUND_FLOOR,
  ceil: Decimal.ROUND_CEIL,
};

// Quantities: whole units or up to 3 decimals (goods by weight); unit prices: cents, or up to 4
// decimals (a per-kg price), including zero.
const line = fc.record({
  sku: fc.constantFrom("A", "B", "C"),
  category: fc.constantFrom("shoes", "bags"),
  quantity: fc.oneof(
    fc.integer({ min: 1, max: 12 }).map(String),
    fc.integer({ min: 1, max: 9999 }).map((m) => new Decimal(m).div(1000).toString()),
  ),
  price: fc.oneof(
    fc.integer({ min: 0, max: 500_000 }).map((c) => new Decimal(c).div(100).toFixed(2)),
    fc.integer({ min: 0, max: 5_000_000 }).map((c) => new Decimal(c).div(10_000).toString()),
  ),
});
const basketOf = (lines: readonly { sku: string; category: string; quantity: string; price: string }[]) =>
  parseBasket({
    id: "b",
    at: "2026-03-01T10:00:00Z",
    customerId: "c",
    lines: lines.map((l, i) => ({
      id: String(i + 1),
      sku: l.sku,
      category: l.category,
      quantity: l.quantity,
      unitPrice: { amount: l.price, currency: "EUR" },
    })),
  });
const amountOf = (l: { quantity: string; price: string }) =>
  new Decimal(l.quantity).times(l.price).toDecimalPlaces(2, Decimal.ROUND_HALF_EVEN);

test.prop([
  fc.array(line, { minLength: 1, maxLength: 8 }),
  fc.integer({ min: 1, max: 100 }),
  fc.constantFrom(...MODES),
  fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
])("a discount program's quote matches the decimal.js formulas line by line", (lines, percent, rounding, capCents) => {
  const maxDiscount = capCents === undefined ? undefined : new Decimal(capCents).div(100).toFixed(2);
  const program = parseProgram({
    ...common,
    kind: "discount",
    id: "d",
    name: "D",
    percent: String(percent),
    rounding,
    ...(maxDiscount === undefined ? {} : { maxDiscount }),
  });
  const q = quote(program, openProgramAccount(program, {}), basketOf(lines), {});
  const amounts = lines.map(amountOf);
  const base = amounts.reduce((a, b) => a.plus(b), new Decimal(0));
  let d = base.times(percent).div(100).toDecimalPlaces(2, DECIMAL_MODE[rounding]);
  if (maxDiscount !== undefined && d.gt(maxDiscount)) d = new Decimal(maxDiscount);
  const shares =
    base.isZero() || d.isZero()
      ? amounts.map(() => new Decimal(0))
      : allocate(money(d, "EUR"), amounts).map((m) => m.amount);
  expect(q.gross.amount).toBe(base.toFixed(2));
  expect(q.discountTotal.amount).toBe(base.isZero() ? "0.00" : d.toFixed(2));
  expect(q.lines.map((l) => [l.gross.amount, l.discount.amount, l.net.amount])).toEqual(
    amounts.map((a, i) => [a.toFixed(2), (shares[i] as Decimal).toFixed(2), a.minus(shares[i] as Decimal).toFixed(2)]),
  );
});

// Points per amount with pers that divide a power of ten (0.25, 0.50, 1.00, 2.00, 2.50, 5.00), so
// decimal.js holds every rate exactly; multipliers 1.5, 2, 3.
const rule = fc.oneof(
  fc.record({
    type: fc.constant("per-amount" as const),
    points: fc.integer({ min: 1, max: 5 }).map(String),
    per: fc.constantFrom("0.25", "0.50", "1.00", "2.00", "2.50", "5.00"),
    category: fc.option(fc.constantFrom("shoes", "bags"), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant("multiplier" as const),
    factor: fc.constantFrom("1.5", "2", "3"),
    category: fc.constantFrom("shoes", "bags"),
  }),
);

test.prop([
  fc.array(line, { minLength: 1, maxLength: 8 }),
  fc.array(rule, { minLength: 1, maxLength: 4 }),
  fc.constantFrom(0, 1, 2),
  fc.constantFrom<RoundingMode>("floor", "half-even", "half-up", "ceil"),
])("a bonus program's points match the decimal.js sum of the rules, rounded once", (lines, rules, scale, rounding) => {
  const program = parseProgram({
    ...common,
    kind: "bonus",
    id: "b",
    name: "B",
    pointsScale: scale,
    earn: {
      rounding,
      rules: rules.map((r) =>
        r.type === "per-amount"
          ? {
              type: r.type,
              points: r.points,
              per: r.per,
              ...(r.category === undefined ? {} : { match: { categories: [r.category] } }),
            }
          : { type: r.type, factor: r.factor, match: { categories: [r.category] } },
      ),
    },
  });
  const account = openProgramAccount(program, { customerId: "c", consent: true });
  const q = quote(program, account, basketOf(lines), { consent: true });
  let raw = new Decimal(0);
  for (const l of lines) {
    const net = amountOf(l);
    let p = new Decimal(0);
    let factor: Decimal | null = null;
    for (const r of rules) {
      if (r.type === "per-amount") {
        if ((r.category === undefined || r.category === l.category) && !net.isZero())
          p = p.plus(net.times(r.points).div(r.per));
      } else if (r.category === l.category && (factor === null || factor.lt(r.factor))) factor = new Decimal(r.factor);
    }
    raw = raw.plus(factor === null ? p : p.times(factor));
  }
  const total = raw.toDecimalPlaces(scale, DECIMAL_MODE[rounding]);
  expect(q.pointsEarned).toBe(total.toFixed(scale));
  const perLine = q.lines.reduce((a, l) => a.plus(l.pointsEarned), new Decimal(0));
  expect(perLine.toFixed(scale)).toBe(total.toFixed(scale));
  expect(
    q.explain.at(-1)?.reason.startsWith(`${raw.toFixed(Math.max(scale, 2), Decimal.ROUND_HALF_EVEN)} points on`),
  ).toBe(true);
});

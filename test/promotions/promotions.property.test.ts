import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import { Decimal, openProgramAccount, parseBasket, parseProgram, quote, type ProgramInput } from "../../src/index.js";

// Invariants of every promotion on any basket: no line below zero, no "-0.00", a line's discount never
// above its gross, the lines add up to the totals, and the total is gross − discount.
const common = { currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" } } as const;
const SKUS = ["A", "B", "C"];
const cents = (min: number, max: number) => fc.integer({ min, max }).map((c) => new Decimal(c).div(100).toFixed(2));
const match = fc.option(fc.record({ skus: fc.subarray(SKUS, { minLength: 1 }) }), { nil: undefined });
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const rule = fc.oneof(
  fc.record({
    type: fc.constant("amount-off"),
    amount: cents(1, 20_000),
    match,
    minSpend: fc.option(cents(0, 10_000), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant("buy-x-get-y"),
    buy: fc.record({ quantity: fc.integer({ min: 1, max: 4 }), match }).map(strip),
    get: fc
      .record({
        quantity: fc.integer({ min: 1, max: 3 }),
        match,
        percent: fc.option(fc.integer({ min: 1, max: 100 }).map(String), { nil: undefined }),
      })
      .map(strip),
    free: fc.option(fc.constantFrom("cheapest", "most-expensive"), { nil: undefined }),
    allocation: fc.option(fc.constantFrom("bundle", "free-units"), { nil: undefined }),
    maxApplications: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  }),
  fc.record({
    type: fc.constant("gift"),
    gift: fc.record({ sku: fc.constantFrom(...SKUS), unitPrice: cents(1, 5_000) }),
    when: fc.record({ minSpend: fc.option(cents(0, 5_000), { nil: undefined }) }).map(strip),
  }),
);

const lines = fc.array(
  fc.record({
    sku: fc.constantFrom(...SKUS),
    quantity: fc.oneof(fc.integer({ min: 1, max: 7 }).map(String), fc.constantFrom("0.5", "1.250")),
    price: cents(0, 10_000),
    kind: fc.constantFrom("merchandise", "merchandise", "delivery"),
  }),
  { minLength: 1, maxLength: 6 },
);

// 1,000 runs in the default suite (under 2 s at load 4 on the 2-core machine); DEEP=1 runs 100,000.
const numRuns = process.env["DEEP"] === "1" ? 100_000 : 1_000;

test.prop([rule, lines], { numRuns })("promotions never take a line below zero and always add up", (r, ls) => {
  const program = parseProgram({ ...common, kind: "promotion", id: "p", name: "P", rule: strip(r) } as ProgramInput);
  const basket = parseBasket({
    id: "b",
    at: "2026-03-01T10:00:00Z",
    lines: ls.map((l, i) => ({
      id: String(i),
      sku: l.sku,
      kind: l.kind,
      quantity: l.quantity,
      unitPrice: { amount: l.price, currency: "EUR" },
    })),
  });
  const q = quote(program, openProgramAccount(program), basket);
  let discount = new Decimal(0);
  for (const l of q.lines) {
    for (const m of [l.gross, l.discount, l.net]) expect(m.amount.startsWith("-")).toBe(false);
    expect(new Decimal(l.discount.amount).lte(l.gross.amount)).toBe(true);
    expect(new Decimal(l.gross.amount).minus(l.discount.amount).eq(l.net.amount)).toBe(true);
    if (!l.eligible && r.type !== "gift") expect(l.discount.amount).toBe("0.00");
    discount = discount.plus(l.discount.amount);
  }
  expect(discount.toFixed(2)).toBe(q.discountTotal.amount);
  expect(new Decimal(q.gross.amount).minus(q.discountTotal.amount).toFixed(2)).toBe(q.total.amount);
  if (r.type === "amount-off") expect(discount.lte(r.amount)).toBe(true);
});

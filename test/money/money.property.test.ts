import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  add,
  allocate,
  Decimal,
  LoyaltyError,
  minorUnits,
  money,
  parseMoney,
  round,
  safeParseMoney,
  subtract,
  toJSON,
  ROUNDING_MODES,
  equals,
} from "../../src/index.js";

const currency = fc.constantFrom("USD", "EUR", "JPY", "KWD", "CLF", "IDR");
// An amount with up to 6 decimals, as a decimal string.
const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => new Decimal(units.toString()).div(new Decimal(10).pow(scale)).toFixed());
const ratio = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc
    .double({ min: 0, max: 1e6, noNaN: true })
    .map((d) => d.toString())
    .filter((s) => /^\d+(\.\d+)?$/.test(s)),
);

test.prop([
  currency,
  amount,
  fc.array(ratio, { minLength: 1, maxLength: 30 }).filter((rs) => rs.some((r) => Number(r) > 0)),
])(
  "allocate: shares sum exactly to the total, keep its sign, and each is within one minor unit of its exact proportion",
  (c, a, ratios) => {
    const total = round(money(a, c));
    const shares = allocate(total, ratios);
    expect(shares).toHaveLength(ratios.length);
    const sum = shares.reduce((s, m) => s.plus(m.amount), new Decimal(0));
    expect(sum.eq(total.amount)).toBe(true);
    const unit = new Decimal(10).pow(-(minorUnits(c) ?? 0));
    const weight = ratios.reduce<Decimal>((s, r) => s.plus(r), new Decimal(0));
    shares.forEach((share, i) => {
      const exact = total.amount.times(ratios[i] ?? 0).div(weight);
      expect(share.amount.minus(exact).abs().lt(unit)).toBe(true);
      if (total.amount.gte(0)) expect(share.amount.gte(0)).toBe(true);
      else expect(share.amount.lte(0)).toBe(true);
      expect(share.amount.decimalPlaces()).toBeLessThanOrEqual(minorUnits(c) ?? 0);
    });
  },
);

test.prop([
  fc.bigInt({ min: 0n, max: 10n ** 30n }),
  fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 12 }).filter((rs) => rs.some((r) => r > 0)),
])("allocate hands the units left over to the largest exact remainders, ties to the earlier share", (cents, ratios) => {
  const total = money(new Decimal(cents.toString()).div(100).toFixed(), "USD");
  const shares = allocate(total, ratios).map((m) => BigInt(m.amount.times(100).toFixed()));
  // Exact rational remainders: share i is cents × r_i / W; its remainder is (cents × r_i) mod W.
  const W = BigInt(ratios.reduce((a, b) => a + b, 0));
  const r = ratios.map((x) => (cents * BigInt(x)) % W);
  const extra = ratios.map((x, i) => (shares[i] as bigint) - (cents * BigInt(x)) / W);
  for (const e of extra) expect(e === 0n || e === 1n).toBe(true);
  // A share without the extra unit never has a larger remainder than one with it, nor an equal one
  // earlier in the list.
  for (let i = 0; i < ratios.length; i++) {
    for (let j = 0; j < ratios.length; j++) {
      if (extra[i] === 0n && extra[j] === 1n) {
        const ri = r[i] as bigint;
        const rj = r[j] as bigint;
        expect(ri < rj || (ri === rj && i > j)).toBe(true);
      }
    }
  }
});

test.prop([currency, amount, amount])("add then subtract returns the original amount", (c, a, b) => {
  const x = money(a, c);
  const y = money(b, c);
  expect(equals(subtract(add(x, y), y), x)).toBe(true);
  expect(equals(add(x, y), add(y, x))).toBe(true);
});

test.prop([currency, amount, fc.constantFrom(...ROUNDING_MODES)])(
  "rounding is idempotent and lands on the minor unit",
  (c, a, mode) => {
    const once = round(money(a, c), mode);
    expect(equals(round(once, mode), once)).toBe(true);
    expect(once.amount.decimalPlaces()).toBeLessThanOrEqual(minorUnits(c) ?? 0);
    expect(
      once.amount
        .minus(a)
        .abs()
        .lt(new Decimal(10).pow(-(minorUnits(c) ?? 0))),
    ).toBe(true);
  },
);

test.prop([currency, amount])("JSON round-trip gives an equal value", (c, a) => {
  const m = money(a, c);
  expect(equals(parseMoney(JSON.parse(JSON.stringify(toJSON(m)))), m)).toBe(true);
});

test.prop([
  fc.oneof(
    fc.anything(),
    fc.json().map((s) => JSON.parse(s) as unknown),
  ),
])("parseMoney fuzz: a Money or a LoyaltyError, never anything else", (input) => {
  const r = safeParseMoney(input);
  if (r.success) expect(typeof r.data.currency).toBe("string");
  else expect(r.error).toBeInstanceOf(LoyaltyError);
  try {
    parseMoney(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
});

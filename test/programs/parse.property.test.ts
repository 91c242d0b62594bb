import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  LoyaltyError,
  parseBasket,
  parseCatalogStock,
  parseProgram,
  parseProgramAccount,
  safeParseBasket,
  safeParseProgram,
} from "../../src/index.js";

// Fuzz: whatever comes in, the parsers return valid data or throw a LoyaltyError — nothing else.
function onlyLoyaltyErrors(parse: (x: unknown) => unknown, input: unknown): void {
  try {
    parse(input);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
}

const nearProgram = fc.record(
  {
    kind: fc.constantFrom("discount", "cumulative", "bonus", "catalog", "stamps", "other"),
    id: fc.oneof(fc.string(), fc.anything()),
    name: fc.string(),
    currency: fc.constantFrom("EUR", "JPY", "XYZ", "eur"),
    timeZone: fc.constantFrom("Europe/Berlin", "Mars/Olympus", "UTC"),
    active: fc.oneof(
      fc.record({ from: fc.constantFrom("2026-01-01T00:00:00Z", "yesterday", "2026-02-30T00:00:00Z") }),
      fc.anything(),
    ),
    percent: fc.oneof(fc.constantFrom("10", "0", "100", "101", "-1", "1e2", "NaN"), fc.anything()),
    tiers: fc.array(
      fc.record({
        name: fc.string(),
        threshold: fc.constantFrom("0", "1000", "1000.00", "-5"),
        percent: fc.constantFrom("0", "5", "200"),
      }),
    ),
    window: fc.constantFrom({ type: "lifetime" }, { type: "rolling", months: 12 }, { type: "rolling", months: 0 }),
    earn: fc.anything(),
    __proto__: fc.anything(),
  },
  { requiredKeys: [] },
);

test.prop([fc.anything()])("parseProgram on anything: a program or a LoyaltyError", (x) =>
  onlyLoyaltyErrors(parseProgram, x),
);
test.prop([fc.json().map((s) => JSON.parse(s) as unknown)])(
  "parseProgram on any JSON: a program or a LoyaltyError",
  (x) => onlyLoyaltyErrors(parseProgram, x),
);
test.prop([nearProgram])("parseProgram on near-programs: a program or a LoyaltyError; safeParse agrees", (x) => {
  onlyLoyaltyErrors(parseProgram, x);
  const r = safeParseProgram(x);
  let threw = false;
  try {
    parseProgram(x);
  } catch {
    threw = true;
  }
  expect(r.success).toBe(!threw);
});

const nearBasket = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer()),
    at: fc.constantFrom("2026-03-01T10:00:00Z", "2026-03-01", "nope", new Date(Number.NaN)),
    lines: fc.array(
      fc.record(
        {
          id: fc.constantFrom("1", "2", "1"),
          sku: fc.string(),
          kind: fc.constantFrom("merchandise", "delivery", "cash"),
          quantity: fc.oneof(
            fc.constantFrom("1", "0", "-1", "0.5", "1e3", 2, 0.5, Number.NaN, Infinity),
            fc.anything(),
          ),
          unitPrice: fc.oneof(
            fc.record({ amount: fc.constantFrom("1.00", "-1", "abc"), currency: fc.constantFrom("EUR", "USD", "XXX") }),
            fc.anything(),
          ),
        },
        { requiredKeys: ["id", "sku", "quantity", "unitPrice"] },
      ),
    ),
  },
  { requiredKeys: [] },
);

test.prop([fc.anything()])("parseBasket on anything: a basket or a LoyaltyError", (x) =>
  onlyLoyaltyErrors(parseBasket, x),
);
test.prop([fc.json().map((s) => JSON.parse(s) as unknown)])(
  "parseBasket on any JSON: a basket or a LoyaltyError",
  (x) => onlyLoyaltyErrors(parseBasket, x),
);
test.prop([nearBasket])(
  "parseBasket on near-baskets: valid ones have positive quantities, unique ids and one currency",
  (x) => {
    const r = safeParseBasket(x);
    if (r.success) {
      const ids = r.data.lines.map((l) => l.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const l of r.data.lines) expect(l.quantity.gt(0)).toBe(true);
      expect(new Set(r.data.lines.map((l) => l.unitPrice.currency)).size).toBe(1);
    } else {
      expect(r.error).toBeInstanceOf(LoyaltyError);
    }
  },
);

test.prop([fc.anything()])("parseProgramAccount on anything: an account or a LoyaltyError", (x) =>
  onlyLoyaltyErrors(parseProgramAccount, x),
);
test.prop([fc.anything()])("parseCatalogStock on anything: a stock or a LoyaltyError", (x) =>
  onlyLoyaltyErrors(parseCatalogStock, x),
);
test.prop([
  fc.record(
    {
      programId: fc.oneof(fc.string(), fc.constant("gifts")),
      rewards: fc.array(
        fc.record({
          rewardId: fc.constantFrom("a", "b", ""),
          remaining: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.double()),
        }),
      ),
      applied: fc.array(fc.string()),
    },
    { requiredKeys: [] },
  ),
])("parseCatalogStock on near-stocks: valid ones have unique rewards and whole, non-negative counts", (x) => {
  try {
    const s = parseCatalogStock(x);
    expect(new Set(s.rewards.map((r) => r.rewardId)).size).toBe(s.rewards.length);
    for (const r of s.rewards) expect(Number.isInteger(r.remaining) && r.remaining >= 0).toBe(true);
    expect(parseCatalogStock(JSON.parse(JSON.stringify(s)))).toEqual(s);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
});

test("parseCatalogStock reads a stock of -0 as 0, so a JSON round trip gives an equal stock", () => {
  const s = parseCatalogStock({ programId: "gifts", rewards: [{ rewardId: "a", remaining: -0 }], applied: [] });
  expect(Object.is(s.rewards[0]?.remaining, 0)).toBe(true);
  expect(parseCatalogStock(JSON.parse(JSON.stringify(s)))).toEqual(s);
});

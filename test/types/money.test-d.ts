import { expectTypeOf, test } from "vitest";
import type { Decimal, Money, MoneyJson, RoundingMode } from "../../src/index.js";
import { allocate, compare, money, parseMoney, round, safeParseMoney, toJSON } from "../../src/index.js";

test("money signatures", () => {
  expectTypeOf(money).parameter(0).toEqualTypeOf<string | number | Decimal>();
  expectTypeOf(money("1", "EUR")).toEqualTypeOf<Money>();
  expectTypeOf<Money["amount"]>().toEqualTypeOf<Decimal>();
  expectTypeOf(allocate).returns.toEqualTypeOf<Money[]>();
  expectTypeOf(compare).returns.toEqualTypeOf<-1 | 0 | 1>();
  expectTypeOf(round).parameter(1).toEqualTypeOf<RoundingMode | undefined>();
  expectTypeOf(toJSON).returns.toEqualTypeOf<MoneyJson>();
  expectTypeOf<MoneyJson>().toEqualTypeOf<{ amount: string; currency: string }>();
  expectTypeOf(parseMoney).returns.toEqualTypeOf<Money>();
  const r = safeParseMoney({});
  if (r.success) expectTypeOf(r.data).toEqualTypeOf<Money>();
});

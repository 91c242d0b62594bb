import { expectTypeOf, test } from "vitest";
import {
  bondingReport,
  classifyBonding,
  DEFAULT_BONDING_RULES,
  type BondingClassification,
  type BondingReport,
  type BondingSignal,
  type BondType,
} from "../../src/index.js";

test("bond types and signal names are closed string unions", () => {
  expectTypeOf<BondType>().toEqualTypeOf<"financial" | "social" | "structural">();
  expectTypeOf<"membership">().toExtend<BondingSignal>();
  expectTypeOf<"loyalty">().not.toExtend<BondingSignal>();
});

test("classifyBonding returns a level, bonds and next", () => {
  expectTypeOf(classifyBonding).returns.toEqualTypeOf<BondingClassification>();
  expectTypeOf<BondingClassification["level"]>().toEqualTypeOf<"none" | BondType>();
  classifyBonding({ signals: {} }, DEFAULT_BONDING_RULES);
  // @ts-expect-error unknown signal
  classifyBonding({ signals: { loyalty: 1 } });
  expectTypeOf(bondingReport).returns.toEqualTypeOf<BondingReport>();
});

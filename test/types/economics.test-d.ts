import { expectTypeOf, test } from "vitest";
import type { CheckoutResult, MoneyJson, PeriodFigures, ProgramSimulation, SimulatedSale } from "../../src/index.js";
import { mergeSimulations, programFigures, simulateProgram } from "../../src/index.js";

test("simulateProgram takes program JSON and returns a simulation with nullable liability", () => {
  expectTypeOf(simulateProgram).parameter(1).toEqualTypeOf<readonly SimulatedSale[]>();
  expectTypeOf(simulateProgram).returns.toEqualTypeOf<ProgramSimulation>();
  expectTypeOf<ProgramSimulation["liability"]>().toEqualTypeOf<MoneyJson | null>();
  expectTypeOf(mergeSimulations).returns.toEqualTypeOf<ProgramSimulation>();
});

test("programFigures accepts the records checkout returns", () => {
  expectTypeOf<{ customerId: string; record: CheckoutResult }>().toExtend<
    Parameters<typeof programFigures>[0][number]
  >();
  expectTypeOf(programFigures).returns.toEqualTypeOf<readonly PeriodFigures[]>();
  expectTypeOf<PeriodFigures["participation"]>().toEqualTypeOf<string | null>();
});

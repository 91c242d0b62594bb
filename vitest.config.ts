import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Three projects: `unit` (example tests, tests of the built package), `property` (fast-check; at
// least 1,000 runs per property, 100,000 with DEEP=1 via `npm run test:deep`), `types` (expectTypeOf).
// `isolate: false`: test files of one worker share the module cache, so the library is imported once
// per worker instead of once per file (vitest spent 157 of 336 s importing; 12 s without isolation).
// Safe here because no test mocks modules, stubs globals or fakes timers: keep it that way.
// `maxWorkers`: every core. vitest's default leaves one core idle (cores − 1), which on the 2-core
// machine ran the suite in one worker: 161 s against 103 s with two. `npm run test:pg` runs its
// PostgreSQL files one at a time (`--maxWorkers=1`), as they share one server.

// Example-test files that also hold a property (fast-check) test: they run in the property project,
// so `npm run test:deep` (DEEP=1, property project only) runs their properties at 100,000 too.
const propertiesInExampleFiles = [
  "test/ledger/late.test.ts",
  "test/crm/planActions.test.ts",
  "test/ledger/stored.test.ts",
  "test/analytics/customerTable.test.ts",
];

export default defineConfig({
  test: {
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: "unit",
          isolate: false,
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.property.test.ts", ...propertiesInExampleFiles],
        },
      },
      {
        test: {
          name: "property",
          isolate: false,
          include: ["test/**/*.property.test.ts", ...propertiesInExampleFiles],
          setupFiles: ["test/setup/fast-check.ts"],
          // A property is one synchronous fc.assert loop: vitest can only mark it failed after it ends.
          // 100,000 model-based ledger sequences take ~15 minutes on a busy 2-core machine.
          testTimeout: process.env["DEEP"] === "1" ? 4 * 3_600_000 : 600_000,
        },
      },
      {
        test: {
          name: "types",
          include: [],
          typecheck: {
            enabled: true,
            only: true,
            include: ["test/**/*.test-d.ts"],
            tsconfig: "./tsconfig.json",
          },
        },
      },
    ],
  },
});

import { defineConfig } from "vitest/config";

// Three projects: `unit` (example tests, tests of the built package), `property` (fast-check; at
// least 1,000 runs per property, 100,000 with DEEP=1 via `npm run test:deep`), `types` (expectTypeOf).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.property.test.ts"],
        },
      },
      {
        test: {
          name: "property",
          include: ["test/**/*.property.test.ts"],
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

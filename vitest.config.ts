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
          testTimeout: 600_000,
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

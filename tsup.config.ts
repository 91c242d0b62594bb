import { defineConfig } from "tsup";

// One output file per source file (bundle: false) so that, with "sideEffects": false,
// a user's bundler drops every module that is not imported. Declarations come from tsc
// (scripts/finish-build.mjs), which also points the CJS files' relative requires at `.cjs`.
export default defineConfig({
  entry: ["src/**/*.ts"],
  format: ["esm", "cjs"],
  bundle: false,
  dts: false,
  clean: true,
  sourcemap: false,
  target: "es2022",
  outDir: "dist",
  splitting: false,
  treeshake: false,
});

import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// Runs against the built package (npm test builds first): an error thrown by the CJS build is
// `instanceof` the ESM build's classes and the other way round.
const require = createRequire(import.meta.url);

describe("built package, ESM and CJS", () => {
  it("instanceof works across the two builds", async () => {
    const esm = (await import("../../dist/index.js")) as unknown as typeof import("../../src/index.js");
    const cjs = require("../../dist/index.cjs") as unknown as typeof import("../../src/index.js");
    expect(esm.LoyaltyError).not.toBe(cjs.LoyaltyError);
    const fromCjs = new cjs.CurrencyMismatchError("EUR", "USD");
    const fromEsm = new esm.VersionConflictError(1, 2);
    expect(fromCjs).toBeInstanceOf(esm.LoyaltyError);
    expect(fromCjs).toBeInstanceOf(esm.CurrencyMismatchError);
    expect(fromCjs).not.toBeInstanceOf(esm.VersionConflictError);
    expect(fromEsm).toBeInstanceOf(cjs.VersionConflictError);
    expect(fromEsm).toBeInstanceOf(cjs.LoyaltyError);
  }, 30_000); // imports every dist file twice (ESM and CJS): seconds on a busy 2-core machine
});

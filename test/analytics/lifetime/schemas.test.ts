import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  parseBgNbdParams,
  parseGammaGammaParams,
  safeParseBgNbdParams,
  safeParseGammaGammaParams,
} from "../../../src/index.js";

describe("parseBgNbdParams / parseGammaGammaParams", () => {
  it("round-trips parameters through JSON and drops other keys (a fit's logLikelihood)", () => {
    const fit = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 };
    expect(parseBgNbdParams(JSON.parse(JSON.stringify(fit)))).toEqual({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
    expect(parseGammaGammaParams({ p: 6.25, q: 3.74, v: 15.44, customers: 946 })).toEqual({
      p: 6.25,
      q: 3.74,
      v: 15.44,
    });
  });

  it("lists every bad parameter with its path", () => {
    const r = safeParseBgNbdParams({ r: "0.2", alpha: -1, a: Number.NaN });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path[0])).toEqual(["r", "alpha", "a", "b"]);
    expect(() => parseGammaGammaParams({ p: 1, q: 0, v: 1 })).toThrow(/q: expected a finite positive number, got 0/);
    expect(safeParseGammaGammaParams([]).success).toBe(false);
    expect(() => parseBgNbdParams(null)).toThrow(LoyaltyValidationError);
  });
});

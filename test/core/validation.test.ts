import * as z from "zod/mini";
import { describe, expect, it } from "vitest";
import {
  DecimalString,
  formatIssues,
  Instant,
  instantSchema,
  makeParsers,
  NonNegativeDecimalString,
  PositiveDecimalString,
} from "../../src/core/validation.js";
import { LoyaltyValidationError } from "../../src/errors/errors.js";

const Price = z.object({ amount: NonNegativeDecimalString, at: Instant });
const { parse, safeParse } = makeParsers(Price, "price");

describe("core validation", () => {
  it("parse returns data; safeParse never throws, even when a getter throws", () => {
    expect(parse({ amount: "12.50", at: "2026-01-31T10:00:00+01:00" })).toEqual({
      amount: "12.50",
      at: "2026-01-31T09:00:00.000Z",
    });
    const hostile = {
      get amount(): string {
        throw new Error("boom");
      },
      at: "2026-01-31T10:00:00Z",
    };
    const r = safeParse(hostile);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error).toBeInstanceOf(LoyaltyValidationError);
  });

  it("says what is wrong: a number given as an amount, a negative price", () => {
    expect(() => parse({ amount: 12.5, at: "2026-01-31T10:00:00Z" })).toThrow(
      /price: amount: must be a non-negative decimal string such as "12.50", not a number \(write "12.5"\)/,
    );
    expect(() => parse({ amount: "-3", at: "2026-01-31T10:00:00Z" })).toThrow(/amount: must not be negative/);
    expect(() => z.parse(PositiveDecimalString, "0")).toThrow(/must be positive, got zero/);
    expect(z.safeParse(DecimalString, "-3").success).toBe(true);
    expect(z.safeParse(DecimalString, "1e3").success).toBe(false);
  });

  it("instants follow the core rule, date-only only when asked", () => {
    expect(safeParse({ amount: "1", at: "2026-02-30T00:00:00Z" }).success).toBe(false);
    expect(z.safeParse(Instant, "2025-03-31").success).toBe(false);
    expect(z.parse(instantSchema({ dateOnly: "utc-midnight" }), "2025-03-31")).toBe("2025-03-31T00:00:00.000Z");
  });

  it("formats issues one way and counts those after the first 20", () => {
    const issues = Array.from({ length: 23 }, (_, i) => ({ path: ["lines", i], message: "bad" }));
    const text = formatIssues(issues, "basket");
    expect(text.startsWith("basket: lines.0: bad; lines.1: bad")).toBe(true);
    expect(text).toContain("lines.19: bad; and 3 more issues");
    expect(text).not.toContain("lines.20");
    expect(new LoyaltyValidationError(issues).message).toContain("and 3 more issues");
    expect(formatIssues([{ path: [], message: "expected an object" }])).toBe("expected an object");
  });
});

import { describe, expect, it } from "vitest";
import {
  churnRate,
  LoyaltyValidationError,
  parseRetentionCounts,
  retentionRate,
  safeParseRetentionCounts,
} from "../../src/index.js";

describe("retentionRate and churnRate", () => {
  it("keeps 520 of 600: start 600, end 620, acquired 100 → 86.7% retained, 13.3% churned", () => {
    // (620 − 100) / 600 = 520 / 600 = 0.8666…; churn 80 / 600 = 0.1333…
    expect(retentionRate({ start: 600, end: 620, acquired: 100 })).toBeCloseTo(0.866667, 6);
    expect(churnRate({ start: 600, end: 620, acquired: 100 })).toBeCloseTo(0.133333, 6);
  });

  it("retains everyone when nobody left and nobody came", () => {
    expect(retentionRate({ start: 50, end: 50, acquired: 0 })).toBe(1);
    expect(churnRate({ start: 50, end: 50, acquired: 0 })).toBe(0);
  });

  it("loses half: the warning case of CRM practice, 200 → 100 with none acquired", () => {
    expect(retentionRate({ start: 200, end: 100, acquired: 0 })).toBe(0.5);
    expect(churnRate({ start: 200, end: 130, acquired: 30 })).toBe(0.5);
  });

  it("has no rate for a shop with no customers at the start (null, not NaN)", () => {
    expect(retentionRate({ start: 0, end: 40, acquired: 40 })).toBeNull();
    expect(churnRate({ start: 0, end: 0, acquired: 0 })).toBeNull();
  });

  it("rejects counts that cannot happen, naming the field", () => {
    const more = safeParseRetentionCounts({ start: 10, end: 5, acquired: 6 });
    expect(more.success).toBe(false);
    if (!more.success) expect(more.error.issues[0]?.path).toEqual(["acquired"]);
    expect(() => retentionRate({ start: 10, end: 30, acquired: 5 })).toThrow(
      /end: expected end − acquired \(25 kept\) to be at most start \(10\)/,
    );
    expect(() => retentionRate({ start: -1, end: 0, acquired: 0 })).toThrow(LoyaltyValidationError);
    expect(() => retentionRate({ start: 1.5, end: 0, acquired: 0 })).toThrow(LoyaltyValidationError);
    expect(() => retentionRate({ start: Number.NaN, end: 0, acquired: 0 })).toThrow(LoyaltyValidationError);
    expect(() => parseRetentionCounts({ start: 1, end: 1, acquired: 0, lost: 0 })).toThrow(LoyaltyValidationError);
  });
});

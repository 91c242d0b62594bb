import { describe, expect, it } from "vitest";
import { cohortRetention, LoyaltyValidationError } from "../../src/index.js";

// Jan cohort: ana, budi, citra, dewi; Feb cohort: eko, fajar; Mar cohort: gita.
const purchases = [
  { customerId: "ana", at: "2026-01-03T10:00:00Z" },
  { customerId: "budi", at: "2026-01-09T10:00:00Z" },
  { customerId: "citra", at: "2026-01-15T10:00:00Z" },
  { customerId: "dewi", at: "2026-01-28T10:00:00Z" },
  { customerId: "ana", at: "2026-02-02T10:00:00Z" },
  { customerId: "budi", at: "2026-02-20T10:00:00Z" },
  { customerId: "eko", at: "2026-02-05T10:00:00Z" },
  { customerId: "fajar", at: "2026-02-25T10:00:00Z" },
  { customerId: "ana", at: "2026-03-10T10:00:00Z" },
  { customerId: "eko", at: "2026-03-11T10:00:00Z" },
  { customerId: "gita", at: "2026-03-12T10:00:00Z" },
  { customerId: "ana", at: "2026-03-20T10:00:00Z" },
];

describe("cohortRetention", () => {
  it("builds the staircase: January 4 → 2 → 1, February 2 → 1, March 1", () => {
    const t = cohortRetention(purchases);
    expect(t.timeZone).toBe("UTC");
    expect(t.months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(t.cohorts).toEqual([
      { cohort: "2026-01", size: 4, active: [4, 2, 1], rates: [1, 0.5, 0.25] },
      { cohort: "2026-02", size: 2, active: [2, 1], rates: [1, 0.5] },
      { cohort: "2026-03", size: 1, active: [1], rates: [1] },
    ]);
  });

  it("reads months on the wall clock of the time zone: 31 Jan 20:00 UTC is February in Jakarta", () => {
    const late = [
      { customerId: "hadi", at: "2026-01-31T20:00:00Z" },
      { customerId: "hadi", at: "2026-02-10T10:00:00Z" },
    ];
    expect(cohortRetention(late).cohorts).toEqual([{ cohort: "2026-01", size: 1, active: [1, 1], rates: [1, 1] }]);
    expect(cohortRetention(late, { timeZone: "Asia/Jakarta" }).cohorts).toEqual([
      { cohort: "2026-02", size: 1, active: [1], rates: [1] },
    ]);
  });

  it("stops at until (exclusive) and still shows the empty months before it", () => {
    const t = cohortRetention(purchases, { until: "2026-05-01T00:00:00Z" });
    expect(t.months).toEqual(["2026-01", "2026-02", "2026-03", "2026-04"]);
    expect(t.cohorts[0]?.active).toEqual([4, 2, 1, 0]);
    const feb = cohortRetention(purchases, { until: "2026-03-01T00:00:00Z" });
    expect(feb.months).toEqual(["2026-01", "2026-02"]);
    expect(feb.cohorts.map((c) => c.cohort)).toEqual(["2026-01", "2026-02"]);
  });

  it("crosses a year boundary", () => {
    const t = cohortRetention([
      { customerId: "a", at: "2025-12-31T10:00:00Z" },
      { customerId: "a", at: "2026-01-01T10:00:00Z" },
    ]);
    expect(t.months).toEqual(["2025-12", "2026-01"]);
    expect(t.cohorts[0]?.rates).toEqual([1, 1]);
  });

  it("is empty for no purchases", () => {
    expect(cohortRetention([])).toEqual({ timeZone: "UTC", months: [], cohorts: [] });
  });

  it("rejects an unknown time zone and a bad until", () => {
    expect(() => cohortRetention(purchases, { timeZone: "Mars/Olympus" })).toThrow(
      /timeZone: expected an IANA time zone/,
    );
    expect(() => cohortRetention(purchases, { until: "2026-05-01" })).toThrow(LoyaltyValidationError);
  });
});

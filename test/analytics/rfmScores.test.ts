import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  rfmScores,
  rfmSegments,
  rfmSummary,
  RFM_SEGMENTS,
  RFM_SEGMENT_GRID,
} from "../../src/index.js";
import { cdnowSample } from "./_cdnow.js";

const row = (customerId: string, frequency: number, recency: number, T: number, monetary: number) => ({
  customerId,
  frequency,
  recency,
  T,
  monetary,
});

describe("rfmScores", () => {
  it("gives quintiles 1..5 to five customers with distinct values", () => {
    const scores = rfmScores([
      row("a", 0, 0, 50, 0), // last bought 50 ago
      row("b", 1, 20, 60, 10), // 40 ago
      row("c", 2, 30, 60, 20), // 30 ago
      row("d", 3, 40, 60, 30), // 20 ago
      row("e", 4, 50, 60, 40), // 10 ago
    ]);
    expect(scores.map((s) => s.rfm)).toEqual(["111", "222", "333", "444", "555"]);
  });

  it("never splits ties: equal values share a score", () => {
    const scores = rfmScores([
      row("a", 0, 0, 7, 0),
      row("b", 0, 0, 7, 0),
      row("c", 0, 0, 7, 0),
      row("d", 5, 1, 7, 9),
      row("e", 9, 6, 7, 20),
    ]);
    // Three customers tie at the bottom of every dimension: all score 1; d has 3 worse → 1 + ⌊5·3/5⌋ = 4.
    expect(scores.map((s) => s.rfm)).toEqual(["111", "111", "111", "444", "555"]);
  });

  it("treats the same last-purchase day as a tie despite week fractions", () => {
    // 10/7 − 3/7 and 8/7 − 1/7 are both one week in exact arithmetic but differ in floating point.
    const [a, b] = rfmScores([row("a", 1, 3 / 7, 10 / 7, 5), row("b", 1, 1 / 7, 8 / 7, 5)], { bins: 2 });
    expect(a?.r).toBe(b?.r);
  });

  it("joins ten or more bins with dashes", () => {
    expect(rfmScores([row("a", 0, 0, 1, 0)], { bins: 10 })[0]?.rfm).toBe("1-1-1");
  });

  it("rejects bad rows and bins", () => {
    expect(() => rfmScores([])).toThrow(LoyaltyValidationError);
    expect(() => rfmScores([row("a", 1, 5, 4, 1)])).toThrow(/0\.recency: expected recency ≤ T/);
    expect(() => rfmScores([row("a", Number.NaN, 0, 4, 1)])).toThrow(/0\.frequency/);
    expect(() => rfmScores([row("a", 1, 0, 4, 1)], { bins: 1 })).toThrow(/bins/);
  });
});

describe("rfmSegments", () => {
  it("follows the documented grid cell by cell", () => {
    expect(RFM_SEGMENT_GRID.flat().every((s) => (RFM_SEGMENTS as readonly string[]).includes(s))).toBe(true);
    expect(new Set(RFM_SEGMENT_GRID.flat()).size).toBe(11);
    const seg = (r: number, f: number, m: number) =>
      rfmSegments([{ customerId: "x", r, f, m, rfm: `${r}${f}${m}` }])[0]?.segment;
    expect(seg(5, 5, 5)).toBe("champions");
    expect(seg(5, 1, 1)).toBe("new");
    expect(seg(4, 1, 1)).toBe("promising");
    expect(seg(4, 3, 4)).toBe("loyal"); // FM = (3 + 4) / 2 = 3.5 → 4
    expect(seg(5, 2, 3)).toBe("potential-loyalists");
    expect(seg(3, 3, 3)).toBe("need-attention");
    expect(seg(3, 1, 1)).toBe("about-to-sleep");
    expect(seg(2, 4, 3)).toBe("at-risk");
    expect(seg(1, 5, 5)).toBe("cant-lose");
    expect(seg(2, 1, 1)).toBe("hibernating");
    expect(seg(1, 1, 1)).toBe("lost");
  });

  it("segments every CDNOW sample customer, most of them one-time buyers", () => {
    const summary = rfmSummary(cdnowSample(), {
      observationEnd: "1998-06-30",
      period: "week",
      calibrationEnd: "1997-09-30",
    });
    const rows = rfmSegments(rfmScores(summary));
    expect(rows).toHaveLength(2357);
    // The 1,411 customers with no repeat purchase (2,357 − 946) all have F = 1 and M = 1, so FM = 1.
    expect(rows.filter((r) => r.fm === 1)).toHaveLength(1411);
  });

  it("rejects scores outside 1..5", () => {
    expect(() => rfmSegments([{ customerId: 1, r: 6, f: 1, m: 1, rfm: "611" }])).toThrow(
      /0\.r: expected a quintile score/,
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nps, wilsonInterval } from "../../src/index.js";

const score = fc.integer({ min: 0, max: 10 });

describe("nps properties", () => {
  it("stays within −100..100 with a finite non-negative margin for any non-empty answers", () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 300 }), (scores) => {
        const r = nps(scores);
        expect(r.score).not.toBeNull();
        expect(r.score).toBeGreaterThanOrEqual(-100);
        expect(r.score).toBeLessThanOrEqual(100);
        expect(Number.isFinite(r.marginOfError)).toBe(true);
        expect(r.marginOfError).toBeGreaterThanOrEqual(0);
        expect(r.promoters + r.passives + r.detractors).toBe(r.n);
      }),
    );
  });

  it("is invariant under permutation of the answers", () => {
    fc.assert(
      fc.property(
        fc
          .array(score, { maxLength: 200 })
          .chain((scores) =>
            fc.tuple(
              fc.constant(scores),
              fc.array(fc.double({ noNaN: true }), { minLength: scores.length, maxLength: scores.length }),
            ),
          ),
        ([scores, keys]) => {
          const permuted = scores
            .map((s, i) => [keys[i] ?? 0, s] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, s]) => s);
          expect(nps(permuted)).toEqual(nps(scores));
        },
      ),
    );
  });

  it("agrees with a counting model and between number[] and Int8Array", () => {
    fc.assert(
      fc.property(fc.array(score, { maxLength: 200 }), (scores) => {
        const promoters = scores.filter((s) => s >= 9).length;
        const detractors = scores.filter((s) => s <= 6).length;
        const r = nps(Int8Array.from(scores));
        expect(r).toEqual(nps(scores));
        expect(r.score).toBe(scores.length === 0 ? null : (100 * (promoters - detractors)) / scores.length);
      }),
    );
  });
});

describe("wilsonInterval properties", () => {
  it("contains the point estimate and lies within [0, 1]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.01, max: 6, noNaN: true }),
        ([x, n], z) => {
          const i = wilsonInterval(x, n, { z });
          expect(i).not.toBeNull();
          if (i === null) return;
          expect(i.point).toBe(x / n);
          expect(0 <= i.lower && i.lower <= i.point && i.point <= i.upper && i.upper <= 1).toBe(true);
        },
      ),
    );
  });
});

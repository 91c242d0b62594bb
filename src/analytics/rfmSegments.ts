import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import type { RfmScore } from "./rfmScores.js";

/**
 * The eleven RFM segments, best first.
 *
 * @example
 * ```ts
 * import { RFM_SEGMENTS } from "loyalty-kit";
 * console.log(RFM_SEGMENTS.length, RFM_SEGMENTS[0]); // 11 champions
 * ```
 * @category analytics
 */
export const RFM_SEGMENTS = Object.freeze([
  "champions",
  "loyal",
  "potential-loyalists",
  "new",
  "promising",
  "need-attention",
  "about-to-sleep",
  "at-risk",
  "cant-lose",
  "hibernating",
  "lost",
] as const);

/**
 * An RFM segment name, one of {@link RFM_SEGMENTS}.
 *
 * @example
 * ```ts
 * import type { RfmSegment } from "loyalty-kit";
 * const target: RfmSegment = "cant-lose";
 * console.log(target);
 * ```
 * @category analytics
 */
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/**
 * The segment grid: `RFM_SEGMENT_GRID[5 - r][fm - 1]` is the segment of recency score `r` and
 * frequency-monetary score `fm` (both 1 … 5). Rows are R = 5 (bought most recently) down to R = 1.
 *
 * | R \ FM | 1 | 2 | 3 | 4 | 5 |
 * | --- | --- | --- | --- | --- | --- |
 * | 5 | new | potential-loyalists | potential-loyalists | champions | champions |
 * | 4 | promising | potential-loyalists | loyal | loyal | champions |
 * | 3 | about-to-sleep | need-attention | need-attention | loyal | loyal |
 * | 2 | hibernating | about-to-sleep | at-risk | at-risk | cant-lose |
 * | 1 | lost | hibernating | at-risk | cant-lose | cant-lose |
 *
 * @example
 * ```ts
 * import { RFM_SEGMENT_GRID } from "loyalty-kit";
 * console.log(RFM_SEGMENT_GRID[0]?.[4]); // champions (R 5, FM 5)
 * ```
 * @category analytics
 */
export const RFM_SEGMENT_GRID: readonly (readonly RfmSegment[])[] = Object.freeze([
  Object.freeze(["new", "potential-loyalists", "potential-loyalists", "champions", "champions"] as const),
  Object.freeze(["promising", "potential-loyalists", "loyal", "loyal", "champions"] as const),
  Object.freeze(["about-to-sleep", "need-attention", "need-attention", "loyal", "loyal"] as const),
  Object.freeze(["hibernating", "about-to-sleep", "at-risk", "at-risk", "cant-lose"] as const),
  Object.freeze(["lost", "hibernating", "at-risk", "cant-lose", "cant-lose"] as const),
]);

/**
 * A customer's RFM scores with the segment they fall in.
 *
 * @example
 * ```ts
 * import type { RfmSegmentRow } from "loyalty-kit";
 * const row: RfmSegmentRow = { customerId: "ana", r: 5, f: 4, m: 5, rfm: "545", fm: 5, segment: "champions" };
 * console.log(row.segment);
 * ```
 * @category analytics
 */
export interface RfmSegmentRow extends RfmScore {
  /** The frequency-monetary score, (f + m) / 2 rounded half up. */
  readonly fm: number;
  readonly segment: RfmSegment;
}

/**
 * Names the RFM segment of each scored customer, from quintile scores (`rfmScores` with 5 bins),
 * with the documented grid {@link RFM_SEGMENT_GRID}.
 *
 * The grid has the two axes marketers read an RFM table by: recency (R) and the combined
 * frequency-monetary score FM = (F + M) / 2 rounded half up. Recent buyers with high FM are
 * **champions**; high FM but lapsing are **at-risk**, and the best of them, long gone, **cant-lose**;
 * recent buyers with low FM are **new** (bought once, very recently), **promising** or
 * **potential-loyalists**; the middle is **loyal** / **need-attention** / **about-to-sleep**; long gone
 * with low FM are **hibernating** and finally **lost**. Every cell of the 5 × 5 grid has exactly one
 * segment, so the segments partition the customers.
 *
 * @param scores - rows from `rfmScores(summary, { bins: 5 })`
 * @returns the same rows with `fm` and `segment`, in input order
 * @throws {LoyaltyValidationError} when a score is not an integer from 1 to 5
 * @example
 * ```ts
 * import { rfmSegments } from "loyalty-kit";
 * const [a, b] = rfmSegments([
 *   { customerId: "a", r: 5, f: 5, m: 4, rfm: "554" },
 *   { customerId: "b", r: 1, f: 1, m: 1, rfm: "111" },
 * ]);
 * console.log(a?.segment, b?.segment); // champions lost
 * ```
 * @category analytics
 */
export function rfmSegments(scores: Iterable<RfmScore>): RfmSegmentRow[] {
  return guardInputs("rfmSegments", { scores }, () => rfmSegmentsUnguarded(scores));
}

function rfmSegmentsUnguarded(scores: Iterable<RfmScore>): RfmSegmentRow[] {
  const what = "rfmSegments";
  if (typeof scores !== "object" || scores === null || !(Symbol.iterator in scores)) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an array or iterable of RFM scores, got ${previewValue(scores)}` }],
      what,
    );
  }
  const out: RfmSegmentRow[] = [];
  let i = 0;
  for (const s of scores) {
    if (typeof s !== "object" || s === null)
      throw new LoyaltyValidationError(
        [{ path: [i], message: `expected an RFM score row, got ${previewValue(s)}` }],
        what,
      );
    for (const key of ["r", "f", "m"] as const) {
      const v = s[key];
      if (!(Number.isInteger(v) && v >= 1 && v <= 5)) {
        throw new LoyaltyValidationError(
          [
            {
              path: [i, key],
              message: `expected a quintile score from 1 to 5 (rfmScores with bins: 5), got ${previewValue(v)}`,
            },
          ],
          what,
        );
      }
    }
    const fm = Math.floor((s.f + s.m + 1) / 2);
    // Both indexes are in range: r and fm are integers from 1 to 5.
    const segment = RFM_SEGMENT_GRID[5 - s.r]?.[fm - 1] as RfmSegment;
    out.push(Object.freeze({ customerId: s.customerId, r: s.r, f: s.f, m: s.m, rfm: s.rfm, fm, segment }));
    i++;
  }
  return out;
}

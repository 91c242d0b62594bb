// Hand-validated on purpose: `{ nps }` has a 1 kB budget (brotli, with dependencies), so this file
// imports neither zod nor decimal.js, only the error class.
import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";

/**
 * The result of {@link nps}: counts, the Net Promoter Score and its 95% margin of error.
 *
 * @example
 * ```ts
 * import { nps, type NpsResult } from "loyalty-kit";
 * const r: NpsResult = nps([10, 9, 8, 3]);
 * console.log(r.score); // 25
 * ```
 * @category measurement
 */
export interface NpsResult {
  /** Promoters minus detractors as a percentage of responses, −100..100; `null` when there are no responses. */
  readonly score: number | null;
  /** Responses scoring 9 or 10. */
  readonly promoters: number;
  /** Responses scoring 7 or 8. */
  readonly passives: number;
  /** Responses scoring 0 to 6. */
  readonly detractors: number;
  /** Number of responses. */
  readonly n: number;
  /** Half-width of the 95% confidence interval of `score`, in NPS points; `null` when there are no responses. */
  readonly marginOfError: number | null;
}

/**
 * Net Promoter Score of "how likely are you to recommend us?" answers on the 0–10 scale.
 *
 * Promoters answer 9–10, passives 7–8, detractors 0–6 (Reichheld 2003, "The One Number You Need to
 * Grow", HBR). The score is 100 × (promoters − detractors) / n, from −100 to 100. The recommend question
 * is one of the two key questions of a loyalty survey (with "will you buy again?").
 *
 * The margin of error treats each answer as a variable X = +1 (promoter), 0 (passive), −1
 * (detractor). With p = promoters/n and d = detractors/n, the score is 100·mean(X), the variance of X
 * is p + d − (p − d)², and the margin of error is 100 × 1.96 × √((p + d − (p − d)²) / n), the usual
 * normal-approximation 95% interval. With no responses, `score` and `marginOfError` are `null`, never
 * NaN.
 *
 * @param scores - Answers, each an integer 0..10: a `number[]` or any typed array (`Int8Array`, …).
 * @returns Counts, the score and its 95% margin of error.
 * @throws {LoyaltyValidationError} when `scores` is not an array or typed array, or an answer is not an
 *   integer from 0 to 10 (the path names the first bad index).
 * @category measurement
 * @example
 * ```ts
 * import { nps } from "loyalty-kit";
 * // 5 promoters, 3 passives, 2 detractors out of 10 answers
 * const r = nps([10, 9, 9, 10, 9, 8, 7, 8, 3, 6]);
 * console.log(r.score, r.marginOfError?.toFixed(1)); // 30 "48.4"
 * ```
 */
export function nps(scores: ArrayLike<number>): NpsResult {
  return guardInputs("nps", { scores }, () => npsUnguarded(scores));
}

function npsUnguarded(scores: ArrayLike<number>): NpsResult {
  const isArray = Array.isArray(scores);
  if (!isArray && !(ArrayBuffer.isView(scores) && !(scores instanceof DataView))) {
    fail([], "expected an array of integer scores 0..10");
  }
  // One loop for arrays and typed arrays. (A second copy of it kept each element access monomorphic
  // and ran about twice as fast on an Int8Array; the copy was not worth its cost to a reader.)
  const [promoters, detractors] = count(scores);
  const n = scores.length;
  const p = promoters / n;
  const d = detractors / n;
  // With no answers both stay null (p and d are NaN then, and unused). The variance
  // p + d − (p − d)² is ≥ 0 mathematically; clamp the rounding error that can make it −1e-17.
  return {
    score: n ? (100 * (promoters - detractors)) / n : null,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    n,
    marginOfError: n ? 196 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n) : null,
  };
}

function count(scores: ArrayLike<number>): [number, number] {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0, n = scores.length; i < n; i++) {
    const v = scores[i];
    // Integers 0..10 only: rejects NaN, ±Infinity, fractions, bigint, strings and holes.
    if (typeof v !== "number" || !(v >= 0 && v <= 10) || (v | 0) !== v)
      fail([i], `expected an integer score from 0 to 10, got ${typeof v === "number" ? v : typeof v}`);
    if (v > 8) promoters++;
    else if (v < 7) detractors++;
  }
  return [promoters, detractors];
}

function fail(path: number[], message: string): never {
  throw new LoyaltyValidationError([{ path, message }], "nps");
}

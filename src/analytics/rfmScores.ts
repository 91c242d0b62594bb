import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { optionsObject } from "./_lib/values.js";

/**
 * A customer's RFM scores, 1 (worst) to `bins` (best) each: `r` for how recently they bought
 * (T − recency, smaller is better), `f` for frequency, `m` for monetary value; `rfm` joins them
 * ("545"; with ten or more bins, "10-9-7").
 *
 * @example
 * ```ts
 * import type { RfmScore } from "loyalty-kit";
 * const s: RfmScore = { customerId: "ana", r: 5, f: 4, m: 5, rfm: "545" };
 * console.log(s.rfm);
 * ```
 * @category analytics
 */
export interface RfmScore {
  readonly customerId: string | number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
  readonly rfm: string;
}

/**
 * The fields {@link rfmScores} reads from each summary row (the rows of `rfmSummary` fit).
 *
 * @example
 * ```ts
 * import type { RfmScoreInput } from "loyalty-kit";
 * const row: RfmScoreInput = { customerId: 1, frequency: 3, recency: 20, T: 30, monetary: 25 };
 * console.log(row.T - row.recency); // 10 periods since the last purchase
 * ```
 * @category analytics
 */
export interface RfmScoreInput {
  readonly customerId: string | number;
  readonly frequency: number;
  readonly recency: number;
  readonly T: number;
  readonly monetary: number;
}

/**
 * Options of {@link rfmScores}: the number of score bins.
 *
 * @example
 * ```ts
 * import type { RfmScoreOptions } from "loyalty-kit";
 * const deciles: RfmScoreOptions = { bins: 10 };
 * console.log(deciles.bins);
 * ```
 * @category analytics
 */
export interface RfmScoreOptions {
  /** Number of score bins, an integer from 2 to 100. Default 5 (quintiles). */
  readonly bins?: number;
}

// T − recency is a difference of day counts divided by 7: round away float noise so that customers
// who last bought on the same day tie exactly.
const snap = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Scores for one dimension: 1 + ⌊bins × (customers strictly worse) / n⌋, larger values better. */
function scoresOf(values: Float64Array, bins: number): Uint8Array | Uint16Array {
  const n = values.length;
  const sorted = values.slice().sort();
  const out = bins < 256 ? new Uint8Array(n) : new Uint16Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    // Lower bound: how many values are strictly below v.
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = 1 + Math.floor((bins * lo) / n);
  }
  return out;
}

/**
 * Quantile RFM scores (quintiles by default) for each customer of an RFM summary.
 *
 * Each dimension is scored by rank: **score = 1 + ⌊bins × (number of customers with a strictly worse
 * value) / n⌋**, so the scores split the customers into equal-sized groups, customers with equal
 * values always get the same score (ties never split), and a dimension where many customers tie at
 * the bottom — most CDNOW customers never buy again, frequency 0 — puts them all in score 1 and
 * starts the next score higher. Recency is scored on the time since the last purchase (T − recency,
 * smaller is better); frequency and monetary value larger is better. Rows keep the input order.
 *
 * @param summary - rows with `customerId`, `frequency`, `recency`, `T`, `monetary` (e.g. from
 *   `rfmSummary`); array or iterable
 * @param input - options: `bins` (default 5)
 * @returns one score row per customer, in input order
 * @throws {LoyaltyValidationError} when the summary is empty, a row's fields are missing or not
 *   finite, recency exceeds T, or `bins` is not an integer from 2 to 100
 * @example
 * ```ts
 * import { rfmScores } from "loyalty-kit";
 * const scores = rfmScores([
 *   { customerId: "a", frequency: 9, recency: 50, T: 52, monetary: 80 },
 *   { customerId: "b", frequency: 1, recency: 3, T: 40, monetary: 20 },
 * ], { bins: 2 });
 * console.log(scores.map((s) => `${s.customerId}:${s.rfm}`).join(" ")); // a:222 b:111
 * ```
 * @category analytics
 */
export function rfmScores(summary: Iterable<RfmScoreInput>, input: RfmScoreOptions = {}): RfmScore[] {
  return guardInputs("rfmScores", { summary, input }, () => rfmScoresUnguarded(summary, input));
}

function rfmScoresUnguarded(summary: Iterable<RfmScoreInput>, input: RfmScoreOptions = {}): RfmScore[] {
  const what = "rfmScores";
  const options = optionsObject(input, what, true);
  const bins = options.bins ?? 5;
  if (!(Number.isInteger(bins) && bins >= 2 && bins <= 100)) {
    throw new LoyaltyValidationError(
      [{ path: ["bins"], message: `expected an integer number of bins from 2 to 100, got ${previewValue(bins)}` }],
      what,
    );
  }
  if (typeof summary !== "object" || summary === null || !(Symbol.iterator in summary)) {
    throw new LoyaltyValidationError(
      [{ path: [], message: `expected an array or iterable of RFM rows, got ${previewValue(summary)}` }],
      what,
    );
  }
  const rows = Array.isArray(summary) ? (summary as readonly RfmScoreInput[]) : [...summary];
  const n = rows.length;
  if (n === 0)
    throw new LoyaltyValidationError([{ path: [], message: "expected at least one customer, got none" }], what);
  const since = new Float64Array(n);
  const frequency = new Float64Array(n);
  const monetary = new Float64Array(n);
  rows.forEach((row, i) => {
    if (typeof row !== "object" || row === null)
      throw new LoyaltyValidationError([{ path: [i], message: `expected an RFM row, got ${previewValue(row)}` }], what);
    for (const key of ["frequency", "recency", "T", "monetary"] as const) {
      const v = row[key];
      if (typeof v !== "number" || !Number.isFinite(v) || (key !== "monetary" && v < 0)) {
        throw new LoyaltyValidationError(
          [
            {
              path: [i, key],
              message: `expected a finite${key === "monetary" ? "" : " non-negative"} number, got ${previewValue(v)}`,
            },
          ],
          what,
        );
      }
    }
    if (row.recency > row.T)
      throw new LoyaltyValidationError(
        [{ path: [i, "recency"], message: `expected recency ≤ T (${row.T}), got ${row.recency}` }],
        what,
      );
    since[i] = -snap(row.T - row.recency); // negated: larger is better for every dimension
    frequency[i] = row.frequency;
    monetary[i] = row.monetary;
  });
  const r = scoresOf(since, bins);
  const f = scoresOf(frequency, bins);
  const m = scoresOf(monetary, bins);
  const sep = bins > 9 ? "-" : "";
  return rows.map((row, i) => {
    const score = { customerId: row.customerId, r: r[i] as number, f: f[i] as number, m: m[i] as number, rfm: "" };
    score.rfm = `${score.r}${sep}${score.f}${sep}${score.m}`;
    return Object.freeze(score);
  });
}

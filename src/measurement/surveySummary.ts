import { guardInputs } from "../core/guard.js";
import * as z from "zod/mini";
import { invalid, makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { nps, type NpsResult } from "./nps.js";
import { wilsonInterval, type ProportionInterval } from "./wilsonInterval.js";
import { BuyAgainScaleSchema, SurveyResponsesSchema } from "./schemas.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * One answer to the two-question loyalty survey (`SurveyResponseSchema` on `loyalty-kit/schemas`
 * checks it).
 *
 * @example
 * ```ts
 * import type { SurveyResponse } from "loyalty-kit";
 * const r: SurveyResponse = { buyAgain: 4, recommend: 8 };
 * console.log(r);
 * ```
 * @category measurement
 */
export interface SurveyResponse {
  /** Answer to "would you buy from us again?" on the survey's scale (default 1–5), an integer. */
  buyAgain: number;
  /** Answer to "how likely are you to recommend us to a friend?", an integer 0–10. */
  recommend: number;
}

/**
 * The scale of the buy-again question, `min < positiveFrom ≤ max` (`BuyAgainScaleSchema` on
 * `loyalty-kit/schemas` checks it; a yes/no question is `{ min: 0, max: 1, positiveFrom: 1 }`).
 *
 * @example
 * ```ts
 * import type { BuyAgainScale } from "loyalty-kit";
 * const scale: BuyAgainScale = { min: 1, max: 7, positiveFrom: 6 };
 * console.log(scale.positiveFrom);
 * ```
 * @category measurement
 */
export interface BuyAgainScale {
  /** The lowest answer, an integer below `positiveFrom`. */
  min: number;
  /** The highest answer, an integer at least `positiveFrom`. */
  max: number;
  /** The lowest answer that counts as an intention to buy again (4 on the default 1–5 scale: top two boxes). */
  positiveFrom: number;
}

/** Default buy-again scale: 1–5, top two boxes (4, 5) count as intending to buy again. */
const DEFAULT_SCALE: BuyAgainScale = /* @__PURE__ */ Object.freeze({ min: 1, max: 5, positiveFrom: 4 });

const responsesParsers = /* @__PURE__ */ makeParsers(SurveyResponsesSchema, "survey responses");
const optionsParsers = /* @__PURE__ */ (() =>
  makeParsers(z.strictObject({ scale: z.optional(BuyAgainScaleSchema) }), "surveySummary options"))();

/**
 * Validates a list of survey answers; throws listing every problem with its path.
 *
 * @param input - Untrusted data, e.g. `JSON.parse` of a form export.
 * @returns The answers, typed.
 * @throws {LoyaltyValidationError} when the input is not an array of `{ buyAgain, recommend }`.
 * @category measurement
 * @example
 * ```ts
 * import { parseSurveyResponses } from "loyalty-kit";
 * console.log(parseSurveyResponses(JSON.parse('[{"buyAgain":5,"recommend":9}]')).length); // 1
 * ```
 */
export function parseSurveyResponses(input: unknown): SurveyResponse[] {
  return guardInputs("parseSurveyResponses", { input }, () => parseSurveyResponsesUnguarded(input));
}

function parseSurveyResponsesUnguarded(input: unknown): SurveyResponse[] {
  return responsesParsers.parse(input);
}

/**
 * Validates a list of survey answers without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }` with a LoyaltyValidationError.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseSurveyResponses } from "loyalty-kit";
 * const r = safeParseSurveyResponses([{ buyAgain: 5, recommend: 11 }]);
 * if (!r.success) console.log(r.error.message); // mentions 0.recommend
 * ```
 */
export function safeParseSurveyResponses(input: unknown): SafeParseResult<SurveyResponse[]> {
  return guardInputs("safeParseSurveyResponses", { input }, () => safeParseSurveyResponsesUnguarded(input));
}

function safeParseSurveyResponsesUnguarded(input: unknown): SafeParseResult<SurveyResponse[]> {
  return responsesParsers.safeParse(input);
}

/**
 * JSON Schema (draft 2020-12) of a list of survey answers, for a form builder or another system that
 * validates the same documents.
 *
 * @returns A fresh JSON Schema object.
 * @category measurement
 * @example
 * ```ts
 * import { surveyResponsesJsonSchema } from "loyalty-kit";
 * console.log(JSON.stringify(surveyResponsesJsonSchema()).includes("recommend")); // true
 * ```
 */
export function surveyResponsesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(SurveyResponsesSchema) as Record<string, unknown>;
}

/**
 * Counts of NPS groups among one row of the survey cross-table.
 *
 * @example
 * ```ts
 * import type { NpsGroupCounts } from "loyalty-kit";
 * const row: NpsGroupCounts = { promoters: 3, passives: 1, detractors: 0 };
 * console.log(row.promoters);
 * ```
 * @category measurement
 */
export interface NpsGroupCounts {
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
}

/**
 * The result of {@link surveySummary}.
 *
 * @example
 * ```ts
 * import { surveySummary, type SurveySummary } from "loyalty-kit";
 * const s: SurveySummary = surveySummary([{ buyAgain: 5, recommend: 10 }]);
 * console.log(s.n); // 1
 * ```
 * @category measurement
 */
export interface SurveySummary {
  /** Number of answers. */
  readonly n: number;
  /** Answers at or above the scale's `positiveFrom` on the buy-again question. */
  readonly intendToBuyAgain: number;
  /** Share intending to buy again with its Wilson 95% interval; `null` with no answers. */
  readonly repurchaseIntention: ProportionInterval | null;
  /** NPS of the recommend question. */
  readonly nps: NpsResult;
  /** Buy-again intention (rows) against NPS group (columns). */
  readonly crossTable: { readonly buyAgain: NpsGroupCounts; readonly notBuyAgain: NpsGroupCounts };
  /** The buy-again scale used. */
  readonly scale: BuyAgainScale;
}

/**
 * Summarizes the two-question loyalty survey: repurchase intention, NPS, and the two crossed.
 *
 * A customer survey with two key questions — will they buy again, and will they
 * recommend us to friends, relatives or acquaintances — the simplest tool for measuring loyalty, and
 * warns that its error is large because not everyone answers honestly; so the repurchase share comes
 * with a Wilson 95% score interval (Wilson 1927) and the NPS with its margin of error. The
 * cross-table shows, for instance, the customers who will buy again but would not recommend us.
 *
 * @param responses - The answers, each `{ buyAgain, recommend }`.
 * @param options - `scale`: the buy-again scale (default `{ min: 1, max: 5, positiveFrom: 4 }`).
 * @returns Counts, the repurchase share with its interval, the NPS and the cross-table.
 * @throws {LoyaltyValidationError} when an answer is malformed or off its scale, or the scale is
 *   inconsistent.
 * @category measurement
 * @example
 * ```ts
 * import { surveySummary } from "loyalty-kit";
 * const s = surveySummary([
 *   { buyAgain: 5, recommend: 10 },
 *   { buyAgain: 4, recommend: 7 },
 *   { buyAgain: 2, recommend: 3 },
 *   { buyAgain: 5, recommend: 9 },
 * ]);
 * console.log(s.intendToBuyAgain, s.nps.score, s.crossTable.notBuyAgain.detractors); // 3 25 1
 * ```
 */
export function surveySummary(
  responses: readonly SurveyResponse[],
  options: { readonly scale?: BuyAgainScale } = {},
): SurveySummary {
  return guardInputs("surveySummary", { responses, options }, () => surveySummaryUnguarded(responses, options));
}

function surveySummaryUnguarded(
  responses: readonly SurveyResponse[],
  options: { readonly scale?: BuyAgainScale } = {},
): SurveySummary {
  const parsed = responsesParsers.parse(responses);
  const o = optionsParsers.parse(options);
  const scale = o.scale === undefined ? DEFAULT_SCALE : Object.freeze(o.scale);
  const buyAgain = { promoters: 0, passives: 0, detractors: 0 };
  const notBuyAgain = { promoters: 0, passives: 0, detractors: 0 };
  const recommend: number[] = [];
  parsed.forEach((r, i) => {
    if (r.buyAgain < scale.min || r.buyAgain > scale.max) {
      invalid(
        [i, "buyAgain"],
        `expected an integer from ${scale.min} to ${scale.max}, got ${r.buyAgain}`,
        "surveySummary",
      );
    }
    const row = r.buyAgain >= scale.positiveFrom ? buyAgain : notBuyAgain;
    if (r.recommend >= 9) row.promoters++;
    else if (r.recommend >= 7) row.passives++;
    else row.detractors++;
    recommend.push(r.recommend);
  });
  const yes = buyAgain.promoters + buyAgain.passives + buyAgain.detractors;
  return {
    n: parsed.length,
    intendToBuyAgain: yes,
    repurchaseIntention: wilsonInterval(yes, parsed.length),
    nps: nps(recommend),
    crossTable: { buyAgain, notBuyAgain },
    scale,
  };
}

import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { LoyaltyTypeObservationsSchema } from "./schemas.js";

/**
 * Observations for {@link loyaltyType}, each optional: a missing one is left out of its type's score
 * (`LoyaltyTypeObservationsSchema` on `loyalty-kit/schemas` checks it).
 *
 * @example
 * ```ts
 * import type { LoyaltyTypeObservations } from "loyalty-kit";
 * const o: LoyaltyTypeObservations = { buyAgain: true, likesBrand: true };
 * console.log(o);
 * ```
 * @category measurement
 */
export interface LoyaltyTypeObservations {
  /** Perceived: says they will buy again. */
  buyAgain?: boolean | undefined;
  /** Perceived: likelihood to recommend, an integer 0–10. */
  recommend?: number | undefined;
  /** Emotional: knows the product. */
  knowsProduct?: boolean | undefined;
  /** Emotional: knows its strengths and weaknesses. */
  knowsStrengthsAndWeaknesses?: boolean | undefined;
  /** Emotional: knows which need or problem the product solves. */
  knowsProblemSolved?: boolean | undefined;
  /** Emotional: likes the brand. */
  likesBrand?: boolean | undefined;
  /** Behavioural: buys again. */
  repeatPurchases?: boolean | undefined;
  /** Behavioural: purchase frequency index, ≥ 0 (from `purchaseFrequencyIndex`). */
  frequencyIndex?: number | undefined;
  /** Behavioural: share of purchases, 0..1 (from `shareOfPurchases`). */
  shareOfPurchases?: number | undefined;
}

const parsers = /* @__PURE__ */ makeParsers(LoyaltyTypeObservationsSchema, "loyalty type observations");

/**
 * Validates loyalty-type observations.
 *
 * @param input - Untrusted data.
 * @returns The observations, typed.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is out of range.
 * @category measurement
 * @example
 * ```ts
 * import { parseLoyaltyTypeObservations } from "loyalty-kit";
 * console.log(parseLoyaltyTypeObservations({ recommend: 7 })); // { recommend: 7 }
 * ```
 */
export function parseLoyaltyTypeObservations(input: unknown): LoyaltyTypeObservations {
  return guardInputs("parseLoyaltyTypeObservations", { input }, () => parseLoyaltyTypeObservationsUnguarded(input));
}

function parseLoyaltyTypeObservationsUnguarded(input: unknown): LoyaltyTypeObservations {
  return parsers.parse(input);
}

/**
 * Validates loyalty-type observations without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseLoyaltyTypeObservations } from "loyalty-kit";
 * console.log(safeParseLoyaltyTypeObservations({ shareOfPurchases: 1.5 }).success); // false
 * ```
 */
export function safeParseLoyaltyTypeObservations(input: unknown): SafeParseResult<LoyaltyTypeObservations> {
  return guardInputs("safeParseLoyaltyTypeObservations", { input }, () =>
    safeParseLoyaltyTypeObservationsUnguarded(input),
  );
}

function safeParseLoyaltyTypeObservationsUnguarded(input: unknown): SafeParseResult<LoyaltyTypeObservations> {
  return parsers.safeParse(input);
}

/**
 * The three traditional loyalty types: perceived, emotional and behavioural.
 *
 * @example
 * ```ts
 * import type { LoyaltyTypeName } from "loyalty-kit";
 * const t: LoyaltyTypeName = "emotional";
 * console.log(t);
 * ```
 * @category measurement
 */
export type LoyaltyTypeName = "perceived" | "emotional" | "behavioural";

/**
 * The result of {@link loyaltyType}: a score 0..100 per type (`null` when no indicator of that type
 * was given) and the strongest type.
 *
 * @example
 * ```ts
 * import { loyaltyType, type LoyaltyTypeScores } from "loyalty-kit";
 * const s: LoyaltyTypeScores = loyaltyType({ likesBrand: true });
 * console.log(s.emotional); // 100
 * ```
 * @category measurement
 */
export interface LoyaltyTypeScores {
  readonly perceived: number | null;
  readonly emotional: number | null;
  readonly behavioural: number | null;
  /** The type with the highest score (ties: perceived, then emotional, then behavioural); `null` when no score. */
  readonly strongest: LoyaltyTypeName | null;
}

/**
 * Scores a customer's perceived, emotional and behavioural loyalty, 0..100 each.
 *
 * Loyalty is traditionally divided into perceived, emotional (the relationship with the product
 * and the company: awareness of the product, its strengths and weaknesses and, above all, which need
 * or problem it solves) and behavioural (the likelihood of buying again, measured by watching
 * purchases). Each indicator is put on 0..1 — a boolean as 0 or 1, `recommend` as score/10,
 * `frequencyIndex` as min(index, 1) (at or above the reference rate counts in full, since
 * exceeding it shows loyalty), `shareOfPurchases` as is — and a type's score is 100 × the mean of its
 * indicators that were given.
 *
 * @param observations - Indicators (see {@link LoyaltyTypeObservations}).
 * @returns A score per type and the strongest type.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is out of range.
 * @category measurement
 * @example
 * ```ts
 * import { loyaltyType } from "loyalty-kit";
 * const s = loyaltyType({ buyAgain: true, recommend: 6, likesBrand: false, knowsProduct: true, frequencyIndex: 2 });
 * console.log(s.perceived, s.emotional, s.behavioural, s.strongest); // 80 50 100 "behavioural"
 * ```
 */
export function loyaltyType(observations: LoyaltyTypeObservations): LoyaltyTypeScores {
  return guardInputs("loyaltyType", { observations }, () => loyaltyTypeUnguarded(observations));
}

function loyaltyTypeUnguarded(observations: LoyaltyTypeObservations): LoyaltyTypeScores {
  const o = parsers.parse(observations);
  const perceived = mean([flag(o.buyAgain), o.recommend === undefined ? undefined : o.recommend / 10]);
  const emotional = mean([
    flag(o.knowsProduct),
    flag(o.knowsStrengthsAndWeaknesses),
    flag(o.knowsProblemSolved),
    flag(o.likesBrand),
  ]);
  const behavioural = mean([
    flag(o.repeatPurchases),
    o.frequencyIndex === undefined ? undefined : Math.min(o.frequencyIndex, 1),
    o.shareOfPurchases,
  ]);
  let strongest: LoyaltyTypeName | null = null;
  let best = -1;
  for (const [name, score] of [
    ["perceived", perceived],
    ["emotional", emotional],
    ["behavioural", behavioural],
  ] as const) {
    if (score !== null && score > best) {
      best = score;
      strongest = name;
    }
  }
  return { perceived, emotional, behavioural, strongest };
}

function flag(value: boolean | undefined): number | undefined {
  return value === undefined ? undefined : value ? 1 : 0;
}

function mean(values: readonly (number | undefined)[]): number | null {
  let sum = 0;
  let n = 0;
  for (const v of values) {
    if (v !== undefined) {
      sum += v;
      n++;
    }
  }
  return n === 0 ? null : (100 * sum) / n;
}

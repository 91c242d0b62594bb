import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { freezeList } from "./_lib/freeze.js";
import { LoyalSignsObservationsSchema } from "./schemas.js";

/**
 * The nine behavioural signs of a loyal client, after the customer-service trainer Ron Kaufman, in his
 * order.
 *
 * @example
 * ```ts
 * import { LOYAL_SIGNS } from "loyalty-kit";
 * console.log(LOYAL_SIGNS.length, LOYAL_SIGNS[0].key); // 9 "repeatPurchases"
 * ```
 * @category measurement
 */
export const LOYAL_SIGNS = /* @__PURE__ */ freezeList([
  { number: 1, key: "repeatPurchases", description: "Comes back to you and makes repeat purchases." },
  { number: 2, key: "buysMore", description: "Buys more: more than others, and more than last time." },
  {
    number: 3,
    key: "buysPremium",
    description:
      "Buys your premium goods and services, dearer than the others, and sets and bundles: anything costlier than a usual purchase.",
  },
  {
    number: 4,
    key: "recommends",
    description: "Recommends you to others: says how good your products and services are and brings you other clients.",
  },
  {
    number: 5,
    key: "compliments",
    description:
      "Compliments you and your team: tells you not only what is bad but also what is good and what they like, keeping your people enthusiastic.",
  },
  {
    number: 6,
    key: "speaksWellPublicly",
    description: "Speaks well of you in public, telling others how much they like you.",
  },
  {
    number: 7,
    key: "defendsYou",
    description: "Defends you when something goes wrong or others attack you: is on your side when a mistake happens.",
  },
  {
    number: 8,
    key: "constructiveFeedback",
    description:
      "Gives constructive feedback: where you have room to improve, says so constructively and respectfully.",
  },
  {
    number: 9,
    key: "competitiveIntelligence",
    description:
      "Helps you with competitive intelligence: tells you what is happening in the industry and what competitors offer them.",
  },
] as const);

/**
 * The key of one of the nine signs.
 *
 * @example
 * ```ts
 * import type { LoyalSignKey } from "loyalty-kit";
 * const key: LoyalSignKey = "defendsYou";
 * console.log(key);
 * ```
 * @category measurement
 */
export type LoyalSignKey = (typeof LOYAL_SIGNS)[number]["key"];

/**
 * What was observed of a client: `true` for each of the nine signs seen, a missing key when not
 * observed (`LoyalSignsObservationsSchema` on `loyalty-kit/schemas` checks it).
 *
 * @example
 * ```ts
 * import type { LoyalSignsObservations } from "loyalty-kit";
 * const o: LoyalSignsObservations = { repeatPurchases: true, compliments: true };
 * console.log(o);
 * ```
 * @category measurement
 */
export interface LoyalSignsObservations {
  /** Sign 1. Comes back and makes repeat purchases. */
  repeatPurchases?: boolean | undefined;
  /** Sign 2. Buys more: more than others, and more than last time. */
  buysMore?: boolean | undefined;
  /** Sign 3. Buys premium goods and services, sets and bundles: anything costlier than a usual purchase. */
  buysPremium?: boolean | undefined;
  /** Sign 4. Recommends you to others and brings you other clients. */
  recommends?: boolean | undefined;
  /** Sign 5. Compliments you and your team, not only complains. */
  compliments?: boolean | undefined;
  /** Sign 6. Speaks well of you in public. */
  speaksWellPublicly?: boolean | undefined;
  /** Sign 7. Defends you when something goes wrong or others attack you. */
  defendsYou?: boolean | undefined;
  /** Sign 8. Gives constructive feedback where you have room to improve. */
  constructiveFeedback?: boolean | undefined;
  /** Sign 9. Tells you what is happening in the industry and what competitors offer. */
  competitiveIntelligence?: boolean | undefined;
}

const parsers = /* @__PURE__ */ makeParsers(LoyalSignsObservationsSchema, "loyal signs");

/**
 * Validates observations of the nine signs.
 *
 * @param input - Untrusted data.
 * @returns The observations, typed.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is not a boolean.
 * @category measurement
 * @example
 * ```ts
 * import { parseLoyalSignsObservations } from "loyalty-kit";
 * console.log(parseLoyalSignsObservations({ defendsYou: true })); // { defendsYou: true }
 * ```
 */
export function parseLoyalSignsObservations(input: unknown): LoyalSignsObservations {
  return guardInputs("parseLoyalSignsObservations", { input }, () => parseLoyalSignsObservationsUnguarded(input));
}

function parseLoyalSignsObservationsUnguarded(input: unknown): LoyalSignsObservations {
  return parsers.parse(input);
}

/**
 * Validates observations of the nine signs without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseLoyalSignsObservations } from "loyalty-kit";
 * console.log(safeParseLoyalSignsObservations({ praises: true }).success); // false: unknown key
 * ```
 */
export function safeParseLoyalSignsObservations(input: unknown): SafeParseResult<LoyalSignsObservations> {
  return guardInputs("safeParseLoyalSignsObservations", { input }, () =>
    safeParseLoyalSignsObservationsUnguarded(input),
  );
}

function safeParseLoyalSignsObservationsUnguarded(input: unknown): SafeParseResult<LoyalSignsObservations> {
  return parsers.safeParse(input);
}

/**
 * The result of {@link loyalSigns}.
 *
 * @example
 * ```ts
 * import { loyalSigns, type LoyalSignsResult } from "loyalty-kit";
 * const r: LoyalSignsResult = loyalSigns({});
 * console.log(r.score); // 0
 * ```
 * @category measurement
 */
export interface LoyalSignsResult {
  /** Signs observed, in Kaufman's order. */
  readonly held: readonly LoyalSignKey[];
  /** Signs not observed, in Kaufman's order. */
  readonly missing: readonly LoyalSignKey[];
  /** Number of signs held, 0..9. */
  readonly score: number;
  /** score / 9, 0..1. */
  readonly share: number;
}

/**
 * Which of the nine behavioural signs of a loyal client hold, with a score.
 *
 * Ron Kaufman's nine behaviours that tell a loyal client from the others: repeat
 * purchases; buying more than others and than last time; buying premium and bundles; recommending;
 * complimenting; speaking well in public; defending you when something goes wrong; constructive
 * feedback; sharing competitive intelligence ({@link LOYAL_SIGNS}). The score counts the signs held,
 * each weighing the same, so observing one more sign always raises it by one.
 *
 * @param observations - `true` for each sign seen; missing or `false` means not seen.
 * @returns Signs held and missing, the count and its share of nine.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is not a boolean.
 * @category measurement
 * @example
 * ```ts
 * import { loyalSigns } from "loyalty-kit";
 * const r = loyalSigns({ repeatPurchases: true, recommends: true, defendsYou: true });
 * console.log(r.score, r.missing.length); // 3 6
 * ```
 */
export function loyalSigns(observations: LoyalSignsObservations): LoyalSignsResult {
  return guardInputs("loyalSigns", { observations }, () => loyalSignsUnguarded(observations));
}

function loyalSignsUnguarded(observations: LoyalSignsObservations): LoyalSignsResult {
  const o = parsers.parse(observations);
  const held: LoyalSignKey[] = [];
  const missing: LoyalSignKey[] = [];
  for (const sign of LOYAL_SIGNS) (o[sign.key] === true ? held : missing).push(sign.key);
  return { held, missing, score: held.length, share: held.length / LOYAL_SIGNS.length };
}

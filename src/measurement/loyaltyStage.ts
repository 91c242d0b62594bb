import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { freezeList } from "./_lib/freeze.js";
import { LoyaltyStageObservationsSchema } from "./schemas.js";

/**
 * The stages of customer loyalty (satisfaction, brand loyalty, partnership), lowest first, with `none` below them for a customer
 * who is not (yet) satisfied.
 *
 * @example
 * ```ts
 * import { LOYALTY_STAGES } from "loyalty-kit";
 * console.log(LOYALTY_STAGES.join(" → ")); // none → satisfaction → brand-loyalty → partnership
 * ```
 * @category measurement
 */
export const LOYALTY_STAGES = /* @__PURE__ */ Object.freeze([
  "none",
  "satisfaction",
  "brand-loyalty",
  "partnership",
] as const);

/**
 * A loyalty stage.
 *
 * @example
 * ```ts
 * import type { LoyaltyStage } from "loyalty-kit";
 * const s: LoyaltyStage = "brand-loyalty";
 * console.log(s);
 * ```
 * @category measurement
 */
export type LoyaltyStage = (typeof LOYALTY_STAGES)[number];

/**
 * Observations for {@link loyaltyStage}: each `true` when seen, missing when not
 * (`LoyaltyStageObservationsSchema` on `loyalty-kit/schemas` checks it).
 *
 * @example
 * ```ts
 * import type { LoyaltyStageObservations } from "loyalty-kit";
 * const o: LoyaltyStageObservations = { satisfied: true, repeatPurchases: true };
 * console.log(o);
 * ```
 * @category measurement
 */
export interface LoyaltyStageObservations {
  /** A positive experience after buying ("an aftertaste with a plus sign"). */
  satisfied?: boolean | undefined;
  /** Has come back and bought again. */
  repeatPurchases?: boolean | undefined;
  /** Sticks to the brand and does not switch to a competing equivalent. */
  prefersBrand?: boolean | undefined;
  /** Advises where the company should go and how to improve. */
  givesAdvice?: boolean | undefined;
  /** Helps promote the product on the market. */
  promotesProduct?: boolean | undefined;
  /** Watches competitors' actions and tells the company. */
  sharesCompetitorInfo?: boolean | undefined;
}

/**
 * The key of one stage observation.
 *
 * @example
 * ```ts
 * import type { LoyaltyStageEvidence } from "loyalty-kit";
 * const e: LoyaltyStageEvidence = "givesAdvice";
 * console.log(e);
 * ```
 * @category measurement
 */
export type LoyaltyStageEvidence = keyof LoyaltyStageObservations;

const parsers = /* @__PURE__ */ makeParsers(LoyaltyStageObservationsSchema, "loyalty stage observations");

/**
 * Validates loyalty-stage observations.
 *
 * @param input - Untrusted data.
 * @returns The observations, typed.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is not a boolean.
 * @category measurement
 * @example
 * ```ts
 * import { parseLoyaltyStageObservations } from "loyalty-kit";
 * console.log(parseLoyaltyStageObservations({ satisfied: true })); // { satisfied: true }
 * ```
 */
export function parseLoyaltyStageObservations(input: unknown): LoyaltyStageObservations {
  return guardInputs("parseLoyaltyStageObservations", { input }, () => parseLoyaltyStageObservationsUnguarded(input));
}

function parseLoyaltyStageObservationsUnguarded(input: unknown): LoyaltyStageObservations {
  return parsers.parse(input);
}

/**
 * Validates loyalty-stage observations without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseLoyaltyStageObservations } from "loyalty-kit";
 * console.log(safeParseLoyaltyStageObservations({ satisfied: "yes" }).success); // false
 * ```
 */
export function safeParseLoyaltyStageObservations(input: unknown): SafeParseResult<LoyaltyStageObservations> {
  return guardInputs("safeParseLoyaltyStageObservations", { input }, () =>
    safeParseLoyaltyStageObservationsUnguarded(input),
  );
}

function safeParseLoyaltyStageObservationsUnguarded(input: unknown): SafeParseResult<LoyaltyStageObservations> {
  return parsers.safeParse(input);
}

// What each stage requires on top of the stages below it.
const REQUIREMENTS = /* @__PURE__ */ freezeList([
  { stage: "satisfaction", all: ["satisfied"], any: [] },
  { stage: "brand-loyalty", all: ["repeatPurchases", "prefersBrand"], any: [] },
  { stage: "partnership", all: ["givesAdvice"], any: ["promotesProduct", "sharesCompetitorInfo"] },
] as const);

// The actions for moving a customer up from each stage of the loyalty ladder.
const ACTIONS: Readonly<Record<LoyaltyStage, readonly string[]>> = /* @__PURE__ */ Object.freeze({
  none: Object.freeze([
    "Ask some time after the purchase whether everything is right and whether there are complaints.",
    "Answer complaints and negative feedback quickly: the customer must feel heard and not left alone with the problem.",
  ]),
  satisfaction: Object.freeze([
    "Consolidate the first positive experience by awakening a special interest in the product.",
    "Build a personal buyer–seller relationship.",
    "Offer a choice of attractive promotions and a comparison with competitors that favours the brand.",
    "Solve the customer's specific problems in non-standard situations: work proactively.",
  ]),
  "brand-loyalty": Object.freeze([
    "Do not pester the customer with offers, but keep monitoring sentiment and its changes: competitors may lure them away.",
    "Study why the customer is loyal to the brand and strengthen those reasons.",
    "Move to a personal, mutually beneficial relationship and invite the customer's advice.",
  ]),
  partnership: Object.freeze([
    "Keep the partner's attention: act on their advice and keep them involved in improving the product.",
  ]),
});

/**
 * The result of {@link loyaltyStage}.
 *
 * @example
 * ```ts
 * import { loyaltyStage, type LoyaltyStageResult } from "loyalty-kit";
 * const r: LoyaltyStageResult = loyaltyStage({});
 * console.log(r.stage); // "none"
 * ```
 * @category measurement
 */
export interface LoyaltyStageResult {
  /** The highest stage whose requirements, and those of every stage below it, hold. */
  readonly stage: LoyaltyStage;
  /** Observations that hold and count toward the stage reached. */
  readonly evidence: readonly LoyaltyStageEvidence[];
  /** The next stage up, or `null` at partnership. */
  readonly next: LoyaltyStage | null;
  /** Observations still needed for the next stage (for an "any of" requirement, each alternative is listed). */
  readonly missing: readonly LoyaltyStageEvidence[];
  /** The actions for moving the customer up from this stage. */
  readonly actions: readonly string[];
}

/**
 * The customer's loyalty stage — satisfaction, brand loyalty or partnership — with the evidence and
 * the actions for moving up.
 *
 * Three stages, as customer-loyalty practice describes them. Satisfaction: a positive experience after buying, but the customer
 * still compares and may prefer a competitor's product at any time. Brand loyalty: the customer sticks
 * to the chosen brand and will not switch to a competing equivalent, though passively. Partnership,
 * the highest: the customer becomes a like-minded ally who helps promote and improve the product,
 * advises the company where to go, and watches competitors. The rules are: satisfaction needs
 * `satisfied`; brand loyalty also needs `repeatPurchases` and `prefersBrand`; partnership also needs
 * `givesAdvice` and one of `promotesProduct` or `sharesCompetitorInfo`. A stage counts only when every
 * stage below it holds too, so adding positive evidence never moves a customer down.
 *
 * @param observations - What was observed (see {@link LoyaltyStageObservations}).
 * @returns The stage, the evidence for it, what is missing for the next one and the actions to take.
 * @throws {LoyaltyValidationError} when a key is unknown or a value is not a boolean.
 * @category measurement
 * @example
 * ```ts
 * import { loyaltyStage } from "loyalty-kit";
 * const r = loyaltyStage({ satisfied: true, repeatPurchases: true, prefersBrand: true, givesAdvice: true });
 * console.log(r.stage, r.next, r.missing); // "brand-loyalty" "partnership" ["promotesProduct", "sharesCompetitorInfo"]
 * ```
 */
export function loyaltyStage(observations: LoyaltyStageObservations): LoyaltyStageResult {
  return guardInputs("loyaltyStage", { observations }, () => loyaltyStageUnguarded(observations));
}

function loyaltyStageUnguarded(observations: LoyaltyStageObservations): LoyaltyStageResult {
  const o = parsers.parse(observations);
  let level = 0;
  const evidence: LoyaltyStageEvidence[] = [];
  let missing: LoyaltyStageEvidence[] = [];
  for (const req of REQUIREMENTS) {
    const lacking: LoyaltyStageEvidence[] = req.all.filter((k) => o[k] !== true);
    const anyHeld: LoyaltyStageEvidence[] = req.any.filter((k) => o[k] === true);
    if (req.any.length > 0 && anyHeld.length === 0) lacking.push(...req.any);
    if (lacking.length > 0) {
      missing = lacking;
      break;
    }
    evidence.push(...req.all, ...anyHeld);
    level++;
  }
  const stage = LOYALTY_STAGES[level] ?? "partnership";
  return { stage, evidence, next: LOYALTY_STAGES[level + 1] ?? null, missing, actions: ACTIONS[stage] };
}

import { guardInputs } from "../core/guard.js";
import { makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { invalid } from "../_lib/values.js";
import { WordOfMouthInputSchema, WordOfMouthOptionsSchema } from "./schemas.js";

/**
 * Input of {@link wordOfMouthReach}.
 *
 * @example
 * ```ts
 * import type { WordOfMouthInput } from "loyalty-kit";
 * const q: WordOfMouthInput = { satisfied: 40, dissatisfied: 5 };
 * console.log(q);
 * ```
 * @category measurement
 */
export interface WordOfMouthInput {
  /** Satisfied customers, a non-negative integer. */
  satisfied: number;
  /** Dissatisfied customers, a non-negative integer. */
  dissatisfied: number;
}

/**
 * Options of {@link wordOfMouthReach} as callers pass them (both optional).
 *
 * @example
 * ```ts
 * import type { WordOfMouthOptions } from "loyalty-kit";
 * const o: WordOfMouthOptions = { tellsDissatisfied: 15 };
 * console.log(o);
 * ```
 * @category measurement
 */
export interface WordOfMouthOptions {
  /** How many people a satisfied customer tells, ≥ 0 (default 10, the customer-service rule of thumb). */
  tellsSatisfied?: number | undefined;
  /** How many people a dissatisfied customer tells, ≥ 0 (default 20). */
  tellsDissatisfied?: number | undefined;
}

const parsers = /* @__PURE__ */ makeParsers(WordOfMouthInputSchema, "word-of-mouth input");
const optionParsers = /* @__PURE__ */ makeParsers(WordOfMouthOptionsSchema, "word-of-mouth options");

/**
 * Validates word-of-mouth counts.
 *
 * @param input - Untrusted data.
 * @returns The counts, typed.
 * @throws {LoyaltyValidationError} when a count is not a non-negative integer.
 * @category measurement
 * @example
 * ```ts
 * import { parseWordOfMouthInput } from "loyalty-kit";
 * console.log(parseWordOfMouthInput({ satisfied: 1, dissatisfied: 0 }).satisfied); // 1
 * ```
 */
export function parseWordOfMouthInput(input: unknown): WordOfMouthInput {
  return guardInputs("parseWordOfMouthInput", { input }, () => parseWordOfMouthInputUnguarded(input));
}

function parseWordOfMouthInputUnguarded(input: unknown): WordOfMouthInput {
  return parsers.parse(input);
}

/**
 * Validates word-of-mouth counts without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseWordOfMouthInput } from "loyalty-kit";
 * console.log(safeParseWordOfMouthInput({ satisfied: -1, dissatisfied: 0 }).success); // false
 * ```
 */
export function safeParseWordOfMouthInput(input: unknown): SafeParseResult<WordOfMouthInput> {
  return guardInputs("safeParseWordOfMouthInput", { input }, () => safeParseWordOfMouthInputUnguarded(input));
}

function safeParseWordOfMouthInputUnguarded(input: unknown): SafeParseResult<WordOfMouthInput> {
  return parsers.safeParse(input);
}

/**
 * The result of {@link wordOfMouthReach}: people reached by each kind of story.
 *
 * @example
 * ```ts
 * import { wordOfMouthReach, type WordOfMouthReach } from "loyalty-kit";
 * const r: WordOfMouthReach = wordOfMouthReach({ satisfied: 1, dissatisfied: 1 });
 * console.log(r.net); // -10
 * ```
 * @category measurement
 */
export interface WordOfMouthReach {
  /** People told a good story: satisfied × tellsSatisfied. */
  readonly positive: number;
  /** People told a bad story: dissatisfied × tellsDissatisfied. */
  readonly negative: number;
  /** positive − negative. */
  readonly net: number;
  /** positive + negative. */
  readonly total: number;
  /** The rates used. */
  readonly tellsSatisfied: number;
  readonly tellsDissatisfied: number;
}

/**
 * Word-of-mouth reach: how many people hear good and bad stories about the shop.
 *
 * The customer-service rule of thumb: a satisfied customer tells 10 people, a dissatisfied one tells
 * 20 — an angry client tells everyone around them and so takes potential customers away. The
 * defaults (10 and 20) are those figures, rules of thumb rather than measurements: pass your own
 * `tellsSatisfied` / `tellsDissatisfied` where you know better. Overlap between audiences is ignored.
 *
 * @param input - `{ satisfied, dissatisfied }` customer counts.
 * @param options - `tellsSatisfied` (default 10), `tellsDissatisfied` (default 20), non-negative numbers.
 * @returns People reached positively and negatively, net and total.
 * @throws {LoyaltyValidationError} when a count is not a non-negative integer or a rate is negative or not finite.
 * @category measurement
 * @example
 * ```ts
 * import { wordOfMouthReach } from "loyalty-kit";
 * const r = wordOfMouthReach({ satisfied: 40, dissatisfied: 5 });
 * console.log(r.positive, r.negative, r.net); // 400 100 300
 * ```
 */
export function wordOfMouthReach(input: WordOfMouthInput, options: WordOfMouthOptions = {}): WordOfMouthReach {
  return guardInputs("wordOfMouthReach", { input, options }, () => wordOfMouthReachUnguarded(input, options));
}

function wordOfMouthReachUnguarded(input: WordOfMouthInput, options: WordOfMouthOptions = {}): WordOfMouthReach {
  const c = parsers.parse(input);
  const { tellsSatisfied, tellsDissatisfied } = optionParsers.parse(options);
  const positive = c.satisfied * tellsSatisfied;
  const negative = c.dissatisfied * tellsDissatisfied;
  if (!Number.isFinite(positive + negative))
    invalid([], "expected counts and rates whose products are finite numbers", "wordOfMouthReach");
  return {
    positive,
    negative,
    net: positive - negative,
    total: positive + negative,
    tellsSatisfied,
    tellsDissatisfied,
  };
}

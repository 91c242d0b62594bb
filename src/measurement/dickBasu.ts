import { guardInputs } from "../core/guard.js";
import { invalid, makeParsers, type SafeParseResult } from "../_lib/validation.js";
import { parseOptions } from "./_lib/options.js";
import { DickBasuInputSchema } from "./schemas.js";

/**
 * Input of {@link dickBasu}: a customer's position on the two axes of Dick & Basu (1994), each on
 * 0..1 (`DickBasuInputSchema` on `loyalty-kit/schemas` checks it).
 *
 * @example
 * ```ts
 * import type { DickBasuInput } from "loyalty-kit";
 * const c: DickBasuInput = { relativeAttitude: 0.8, repeatPatronage: 0.3 };
 * console.log(c);
 * ```
 * @category measurement
 */
export interface DickBasuInput {
  /** Attitude toward us relative to the alternatives, 0..1 (e.g. a normalized survey score). */
  relativeAttitude: number;
  /** How much the customer comes back, 0..1 (e.g. share of purchases or repeat-purchase probability). */
  repeatPatronage: number;
}

const parsers = /* @__PURE__ */ makeParsers(DickBasuInputSchema, "dickBasu input");

/**
 * Validates a Dick & Basu input.
 *
 * @param input - Untrusted data.
 * @returns The input, typed.
 * @throws {LoyaltyValidationError} when a value is missing or outside 0..1.
 * @category measurement
 * @example
 * ```ts
 * import { parseDickBasuInput } from "loyalty-kit";
 * console.log(parseDickBasuInput({ relativeAttitude: 1, repeatPatronage: 0 }).repeatPatronage); // 0
 * ```
 */
export function parseDickBasuInput(input: unknown): DickBasuInput {
  return guardInputs("parseDickBasuInput", { input }, () => parseDickBasuInputUnguarded(input));
}

function parseDickBasuInputUnguarded(input: unknown): DickBasuInput {
  return parsers.parse(input);
}

/**
 * Validates a Dick & Basu input without throwing.
 *
 * @param input - Untrusted data.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @category measurement
 * @example
 * ```ts
 * import { safeParseDickBasuInput } from "loyalty-kit";
 * console.log(safeParseDickBasuInput({ relativeAttitude: 2, repeatPatronage: 0 }).success); // false
 * ```
 */
export function safeParseDickBasuInput(input: unknown): SafeParseResult<DickBasuInput> {
  return guardInputs("safeParseDickBasuInput", { input }, () => safeParseDickBasuInputUnguarded(input));
}

function safeParseDickBasuInputUnguarded(input: unknown): SafeParseResult<DickBasuInput> {
  return parsers.safeParse(input);
}

/**
 * A cell of the Dick & Basu matrix.
 *
 * @example
 * ```ts
 * import type { DickBasuSegment } from "loyalty-kit";
 * const s: DickBasuSegment = "spurious-loyalty";
 * console.log(s);
 * ```
 * @category measurement
 */
export type DickBasuSegment = "loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty";

/**
 * The result of {@link dickBasu}.
 *
 * @example
 * ```ts
 * import { dickBasu, type DickBasuResult } from "loyalty-kit";
 * const r: DickBasuResult = dickBasu({ relativeAttitude: 0.9, repeatPatronage: 0.9 });
 * console.log(r.segment); // "loyalty"
 * ```
 * @category measurement
 */
export interface DickBasuResult {
  readonly segment: DickBasuSegment;
  /** relativeAttitude ≥ attitudeThreshold. */
  readonly highAttitude: boolean;
  /** repeatPatronage ≥ patronageThreshold. */
  readonly highPatronage: boolean;
}

/**
 * Places a customer in the Dick & Basu loyalty matrix: loyalty, latent, spurious or no loyalty.
 *
 * A. S. Dick and K. Basu, "Customer loyalty: toward an integrated conceptual framework", Journal of
 * the Academy of Marketing Science 22 (1994) 99–113, cross relative attitude with repeat patronage:
 * high/high is loyalty, high attitude with low patronage is latent loyalty, low attitude with high
 * patronage is spurious loyalty (habit or lack of choice: the customer who "betrays" the shop
 * for a competitor's discount), low/low is no loyalty. A value counts as high when
 * it is at or above its threshold (default 0.5 for both).
 *
 * @param input - `{ relativeAttitude, repeatPatronage }`, each 0..1.
 * @param options - `attitudeThreshold`, `patronageThreshold`: 0..1 (default 0.5).
 * @returns The segment and which axes are high.
 * @throws {LoyaltyValidationError} when a value or threshold is outside 0..1.
 * @category measurement
 * @example
 * ```ts
 * import { dickBasu } from "loyalty-kit";
 * console.log(dickBasu({ relativeAttitude: 0.3, repeatPatronage: 0.8 }).segment); // "spurious-loyalty"
 * ```
 */
export function dickBasu(
  input: DickBasuInput,
  options: { readonly attitudeThreshold?: number; readonly patronageThreshold?: number } = {},
): DickBasuResult {
  return guardInputs("dickBasu", { input, options }, () => dickBasuUnguarded(input, options));
}

function dickBasuUnguarded(
  input: DickBasuInput,
  options: { readonly attitudeThreshold?: number; readonly patronageThreshold?: number } = {},
): DickBasuResult {
  const c = parsers.parse(input);
  const o = parseOptions(options, ["attitudeThreshold", "patronageThreshold"], "dickBasu");
  const attitudeThreshold = threshold(o["attitudeThreshold"], "attitudeThreshold");
  const patronageThreshold = threshold(o["patronageThreshold"], "patronageThreshold");
  const highAttitude = c.relativeAttitude >= attitudeThreshold;
  const highPatronage = c.repeatPatronage >= patronageThreshold;
  const segment: DickBasuSegment = highAttitude
    ? highPatronage
      ? "loyalty"
      : "latent-loyalty"
    : highPatronage
      ? "spurious-loyalty"
      : "no-loyalty";
  return { segment, highAttitude, highPatronage };
}

function threshold(value: unknown, name: string): number {
  if (value === undefined) return 0.5;
  if (!(typeof value === "number" && value >= 0 && value <= 1))
    invalid(
      [name],
      `expected a number from 0 to 1, got ${typeof value === "number" ? value : typeof value}`,
      "dickBasu",
    );
  return value as number;
}

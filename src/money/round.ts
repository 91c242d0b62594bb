import { guardInputs } from "../core/guard.js";
import DecimalJs from "decimal.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { previewValue } from "../_lib/values.js";
import { makeMoney, minorOf, type Money, asMoney, type MoneyLike } from "./money.js";

/**
 * How to round to a currency's minor unit: `half-even` (banker's rounding, the default for money),
 * `half-up` (ties away from zero), `down` (toward zero), `up` (away from zero), `floor` (toward −∞),
 * `ceil` (toward +∞).
 *
 * @example
 * ```ts
 * import type { RoundingMode } from "loyalty-kit";
 * const mode: RoundingMode = "half-even";
 * console.log(mode);
 * ```
 * @category money
 */
export type RoundingMode = "half-even" | "half-up" | "down" | "up" | "floor" | "ceil";

/** The rounding modes, for schemas and UIs. @category money
 * @example
 * ```ts
 * import { ROUNDING_MODES } from "loyalty-kit";
 * console.log(ROUNDING_MODES.join(", "));
 * ```
 */
export const ROUNDING_MODES: readonly RoundingMode[] = /* @__PURE__ */ Object.freeze([
  "half-even",
  "half-up",
  "down",
  "up",
  "floor",
  "ceil",
]);

/** decimal.js rounding constant of each mode (internal: shared with the pricing engine). */
export const DECIMAL_MODE: Readonly<Record<RoundingMode, DecimalJs.Rounding>> = {
  "half-even": DecimalJs.ROUND_HALF_EVEN,
  "half-up": DecimalJs.ROUND_HALF_UP,
  down: DecimalJs.ROUND_DOWN,
  up: DecimalJs.ROUND_UP,
  floor: DecimalJs.ROUND_FLOOR,
  ceil: DecimalJs.ROUND_CEIL,
};

/** The decimal.js rounding constant for a mode; throws a validation error for an unknown mode. */
export function decimalRounding(mode: unknown, path: readonly (string | number)[] = ["mode"]): DecimalJs.Rounding {
  if (typeof mode !== "string" || !Object.hasOwn(DECIMAL_MODE, mode)) {
    throw new LoyaltyValidationError([
      { path, message: `expected a rounding mode (${ROUNDING_MODES.join(", ")}), got ${previewValue(mode)}` },
    ]);
  }
  return DECIMAL_MODE[mode as RoundingMode];
}

/**
 * Rounds an amount to its currency's minor unit (ISO 4217: JPY 0, USD 2, KWD 3) with an explicit
 * mode. Rounding happens once, at the edge; rounding a rounded amount changes nothing.
 *
 * @param money - the amount
 * @param mode - the rounding mode; default `half-even`
 * @returns the rounded amount
 * @throws {LoyaltyValidationError} when the mode is unknown
 * @example
 * ```ts
 * import { round, money } from "loyalty-kit";
 * console.log(round(money("2.345", "EUR")).amount.toFixed(2));            // "2.34" (half-even)
 * console.log(round(money("2.345", "EUR"), "half-up").amount.toFixed(2)); // "2.35"
 * ```
 * @category money
 */
export function round(money: MoneyLike, mode: RoundingMode = "half-even"): Money {
  return guardInputs("round", { money, mode }, () => roundUnguarded(money, mode));
}

function roundUnguarded(money: MoneyLike, mode: RoundingMode = "half-even"): Money {
  const m = asMoney(money, "money");
  const rounding = decimalRounding(mode);
  return makeMoney(m.amount.toDecimalPlaces(minorOf(m.currency), rounding), m.currency);
}

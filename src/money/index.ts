export { currencyCodes, isCurrencyCode, minorUnits } from "./currencies.js";
export { Decimal, isMoney, money, toDecimal, zero, type DecimalInput, type Money, type MoneyLike } from "./money.js";
export {
  add,
  compare,
  equals,
  isNegative,
  isPositive,
  isZero,
  max,
  min,
  multiply,
  percentage,
  subtract,
  sum,
} from "./arithmetic.js";
export { round, ROUNDING_MODES, type RoundingMode } from "./round.js";
export { allocate } from "./allocate.js";
export { format } from "./format.js";
export { parseMoney, safeParseMoney, toJSON, type MoneyJson } from "./json.js";

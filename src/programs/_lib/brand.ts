// Values produced by parseProgram / parseBasket carry a non-enumerable brand, so the till's hot path
// (quote, checkout) can skip validating them again. The brand does not survive JSON or structured
// cloning: such copies are simply validated again. Values are deep-frozen, so a branded value cannot
// be changed into an invalid one after validation.
const PARSED: unique symbol = Symbol.for("loyalty-kit.programs.validated") as never;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    // Decimal values inside money are left as they are: decimal.js instances are immutable by API.
    if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
      for (const v of Object.values(value)) deepFreeze(v);
    }
    Object.freeze(value);
  }
  return value;
}

export function brand<T extends object>(value: T, what: string): T {
  Object.defineProperty(value, PARSED, { value: what, enumerable: false });
  return deepFreeze(value);
}

export function isBranded(value: unknown, what: string): boolean {
  return typeof value === "object" && value !== null && (value as { [PARSED]?: unknown })[PARSED] === what;
}

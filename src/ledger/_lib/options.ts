import { LoyaltyValidationError } from "../../errors/errors.js";

/**
 * The options object of a ledger function, or a typed error saying what to pass. A missing or `null`
 * options argument is refused here rather than failing later with a plain `TypeError` on `options.at`.
 */
export function requireOptions<T extends object>(options: T | null | undefined, fn: string, shape: string): T {
  if (typeof options === "object" && options !== null && !Array.isArray(options)) return options;
  const got =
    options === null
      ? "null"
      : options === undefined
        ? "nothing"
        : Array.isArray(options)
          ? "an array"
          : `a ${typeof options}`;
  throw new LoyaltyValidationError(
    [{ path: ["options"], message: `${fn} needs an options object ${shape} as its second argument, got ${got}` }],
    "options",
  );
}

import { LoyaltyValidationError } from "../../errors/errors.js";

/**
 * The options of a programs function whose options are all optional: omitted or `null` means the
 * documented defaults (`{}`); anything else that is not an object is a typed validation error, never a
 * `TypeError` from reading a property of it.
 */
export function optionsOrDefaults<T extends object>(options: T | null | undefined): T | Record<string, never> {
  if (options === undefined || options === null) return {};
  if (typeof options !== "object" || Array.isArray(options))
    throw new LoyaltyValidationError([
      {
        path: ["options"],
        message: `expected an options object (or nothing for the defaults), got ${Array.isArray(options) ? "an array" : typeof options}`,
      },
    ]);
  return options;
}

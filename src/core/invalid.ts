// The shortest way to refuse one input field. Internal: not re-exported from the package root.
import { LoyaltyValidationError } from "../errors/errors.js";

/** Throws a LoyaltyValidationError with one issue at `path`; `what` (the function or input name) prefixes the message. */
export function invalid(path: readonly (string | number)[], message: string, what?: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

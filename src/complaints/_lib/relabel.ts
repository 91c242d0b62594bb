import { LoyaltyValidationError } from "../../errors/errors.js";

/**
 * The same validation error under another context and with every issue path under `base` (an opening
 * record checked as `history.0`, an event named by its type); the original's `cause` is kept.
 */
export function relabel(
  error: LoyaltyValidationError,
  context: string,
  base: readonly (string | number)[] = [],
): LoyaltyValidationError {
  const moved = new LoyaltyValidationError(
    error.issues.map((issue) => ({ path: [...base, ...issue.path], message: issue.message })),
    context,
  );
  if ("cause" in error)
    Object.defineProperty(moved, "cause", {
      value: error.cause,
      enumerable: false,
      configurable: true,
      writable: true,
    });
  return moved;
}

import { LoyaltyError, LoyaltyValidationError } from "../../errors/errors.js";

/**
 * Runs a reader over untrusted input: a getter or proxy that throws while being read becomes a
 * LoyaltyValidationError like any other bad input.
 */
export function reading<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof LoyaltyError) throw e;
    throw new LoyaltyValidationError(
      [{ path: [], message: `could not read input: ${e instanceof Error ? e.message : String(e)}` }],
      what,
    );
  }
}

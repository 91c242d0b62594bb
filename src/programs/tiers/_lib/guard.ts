import { LoyaltyError, LoyaltyValidationError } from "../../../errors/errors.js";

/**
 * Runs `body`, turning an exception that is not a LoyaltyError into a validation error: the only
 * foreign exceptions these pure functions can meet come from the caller's input (a getter or a Proxy
 * trap that throws while being read), and the library promises typed errors only.
 */
export function readingInput<T>(what: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof LoyaltyError) throw e;
    throw new LoyaltyValidationError([
      {
        path: [],
        message: `could not read the ${what}: reading it threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)} (pass plain data, not objects with throwing getters or proxies)`,
      },
    ]);
  }
}

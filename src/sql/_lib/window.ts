// Reading the optional instants of the cohort and repeat-purchase SQL builders, exactly as the
// in-process measurement functions read them (core's instant parser).
import { LoyaltyValidationError } from "../../errors/errors.js";
import { parseInstant, previewValue } from "../../_lib/values.js";

/** Epoch ms of an optional instant option, or undefined. */
export function optionalInstant(options: object, name: string, what: string): number | undefined {
  const v = (options as Record<string, unknown>)[name];
  if (v === undefined) return undefined;
  try {
    return parseInstant(v, name);
  } catch {
    throw new LoyaltyValidationError(
      [
        {
          path: [name],
          message: `expected an ISO-8601 instant with an offset or a valid Date, got ${previewValue(v)}`,
        },
      ],
      what,
    );
  }
}

/** Months since year 0 (year·12 + month − 1) of a UTC instant. */
export function utcMonth(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

import { zonedParts } from "../../../core/calendar.js";
import { parseInstant, previewValue } from "../../../core/instant.js";
import { LoyaltyValidationError } from "../../../errors/errors.js";
import { minorUnits } from "../../../money/currencies.js";
import type { Decimal } from "../../../money/money.js";
import { parseTierHistory, parseTierPolicy } from "../parseTierPolicy.js";
import type { TierActivity, TierPolicy } from "../tierPolicy.js";

/** Validates the three inputs every tier function takes; throws a LoyaltyValidationError naming the one that is wrong. */
export function tierInputs(
  policy: unknown,
  history: unknown,
  options: unknown,
): { policy: TierPolicy; history: TierActivity[]; atMs: number } {
  const p = parseTierPolicy(policy);
  const h = parseTierHistory(history);
  if (typeof options !== "object" || options === null || !("at" in options))
    throw new LoyaltyValidationError([
      {
        path: ["options", "at"],
        message: `expected options { at } with the instant to read the tier at (the tier depends on the date), got ${options === null || typeof options !== "object" ? previewValue(options) : "no at"}`,
      },
    ]);
  const atMs = parseInstant((options as { at: unknown }).at, ["options", "at"]);
  return { policy: p, history: h, atMs };
}

/** An amount as the policy's basis writes it: money to the currency's minor unit, points as they are. */
export function formatAmount(policy: TierPolicy, d: Decimal): string {
  if (policy.basis === "spend") return d.toFixed(minorUnits(policy.currency ?? "") ?? 2);
  return d.toString();
}

/** The calendar date of an instant in the policy's zone, as "YYYY-MM-DD". */
export function zonedDate(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${String(p.year).padStart(4, "0")}-${String(p.month).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

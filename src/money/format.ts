import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { asMoney, minorOf, type MoneyLike } from "./money.js";

// Intl.NumberFormat formats a decimal string exactly (ECMA-402 "Intl.NumberFormat v3"); the ES2022
// lib typings predate that, so the string goes through this typed view.
type ExactFormatter = { format(value: string): string };

/**
 * Formats an amount for display with `Intl.NumberFormat` in a locale, showing at least the
 * currency's minor-unit decimals (and more when the amount has them: nothing is silently rounded).
 *
 * @param money - the amount
 * @param locale - a BCP 47 locale; default "en-US"
 * @param options - extra Intl.NumberFormat options (e.g. `currencyDisplay: "code"`)
 * @returns the formatted string
 * @throws {LoyaltyValidationError} when the locale is not valid
 * @example
 * ```ts
 * import { format, money } from "loyalty-kit";
 * console.log(format(money("1234.5", "EUR"), "de-DE")); // "1.234,50 €"
 * console.log(format(money("1234.5", "USD")));          // "$1,234.50"
 * ```
 * @category money
 */
export function format(money: MoneyLike, locale = "en-US", options: Intl.NumberFormatOptions = {}): string {
  return guardInputs("format", { money, locale, options }, () => formatUnguarded(money, locale, options));
}

function formatUnguarded(money: MoneyLike, locale = "en-US", options: Intl.NumberFormatOptions = {}): string {
  const m = asMoney(money, "money");
  const digits = Math.max(minorOf(m.currency), m.amount.decimalPlaces());
  let formatter: Intl.NumberFormat;
  try {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency: m.currency,
      minimumFractionDigits: minorOf(m.currency),
      maximumFractionDigits: Math.min(digits, 100),
      ...options,
    });
  } catch (e) {
    throw new LoyaltyValidationError([
      {
        path: ["locale"],
        message: `could not format for locale ${JSON.stringify(locale)}: ${e instanceof Error ? e.message : String(e)}`,
      },
    ]);
  }
  return (formatter as unknown as ExactFormatter).format(m.amount.toFixed());
}

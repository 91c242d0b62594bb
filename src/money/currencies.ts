// ISO 4217 active currency codes and their minor units (number of decimal places), from the ISO 4217
// list one (current currency & funds). Codes without a minor unit (precious metals, test codes,
// XDR/XSU/XUA) are not money a shop charges in and are left out.
import { guardInputs } from "../core/guard.js";

const THREE = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
const ZERO = [
  "BIF",
  "CLP",
  "DJF",
  "GNF",
  "ISK",
  "JPY",
  "KMF",
  "KRW",
  "PYG",
  "RWF",
  "UGX",
  "UYI",
  "VND",
  "VUV",
  "XAF",
  "XOF",
  "XPF",
];
const FOUR = ["CLF", "UYW"];
const TWO = (
  "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD " +
  "CAD CDF CHE CHF CHW CNY COP COU CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP " +
  "GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL " +
  "MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN " +
  "QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD " +
  "TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG"
).split(" ");

const MINOR_UNITS: ReadonlyMap<string, number> = new Map([
  ...TWO.map((c) => [c, 2] as const),
  ...ZERO.map((c) => [c, 0] as const),
  ...THREE.map((c) => [c, 3] as const),
  ...FOUR.map((c) => [c, 4] as const),
]);

/**
 * Whether `code` is an active ISO 4217 currency code that loyalty-kit knows.
 *
 * @param code - a three-letter code such as "EUR"
 * @returns true for known codes ("EUR", "JPY", "KWD", …), false otherwise (including lower case)
 * @example
 * ```ts
 * import { isCurrencyCode } from "loyalty-kit";
 * console.log(isCurrencyCode("EUR"), isCurrencyCode("XYZ")); // true false
 * ```
 * @category money
 */
export function isCurrencyCode(code: unknown): code is string {
  return guardInputs("isCurrencyCode", { code }, () => isCurrencyCodeUnguarded(code));
}

function isCurrencyCodeUnguarded(code: unknown): code is string {
  return typeof code === "string" && MINOR_UNITS.has(code);
}

/**
 * The number of decimal places of a currency's minor unit, per ISO 4217: JPY 0, USD 2, KWD 3, CLF 4.
 * Rounding and allocation work to this unit.
 *
 * @param currency - an ISO 4217 code
 * @returns the minor-unit exponent, or `undefined` for an unknown code
 * @example
 * ```ts
 * import { minorUnits } from "loyalty-kit";
 * console.log(minorUnits("JPY"), minorUnits("USD"), minorUnits("KWD")); // 0 2 3
 * ```
 * @category money
 */
export function minorUnits(currency: string): number | undefined {
  return guardInputs("minorUnits", { currency }, () => minorUnitsUnguarded(currency));
}

function minorUnitsUnguarded(currency: string): number | undefined {
  return MINOR_UNITS.get(currency);
}

/**
 * Every currency code loyalty-kit knows, sorted.
 *
 * @returns ISO 4217 codes
 * @example
 * ```ts
 * import { currencyCodes } from "loyalty-kit";
 * console.log(currencyCodes().includes("IDR")); // true
 * ```
 * @category money
 */
export function currencyCodes(): string[] {
  return [...MINOR_UNITS.keys()].sort();
}

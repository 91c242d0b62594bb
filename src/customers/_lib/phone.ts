// E.164 phone number normalization (ITU-T E.164: "+", a country calling code, at most 15 digits).

/** Separators people type inside phone numbers. */
const SEPARATORS = /[\s\-.()/]/g;
const E164 = /^\+[1-9]\d{6,14}$/;

/** True when `value` is already in E.164 form ("+" and 7 to 15 digits, no leading zero). */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/** Why `input` cannot be normalized, as `{ problem }`, or the E.164 number as `{ e164 }`. */
export function toE164(
  input: string,
  defaultCountryCode: string | undefined,
  trunkPrefix: string,
): { e164: string } | { problem: string } {
  if (E164.test(input)) return { e164: input };
  const compact = input.replace(SEPARATORS, "");
  let digits: string;
  if (compact.startsWith("+")) digits = compact.slice(1);
  else if (compact.startsWith("00")) digits = compact.slice(2);
  else {
    if (!/^\d+$/.test(compact))
      return {
        problem: `expected a phone number of digits, spaces, dashes, dots or parentheses, got ${JSON.stringify(input)}`,
      };
    if (defaultCountryCode === undefined) {
      return {
        problem: `${JSON.stringify(input)} is a national number: pass defaultCountryCode (e.g. "62" for Indonesia) or give it as +<country code><number>`,
      };
    }
    const national =
      trunkPrefix !== "" && compact.startsWith(trunkPrefix) ? compact.slice(trunkPrefix.length) : compact;
    digits = defaultCountryCode + national;
  }
  const e164 = `+${digits}`;
  if (!E164.test(e164))
    return {
      problem: `expected a phone number that normalizes to E.164 (+, country code, 7 to 15 digits in all), got ${JSON.stringify(input)}`,
    };
  return { e164 };
}

/** A country calling code: 1 to 3 digits, not starting with 0 (ITU-T E.164). */
const COUNTRY_CODE = /^[1-9]\d{0,2}$/;

/** The first malformed phone option as `[field, message]`, or undefined when both are fine. */
export function phoneOptionProblem(defaultCountryCode: unknown, trunkPrefix: unknown): [string, string] | undefined {
  if (
    defaultCountryCode !== undefined &&
    (typeof defaultCountryCode !== "string" || !COUNTRY_CODE.test(defaultCountryCode))
  ) {
    return [
      "defaultCountryCode",
      `expected a country calling code of 1 to 3 digits such as "62", got ${JSON.stringify(defaultCountryCode)}`,
    ];
  }
  if (trunkPrefix !== undefined && (typeof trunkPrefix !== "string" || !/^\d{0,2}$/.test(trunkPrefix))) {
    return [
      "trunkPrefix",
      `expected a trunk prefix of at most 2 digits such as "0", got ${JSON.stringify(trunkPrefix)}`,
    ];
  }
  return undefined;
}

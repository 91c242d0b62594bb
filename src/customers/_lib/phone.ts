// E.164 phone number normalization (ITU-T E.164: "+", a country calling code, at most 15 digits).

/** Separators people type inside phone numbers. */
const SEPARATORS = /[\s\-.()/]/g;
const E164 = /^\+[1-9]\d{6,14}$/;

/** True when `value` is already in E.164 form ("+" and 7 to 15 digits, no leading zero). */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * The national numbering plans the library knows: country calling code → the lengths a national
 * significant number (the digits after the country code) can have, and the national trunk prefix.
 * Sources: ITU-T E.164 (at most 15 digits in all) and each country's plan as notified to the ITU
 * (ITU Operational Bulletin, "national numbering plans"): NANP (10 digits, "1" dialled before long-distance
 * numbers), Russia (10, trunk "8"), France (9), Spain (9, no trunk prefix), Italy (6 to 12, no trunk
 * prefix: the leading 0 of a fixed-line number is part of it), United Kingdom (7 to 10), Germany (Bundesnetzagentur's
 * plan: 5 to 13), Netherlands (9), Switzerland (9), Indonesia (7 to 12), Australia (9), Japan (9 to
 * 10), China (7 to 12), India (10), Brazil (10 to 11), Mexico (10, no trunk prefix since 2019), Singapore (8,
 * no trunk prefix), South Africa (9). A country not listed is checked against E.164 alone.
 */
const PLANS: Readonly<Record<string, readonly [min: number, max: number, trunk: string]>> = {
  "1": [10, 10, "1"],
  "7": [10, 10, "8"],
  "27": [9, 9, "0"],
  "31": [9, 9, "0"],
  "33": [9, 9, "0"],
  "34": [9, 9, ""],
  "39": [6, 12, ""],
  "41": [9, 9, "0"],
  "44": [7, 10, "0"],
  "49": [5, 13, "0"],
  "52": [10, 10, ""],
  "55": [10, 11, "0"],
  "61": [9, 9, "0"],
  "62": [7, 12, "0"],
  "65": [8, 8, ""],
  "81": [9, 10, "0"],
  "86": [7, 12, "0"],
  "91": [10, 10, "0"],
};

/** The trunk prefix a country's national numbers are dialled with: from its plan, else "0". */
export function defaultTrunkPrefix(countryCode: string | undefined): string {
  return (countryCode === undefined ? undefined : PLANS[countryCode]?.[2]) ?? "0";
}

/** The known country code a string of international digits starts with (codes are prefix-free), or undefined. */
function knownCountry(digits: string): string | undefined {
  for (let n = 1; n <= 3; n++) if (PLANS[digits.slice(0, n)] !== undefined) return digits.slice(0, n);
  return undefined;
}

/**
 * Why `input` cannot be normalized, as `{ problem }`, or the E.164 number as `{ e164 }`. A trunk
 * prefix typed after the country code ("+49 (0)30 …", "+62 0812 …") is dropped where the country has
 * one; `trunkPrefix` undefined means the country's own (see {@link defaultTrunkPrefix}).
 */
export function toE164(
  input: string,
  defaultCountryCode: string | undefined,
  trunkPrefix: string | undefined,
): { e164: string } | { problem: string } {
  const compact = input.replace(/\(0\)/g, "").replace(SEPARATORS, "");
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
    const trunk = trunkPrefix ?? defaultTrunkPrefix(defaultCountryCode);
    const national = trunk !== "" && compact.startsWith(trunk) ? compact.slice(trunk.length) : compact;
    digits = defaultCountryCode + national;
  }
  const country = /^\d+$/.test(digits) ? knownCountry(digits) : undefined;
  const plan = country === undefined ? undefined : PLANS[country];
  if (country !== undefined && plan !== undefined) {
    let national = digits.slice(country.length);
    // "+62 0812 …": the national trunk prefix typed after the country code is not part of the number.
    if (plan[2] !== "" && national.startsWith(plan[2]) && national.length > plan[1]) national = national.slice(1);
    else if (plan[2] === "0" && national.startsWith("0")) national = national.slice(1);
    digits = country + national;
    if (national.length < plan[0] || national.length > plan[1])
      return {
        problem: `expected ${plan[0] === plan[1] ? plan[0] : `${plan[0]} to ${plan[1]}`} digits after the country code +${country} (its national numbering plan), got ${national.length} in ${JSON.stringify(input)}`,
      };
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

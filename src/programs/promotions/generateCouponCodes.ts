import { guardInputs } from "../../core/guard.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { ALPHABET, checkCharacter, normalizeCode } from "./_lib/couponCode.js";

/**
 * Options of {@link generateCouponCodes}.
 *
 * @example
 * ```ts
 * import type { GenerateCouponCodesOptions } from "loyalty-kit";
 * const options: GenerateCouponCodesOptions = { count: 100 };
 * console.log(options.count);
 * ```
 * @category programs
 */
export interface GenerateCouponCodesOptions {
  /** How many distinct codes, 1 to 100,000. */
  readonly count: number;
  /**
   * Fills an array with random bytes; default the platform's `crypto.getRandomValues` (Web Crypto,
   * in Node 20, browsers and edge runtimes). Pass a seeded source for reproducible tests.
   */
  readonly randomBytes?: (bytes: Uint8Array) => Uint8Array;
}

interface WebCrypto {
  getRandomValues(bytes: Uint8Array): Uint8Array;
}

function defaultRandom(bytes: Uint8Array): Uint8Array {
  const crypto = (globalThis as { crypto?: WebCrypto }).crypto;
  if (crypto === undefined)
    throw new LoyaltyValidationError([
      {
        path: ["options", "randomBytes"],
        message: "expected a random source: this platform has no crypto.getRandomValues, pass randomBytes",
      },
    ]);
  return crypto.getRandomValues(bytes);
}

/**
 * Generates distinct coupon codes from a pattern: each `#` but the last is a random character of the
 * Crockford Base32 alphabet (digits and letters without I, L, O, U), the last `#` is a Luhn mod N
 * check character over them, and every other character is kept. At the till a code with one wrong
 * character, or two neighbours swapped in most cases, is refused as mistyped rather than unknown.
 *
 * The pattern needs at least five `#` (four random characters, about a million codes); the count
 * may use at most a quarter of the pattern's codes, so codes stay hard to guess. The check character
 * only catches typing errors: a code is accepted when it was handed out (listed in the program's
 * `coupon.codes` or issued into the coupon state), not because its check character fits.
 *
 * @param pattern - e.g. `"SPRING-####-####"`
 * @param options - `count`, and `randomBytes` for a reproducible source
 * @returns the codes, in generation order
 * @throws {LoyaltyValidationError} when the pattern has too few `#` or the count is out of range
 * @category programs
 * @example
 * ```ts
 * import { generateCouponCodes } from "loyalty-kit";
 * const codes = generateCouponCodes("SPRING-####-####", { count: 3 });
 * console.log(codes.length, /^SPRING-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/.test(codes[0] ?? "")); // 3 true
 * ```
 */
export function generateCouponCodes(pattern: string, options: GenerateCouponCodesOptions): string[] {
  return guardInputs("generateCouponCodes", { pattern, options }, () => generateCouponCodesUnguarded(pattern, options));
}

function generateCouponCodesUnguarded(pattern: string, options: GenerateCouponCodesOptions): string[] {
  if (typeof pattern !== "string" || pattern.length === 0 || pattern.length > 64)
    throw new LoyaltyValidationError([
      { path: ["pattern"], message: 'expected a pattern of 1 to 64 characters such as "SPRING-####-####"' },
    ]);
  const slots = [...pattern].filter((c) => c === "#").length;
  if (slots < 5)
    throw new LoyaltyValidationError([
      {
        path: ["pattern"],
        message: `expected at least five # in the pattern (four random characters and a check character), got ${slots}`,
      },
    ]);
  const count = options?.count;
  const capacity = 32 ** (slots - 1);
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000 || count > capacity / 4)
    throw new LoyaltyValidationError([
      {
        path: ["options", "count"],
        message: `expected a whole number of codes from 1 to ${Math.min(100_000, Math.floor(capacity / 4))} (at most a quarter of the pattern's codes), got ${String(count)}`,
      },
    ]);
  const random = options.randomBytes ?? defaultRandom;
  const seen = new Set<string>();
  const out: string[] = [];
  const last = pattern.lastIndexOf("#");
  let attempts = 0;
  while (out.length < count) {
    if (++attempts > count * 20 + 100)
      throw new LoyaltyValidationError([
        { path: ["options", "randomBytes"], message: "expected a random source: it keeps repeating the same codes" },
      ]);
    // 32 symbols: the low five bits of a byte are uniform
    const bytes = random(new Uint8Array(slots - 1));
    let k = 0;
    let payload = "";
    const chars = [...pattern].map((c, i) => {
      if (c !== "#" || i === last) return c;
      const ch = ALPHABET[(bytes[k++] ?? 0) & 31] as string;
      payload += ch;
      return ch;
    });
    chars[last] = checkCharacter(payload);
    const code = chars.join("");
    const key = normalizeCode(code);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(code);
  }
  return out;
}

import { guardInputs } from "../../core/guard.js";
import { readingInput } from "../tiers/_lib/guard.js";
import { previewValue } from "../../core/instant.js";
import { LoyaltyValidationError } from "../../errors/errors.js";

// Crockford's base 32: no I, L, O or U, so a code read aloud or typed from a receipt is not misread.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/**
 * A member's referral code: 10 characters of Crockford's base 32 (no I, L, O, U) from a 64-bit FNV-1a
 * hash of the shop's `salt` and the customer id, so the same member always gets the same code and codes
 * cannot be guessed from ids without the salt. A hash can collide (about once in 2^50 pairs): store each
 * code with its member and refuse a new member whose code is taken — the code is a lookup key, not proof.
 *
 * @param customerId - the member's id
 * @param options - `{ salt }`: a secret string of the shop
 * @returns the code, such as "K3Q9M2XR7T"
 * @throws {LoyaltyValidationError} when the id or the salt is not a non-empty string
 * @category programs
 * @example
 * ```ts
 * import { referralCode } from "loyalty-kit";
 * const code = referralCode("c-1", { salt: "our-shop-secret" });
 * console.log(code.length, code === referralCode("c-1", { salt: "our-shop-secret" })); // 10 true
 * ```
 */
export function referralCode(customerId: string, options: { readonly salt: string }): string {
  return guardInputs("referralCode", { customerId, options }, () => referralCodeUnguarded(customerId, options));
}

function referralCodeUnguarded(customerId: string, options: { readonly salt: string }): string {
  return readingInput("referral code input", () => {
    if (typeof customerId !== "string" || customerId.length === 0)
      throw new LoyaltyValidationError([
        { path: ["customerId"], message: `expected a non-empty customer id, got ${previewValue(customerId)}` },
      ]);
    const salt: unknown = typeof options === "object" && options !== null ? options.salt : undefined;
    if (typeof salt !== "string" || salt.length === 0)
      throw new LoyaltyValidationError([
        {
          path: ["options", "salt"],
          message: `expected options { salt } with a non-empty secret string of the shop, got ${previewValue(salt)}`,
        },
      ]);
    // FNV-1a, 64 bits (offset basis 14695981039346656037, prime 1099511628211), over UTF-16 code units.
    let h = 0xcbf29ce484222325n;
    const text = `${salt}\u0000${customerId}`;
    for (let i = 0; i < text.length; i++) {
      h ^= BigInt(text.charCodeAt(i));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    let code = "";
    for (let i = 0; i < 10; i++) {
      code += ALPHABET[Number(h & 31n)];
      h >>= 5n;
    }
    return code;
  });
}

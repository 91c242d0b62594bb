// Coupon codes: normalization and the Luhn mod N check character over the Crockford Base32
// alphabet (32 symbols: digits and letters without I, L, O, U, which are read as 1, 1, 0 and refused).
// Luhn mod N catches every single mistyped character and most swaps of two neighbours.

export const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const N = ALPHABET.length;

/** Upper case, without spaces and dashes; Crockford's look-alikes O → 0 and I, L → 1. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/** The pattern's placeholders and literals, normalized like codes ("#" stays). */
export function normalizePattern(pattern: string): string {
  return normalizeCode(pattern);
}

/** The Luhn mod N check character of `payload` (alphabet characters only). */
export function checkCharacter(payload: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = payload.length - 1; i >= 0; i--) {
    const code = ALPHABET.indexOf(payload[i] as string);
    let addend = factor * code;
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N] as string;
}

/**
 * Whether a normalized code has the pattern's shape and a correct check character: "shape" when the
 * literals or the length differ, "check" when only the check character is wrong, null when it fits.
 */
export function patternMismatch(code: string, pattern: string): "shape" | "check" | null {
  const p = normalizePattern(pattern);
  if (code.length !== p.length) return "shape";
  let payload = "";
  let check = "";
  const last = p.lastIndexOf("#");
  for (let i = 0; i < p.length; i++) {
    const want = p[i] as string;
    const got = code[i] as string;
    if (want === "#") {
      if (!ALPHABET.includes(got)) return "shape";
      if (i === last) check = got;
      else payload += got;
    } else if (want !== got) return "shape";
  }
  return checkCharacter(payload) === check ? null : "check";
}

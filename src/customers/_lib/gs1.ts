// GS1 check digit (EAN-13, EAN-8, UPC-A share it): weights 3,1,3,1,… from the rightmost data digit,
// check = (10 − sum mod 10) mod 10. GS1 General Specifications §7.9.1.

/** The check digit GS1 expects after `data` (digits only, without the check digit). */
export function gs1CheckDigit(data: string): number {
  let sum = 0;
  let weight = 3;
  for (let i = data.length - 1; i >= 0; i--) {
    sum += (data.charCodeAt(i) - 48) * weight;
    weight = weight === 3 ? 1 : 3;
  }
  return (10 - (sum % 10)) % 10;
}

const DIGITS = /^\d+$/;

/** The symbology of a barcode by its length, or undefined for a length that is none of them. */
export function barcodeFormat(code: string): "EAN-13" | "UPC-A" | "EAN-8" | undefined {
  if (!DIGITS.test(code)) return undefined;
  switch (code.length) {
    case 13:
      return "EAN-13";
    case 12:
      return "UPC-A";
    case 8:
      return "EAN-8";
    default:
      return undefined;
  }
}

/**
 * True when `code` is an EAN-13, UPC-A or EAN-8 with the right check digit. One pass over the
 * characters, no regular expression and no allocation: it runs on every lookup at the till.
 */
export function isValidBarcode(code: string): boolean {
  const n = code.length;
  if (n !== 13 && n !== 12 && n !== 8) return false;
  let sum = 0;
  for (let i = 0; i < n - 1; i++) {
    const d = code.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    // The rightmost data digit (i = n − 2) weighs 3, then 1, 3, … leftwards.
    sum += (n - i) % 2 === 0 ? 3 * d : d;
  }
  return code.charCodeAt(n - 1) - 48 === (10 - (sum % 10)) % 10;
}

/** Why a barcode is not valid, or undefined when it is. */
export function barcodeProblem(code: string): string | undefined {
  if (isValidBarcode(code)) return undefined;
  const format = barcodeFormat(code);
  if (format === undefined)
    return `expected an EAN-13 (13 digits), UPC-A (12 digits) or EAN-8 (8 digits) barcode, got ${JSON.stringify(code)}`;
  const expected = gs1CheckDigit(code.slice(0, -1));
  const actual = code.charCodeAt(code.length - 1) - 48;
  return `${format} check digit of ${JSON.stringify(code)} should be ${expected}, got ${actual}`;
}

/**
 * The key a barcode is indexed under. A UPC-A code is the EAN-13 code with a leading zero (GS1), and
 * scanners report it either way, so both spellings share one key.
 */
export function barcodeKey(code: string): string {
  return code.length === 12 ? `0${code}` : code;
}

import { guardInputs } from "../core/guard.js";
import { invalid } from "../_lib/values.js";
import { barcodeFormat, barcodeProblem } from "./_lib/gs1.js";

/**
 * Checks a loyalty card's barcode (cards with a barcode read by a scanner): an EAN-13,
 * UPC-A or EAN-8 code whose last digit is the GS1 check digit of the others (weights 3 and 1
 * alternating from the right; GS1 General Specifications §7.9.1).
 *
 * @param code - The digits the scanner read.
 * @returns The symbology, `"EAN-13" | "UPC-A" | "EAN-8"`.
 * @throws {LoyaltyValidationError} when the length fits none of them or the check digit is wrong.
 * @example
 * ```ts
 * import { validateBarcode } from "loyalty-kit";
 * console.log(validateBarcode("4006381333931")); // EAN-13
 * console.log(validateBarcode("036000291452")); // UPC-A
 * ```
 * @category customers
 */
export function validateBarcode(code: string): "EAN-13" | "UPC-A" | "EAN-8" {
  return guardInputs("validateBarcode", { code }, () => validateBarcodeUnguarded(code));
}

function validateBarcodeUnguarded(code: string): "EAN-13" | "UPC-A" | "EAN-8" {
  const problem = typeof code === "string" ? barcodeProblem(code) : `expected a string of digits, got ${typeof code}`;
  if (problem !== undefined) invalid(["code"], problem);
  // barcodeProblem returned undefined, so the format is known.
  return barcodeFormat(code) as "EAN-13" | "UPC-A" | "EAN-8";
}

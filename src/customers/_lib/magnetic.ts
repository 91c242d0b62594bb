// Magnetic-stripe card numbers: 1 to 19 digits, the account-number length of ISO/IEC 7813 track 2.

const MAGNETIC = /^\d{1,19}$/;

/** True when `value` can be a magnetic-stripe number. */
export function isMagneticNumber(value: string): boolean {
  return MAGNETIC.test(value);
}

/** What a magnetic-stripe number must look like, for error messages. */
export const MAGNETIC_EXPECTED = "expected a magnetic-stripe number of 1 to 19 digits";

// The decimal-string wire format, zod-free so that small modules (money arithmetic) can check it
// without pulling a schema library into a bundle. Internal: not re-exported from the package root.

/** A decimal number as a string: optional minus, digits, optional fraction. No exponent, no spaces. */
export const DECIMAL_PATTERN = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/** A non-negative decimal number as a string. */
export const NON_NEGATIVE_DECIMAL_PATTERN = /^(0|[1-9]\d*)(\.\d+)?$/;

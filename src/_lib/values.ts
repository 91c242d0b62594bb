// Moved to src/core (instant.ts, invalid.ts, validation.ts); kept as a re-export so that modules
// owned by other branches keep compiling until their imports are swapped. Import from src/core.
export { EXPECTED_INSTANT, instantMillis, parseInstant, previewValue } from "../core/instant.js";
export { invalid } from "../core/invalid.js";
export { DECIMAL_PATTERN } from "../core/decimal.js";

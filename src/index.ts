/**
 * loyalty-kit: loyalty programs done right — exact money, an idempotent points ledger, the program
 * kinds shops run at the till, and the analytics a marketer uses afterwards.
 *
 * Every module is re-exported here; with `"sideEffects": false` and one output file per source
 * file, a bundler keeps only what you import.
 *
 * @module loyalty-kit
 */
export * from "./errors/index.js";
export * from "./money/index.js";
export * from "./ledger/index.js";
export * from "./programs/index.js";
export * from "./customers/index.js";
export * from "./analytics/index.js";
export * from "./bonding/index.js";
export * from "./measurement/index.js";
export * from "./complaints/index.js";
export * from "./economics/index.js";
export * from "./sql/index.js";
export * from "./crm/index.js";
export type { SafeParseResult } from "./core/validation.js";

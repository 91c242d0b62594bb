// Time-boxed earn multipliers (happy hours, category weekends).
export type {
  TimedMultiplier,
  TimedMultiplierInput,
} from "./timedMultiplier.js";
export { timedBonusEntry, type TimedBonus, type TimedBonusLine, type TimedBonusOptions } from "./timedBonusEntry.js";
export { timedMultipliersJsonSchema } from "./timedMultipliersJsonSchema.js";

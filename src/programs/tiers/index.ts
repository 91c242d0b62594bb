// Tiers for points programs: qualification in a window, retention and downgrades, progress.
export type {
  TierActivity,
  TierActivityInput,
  TierLevel,
  TierPolicy,
  TierPolicyInput,
  TierRetention,
  TierWindow,
} from "./tierPolicy.js";
export { parseTierPolicy, safeParseTierPolicy } from "./parseTierPolicy.js";
export { tierPolicyJsonSchema } from "./tierPolicyJsonSchema.js";
export { tierStatus, type TierChange, type TierStatus } from "./tierStatus.js";
export { tierProgress, type TierProgress } from "./tierProgress.js";
export { tierBonusEntry, type TierBonusOptions } from "./tierBonusEntry.js";
export type { TierChangeReason } from "./_lib/simulate.js";
export type { EarnRequest } from "./_lib/earnRequest.js";

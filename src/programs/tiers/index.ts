// Tiers for points programs: qualification in a window, retention and downgrades, progress.
export {
  TierActivitySchema,
  TierHistorySchema,
  TierLevelSchema,
  TierPolicySchema,
  TierRetentionSchema,
  TierWindowSchema,
  type TierActivity,
  type TierActivityInput,
  type TierLevel,
  type TierPolicy,
  type TierPolicyInput,
  type TierRetention,
  type TierWindow,
} from "./tierPolicy.js";
export { parseTierPolicy, safeParseTierPolicy } from "./parseTierPolicy.js";
export { tierPolicyJsonSchema } from "./tierPolicyJsonSchema.js";
export { tierStatus, type TierChange, type TierStatus } from "./tierStatus.js";
export { tierProgress, type TierProgress } from "./tierProgress.js";
export { tierBonusEntry, type TierBonusOptions } from "./tierBonusEntry.js";
export type { TierChangeReason } from "./_lib/simulate.js";
export type { EarnRequest } from "./_lib/earnRequest.js";

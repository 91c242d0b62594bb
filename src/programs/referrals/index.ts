// Referrals: codes, the fraud-checked reward decision, and the report.
export type { ReferralRules, ReferralRulesInput } from "./referralRules.js";
export { referralCode } from "./referralCode.js";
export {
  referralDecision,
  type ReferralDecision,
  type ReferralDecisionOptions,
  type ReferralPurchase,
  type ReferralReason,
  type RewardedReferral,
} from "./referralDecision.js";
export { referralReport, type Advocate, type ReferralRecord, type ReferralReport } from "./referralReport.js";
export { referralRulesJsonSchema } from "./referralRulesJsonSchema.js";

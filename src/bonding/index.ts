// CRM bonding levels : financial < social < structural.
export { BOND_TYPES, BONDING_SIGNALS, type BondType, type BondingSignal } from "./signals.js";
export {
  DEFAULT_BONDING_RULES,
  type BondingRulesInput,
  type BondingRules,
  type BondingAction,
} from "./rules.js";
export { parseBondingProfile, safeParseBondingProfile, type BondingProfile } from "./profile.js";
export { classifyBonding, type Bond, type BondingClassification } from "./classifyBonding.js";
export { bondingReport, type BondingReport, type BondingReportOptions } from "./bondingReport.js";

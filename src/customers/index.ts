// Customer identity, consent and routine contact (Pareto's 80/20 perks, consent before personal data).
export type {
  CustomerIdentifier,
  ContactChannel,
  ConsentStatement,
  Customer,
  CustomerInput,
} from "./customer.js";
export { parseCustomer, safeParseCustomer } from "./parseCustomer.js";
export { customerJsonSchema } from "./customerJsonSchema.js";
export { normalizePhone, type NormalizePhoneOptions } from "./normalizePhone.js";
export { validateBarcode } from "./validateBarcode.js";
export { buildCustomerIndex, type CustomerIndex } from "./buildCustomerIndex.js";
export { identify, type IdentifyInput, type IdentifyResult } from "./identify.js";
export { canContact, type CanContactOptions, type ContactDecision, type ContactReason } from "./canContact.js";
export { assertCanEnroll, type EnrollOptions } from "./assertCanEnroll.js";
export { hasPersonalDataConsent } from "./hasPersonalDataConsent.js";
export {
  contactPlan,
  CONTACT_PLAN_MAX_DAYS,
  type ContactPlanOptions,
  type ContactKind,
  type ContactDetails,
  type PlannedContact,
  type SkippedContact,
  type ContactPlan,
} from "./contactPlan.js";
export { perksFor, type PerkRule, type Perk } from "./perksFor.js";

// Complaint resolution: the five A's of complaint handling as a pure state machine, the usual complaint causes,
// SLAs in business hours, metrics.
export * from "./constants.js";
export type {
  ComplaintEvent,
  ComplaintEventInput,
  OpenComplaintInput,
  OpenRecord,
  ComplaintHistoryEntry,
  ComplaintContext,
  Complaint,
} from "./schema.js";
export { machineDefinition, ONWARD_FROM } from "./definition.js";
export type { GuardName, TransitionDefinition, StateDefinition, MachineDefinition } from "./definition.js";
export { guards, type Guard } from "./guards.js";
export { priorityFor, CAUSE_BASE_PRIORITY } from "./priorityFor.js";
export { openComplaint } from "./openComplaint.js";
export { transition } from "./transition.js";
export { can } from "./can.js";
export { nextEvents } from "./nextEvents.js";
export { replay } from "./replay.js";
export { parseComplaint, safeParseComplaint } from "./parseComplaint.js";
export { toMermaid } from "./toMermaid.js";
export {
  parseSlaPolicy,
  safeParseSlaPolicy,
  type SlaPolicy,
  type SlaPolicyInput,
  type SlaTargetHours,
} from "./slaPolicy.js";
export { deadlines, type ComplaintDeadlines } from "./deadlines.js";
export { breaches, type SlaBreach } from "./breaches.js";
export { complaintMetrics, type ComplaintMetrics, type DurationSummary } from "./complaintMetrics.js";
export { complaintJsonSchemas } from "./jsonSchemas.js";
export { goodwillRequests, type GoodwillRequests, type GoodwillCouponRequest } from "./goodwillRequests.js";
export {
  complaintRecovery,
  type ComplaintRecovery,
  type ComplaintRecoveryOptions,
  type RecoveryGroup,
  type RecoveryPurchase,
} from "./complaintRecovery.js";

// Points beyond the purchase: birthdays, enrollment anniversaries, custom events.
export type { EventRules, EventRulesInput } from "./eventRules.js";
export { parseEventRules, safeParseEventRules } from "./parseEventRules.js";
export { eventRulesJsonSchema } from "./eventRulesJsonSchema.js";
export type { EventDecision, EventDecisionReason } from "./_lib/occasion.js";
export { birthdayBonus } from "./birthdayBonus.js";
export { anniversaryBonus } from "./anniversaryBonus.js";
export { eventBonus, type EventBonusOptions, type MemberEvent } from "./eventBonus.js";

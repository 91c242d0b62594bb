import { ONWARD_FROM, type GuardName } from "../definition.js";
import type { Complaint, ComplaintEvent } from "../schema.js";
import { autoCloseDueAt, reopenWindowEndsAt } from "./windows.js";

const iso = (ms: number | null): string => (ms === null ? "never" : new Date(ms).toISOString());

/** Why a guard failed, for the InvalidTransitionError message. */
export function guardFailure(name: GuardName, c: Complaint, e: ComplaintEvent): string {
  switch (name) {
    case "choosesAnalyzedAlternative":
      return `guard ${name} failed: alternative ${e.type === "AGREE_PLAN" ? e.alternative : "?"} was not analyzed; ${c.context.alternatives.length} alternative(s) analyzed in this round`;
    case "customerAgreed":
      return `guard ${name} failed: the customer has not agreed to the plan`;
    case "hasAgreedPlan":
      return `guard ${name} failed: no plan has been agreed`;
    case "hasDelivery":
      return `guard ${name} failed: nothing has been delivered`;
    case "satisfied":
    case "dissatisfied":
      return `guard ${name} failed`;
    case "closable":
      return `guard ${name} failed: no satisfied follow-up, and auto-close is allowed only from ${iso(autoCloseDueAt(c))}`;
    case "withinReopenWindow":
      return `guard ${name} failed: the reopen window ended at ${iso(reopenWindowEndsAt(c))}; open a new complaint`;
    case "returnTargetAllowed": {
      const from = c.context.escalation?.from;
      const onward = from === undefined ? null : ONWARD_FROM[from];
      return `guard ${name} failed: an escalation from ${from ?? "?"} returns to ${from ?? "?"}${onward === null ? "" : ` or ${onward}`}`;
    }
  }
}

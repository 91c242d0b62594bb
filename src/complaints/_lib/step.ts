import { LoyaltyValidationError } from "../../errors/errors.js";
import type { ComplaintState, WorkingState } from "../constants.js";
import { machineDefinition } from "../definition.js";
import { guards } from "../guards.js";
import { guardFailure } from "./guardFailure.js";
import type { Complaint, ComplaintContext, ComplaintEvent } from "../schema.js";
import { isRecord, storedRecordIssues } from "./stored.js";
import { frozenArray } from "./freeze.js";

export type StepResult =
  | { readonly ok: true; readonly next: Complaint }
  | {
      readonly ok: false;
      readonly kind: "state" | "chronology" | "guard";
      readonly reason?: string;
      readonly allowed: readonly string[];
    };

/** The event types the state has transitions for, in definition order (guards not evaluated). */
export function allowedIn(state: ComplaintState): readonly string[] {
  return Object.keys(machineDefinition.states[state].on);
}

/** Cheap shape check of a snapshot passed to transition/can: full validation is parseComplaint's job. */
export function assertSnapshot(complaint: unknown): asserts complaint is Complaint {
  if (
    !isRecord(complaint) ||
    typeof complaint["state"] !== "string" ||
    !Object.hasOwn(machineDefinition.states, complaint["state"]) ||
    typeof complaint["updatedAt"] !== "string" ||
    !isRecord(complaint["context"]) ||
    !Array.isArray(complaint["history"])
  ) {
    throw new LoyaltyValidationError(
      [{ path: [], message: "expected a complaint snapshot from openComplaint, transition or parseComplaint" }],
      "complaint",
    );
  }
  // A record read back from a store is input: the fields deadlines, breaches and metrics compute
  // with are checked here too, so an edited record is refused instead of crashing mid-way.
  const issues = storedRecordIssues(complaint);
  if (issues.length > 0) throw new LoyaltyValidationError(issues, "complaint");
}

// A reopen starts a new round of the five A's: the analysis, plan, delivery and follow-up of the
// previous round no longer apply.
function reopen(ctx: ComplaintContext, extra: Partial<ComplaintContext>): ComplaintContext {
  return {
    ...ctx,
    alternatives: frozenArray<string>([]),
    plan: null,
    deliveredAt: null,
    followUp: null,
    resolvedAt: null,
    reopens: ctx.reopens + 1,
    ...extra,
  };
}

function effect(c: Complaint, e: ComplaintEvent, target: ComplaintState): ComplaintContext {
  const ctx = c.context;
  switch (e.type) {
    case "PROPOSE_ALTERNATIVE":
      return { ...ctx, alternatives: frozenArray([...ctx.alternatives, e.alternative]) };
    case "AGREE_PLAN":
      // choosesAnalyzedAlternative has checked the index is in range.
      return {
        ...ctx,
        plan: Object.freeze({
          alternative: e.alternative,
          description: ctx.alternatives[e.alternative] ?? "",
          agreedAt: e.at,
        }),
      };
    case "DELIVERED":
      return { ...ctx, deliveredAt: e.at, followUp: null };
    case "FOLLOW_UP": {
      const followUp = Object.freeze({ satisfied: e.satisfied, at: e.at });
      return e.satisfied ? { ...ctx, followUp, resolvedAt: e.at } : reopen(ctx, { followUp });
    }
    case "ESCALATE": {
      // Handing an escalation on keeps the state it originally came from.
      const from = (c.state === "escalated" ? ctx.escalation?.from : c.state) as WorkingState;
      return {
        ...ctx,
        escalation: Object.freeze({ team: e.team, reason: e.reason, from, at: e.at }),
        escalations: ctx.escalations + 1,
      };
    }
    case "RETURN_FROM_ESCALATION":
      // Moving on from delivering means the other team delivered the plan.
      return ctx.escalation?.from === "delivering" && target === "followingUp"
        ? { ...ctx, escalation: null, deliveredAt: e.at, followUp: null }
        : { ...ctx, escalation: null };
    case "CUSTOMER_REPLY":
      return c.state === "resolved"
        ? reopen(ctx, { lastCustomerReplyAt: e.at })
        : { ...ctx, lastCustomerReplyAt: e.at };
    case "REJECT":
      return { ...ctx, rejectionReason: e.reason };
    default:
      return ctx;
  }
}

/** One step of the machine over a validated event; never throws for a valid snapshot, never mutates. */
export function step(c: Complaint, e: ComplaintEvent): StepResult {
  const transitions = machineDefinition.states[c.state].on[e.type];
  if (transitions === undefined) return { ok: false, kind: "state", allowed: allowedIn(c.state) };
  if (Date.parse(e.at) < Date.parse(c.updatedAt)) {
    return {
      ok: false,
      kind: "chronology",
      reason: `at ${e.at} is earlier than the last event at ${c.updatedAt}`,
      allowed: allowedIn(c.state),
    };
  }
  let firstFailure: string | undefined;
  for (const t of transitions) {
    const failed = t.guards.find((g) => !guards[g](c, e));
    if (failed !== undefined) {
      firstFailure ??= guardFailure(failed, c, e);
      continue;
    }
    const target: ComplaintState =
      e.type === "RETURN_FROM_ESCALATION"
        ? (e.to ?? (c.context.escalation?.from as WorkingState))
        : (t.targets[0] as ComplaintState);
    const context = effect(c, e, target);
    const next: Complaint = {
      ...c,
      state: target,
      updatedAt: e.at,
      context: context === c.context ? context : Object.freeze(context),
      history: Object.freeze([...c.history, e]) as unknown as Complaint["history"],
    };
    return { ok: true, next: Object.freeze(next) };
  }
  return { ok: false, kind: "guard", reason: firstFailure ?? "no transition applies", allowed: allowedIn(c.state) };
}

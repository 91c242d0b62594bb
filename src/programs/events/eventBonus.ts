import { guardInputs } from "../../core/guard.js";
import { readingInput } from "../tiers/_lib/guard.js";
import { deepFreeze } from "../../core/json.js";
import { parseInstant, previewValue } from "../../core/instant.js";
import { LoyaltyValidationError } from "../../errors/errors.js";
import { checkTransactionId, type EarnRequest } from "../tiers/_lib/earnRequest.js";
import { type EventDecision, periodKey } from "./_lib/occasion.js";
import type { EventRulesInput } from "./eventRules.js";
import { parseEventRules } from "./parseEventRules.js";

/**
 * One custom event a member did: its own unique `id` (the idempotency key), the rule it falls under (`type`), and when.
 *
 * @example
 * ```ts
 * import type { MemberEvent } from "loyalty-kit";
 * const e: MemberEvent = { id: "review-8812", type: "review", at: "2026-03-02T10:00:00Z" };
 * console.log(e.type); // review
 * ```
 * @category programs
 */
export interface MemberEvent {
  readonly id: string;
  readonly type: string;
  readonly at: string | Date;
}

/**
 * Options of {@link eventBonus}.
 *
 * @example
 * ```ts
 * import type { EventBonusOptions } from "loyalty-kit";
 * const o: EventBonusOptions = { earlier: [{ id: "r-1", type: "review", at: "2026-03-02T10:00:00Z" }] };
 * console.log(o.earlier.length); // 1
 * ```
 * @category programs
 */
export interface EventBonusOptions {
  /** The member's earlier events that earned points (any order); the cap counts them. */
  readonly earlier: readonly MemberEvent[];
}

function readEvent(e: unknown, path: (string | number)[]): { id: string; type: string; atMs: number } {
  if (typeof e !== "object" || e === null)
    throw new LoyaltyValidationError([{ path, message: `expected an event { id, type, at }, got ${previewValue(e)}` }]);
  const { id, type, at } = e as Record<string, unknown>;
  checkTransactionId(id, [...path, "id"], "event:");
  if (typeof type !== "string" || type.length === 0)
    throw new LoyaltyValidationError([
      {
        path: [...path, "type"],
        message: `expected the event's rule id as a non-empty string, got ${previewValue(type)}`,
      },
    ]);
  return { id: id as string, type, atMs: parseInstant(at, [...path, "at"]) };
}

/**
 * Points for a custom event (a review written, a profile completed, the app installed…) as a ledger
 * earn request, or why there is none: `unknown-event` (no rule with that id), `duplicate` (an earlier
 * event had the same event id: the same review reported twice earns once), `cap-reached` (the rule's
 * cap for the calendar period in the rules' time zone is used up by earlier events). The request's
 * transactionId is `event:<eventId>`, so the ledger also refuses to count it twice.
 *
 * @param rules - the event rules
 * @param event - the event `{ id, type, at }`: `type` names a rule in `rules.events`
 * @param options - `{ earlier }`: the member's earlier events that earned points
 * @returns the frozen decision; `entry` is the earn request when granted
 * @throws {LoyaltyValidationError} when the rules or an event is invalid
 * @category programs
 * @example
 * ```ts
 * import { eventBonus, type EventRulesInput } from "loyalty-kit";
 * const rules: EventRulesInput = { timeZone: "Europe/Berlin", events: [{ id: "review", name: "Review written", points: "50", cap: { count: 2, period: "month" } }] };
 * const earlier = [{ id: "r-1", type: "review", at: "2026-03-02T10:00:00Z" }, { id: "r-2", type: "review", at: "2026-03-09T10:00:00Z" }];
 * console.log(eventBonus(rules, { id: "r-3", type: "review", at: "2026-03-20T10:00:00Z" }, { earlier }).reason); // cap-reached
 * console.log(eventBonus(rules, { id: "r-3", type: "review", at: "2026-04-01T10:00:00Z" }, { earlier }).entry?.points); // 50
 * ```
 */
export function eventBonus(rules: EventRulesInput, event: MemberEvent, options: EventBonusOptions): EventDecision {
  return guardInputs("eventBonus", { rules, event, options }, () => eventBonusUnguarded(rules, event, options));
}

function eventBonusUnguarded(rules: EventRulesInput, event: MemberEvent, options: EventBonusOptions): EventDecision {
  return readingInput("event input", () => {
    const r = parseEventRules(rules);
    const e = readEvent(event, ["event"]);
    if (typeof options !== "object" || options === null || !Array.isArray(options.earlier))
      throw new LoyaltyValidationError([
        {
          path: ["options", "earlier"],
          message: `expected options { earlier } with the member's earlier events that earned points (an empty array for none), got ${previewValue(options)}`,
        },
      ]);
    const earlier = options.earlier.map((x, i) => readEvent(x, ["options", "earlier", i]));
    const refuse = (reason: EventDecision["reason"], explanation: string) =>
      deepFreeze({ granted: false, reason, entry: null, explanation });
    const rule = (r.events ?? []).find((x) => x.id === e.type);
    if (rule === undefined)
      return refuse(
        "unknown-event",
        `No points: no event rule "${e.type}" (the rules know ${(r.events ?? []).map((x) => JSON.stringify(x.id)).join(", ") || "none"}).`,
      );
    if (earlier.some((x) => x.id === e.id))
      return refuse(
        "duplicate",
        `No points: event ${JSON.stringify(e.id)} already earned points; an event earns once.`,
      );
    if (rule.cap !== undefined) {
      const { count, period } = rule.cap;
      const key = periodKey(e.atMs, period, r.timeZone);
      const used = earlier.filter((x) => x.type === e.type && periodKey(x.atMs, period, r.timeZone) === key).length;
      if (used >= count)
        return refuse(
          "cap-reached",
          `No points: "${rule.name}" earns at most ${count} time${count === 1 ? "" : "s"} per ${period === "lifetime" ? "membership" : period}, and ${used} earlier event${used === 1 ? "" : "s"} in this ${period === "lifetime" ? "membership" : period} already did.`,
        );
    }
    const entry: EarnRequest = {
      kind: "earn",
      transactionId: `event:${e.id}`,
      at: new Date(e.atMs).toISOString(),
      points: rule.points,
      meta: { reason: "event", event: e.type, eventId: e.id },
    };
    return deepFreeze({
      granted: true,
      reason: "granted",
      entry,
      explanation: `${rule.points} points for "${rule.name}".`,
    });
  });
}

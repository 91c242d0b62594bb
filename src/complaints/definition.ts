import { WORKING_STATES, type ComplaintEventType, type ComplaintState, type WorkingState } from "./constants.js";
import { deepFreeze } from "../core/json.js";

/**
 * The names of the guards of the complaint machine; the functions are in {@link guards}.
 *
 * @example
 * ```ts
 * import type { GuardName } from "loyalty-kit";
 * const g: GuardName = "customerAgreed";
 * console.log(g);
 * ```
 * @category complaints
 */
export type GuardName =
  | "choosesAnalyzedAlternative"
  | "customerAgreed"
  | "hasAgreedPlan"
  | "hasDelivery"
  | "satisfied"
  | "dissatisfied"
  | "closable"
  | "withinReopenWindow"
  | "returnTargetAllowed";

/**
 * One transition of the machine definition: where an event goes and which guards must all hold.
 * `targets` lists every state the transition may lead to; it has one entry except for
 * `RETURN_FROM_ESCALATION`, whose target the event chooses (the state the complaint came from, or
 * the next step of the five A's).
 *
 * @example
 * ```ts
 * import type { TransitionDefinition } from "loyalty-kit";
 * const t: TransitionDefinition = { targets: ["acknowledged"], guards: [] };
 * console.log(t.targets[0]);
 * ```
 * @category complaints
 */
export interface TransitionDefinition {
  readonly targets: readonly ComplaintState[];
  readonly guards: readonly GuardName[];
  readonly description?: string;
}

/**
 * One state of the machine definition: its transitions by event type (several per event are tried
 * in order, the first whose guards hold wins) and whether it is final.
 *
 * @example
 * ```ts
 * import { machineDefinition, type StateDefinition } from "loyalty-kit";
 * const s: StateDefinition = machineDefinition.states.closed;
 * console.log(s.type); // "final"
 * ```
 * @category complaints
 */
export interface StateDefinition {
  readonly type: "working" | "escalated" | "resolved" | "final";
  readonly description: string;
  readonly on: Readonly<Partial<Record<ComplaintEventType, readonly TransitionDefinition[]>>>;
}

/**
 * The whole machine as data, in the shape of an XState v5 config: `initial` and `states`, each
 * state with its `on` table.
 *
 * @example
 * ```ts
 * import { machineDefinition, type MachineDefinition } from "loyalty-kit";
 * const d: MachineDefinition = machineDefinition;
 * console.log(d.initial); // "received"
 * ```
 * @category complaints
 */
export interface MachineDefinition {
  readonly id: string;
  readonly initial: ComplaintState;
  readonly states: Readonly<Record<ComplaintState, StateDefinition>>;
}

/**
 * Where `RETURN_FROM_ESCALATION` may move on to besides the state the complaint came from: the next
 * step of the five A's when that step needs no data from the customer (agreeing a plan needs the
 * chosen alternative, a follow-up needs the customer's verdict, so those are not skipped).
 *
 * @example
 * ```ts
 * import { ONWARD_FROM } from "loyalty-kit";
 * console.log(ONWARD_FROM.delivering); // "followingUp"
 * ```
 * @category complaints
 */
export const ONWARD_FROM: Readonly<Record<WorkingState, WorkingState | null>> = Object.freeze({
  received: "acknowledged",
  acknowledged: "assessing",
  assessing: "affirmed",
  affirmed: null,
  analyzing: null,
  planAgreed: "delivering",
  delivering: "followingUp",
  followingUp: null,
  reopened: "assessing",
});

const go = (
  target: ComplaintState,
  guards: readonly GuardName[] = [],
  description?: string,
): readonly TransitionDefinition[] => [
  description === undefined ? { targets: [target], guards } : { targets: [target], guards, description },
];

// Every working state accepts these: escalate ("seek assistance of others in the company"),
// a customer reply (logged), withdrawal by the customer, rejection as out of scope.
function working(self: WorkingState, description: string, on: StateDefinition["on"]): StateDefinition {
  return {
    type: "working",
    description,
    on: {
      ...on,
      ESCALATE: go("escalated"),
      CUSTOMER_REPLY: go(self),
      WITHDRAW: go("withdrawn"),
      REJECT: go("rejected"),
    },
  };
}

/**
 * The complaint machine as data: the five A's of complaint handling (Acknowledge, Assess, Affirm, Analyze
 * alternatives, Agree on a plan), then deliver and follow up, with escalation, reopening,
 * withdrawal and rejection. `transition`, `can`, `nextEvents` and `toMermaid` all read this table.
 *
 * The full transition table (state → event [guards] → target):
 *
 * | state | event | guards | target |
 * | --- | --- | --- | --- |
 * | received | ACKNOWLEDGE | | acknowledged |
 * | acknowledged | ASSESS | | assessing |
 * | assessing | ASSESS | | assessing (more questions) |
 * | assessing | AFFIRM | | affirmed |
 * | affirmed | ASSESS | | assessing (the customer corrects the understanding) |
 * | affirmed | PROPOSE_ALTERNATIVE | | analyzing |
 * | analyzing | PROPOSE_ALTERNATIVE | | analyzing |
 * | analyzing | AGREE_PLAN | choosesAnalyzedAlternative, customerAgreed | planAgreed |
 * | planAgreed | START_DELIVERY | hasAgreedPlan | delivering |
 * | delivering | DELIVERED | | followingUp |
 * | followingUp | FOLLOW_UP | hasDelivery, satisfied | resolved |
 * | followingUp | FOLLOW_UP | hasDelivery, dissatisfied | reopened |
 * | followingUp | CLOSE | closable (auto-close: no reply for autoCloseAfterDays) | closed |
 * | reopened | ASSESS | | assessing |
 * | every working state | ESCALATE | | escalated |
 * | every working state | CUSTOMER_REPLY | | the same state (logged) |
 * | every working state | WITHDRAW | | withdrawn |
 * | every working state | REJECT | | rejected |
 * | escalated | RETURN_FROM_ESCALATION | returnTargetAllowed | `to`: the state it came from (default) or {@link ONWARD_FROM} it |
 * | escalated | ESCALATE | | escalated (handed to another team) |
 * | escalated | CUSTOMER_REPLY | | escalated |
 * | escalated | WITHDRAW / REJECT | | withdrawn / rejected |
 * | resolved | CUSTOMER_REPLY | withinReopenWindow | reopened |
 * | resolved | CLOSE | closable | closed |
 * | closed, withdrawn, rejected | — | | final: nothing is accepted |
 *
 * The working states are `received`, `acknowledged`, `assessing`, `affirmed`, `analyzing`,
 * `planAgreed`, `delivering`, `followingUp` and `reopened`.
 *
 * @example
 * ```ts
 * import { machineDefinition } from "loyalty-kit";
 * console.log(Object.keys(machineDefinition.states.analyzing.on));
 * ```
 * @category complaints
 */
export const machineDefinition: MachineDefinition = deepFreeze({
  id: "complaint",
  initial: "received",
  states: {
    received: working("received", "The complaint has arrived; nobody has answered yet.", {
      ACKNOWLEDGE: go("acknowledged", [], "Greet the customer: acknowledge the feelings and the problem"),
    }),
    acknowledged: working("acknowledged", "The customer has been greeted and knows someone is on it.", {
      ASSESS: go("assessing", [], "Listen and ask questions until the real issue is clear"),
    }),
    assessing: working("assessing", "Gathering information with active listening.", {
      ASSESS: go("assessing", [], "Ask more"),
      AFFIRM: go("affirmed", [], "Say back what was understood"),
    }),
    affirmed: working("affirmed", "The understanding was said back to the customer.", {
      ASSESS: go("assessing", [], "The customer corrects or adds information"),
      PROPOSE_ALTERNATIVE: go("analyzing", [], "Analyze an alternative together"),
    }),
    analyzing: working("analyzing", "Analyzing alternatives with the customer.", {
      PROPOSE_ALTERNATIVE: go("analyzing", [], "Another alternative"),
      AGREE_PLAN: go(
        "planAgreed",
        ["choosesAnalyzedAlternative", "customerAgreed"],
        "The customer commits to one alternative",
      ),
    }),
    planAgreed: working("planAgreed", "A plan is agreed with the customer.", {
      START_DELIVERY: go("delivering", ["hasAgreedPlan"]),
    }),
    delivering: working("delivering", "Delivering the agreed plan.", {
      DELIVERED: go("followingUp"),
    }),
    followingUp: working("followingUp", "Delivered; checking back that the customer is satisfied.", {
      FOLLOW_UP: [
        { targets: ["resolved"], guards: ["hasDelivery", "satisfied"], description: "The customer is satisfied" },
        { targets: ["reopened"], guards: ["hasDelivery", "dissatisfied"], description: "Still dissatisfied: reopen" },
      ],
      CLOSE: go("closed", ["closable"], "Auto-close: no reply for autoCloseAfterDays after delivery"),
    }),
    reopened: working("reopened", "Reopened by a dissatisfied follow-up or a reply after resolution.", {
      ASSESS: go("assessing"),
    }),
    escalated: {
      type: "escalated",
      description: "Another team holds the complaint (the problem crosses areas of responsibility).",
      on: {
        RETURN_FROM_ESCALATION: [
          {
            targets: [...WORKING_STATES],
            guards: ["returnTargetAllowed"],
            description: "Back to the state it came from, or one step on",
          },
        ],
        ESCALATE: go("escalated", [], "Handed on to another team"),
        CUSTOMER_REPLY: go("escalated"),
        WITHDRAW: go("withdrawn"),
        REJECT: go("rejected"),
      },
    },
    resolved: {
      type: "resolved",
      description: "The customer confirmed satisfaction at follow-up.",
      on: {
        CUSTOMER_REPLY: go("reopened", ["withinReopenWindow"], "A reply within the reopen window reopens"),
        CLOSE: go("closed", ["closable"]),
      },
    },
    closed: { type: "final", description: "Closed; immutable.", on: {} },
    withdrawn: { type: "final", description: "The customer withdrew the complaint.", on: {} },
    rejected: { type: "final", description: "Out of scope; rejected with a reason.", on: {} },
  },
});

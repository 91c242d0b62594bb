// Property tests of the complaint machine over random event sequences: mostly events the current
// state accepts (from nextEvents, with random payloads and delays long enough to cross the reopen
// and auto-close windows), plus events of any type, events from the past and malformed events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  can,
  COMPLAINT_EVENT_TYPES,
  COMPLAINT_STATES,
  InvalidTransitionError,
  LoyaltyValidationError,
  machineDefinition,
  nextEvents,
  ONWARD_FROM,
  openComplaint,
  parseComplaint,
  replay,
  transition,
  WORKING_STATES,
  type Complaint,
  type ComplaintEventInput,
  type ComplaintEventType,
} from "../../src/index.js";

const MIN = 60_000;

const choice = fc.record({
  kind: fc.constantFrom("next", "next", "next", "next", "next", "next", "any", "past", "malformed"),
  pick: fc.nat(),
  // Mostly minutes; sometimes days, to cross the 7-day auto-close and 14-day reopen windows.
  delayMinutes: fc.oneof(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 0, max: 30 * 24 * 60 })),
  flag: fc.boolean(),
  index: fc.nat({ max: 3 }),
  offsetHours: fc.integer({ min: -12, max: 14 }),
  asDate: fc.boolean(),
  finishing: fc.integer({ min: 0, max: 24 }), // 0: allow WITHDRAW / REJECT
});
type Choice = typeof choice extends fc.Arbitrary<infer T> ? T : never;

/** An ISO string with the given offset (or a Date) for the instant `ms`. */
function instant(ms: number, ch: Choice): string | Date {
  if (ch.asDate) return new Date(ms);
  const off = ch.offsetHours;
  const local = new Date(ms + off * 60 * MIN).toISOString().slice(0, 23);
  const sign = off < 0 ? "-" : "+";
  return `${local}${sign}${String(Math.abs(off)).padStart(2, "0")}:00`;
}

function eventOf(type: ComplaintEventType, c: Complaint, at: string | Date, ch: Choice): ComplaintEventInput {
  const base = { at, by: `agent:${ch.pick % 3}` };
  switch (type) {
    case "PROPOSE_ALTERNATIVE":
      return { type, ...base, alternative: `alternative ${ch.pick % 5}` };
    case "AGREE_PLAN":
      return {
        type,
        ...base,
        alternative: ch.index % (c.context.alternatives.length + 1),
        customerAgreed: ch.flag || ch.pick % 4 !== 0,
      };
    case "FOLLOW_UP":
      return { type, ...base, satisfied: ch.flag };
    case "ESCALATE":
      return { type, ...base, team: `team-${ch.pick % 4}`, reason: "crosses areas of responsibility" };
    case "RETURN_FROM_ESCALATION": {
      const from = c.context.escalation?.from ?? "received";
      const options = [undefined, from, ONWARD_FROM[from] ?? from, WORKING_STATES[ch.pick % WORKING_STATES.length]];
      const to = options[ch.index];
      return to === undefined ? { type, ...base } : { type, ...base, to };
    }
    case "REJECT":
      return { type, ...base, reason: "out of scope" };
    default:
      return { type, ...base } as ComplaintEventInput;
  }
}

function malformed(c: Complaint, ch: Choice): unknown {
  const at = new Date(Date.parse(c.updatedAt) + MIN).toISOString();
  const options: unknown[] = [
    { type: "ACKNOWLEDGE", at, by: "" },
    { type: "ASSESS", at: "2026-03-02", by: "a" },
    { type: "FOLLOW_UP", at, by: "a", satisfied: "yes" },
    { type: "ESCALATE", at, by: "a", team: "x" },
    { type: "CLOSE", at, by: "a", extra: 1 },
    { type: "TELEPORT", at, by: "a" },
    { type: "AGREE_PLAN", at, by: "a", alternative: -1, customerAgreed: true },
    { type: "RETURN_FROM_ESCALATION", at, by: "a", to: "closed" },
    null,
    [],
  ];
  return options[ch.pick % options.length];
}

const start = (openedMs: number) =>
  openComplaint({
    id: "c",
    customerId: "k",
    channel: "phone",
    cause: "delay-in-fixing",
    description: "d",
    at: new Date(openedMs),
  });

function targetsOf(state: Complaint["state"], type: string): readonly string[] {
  const ts = machineDefinition.states[state].on[type as ComplaintEventType] ?? [];
  return ts.flatMap((t) => t.targets);
}

describe("complaint machine under random event sequences", () => {
  it("keeps every invariant of the definition", () => {
    // What the runs explored, so a generator that never gets far cannot pass silently.
    const reached = new Set<string>();
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.array(choice, { maxLength: 80, size: "max" }),
        (openedMs, choices) => {
          let c = start(openedMs);
          let accepted = 0;
          for (const ch of choices) {
            const before = c;
            const frozenCopy = JSON.stringify(c);
            const lastMs = Date.parse(c.updatedAt);
            let event: unknown;
            if (ch.kind === "malformed") event = malformed(c, ch);
            else if (ch.kind === "past") {
              const types = nextEvents(c);
              const type = types[ch.pick % Math.max(1, types.length)] ?? "ACKNOWLEDGE";
              event = eventOf(type, c, instant(lastMs - (1 + ch.delayMinutes) * MIN, ch), ch);
            } else {
              let types: ComplaintEventType[] = ch.kind === "any" ? [...COMPLAINT_EVENT_TYPES] : nextEvents(c);
              if (ch.finishing !== 0 && ch.kind === "next") {
                const ongoing = types.filter((t) => t !== "WITHDRAW" && t !== "REJECT");
                if (ongoing.length > 0) types = ongoing;
              }
              const type = types[ch.pick % Math.max(1, types.length)] ?? "CLOSE";
              event = eventOf(type, c, instant(lastMs + ch.delayMinutes * MIN, ch), ch);
            }
            const allowed = can(c, event as ComplaintEventInput);
            let next: Complaint | undefined;
            try {
              next = transition(c, event as ComplaintEventInput);
            } catch (e) {
              // Rejections are always typed.
              expect(e instanceof InvalidTransitionError || e instanceof LoyaltyValidationError).toBe(true);
              // An event from the past is refused on `at` unless the state refuses its type first.
              if (ch.kind === "past" && machineDefinition.states[c.state].type !== "final") {
                expect(e).toBeInstanceOf(LoyaltyValidationError);
                expect((e as LoyaltyValidationError).issues[0]?.path).toEqual(["at"]);
              }
              if (e instanceof InvalidTransitionError) {
                expect(e.details["state"]).toBe(c.state);
                expect(e.details["allowed"]).toEqual(nextEvents(c));
              }
            }
            // can agrees with transition.
            expect(allowed).toBe(next !== undefined);
            // A rejected event leaves the snapshot untouched; an accepted one never mutates it either.
            expect(JSON.stringify(before)).toBe(frozenCopy);
            outcomes.add(next === undefined ? `rejected ${ch.kind}` : `accepted ${ch.kind}`);
            if (next === undefined) continue;
            accepted++;
            reached.add(next.state);
            const type = (event as { type: string }).type;
            // Never a state the definition does not allow from here on this event.
            expect(COMPLAINT_STATES).toContain(next.state);
            expect(targetsOf(c.state, type)).toContain(next.state);
            // Final states accept nothing: we can only get here from a non-final state.
            expect(machineDefinition.states[c.state].type).not.toBe("final");
            expect(Date.parse(next.updatedAt)).toBeGreaterThanOrEqual(lastMs);
            expect(Object.isFrozen(next) && Object.isFrozen(next.history) && Object.isFrozen(next.context)).toBe(true);
            c = next;
          }
          // History = the opening record + every accepted event, in time order.
          expect(c.history).toHaveLength(accepted + 1);
          for (let i = 1; i < c.history.length; i++) {
            expect(Date.parse(c.history[i]!.at)).toBeGreaterThanOrEqual(Date.parse(c.history[i - 1]!.at));
          }
          // The snapshot is its history.
          expect(replay(c.history)).toEqual(c);
          expect(parseComplaint(JSON.parse(JSON.stringify(c)))).toEqual(c);
        },
      ),
    );
    expect([...reached].sort()).toEqual([...COMPLAINT_STATES].sort());
    expect(outcomes).toEqual(
      new Set([
        "accepted next",
        "rejected next",
        "accepted any",
        "rejected any",
        "rejected past",
        "rejected malformed",
      ]),
    );
  });

  it("never changes a closed complaint, whatever comes next", () => {
    const closed = (() => {
      let c = start(Date.UTC(2026, 2, 2, 9));
      const steps: [ComplaintEventType, Record<string, unknown>][] = [
        ["ACKNOWLEDGE", {}],
        ["ASSESS", {}],
        ["AFFIRM", {}],
        ["PROPOSE_ALTERNATIVE", { alternative: "fix" }],
        ["AGREE_PLAN", { alternative: 0, customerAgreed: true }],
        ["START_DELIVERY", {}],
        ["DELIVERED", {}],
        ["FOLLOW_UP", { satisfied: true }],
        ["CLOSE", {}],
      ];
      for (const [type, extra] of steps)
        c = transition(c, { type, at: "2026-03-02T10:00:00Z", by: "a", ...extra } as ComplaintEventInput);
      return c;
    })();
    const json = JSON.stringify(closed);
    fc.assert(
      fc.property(choice, fc.constantFrom(...COMPLAINT_EVENT_TYPES), (ch, type) => {
        const e = eventOf(type, closed, instant(Date.parse(closed.updatedAt) + ch.delayMinutes * MIN, ch), ch);
        expect(can(closed, e)).toBe(false);
        expect(() => transition(closed, e)).toThrow(InvalidTransitionError);
        expect(JSON.stringify(closed)).toBe(json);
      }),
    );
  });
});

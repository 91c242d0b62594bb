// Fuzzing of every parse path, and openComplaint / transition held to the zod schemas of their
// inputs: they validate with those schemas and nothing else, so they accept exactly what the schemas
// accept (a check added beside a schema, or a second validator, would break the agreement).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  can,
  COMPLAINT_EVENT_TYPES,
  LoyaltyError,
  openComplaint,
  parseComplaint,
  safeParseComplaint,
  safeParseSlaPolicy,
  transition,
  type Complaint,
} from "../../src/index.js";
import { ComplaintEventSchema, OpenComplaintInputSchema } from "../../src/schemas/index.js";
import { events, opening } from "./_scenario.js";

const worked = events.reduce(transition, openComplaint(opening));
const json = JSON.parse(JSON.stringify(worked)) as Record<string, unknown>;

/** Returns normally or throws a LoyaltyError; anything else fails the property. */
function typedOrValue(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
    return undefined;
  }
}

// Values near the valid ones, so agreement is tested where it matters, not only on garbage.
const field = fc.oneof(
  fc.constantFrom(
    "2026-03-02T09:00:00Z",
    "2026-03-02T09:00:00+07:00",
    "2026-03-02",
    "x",
    "",
    " ",
    "email",
    "overpricing",
    "high",
    "urgent",
    "assessing",
    "closed",
  ),
  fc.constantFrom(
    0,
    1,
    -1,
    1.5,
    3650,
    3651,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    2 ** 53,
    true,
    false,
    null,
    undefined,
  ),
  fc.constant(new Date("2026-03-02T09:00:00Z")),
  fc.constant(new Date(Number.NaN)),
  fc.string({ maxLength: 3 }),
);

const text = fc.oneof(fc.constantFrom("agent:ana", "claims", "x"), fc.string({ minLength: 1, maxLength: 4 }));
const at = fc.oneof(
  fc.constantFrom("2026-03-02T09:00:00Z", "2026-03-02T09:00:00.123+07:00", "2026-03-02T09:00-05:30"),
  fc.constant(new Date("2026-03-02T09:00:00Z")),
);

// A valid event of each type, then maybe one key set to a nearby value, deleted, or added.
const validEvent = fc.constantFrom(...COMPLAINT_EVENT_TYPES).chain((type) =>
  fc
    .record({
      type: fc.constant(type),
      at,
      by: text,
      note: text,
      alternative: text,
      index: fc.nat({ max: 3 }),
      flag: fc.boolean(),
      team: text,
      reason: text,
      to: fc.constantFrom("received", "assessing", "followingUp"),
      waitingOn: fc.option(fc.constantFrom("customer", "third-party", "vendor", 1), { nil: undefined }),
      // Near-valid nested values: the last of each list is invalid in one way.
      goodwill: fc.option(
        fc.constantFrom<unknown>(
          { points: "100" },
          { coupon: "SORRY10" },
          { points: "2.5", coupon: "X" },
          {},
          {
            points: "0",
          },
          { points: "1", extra: 1 },
          "100",
        ),
        { nil: undefined },
      ),
      csat: fc.option(
        fc.constantFrom<unknown>(
          { score: 5 },
          { score: 2, reason: "late" },
          { score: 0 },
          { score: 3.5 },
          {
            score: 4,
            reason: " ",
          },
          4,
        ),
        { nil: undefined },
      ),
    })
    .map((v) => {
      const base: Record<string, unknown> = { type, at: v.at, by: v.by };
      if (v.flag) base["note"] = v.note;
      if (v.waitingOn !== undefined) base["waitingOn"] = v.waitingOn;
      if (type === "AGREE_PLAN" && v.goodwill !== undefined) base["goodwill"] = v.goodwill;
      if (type === "FOLLOW_UP" && v.csat !== undefined) base["csat"] = v.csat;
      if (type === "PROPOSE_ALTERNATIVE") base["alternative"] = v.alternative;
      if (type === "AGREE_PLAN") Object.assign(base, { alternative: v.index, customerAgreed: v.flag });
      if (type === "FOLLOW_UP") base["satisfied"] = v.flag;
      if (type === "ESCALATE") Object.assign(base, { team: v.team, reason: v.reason });
      if (type === "RETURN_FROM_ESCALATION" && v.flag) base["to"] = v.to;
      if (type === "REJECT") base["reason"] = v.reason;
      return base;
    }),
);
const mutate = (valid: fc.Arbitrary<Record<string, unknown>>, keys: string[]) =>
  fc
    .tuple(
      valid,
      fc.option(fc.record({ key: fc.constantFrom(...keys, "extra", "__proto__"), value: field, remove: fc.boolean() })),
    )
    .map(([v, m]) => {
      if (m === null) return v;
      const copy: Record<string, unknown> = { ...v };
      if (m.remove) delete copy[m.key];
      else Object.defineProperty(copy, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      return copy;
    });
const eventLike = mutate(validEvent, [
  "type",
  "at",
  "by",
  "note",
  "alternative",
  "customerAgreed",
  "satisfied",
  "team",
  "reason",
  "to",
  "waitingOn",
  "goodwill",
  "csat",
]);

const validOpen = fc.record(
  {
    id: text,
    customerId: text,
    channel: fc.constantFrom("phone", "email"),
    cause: fc.constantFrom("overpricing", "delay-in-fixing"),
    description: text,
    at,
    by: text,
    customerValue: fc.constantFrom("low", "high"),
    priority: fc.constantFrom("low", "urgent"),
    reopenWindowDays: fc.constantFrom(1, 0.5, 3650),
    autoCloseAfterDays: fc.constantFrom(7, 30),
    remedySought: fc.constantFrom("refund", "repair", " ", ""),
  },
  { requiredKeys: ["id", "customerId", "cause", "at"] },
) as fc.Arbitrary<Record<string, unknown>>;
const openLike = mutate(validOpen, [
  "id",
  "customerId",
  "channel",
  "cause",
  "description",
  "at",
  "by",
  "customerValue",
  "priority",
  "reopenWindowDays",
  "autoCloseAfterDays",
  "remedySought",
]);

describe("parseComplaint fuzzing", () => {
  it("returns a complaint or throws a LoyaltyError for anything", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.json().map((s) => JSON.parse(s) as unknown),
        ),
        (input) => {
          const r = typedOrValue(() => parseComplaint(input)) as Complaint | undefined;
          if (r !== undefined) expect(r.history[0].type).toBe("OPEN");
          expect(safeParseComplaint(input).success).toBe(r !== undefined);
        },
      ),
    );
  });

  it("accepts a mutated snapshot only when it is still exactly what its history produces", () => {
    const keys = Object.keys(json);
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(fc.anything(), field), (key, value) => {
        const mutated = { ...json, [key]: value };
        const r = safeParseComplaint(mutated);
        if (r.success) expect(JSON.stringify(r.data)).toBe(JSON.stringify(worked));
        else expect(r.error).toBeInstanceOf(LoyaltyError);
      }),
    );
  });

  it("never accepts the worked complaint's history with one event dropped", () => {
    const history = json["history"] as unknown[];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: history.length - 1 }), (drop) => {
        const r = safeParseComplaint({ ...json, history: history.filter((_, i) => i !== drop) });
        expect(r.success).toBe(false);
      }),
    );
  });

  it("transition on a mutated snapshot returns or throws a LoyaltyError, never anything else", () => {
    // The worked complaint after its satisfied follow-up: resolved, so both events below apply.
    const resolved = JSON.parse(
      JSON.stringify(events.slice(0, 10).reduce(transition, openComplaint(opening))),
    ) as Record<string, unknown>;
    const ctx = resolved["context"] as Record<string, unknown>;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(resolved)),
        fc.constantFrom(...Object.keys(ctx)),
        fc.anything(),
        fc.boolean(),
        (key, ctxKey, value, inContext) => {
          const broken = inContext
            ? { ...resolved, context: { ...ctx, [ctxKey]: value } }
            : { ...resolved, [key]: value };
          const event = { type: "CUSTOMER_REPLY" as const, at: "2026-03-05T12:00:00Z", by: "cust-dewi" };
          typedOrValue(() => transition(broken as never, event));
          typedOrValue(() => transition(broken as never, { type: "CLOSE", at: "2026-03-05T12:00:00Z", by: "a" }));
          expect(typeof can(broken as never, event)).toBe("boolean");
        },
      ),
    );
  });

  it("fuzzes the SLA policy parser", () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = safeParseSlaPolicy(input);
        if (!r.success) expect(r.error).toBeInstanceOf(LoyaltyError);
      }),
    );
  });
});

describe("openComplaint and transition accept exactly what their schemas accept", () => {
  const c0 = openComplaint({
    id: "c",
    customerId: "k",
    channel: "phone",
    cause: "overpricing",
    description: "d",
    at: "2020-01-01T00:00:00Z",
  });

  it("events: transition validates exactly what ComplaintEventSchema accepts", () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(eventLike, fc.anything()), (input) => {
        const zodOk = ComplaintEventSchema.safeParse(input).success;
        if (zodOk) valid++;
        let ours = true;
        try {
          transition(c0, input as never);
        } catch (e) {
          expect(e).toBeInstanceOf(LoyaltyError);
          // A valid event refused by the machine is not a validation failure.
          ours =
            (e as LoyaltyError).code !== "VALIDATION" ||
            ((e as { issues?: { path: unknown[] }[] }).issues?.[0]?.path[0] === "at" && zodOk);
        }
        expect(ours).toBe(zodOk);
        if (!zodOk) expect(can(c0, input as never)).toBe(false);
      }),
    );
    // The generator must reach valid events too, or agreement would be tested on garbage only.
    expect(valid).toBeGreaterThan(20);
  });

  it("opening: openComplaint accepts exactly what OpenComplaintInputSchema accepts", () => {
    let valid = 0;
    fc.assert(
      fc.property(fc.oneof(openLike, fc.anything()), (input) => {
        const zodOk = OpenComplaintInputSchema.safeParse(input).success;
        if (zodOk) valid++;
        const ours = typedOrValue(() => openComplaint(input as never)) !== undefined;
        expect(ours).toBe(zodOk);
      }),
    );
    expect(valid).toBeGreaterThan(20);
  });
});

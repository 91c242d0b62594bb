import { describe, expectTypeOf, it } from "vitest";
import type * as z from "zod/mini";
import type * as kit from "../../src/index.js";
import type * as schemas from "../../src/schemas/index.js";
import {
  can,
  complaintMetrics,
  complaintRecovery,
  deadlines,
  type EntryInput,
  goodwillRequests,
  machineDefinition,
  nextEvents,
  openComplaint,
  parseComplaint,
  safeParseComplaint,
  transition,
  type Complaint,
  type ComplaintEvent,
  type ComplaintEventInput,
  type ComplaintEventType,
  type ComplaintState,
  type OpenComplaintInput,
} from "../../src/index.js";

declare const c: Complaint;

describe("complaints types", () => {
  it("openComplaint takes an input whose `at` may be a Date or a string and returns a Complaint", () => {
    expectTypeOf(openComplaint).parameter(0).toEqualTypeOf<OpenComplaintInput>();
    expectTypeOf<OpenComplaintInput["at"]>().toEqualTypeOf<string | Date>();
    expectTypeOf(openComplaint).returns.toEqualTypeOf<Complaint>();
  });

  it("events are a discriminated union on type, narrowing to their own fields", () => {
    const e = {} as ComplaintEvent;
    if (e.type === "FOLLOW_UP") expectTypeOf(e.satisfied).toEqualTypeOf<boolean>();
    if (e.type === "ESCALATE") expectTypeOf(e.team).toEqualTypeOf<string>();
    if (e.type === "AGREE_PLAN") expectTypeOf(e.customerAgreed).toEqualTypeOf<boolean>();
    expectTypeOf<ComplaintEvent["type"]>().toEqualTypeOf<ComplaintEventType>();
    expectTypeOf<ComplaintEvent["at"]>().toEqualTypeOf<string>();
  });

  it("transition and can take event inputs; a FOLLOW_UP without satisfied does not compile", () => {
    expectTypeOf(transition).parameter(1).toEqualTypeOf<ComplaintEventInput>();
    expectTypeOf(can).returns.toEqualTypeOf<boolean>();
    // @ts-expect-error satisfied is required
    transition(c, { type: "FOLLOW_UP", at: "2026-03-02T09:00:00Z", by: "a" });
    // @ts-expect-error unknown event type
    transition(c, { type: "PARTY", at: "2026-03-02T09:00:00Z", by: "a" });
  });

  it("states and next events are literal unions", () => {
    expectTypeOf(c.state).toEqualTypeOf<ComplaintState>();
    expectTypeOf(nextEvents(c)).toEqualTypeOf<ComplaintEventType[]>();
    expectTypeOf(machineDefinition.initial).toEqualTypeOf<ComplaintState>();
  });

  it("parse and safeParse return a Complaint", () => {
    expectTypeOf(parseComplaint).returns.toEqualTypeOf<Complaint>();
    const r = safeParseComplaint({});
    if (r.success) expectTypeOf(r.data).toEqualTypeOf<Complaint>();
  });

  it("deadlines are ISO strings and metrics rates nullable numbers", () => {
    expectTypeOf(deadlines).returns.toHaveProperty("resolve").toEqualTypeOf<string>();
    expectTypeOf(complaintMetrics).returns.toHaveProperty("reopenRate").toEqualTypeOf<number | null>();
  });

  it("deadlines say who the complaint waits on; goodwill requests are ledger entries", () => {
    expectTypeOf(deadlines).returns.toHaveProperty("waitingOn").toEqualTypeOf<"customer" | "third-party" | null>();
    expectTypeOf(deadlines).parameter(2).toEqualTypeOf<{ readonly at?: string | Date | undefined } | undefined>();
    expectTypeOf(goodwillRequests).returns.toHaveProperty("ledger").toEqualTypeOf<readonly EntryInput[]>();
    expectTypeOf(complaintRecovery).returns.toHaveProperty("retentionDifference").toBeNullable();
  });
});

// SlaPolicy is written by hand with TSDoc on each field, so it is checked to be exactly what its
// schema on loyalty-kit/schemas infers (input and output): the two cannot drift.
it("SlaPolicy equals its schema's inferred type", () => {
  expectTypeOf<kit.SlaPolicy>().toEqualTypeOf<z.output<typeof schemas.SlaPolicySchema>>();
  expectTypeOf<kit.SlaPolicyInput>().toEqualTypeOf<z.input<typeof schemas.SlaPolicySchema>>();
  expectTypeOf<kit.SlaTargetHours>().toEqualTypeOf<z.output<typeof schemas.SlaPolicySchema>["targets"]["low"]>();
});

import { describe, expect, it } from "vitest";
import {
  assertCanEnroll,
  breaches,
  canContact,
  complaintMetrics,
  contactPlan,
  deadlines,
  hasPersonalDataConsent,
  LoyaltyValidationError,
  nextEvents,
  openComplaint,
  parseCustomer,
  perksFor,
  transition,
} from "../../src/index.js";
import { events, opening } from "../complaints/_scenario.js";

// Issue 16, "Typed errors, always": records read back from a store and edited by hand are input
// like any other. On 0.1 each case below gave a TypeError or RangeError (or computed with garbage).

function validation(f: () => unknown): LoyaltyValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof LoyaltyValidationError) return e;
    throw new Error(`expected a LoyaltyValidationError, got ${String(e)}`);
  }
  throw new Error("expected a LoyaltyValidationError, got a result");
}

describe("a complaint snapshot edited by hand", () => {
  const stored = JSON.parse(JSON.stringify(openComplaint(opening)));
  const t = { acknowledgeHours: 2, agreePlanHours: 8, resolveHours: 24 };
  const policy = {
    timeZone: "Europe/Berlin",
    businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" },
    targets: { low: t, normal: t, high: t, urgent: t },
  };
  it("is still accepted unedited (JSON round trip)", () => {
    expect(deadlines(stored, policy).priority).toBe("urgent");
    expect(transition(stored, events[0] as never).state).not.toBe(stored.state);
  });
  it("with priority: 7 is refused by deadlines, breaches, transition and nextEvents, naming priority", () => {
    const edited = { ...stored, priority: 7 };
    for (const f of [
      () => deadlines(edited, policy),
      () => breaches(edited, policy, { at: "2026-03-03T00:00:00Z" }),
      () => transition(edited, events[0] as never),
      () => nextEvents(edited),
    ]) {
      const e = validation(f);
      expect(e.issues[0]?.path).toEqual(["priority"]);
      expect(e.message).toMatch(/expected one of "low", "normal", "high", "urgent", got 7/);
    }
    expect(() =>
      complaintMetrics([edited], { from: "2026-03-01T00:00:00Z", to: "2026-04-01T00:00:00Z", policy }),
    ).toThrow(LoyaltyValidationError);
  });
  it("with an openedAt or a history instant that is not an instant is refused", () => {
    expect(validation(() => deadlines({ ...stored, openedAt: "yesterday" }, policy)).issues[0]?.path).toEqual([
      "openedAt",
    ]);
    const history = [{ ...stored.history[0], at: null }];
    expect(
      validation(() => breaches({ ...stored, history }, policy, { at: "2026-03-03T00:00:00Z" })).issues[0]?.path,
    ).toEqual(["history", 0, "at"]);
  });
});

describe("a customer profile edited by hand", () => {
  const stored = JSON.parse(
    JSON.stringify(
      parseCustomer({
        id: "ayu",
        lastName: "Sari",
        enrolledAt: "2026-03-02T15:00:00+07:00",
        identifiers: [{ kind: "phone", number: "+6281234567890" }],
        consents: [
          { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
          {
            purpose: "marketing",
            channel: "sms",
            status: "given",
            at: "2026-03-02T15:00:00+07:00",
            method: "signed-form",
          },
        ],
      }),
    ),
  );
  const { identifiers: _dropped, ...withoutIdentifiers } = stored;
  const plan = {
    from: "2026-03-01T00:00:00+07:00",
    to: "2026-04-01T00:00:00+07:00",
    timeZone: "Asia/Jakarta",
    cadence: { default: "weekly" },
  } as const;
  const at = "2026-03-03T10:00:00Z";
  const calls = (c: unknown): (() => unknown)[] => [
    () => contactPlan([c as never], plan),
    () => canContact(c as never, "sms", { at, purpose: "marketing" }),
    () => hasPersonalDataConsent(c as never, at),
    () => assertCanEnroll(c as never, { at, personalized: true }),
    () => perksFor(c as never, []),
  ];
  it("with enrolledAt: NaN is refused everywhere, naming enrolledAt", () => {
    for (const f of calls({ ...stored, enrolledAt: Number.NaN })) {
      expect(validation(f).issues[0]?.path.at(-1)).toBe("enrolledAt");
    }
  });
  it("with consents: null is refused everywhere, naming consents", () => {
    for (const f of calls({ ...stored, consents: null })) {
      expect(validation(f).issues[0]?.path.at(-1)).toBe("consents");
    }
  });
  it("without identifiers reads as having none (the schema's default), instead of a TypeError", () => {
    expect(canContact(withoutIdentifiers, "sms", { at, purpose: "marketing" }).allowed).toBe(false);
    expect(contactPlan([withoutIdentifiers], plan).contacts).toEqual([]);
    expect(canContact(stored, "sms", { at, purpose: "marketing" }).allowed).toBe(true);
  });
});

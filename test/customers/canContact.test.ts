import { describe, expect, it } from "vitest";
import { assertCanEnroll, canContact, LoyaltyError, LoyaltyValidationError, parseCustomer } from "../../src/index.js";

// Olga's shop asks for the phone and e-mail at enrollment and tries to get consent to send
// information; by law she needs permission to process personal data.
const ayu = parseCustomer({
  id: "c-1",
  contact: { email: "ayu@example.com" },
  identifiers: [{ kind: "phone", number: "+6281234567890" }],
  consents: [
    { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
    { purpose: "marketing", channel: "sms", status: "withdrawn", at: "2026-03-20T09:00:00+07:00", method: "verbal" },
    { purpose: "marketing", channel: "email", status: "given", at: "2026-03-21T12:00:00+07:00", method: "web" },
  ],
});

describe("canContact", () => {
  it("allows an SMS promotion after she signed the form", () => {
    const d = canContact(ayu, "sms", { at: "2026-03-09T10:00:00+07:00", purpose: "marketing" });
    expect(d).toEqual({ allowed: true, reason: "marketing-consent", statement: ayu.consents[1] });
  });

  it("lets the latest statement win: a withdrawal ends SMS marketing", () => {
    const d = canContact(ayu, "sms", { at: "2026-03-20T09:00:00+07:00", purpose: "marketing" });
    expect(d.allowed).toBe(false);
    expect(d.reason).toBe("marketing-consent-withdrawn");
    expect(d.statement?.method).toBe("verbal");
  });

  it("does not count a consent given after the instant asked about", () => {
    expect(canContact(ayu, "email", { at: "2026-03-21T11:59:59+07:00", purpose: "marketing" }).reason).toBe(
      "no-marketing-consent",
    );
    expect(canContact(ayu, "email", { at: "2026-03-21T12:00:00+07:00", purpose: "marketing" }).allowed).toBe(true);
  });

  it("allows a service message under personal-data consent alone", () => {
    expect(canContact(ayu, "sms", { at: "2026-03-25T10:00:00+07:00", purpose: "service" })).toMatchObject({
      allowed: true,
      reason: "personal-data-consent",
    });
  });

  it("refuses everything before personal-data consent", () => {
    expect(canContact(ayu, "sms", { at: "2026-03-01T10:00:00+07:00", purpose: "service" }).reason).toBe(
      "no-personal-data-consent",
    );
  });

  it("refuses a channel with no address on file", () => {
    const noPost = parseCustomer({
      ...ayu,
      consents: [
        ...ayu.consents,
        { purpose: "marketing", channel: "post", status: "given", at: "2026-03-22T00:00:00Z", method: "signed-form" },
      ],
    });
    expect(canContact(noPost, "post", { at: "2026-03-23T00:00:00Z", purpose: "marketing" }).reason).toBe("no-address");
  });

  it("reports a withdrawn personal-data consent", () => {
    const gone = parseCustomer({
      ...ayu,
      consents: [
        ...ayu.consents,
        { purpose: "personal-data", status: "withdrawn", at: "2026-04-01T00:00:00Z", method: "signed-form" },
      ],
    });
    expect(canContact(gone, "email", { at: "2026-04-02T00:00:00Z", purpose: "marketing" }).reason).toBe(
      "personal-data-consent-withdrawn",
    );
  });

  it("rejects an unknown channel, purpose or a bad instant", () => {
    expect(() => canContact(ayu, "fax" as never, { at: "2026-03-09T00:00:00Z", purpose: "marketing" })).toThrowError(
      /channel/,
    );
    expect(() => canContact(ayu, "sms", { at: "2026-03-09T00:00:00Z", purpose: "spam" as never })).toThrowError(
      /purpose/,
    );
    expect(() => canContact(ayu, "sms", { at: "2026-03-09", purpose: "marketing" })).toThrow(LoyaltyValidationError);
  });
});

describe("assertCanEnroll", () => {
  it("lets a customer with personal-data consent join a personalized bonus program", () => {
    expect(() => assertCanEnroll(ayu, { personalized: true, at: "2026-03-02T15:00:00+07:00" })).not.toThrow();
  });

  it("refuses a personalized program without consent, with CONSENT_REQUIRED", () => {
    try {
      assertCanEnroll(ayu, { personalized: true, at: "2026-03-02T14:59:59+07:00" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(LoyaltyError);
      expect((e as LoyaltyError).code).toBe("CONSENT_REQUIRED");
      expect((e as LoyaltyError).details).toEqual({ customerId: "c-1", reason: "no-personal-data-consent" });
    }
  });

  it("refuses after personal-data consent was withdrawn", () => {
    const gone = parseCustomer({
      ...ayu,
      consents: [
        ...ayu.consents,
        { purpose: "personal-data", status: "withdrawn", at: "2026-04-01T00:00:00Z", method: "signed-form" },
      ],
    });
    expect(() => assertCanEnroll(gone, { personalized: true, at: "2026-04-01T00:00:00Z" })).toThrowError(
      /withdrawn at 2026-04-01T00:00:00.000Z/,
    );
  });

  it("needs no consent for a non-personalized stamp card (like Magnit's stickers, or coupons)", () => {
    expect(() =>
      assertCanEnroll(parseCustomer({ id: "walk-in" }), { personalized: false, at: "2026-03-02T00:00:00Z" }),
    ).not.toThrow();
  });
});

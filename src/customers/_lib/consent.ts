import type { ConsentStatement, ContactChannel, Customer } from "../customer.js";
import type { ContactDecision } from "../canContact.js";

/** The contact channels, in the default order of preference. */
export const CHANNELS = ["email", "sms", "phone", "post"] as const;

/**
 * The statement in force at `atMs` for a purpose (and, for marketing, a channel): the latest one made
 * at or before `atMs`; among statements at the same instant, the one listed last. Undefined when none.
 */
export function statementInForce(
  consents: readonly ConsentStatement[],
  purpose: "personal-data" | "marketing",
  channel: ContactChannel | undefined,
  atMs: number,
): ConsentStatement | undefined {
  let found: ConsentStatement | undefined;
  let foundMs = -Infinity;
  for (const s of consents) {
    if (s.purpose !== purpose) continue;
    if (s.purpose === "marketing" && s.channel !== channel) continue;
    const ms = Date.parse(s.at);
    if (ms <= atMs && ms >= foundMs) {
      found = s;
      foundMs = ms;
    }
  }
  return found;
}

/** Whether the customer has somewhere to be reached on the channel. */
export function hasAddress(customer: Customer, channel: ContactChannel): boolean {
  switch (channel) {
    case "email":
      return customer.contact?.email !== undefined;
    case "post":
      return customer.contact?.address !== undefined;
    case "sms":
    case "phone":
      return customer.identifiers.some((i) => i.kind === "phone");
  }
}

/** The decision without argument checks, for callers that validated already (contactPlan). */
export function decideContact(
  customer: Customer,
  channel: ContactChannel,
  purpose: "marketing" | "service",
  atMs: number,
): ContactDecision {
  const personal = statementInForce(customer.consents, "personal-data", undefined, atMs);
  if (personal === undefined) return { allowed: false, reason: "no-personal-data-consent", statement: undefined };
  if (personal.status === "withdrawn")
    return { allowed: false, reason: "personal-data-consent-withdrawn", statement: personal };
  let deciding = personal;
  if (purpose === "marketing") {
    const marketing = statementInForce(customer.consents, "marketing", channel, atMs);
    if (marketing === undefined) return { allowed: false, reason: "no-marketing-consent", statement: undefined };
    if (marketing.status === "withdrawn")
      return { allowed: false, reason: "marketing-consent-withdrawn", statement: marketing };
    deciding = marketing;
  }
  if (!hasAddress(customer, channel)) return { allowed: false, reason: "no-address", statement: deciding };
  return {
    allowed: true,
    reason: purpose === "marketing" ? "marketing-consent" : "personal-data-consent",
    statement: deciding,
  };
}

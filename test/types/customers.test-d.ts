import { expectTypeOf, test } from "vitest";
import type * as z from "zod/mini";
import type * as kit from "../../src/index.js";
import type * as schemas from "../../src/schemas/index.js";
import {
  buildCustomerIndex,
  canContact,
  contactPlan,
  hasPersonalDataConsent,
  identify,
  parseCustomer,
  safeParseCustomer,
  type ContactChannel,
  type ContactDecision,
  type ContactPlan,
  type Customer,
  type CustomerIdentifier,
  type CustomerIndex,
  type IdentifyInput,
  type IdentifyResult,
} from "../../src/index.js";

test("parseCustomer returns the inferred Customer with defaults filled", () => {
  expectTypeOf(parseCustomer).returns.toEqualTypeOf<Customer>();
  expectTypeOf<Customer["identifiers"]>().toEqualTypeOf<CustomerIdentifier[]>();
  expectTypeOf<Customer["enrolledAt"]>().toEqualTypeOf<string | undefined>();
  const r = safeParseCustomer({});
  if (r.success) expectTypeOf(r.data).toEqualTypeOf<Customer>();
});

test("identifiers are a union discriminated on kind", () => {
  expectTypeOf<CustomerIdentifier["kind"]>().toEqualTypeOf<"barcode" | "magnetic" | "phone">();
  expectTypeOf<IdentifyInput["kind"]>().toEqualTypeOf<"barcode" | "magnetic" | "phone" | "lastName" | "anonymous">();
  // @ts-expect-error a phone lookup needs a number
  identify(buildCustomerIndex([]), { kind: "phone" });
});

test("identify takes an index and returns a tagged result", () => {
  expectTypeOf(buildCustomerIndex).returns.toEqualTypeOf<CustomerIndex>();
  expectTypeOf(identify).returns.toEqualTypeOf<IdentifyResult>();
  expectTypeOf<IdentifyResult["status"]>().toEqualTypeOf<"found" | "ambiguous" | "not-found" | "anonymous">();
});

test("canContact and contactPlan", () => {
  expectTypeOf(canContact).parameter(1).toEqualTypeOf<ContactChannel>();
  expectTypeOf(canContact).returns.toEqualTypeOf<ContactDecision>();
  expectTypeOf(contactPlan).returns.toEqualTypeOf<ContactPlan>();
  // @ts-expect-error purpose is marketing or service
  canContact({} as Customer, "sms", { at: "2026-01-01T00:00:00Z", purpose: "spam" });
});

test("hasPersonalDataConsent takes a parsed customer and an instant and answers a boolean", () => {
  expectTypeOf(hasPersonalDataConsent).parameters.toEqualTypeOf<[Customer, string | Date]>();
  expectTypeOf(hasPersonalDataConsent).returns.toEqualTypeOf<boolean>();
});

// PerkRule is written by hand with TSDoc on each field, so it is checked to be exactly what its
// schema on loyalty-kit/schemas infers (input and output): the two cannot drift.
test("PerkRule equals its schema's inferred type", () => {
  expectTypeOf<kit.PerkRule>().toEqualTypeOf<z.input<typeof schemas.PerkRuleSchema>>();
  expectTypeOf<kit.PerkRule>().toEqualTypeOf<z.output<typeof schemas.PerkRuleSchema>>();
});

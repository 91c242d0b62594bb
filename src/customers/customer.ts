import * as z from "zod/mini";
import { InstantSchema, instantMillis } from "../_lib/validation.js";
import { utcMillis } from "../core/instant.js";
import { barcodeProblem } from "./_lib/gs1.js";
import { isE164 } from "./_lib/phone.js";
import { isMagneticNumber, MAGNETIC_EXPECTED } from "./_lib/magnetic.js";
import { CHANNELS } from "./_lib/consent.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

/**
 * A plastic card's barcode ("kartu … magnetis dan barcode"): an EAN-13, UPC-A or EAN-8 code
 * whose GS1 check digit is right.
 *
 * @example
 * ```ts
 * import { BarcodeIdentifierSchema } from "loyalty-kit/schemas";
 * console.log(BarcodeIdentifierSchema.safeParse({ kind: "barcode", code: "4006381333931" }).success); // true
 * ```
 * @category customers
 */
export const BarcodeIdentifierSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("barcode"),
    code: z.string().check(
      z.superRefine((code, ctx) => {
        const problem = barcodeProblem(code);
        if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
      }),
    ),
  }))();

/**
 * The number on a card's magnetic stripe: 1 to 19 digits (the account-number length of ISO/IEC 7813
 * track 2). Loyalty cards carry no standard check digit, so none is checked.
 *
 * @example
 * ```ts
 * import { MagneticIdentifierSchema } from "loyalty-kit/schemas";
 * console.log(MagneticIdentifierSchema.safeParse({ kind: "magnetic", number: "60112345" }).success); // true
 * ```
 * @category customers
 */
export const MagneticIdentifierSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("magnetic"),
    number: z.string().check(z.refine(isMagneticNumber, { message: MAGNETIC_EXPECTED })),
  }))();

/**
 * A phone number in E.164 form ("+6281234567890"); use {@link "loyalty-kit/customers"!normalizePhone} to get there from what
 * the customer said. It identifies her at the till and is the address for the `sms` and `phone` channels.
 *
 * @example
 * ```ts
 * import { PhoneIdentifierSchema } from "loyalty-kit/schemas";
 * console.log(PhoneIdentifierSchema.safeParse({ kind: "phone", number: "+6281234567890" }).success); // true
 * ```
 * @category customers
 */
export const PhoneIdentifierSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    kind: z.literal("phone"),
    number: z
      .string()
      .check(
        z.refine(isE164, { message: 'expected an E.164 phone number such as "+6281234567890" (use normalizePhone)' }),
      ),
  }))();

/**
 * One way to recognise a customer at the till: a card barcode, a magnetic-stripe number or a phone
 * number. The last name is a lookup too, read from `lastName`.
 *
 * @example
 * ```ts
 * import type { CustomerIdentifier } from "loyalty-kit";
 * const id: CustomerIdentifier = { kind: "barcode", code: "4006381333931" };
 * console.log(id.kind);
 * ```
 * @category customers
 */
export const CustomerIdentifierSchema = /* @__PURE__ */ z.discriminatedUnion("kind", [
  BarcodeIdentifierSchema,
  MagneticIdentifierSchema,
  PhoneIdentifierSchema,
]);
/**
 * One identifier of a customer (see {@link CustomerIdentifierSchema}).
 *
 * @example
 * ```ts
 * import type { CustomerIdentifier } from "loyalty-kit";
 * const id: CustomerIdentifier = { kind: "magnetic", number: "60112345" };
 * console.log(id.kind); // magnetic
 * ```
 * @category customers
 */
export type CustomerIdentifier = z.infer<typeof CustomerIdentifierSchema>;

/**
 * A contact channel the shop can use ("letter, e-mail, phone call, sms").
 *
 * @example
 * ```ts
 * import { ContactChannelSchema } from "loyalty-kit/schemas";
 * console.log(ContactChannelSchema.options); // [ 'email', 'sms', 'phone', 'post' ]
 * ```
 * @category customers
 */
export const ContactChannelSchema = /* @__PURE__ */ z.enum(CHANNELS);
/**
 * A contact channel: `"email" | "sms" | "phone" | "post"` (see {@link ContactChannelSchema}).
 *
 * @example
 * ```ts
 * import type { ContactChannel } from "loyalty-kit";
 * const channel: ContactChannel = "sms";
 * console.log(channel);
 * ```
 * @category customers
 */
export type ContactChannel = z.infer<typeof ContactChannelSchema>;

const ConsentMethodSchema = /* @__PURE__ */ z.enum(["signed-form", "web", "verbal"]);
const ConsentStatusSchema = /* @__PURE__ */ z.enum(["given", "withdrawn"]);

/**
 * One consent statement: the customer gave or withdrew consent, at an instant, in a way (
 * ideally she writes "I agree to participate" on the form and signs it; by law the shop needs
 * permission to process personal data). `personal-data` consent has no channel; `marketing` consent
 * is per channel. The latest statement for a purpose (and channel) wins.
 *
 * @example
 * ```ts
 * import { ConsentStatementSchema } from "loyalty-kit/schemas";
 * const s = ConsentStatementSchema.parse({ purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T10:00:00+07:00", method: "signed-form" });
 * console.log(s.at); // 2026-03-02T03:00:00.000Z
 * ```
 * @category customers
 */
export const ConsentStatementSchema = /* @__PURE__ */ (() =>
  z.discriminatedUnion("purpose", [
    z.strictObject({
      purpose: z.literal("personal-data"),
      status: ConsentStatusSchema,
      at: InstantSchema,
      method: ConsentMethodSchema,
    }),
    z.strictObject({
      purpose: z.literal("marketing"),
      channel: ContactChannelSchema,
      status: ConsentStatusSchema,
      at: InstantSchema,
      method: ConsentMethodSchema,
    }),
  ]))();
/**
 * One parsed consent statement (see {@link ConsentStatementSchema}).
 *
 * @example
 * ```ts
 * import type { ConsentStatement } from "loyalty-kit";
 * const s: ConsentStatement = { purpose: "personal-data", status: "given", at: "2026-03-02T03:00:00.000Z", method: "signed-form" };
 * console.log(s.purpose, s.status); // personal-data given
 * ```
 * @category customers
 */
export type ConsentStatement = z.infer<typeof ConsentStatementSchema>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
function isCalendarDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(utcMillis(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const AGE_BAND = /^(\d{1,3})(?:-(\d{1,3})|\+)$/;
function isAgeBand(s: string): boolean {
  const m = AGE_BAND.exec(s);
  if (m === null) return false;
  return m[2] === undefined || Number(m[1]) <= Number(m[2]);
}

const Text = /* @__PURE__ */ (() => z.string().check(z.minLength(1, { message: "expected a non-empty string" })))();

/**
 * A customer profile: the customer database a shop keeps (name, contact information,
 * age, gender, social status, hobbies, preferences, purchase history), plus how she is identified,
 * her segment (big-profit or small-profit) and her consent statements, oldest first.
 *
 * Rules beyond the shape: barcodes carry a valid GS1 check digit, phones are E.164, consent statements
 * are in chronological order (a statement older than the one before it is an error, not a silent
 * reordering), `birthDate` is a real calendar date, `ageBand` reads "25-34" or "65+".
 *
 * @example
 * ```ts
 * import { CustomerSchema } from "loyalty-kit/schemas";
 * const r = CustomerSchema.safeParse({ id: "c-1", lastName: "Sari", identifiers: [{ kind: "phone", number: "+6281234567890" }] });
 * console.log(r.success); // true
 * ```
 * @category customers
 */
export const CustomerSchema = /* @__PURE__ */ (() =>
  z
    .strictObject({
      id: Text,
      firstName: z.optional(Text),
      lastName: z.optional(Text),
      contact: z.optional(
        z.strictObject({
          email: z.optional(z.email({ message: "expected an e-mail address" })),
          address: z.optional(Text),
        }),
      ),
      birthDate: z.optional(
        z.string().check(z.refine(isCalendarDate, { message: "expected a calendar date YYYY-MM-DD" })),
      ),
      ageBand: z.optional(
        z.string().check(z.refine(isAgeBand, { message: 'expected an age band such as "25-34" or "65+"' })),
      ),
      gender: z.optional(Text),
      socialStatus: z.optional(Text),
      interests: z.optional(z.array(Text)),
      preferences: z.optional(z.array(Text)),
      purchaseHistoryRef: z.optional(Text),
      segment: z.optional(Text),
      enrolledAt: z.optional(InstantSchema),
      identifiers: z._default(z.array(CustomerIdentifierSchema), []),
      consents: z._default(z.array(ConsentStatementSchema), []),
    })
    .check(
      z.superRefine((customer, ctx) => {
        for (let i = 1; i < customer.consents.length; i++) {
          const prev = customer.consents[i - 1];
          const cur = customer.consents[i];
          if (prev !== undefined && cur !== undefined && instantMillis(cur.at) < instantMillis(prev.at)) {
            ctx.addIssue({
              code: "custom",
              path: ["consents", i, "at"],
              message: `consent statements must be oldest first: ${cur.at} is before the previous statement's ${prev.at}`,
            });
          }
        }
      }),
    ))();

/**
 * A parsed customer profile (instants are canonical UTC ISO strings, `identifiers` and `consents`
 * always present).
 *
 * @example
 * ```ts
 * import { parseCustomer, type Customer } from "loyalty-kit";
 * const c: Customer = parseCustomer({ id: "c-1" });
 * console.log(c.identifiers.length, c.consents.length); // 0 0
 * ```
 * @category customers
 */
export type Customer = z.output<typeof CustomerSchema>;

/**
 * What a caller may pass for a customer (before defaults and instant normalization).
 *
 * @example
 * ```ts
 * import type { CustomerInput } from "loyalty-kit";
 * const input: CustomerInput = { id: "c-1", enrolledAt: new Date("2026-03-02T03:00:00Z") };
 * console.log(input.id);
 * ```
 * @category customers
 */
export type CustomerInput = z.input<typeof CustomerSchema>;

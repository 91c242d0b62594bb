import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import { Decimal } from "decimal.js";
import * as z from "zod/mini";
import { LoyaltyValidationError } from "../errors/errors.js";
import { assertTimeZone } from "../_lib/time.js";
import { InstantSchema, PositiveDecimalStringSchema, invalid, issuesFromZod } from "../_lib/validation.js";
import { ContactChannelSchema, type ContactChannel, type Customer } from "./customer.js";
import type { ContactReason } from "./canContact.js";
import { decideContact } from "./_lib/consent.js";
import { outOfQuietHours } from "./_lib/quietHours.js";
import { lifecycleCandidates, localDateKey, localDayAt, withinCap } from "./_lib/lifecycleContacts.js";
import { momentCandidates } from "./_lib/momentContacts.js";
import { hasPersonalDataConsent } from "./hasPersonalDataConsent.js";

// Each schema made of nested calls is built inside a pure call, `/* @__PURE__ */ (() => …)()`, so a
// bundle keeps only what it reads (see the note above DecimalString in src/core/validation.ts).

const CadenceSchema = /* @__PURE__ */ z.enum(["weekly", "monthly", "none"]);
const ClockTime = /* @__PURE__ */ (() =>
  z
    .string()
    .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a wall-clock time HH:MM such as "09:00"' })))();

/**
 * Options of {@link contactPlan}. Defaults: `sendTime` "10:00", no quiet hours, `minGapHours` 48,
 * `expiryReminderDays` 7, `welcome` true with `welcomeAfterHours` 0, channel preference
 * email → sms → phone → post, no expiring lots, purchases, win-back marks or resolved complaints,
 * `followUpAfterDays` 3, `thankYouAfterHours` 24, no cap.
 *
 * - `cadence`: routine contact per segment (weekly or monthly, big-profit customers first),
 *   e.g. `{ default: "monthly", segments: [{ segment: "big-profit", every: "weekly" }] }`.
 * - `expiringLots`: points lots as plain data `{ customerId, points, expiresAt }` (e.g. from the
 *   ledger); lots expiring the same local day are summed into one reminder. Lots of customers not in
 *   the list are ignored, so a plan can cover one segment of the ledger.
 * - `purchases`: `{ customerId, at }`; each local day with a purchase gives a `follow-up`
 *   ("is everything fine?") `followUpAfterDays` local days later at `sendTime`.
 * - `winBack`: `{ customerId, stage: "lapsing" | "lost", markedAt }`, e.g. the customers a CRM plan
 *   marks lapsing or lost; each gets one `win-back` at the first `sendTime` at or after the later of
 *   `markedAt` and `from` (the latest mark of a customer counts).
 * - `resolvedComplaints`: `{ customerId, complaintId, resolvedAt }`; each complaint gets one
 *   `thank-you` `thankYouAfterHours` after it was resolved.
 * - `cap`: `{ max, days }` — at most `max` contacts to one customer, all kinds together, in any
 *   window of `days` days (rolling, so no calendar boundary lets two bursts meet).
 * - `birthdays`: `{ feb29?: "feb-28" | "mar-1" }` turns on a `birthday` greeting at `sendTime` on each
 *   customer's birthday (her `birthDate`, local calendar day in `timeZone`) inside the window; 29 February
 *   birthdays fall on 28 February in common years (or 1 March). A birthday greeting uses personal data, so
 *   it also needs personal-data consent in force at that instant (skipped with `no-personal-data-consent`).
 * - `tierChanges`: `{ customerId, at, from, to }` (the `changes` of `tierStatus`, with the customer's id);
 *   each change at or after `from` gets one `tier-change` message at the first `sendTime` at or after it.
 *
 * @example
 * ```ts
 * import { ContactPlanOptionsSchema } from "loyalty-kit/schemas";
 * const o = ContactPlanOptionsSchema.parse({ from: "2026-03-01T00:00:00+07:00", to: "2026-04-01T00:00:00+07:00", timeZone: "Asia/Jakarta", cadence: { default: "weekly" } });
 * console.log(o.minGapHours, o.sendTime); // 48 10:00
 * ```
 * @category customers
 */
export const ContactPlanOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    from: InstantSchema,
    to: InstantSchema,
    timeZone: z.string().check(z.minLength(1)),
    cadence: z.strictObject({
      default: CadenceSchema,
      segments: z._default(
        z.array(z.strictObject({ segment: z.string().check(z.minLength(1)), every: CadenceSchema })),
        [],
      ),
    }),
    sendTime: z._default(ClockTime, "10:00"),
    quietHours: z.optional(z.strictObject({ start: ClockTime, end: ClockTime })),
    minGapHours: z._default(z.number().check(z.nonnegative()), 48),
    expiryReminderDays: z._default(z.number().check(z.int()).check(z.nonnegative()).check(z.maximum(366)), 7),
    welcome: z._default(z.boolean(), true),
    welcomeAfterHours: z._default(z.number().check(z.nonnegative()), 0),
    channels: z._default(z.array(ContactChannelSchema).check(z.minLength(1)), ["email", "sms", "phone", "post"]),
    expiringLots: z._default(
      z.array(
        z.strictObject({
          customerId: z.string().check(z.minLength(1)),
          points: PositiveDecimalStringSchema,
          expiresAt: InstantSchema,
        }),
      ),
      [],
    ),
    purchases: z._default(
      z.array(z.strictObject({ customerId: z.string().check(z.minLength(1)), at: InstantSchema })),
      [],
    ),
    followUpAfterDays: z._default(z.number().check(z.int()).check(z.nonnegative()).check(z.maximum(366)), 3),
    winBack: z._default(
      z.array(
        z.strictObject({
          customerId: z.string().check(z.minLength(1)),
          stage: z.enum(["lapsing", "lost"]),
          markedAt: InstantSchema,
        }),
      ),
      [],
    ),
    resolvedComplaints: z._default(
      z.array(
        z.strictObject({
          customerId: z.string().check(z.minLength(1)),
          complaintId: z.string().check(z.minLength(1)),
          resolvedAt: InstantSchema,
        }),
      ),
      [],
    ),
    thankYouAfterHours: z._default(z.number().check(z.nonnegative()).check(z.maximum(8784)), 24),
    cap: z.optional(
      z.strictObject({
        max: z.number().check(z.int()).check(z.minimum(1)).check(z.maximum(1000)),
        days: z.number().check(z.positive()).check(z.maximum(366)),
      }),
    ),
    birthdays: z.optional(z.strictObject({ feb29: z._default(z.enum(["feb-28", "mar-1"]), "feb-28") })),
    tierChanges: z._default(
      z.array(
        z.strictObject({
          customerId: z.string().check(z.minLength(1)),
          at: InstantSchema,
          from: z.nullable(z.string().check(z.minLength(1))),
          to: z.nullable(z.string().check(z.minLength(1))),
          reason: z.optional(z.string()),
          amount: z.optional(z.string()),
        }),
      ),
      [],
    ),
  }))();

/**
 * What a caller passes to {@link contactPlan} (see {@link ContactPlanOptionsSchema}).
 *
 * @example
 * ```ts
 * import type { ContactPlanOptions } from "loyalty-kit";
 * const o: ContactPlanOptions = { from: "2026-03-01T00:00:00+07:00", to: "2026-04-01T00:00:00+07:00", timeZone: "Asia/Jakarta", cadence: { default: "monthly" } };
 * console.log(o.timeZone);
 * ```
 * @category customers
 */
export type ContactPlanOptions = z.input<typeof ContactPlanOptionsSchema>;

/**
 * The longest window {@link contactPlan} accepts, in days (about three years): the work grows with
 * the window (a weekly cadence makes about 52 candidates per customer and year), so a window up to
 * year 9999 would run for minutes. Plan longer horizons in consecutive windows.
 *
 * @example
 * ```ts
 * import { CONTACT_PLAN_MAX_DAYS } from "loyalty-kit";
 * console.log(CONTACT_PLAN_MAX_DAYS); // 1100
 * ```
 * @category customers
 */
export const CONTACT_PLAN_MAX_DAYS = 1100;

/**
 * Why a contact was planned: `welcome` after enrollment, `routine` by cadence, `expiry-reminder`
 * some days before points expire (limited duration pushes use of accumulated points), `follow-up`
 * some days after a purchase, `win-back` for a customer marked lapsing or lost, `thank-you` after a
 * resolved complaint, `birthday` on the customer's birthday, `tier-change` after her tier went up or down.
 *
 * @example
 * ```ts
 * import type { ContactKind } from "loyalty-kit";
 * const kind: ContactKind = "expiry-reminder";
 * console.log(kind);
 * ```
 * @category customers
 */
export type ContactKind =
  | "welcome"
  | "routine"
  | "expiry-reminder"
  | "follow-up"
  | "win-back"
  | "thank-you"
  | "birthday"
  | "tier-change";

/**
 * What a planned or skipped contact is about, by its kind: `points` and `expiresAt` on expiry
 * reminders, `purchasedAt` on follow-ups, `stage` on win-backs, `complaintId` on thank-yous,
 * `birthday` on birthdays, `tier` on tier changes.
 *
 * @example
 * ```ts
 * import type { ContactDetails } from "loyalty-kit";
 * const d: ContactDetails = { points: "120", expiresAt: "2026-06-30T21:59:59.999Z" };
 * console.log(d.points);
 * ```
 * @category customers
 */
export interface ContactDetails {
  /** For an `expiry-reminder`: the points about to expire. */
  readonly points?: string;
  /** For an `expiry-reminder`: when they expire. */
  readonly expiresAt?: string;
  /** For a `follow-up`: the purchase followed up. */
  readonly purchasedAt?: string;
  /** For a `win-back`: how far the customer has drifted. */
  readonly stage?: "lapsing" | "lost";
  /** For a `thank-you`: the complaint resolved. */
  readonly complaintId?: string;
  /** For a `birthday`: the local calendar day greeted, YYYY-MM-DD. */
  readonly birthday?: string;
  /** For a `tier-change`: the tier before and after (`null` for none). */
  readonly tier?: { readonly from: string | null; readonly to: string | null };
}

/**
 * One planned contact. `points` and `expiresAt` are present on expiry reminders, `purchasedAt` on
 * follow-ups, `stage` on win-backs, `complaintId` on thank-yous.
 *
 * @example
 * ```ts
 * import type { PlannedContact } from "loyalty-kit";
 * const c: PlannedContact = { customerId: "c-1", at: "2026-03-09T03:00:00.000Z", kind: "routine", channel: "sms" };
 * console.log(c.channel);
 * ```
 * @category customers
 */
export interface PlannedContact extends ContactDetails {
  readonly customerId: string;
  readonly at: string;
  readonly kind: ContactKind;
  readonly channel: ContactChannel;
}

/**
 * A contact the plan would have made but did not, and why: `no-channel` (no channel with marketing
 * consent and an address at that instant; `channels` gives each channel's reason), `min-gap` (too close
 * to a more important contact, named in `conflictsWith`), `after-expiry` (the reminder would come after
 * the points expired), `cap` (more important contacts already fill the customer's `cap`).
 *
 * @example
 * ```ts
 * import type { SkippedContact } from "loyalty-kit";
 * const s: SkippedContact = { customerId: "c-1", at: "2026-03-09T03:00:00.000Z", kind: "routine", reason: "min-gap" };
 * console.log(s.reason);
 * ```
 * @category customers
 */
export interface SkippedContact extends ContactDetails {
  readonly customerId: string;
  readonly at: string;
  readonly kind: ContactKind;
  readonly reason: "no-channel" | "min-gap" | "after-expiry" | "cap" | "no-personal-data-consent";
  readonly channels?: readonly { readonly channel: ContactChannel; readonly reason: ContactReason }[];
  readonly conflictsWith?: { readonly kind: ContactKind; readonly at: string };
}

/**
 * The answer of {@link contactPlan}: contacts and skipped contacts, each ordered by instant, then
 * customer id, then kind.
 *
 * @example
 * ```ts
 * import type { ContactPlan } from "loyalty-kit";
 * const plan: ContactPlan = { contacts: [], skipped: [] };
 * console.log(plan.contacts.length);
 * ```
 * @category customers
 */
export interface ContactPlan {
  readonly contacts: readonly PlannedContact[];
  readonly skipped: readonly SkippedContact[];
}

// Which contact wins when two fall inside the minimum gap or the cap: points about to be lost first,
// then the thanks after a complaint (service recovery is time-critical), the one-time welcome, the
// follow-up after a purchase, the win-back, and routine contact last.
const PRIORITY: Readonly<Record<ContactKind, number>> = {
  "expiry-reminder": 0,
  "thank-you": 1,
  welcome: 2,
  birthday: 3, // a birthday cannot move to another day
  "tier-change": 4,
  "follow-up": 5,
  "win-back": 6,
  routine: 7,
};
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// Ties at one instant are broken by the complaint id, then the tier moved to, so the input order never decides.
function byComplaint(
  a: { complaintId?: string; tier?: { readonly to: string | null } },
  b: { complaintId?: string; tier?: { readonly to: string | null } },
): number {
  const x = `${a.complaintId ?? ""}\u0000${a.tier?.to ?? ""}`;
  const y = `${b.complaintId ?? ""}\u0000${b.tier?.to ?? ""}`;
  return x < y ? -1 : x > y ? 1 : 0;
}

interface Candidate {
  readonly kind: ContactKind;
  readonly atMs: number;
  readonly points?: string;
  readonly expiresAtMs?: number;
  readonly purchasedAt?: string;
  readonly stage?: "lapsing" | "lost";
  readonly complaintId?: string;
  /** For a `birthday`: the local calendar day greeted, YYYY-MM-DD. */
  readonly birthday?: string;
  /** For a `tier-change`: the tier before and after (`null` for none). */
  readonly tier?: { readonly from: string | null; readonly to: string | null };
}

/**
 * Plans who to contact, when and on which channel between `from` and `to` (stay in routine
 * contact, weekly or monthly, prioritizing the 20% big-profit customers; remind participants
 * periodically of the shop, their bonus and discounts, and push use of points before they expire).
 *
 * For each customer the candidates are: a `welcome` at `enrolledAt + welcomeAfterHours`; `routine`
 * contacts at `sendTime` every week or month (by segment) counted from her enrollment day (or from
 * `from` when she has none); an `expiry-reminder` at `sendTime` `expiryReminderDays` local days before
 * each day on which her lots expire, with the points summed exactly. A candidate inside quiet hours
 * moves to their end (local time in `timeZone`). Candidates outside [from, to) are dropped. Then, most
 * important first (expiry reminder, welcome, routine) and earliest first, each candidate takes the
 * first channel in `channels` with marketing consent in force and an address at that instant (see
 * {@link canContact}), and is kept only if no kept contact to the same customer is closer than
 * `minGapHours` and, with a `cap`, only if the customer's kept contacts stay within it. Follow-ups,
 * win-backs and thank-yous (see {@link ContactPlanOptions}) obey the same consent, quiet-hour,
 * gap and cap rules. The result depends only on the input, not on the order of the customers.
 *
 * @param customers - Parsed customers with unique ids.
 * @param options - Window, time zone, cadence and the rest; see {@link ContactPlanOptions}.
 * @returns A {@link ContactPlan}.
 * @throws {LoyaltyValidationError} when an option is malformed (`cap.days` over 366, `followUpAfterDays` over 366), `from` is not before `to` or more than {@link CONTACT_PLAN_MAX_DAYS} days before it, the time
 *   zone is unknown, or two customers share an id.
 * @example
 * ```ts
 * import { contactPlan, parseCustomer } from "loyalty-kit";
 * const ayu = parseCustomer({
 *   id: "c-1",
 *   enrolledAt: "2026-03-02T15:00:00+07:00",
 *   identifiers: [{ kind: "phone", number: "+6281234567890" }],
 *   consents: [
 *     { purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
 *     { purpose: "marketing", channel: "sms", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" },
 *   ],
 * });
 * const plan = contactPlan([ayu], {
 *   from: "2026-03-01T00:00:00+07:00", to: "2026-04-01T00:00:00+07:00", timeZone: "Asia/Jakarta",
 *   cadence: { default: "weekly" },
 * });
 * for (const c of plan.contacts) console.log(c.at, c.kind, c.channel);
 * ```
 * @category customers
 */
export function contactPlan(customers: readonly Customer[], options: ContactPlanOptions): ContactPlan {
  return guardInputs("contactPlan", { customers, options }, () => contactPlanUnguarded(customers, options));
}

function contactPlanUnguarded(customers: readonly Customer[], options: ContactPlanOptions): ContactPlan {
  const parsed = ContactPlanOptionsSchema.safeParse(options);
  if (!parsed.success) throw new LoyaltyValidationError(issuesFromZod(parsed.error, options), "contactPlan");
  const o = parsed.data;
  assertTimeZone(o.timeZone);
  const fromMs = Date.parse(o.from);
  const toMs = Date.parse(o.to);
  if (!(fromMs < toMs)) invalid(["to"], `expected "to" after "from", got from ${o.from} and to ${o.to}`, "contactPlan");
  if (toMs - fromMs > CONTACT_PLAN_MAX_DAYS * DAY)
    invalid(
      ["to"],
      `expected a window of at most ${CONTACT_PLAN_MAX_DAYS} days (about three years), got ${Math.ceil((toMs - fromMs) / DAY)} days from ${o.from} to ${o.to}: plan in shorter windows, one after another`,
      "contactPlan",
    );
  if (!Array.isArray(customers)) invalid(["customers"], "expected an array of customers", "contactPlan");
  customers = customers.map((c, i) => storedCustomer(c, ["customers", i], "contactPlan"));

  const seen = new Set<string>();
  for (let i = 0; i < customers.length; i++) {
    const id = customers[i]?.id;
    if (typeof id !== "string")
      invalid(["customers", i, "id"], "expected a parsed customer with a string id", "contactPlan");
    if (seen.has(id)) invalid(["customers", i, "id"], `customer id ${JSON.stringify(id)} appears twice`, "contactPlan");
    seen.add(id);
  }

  // Expiring lots per customer and local expiry day, summed exactly.
  const lots = new Map<string, Map<string, { points: Decimal; expiresAtMs: number }>>();
  for (const lot of o.expiringLots) {
    if (!seen.has(lot.customerId)) continue;
    const ms = Date.parse(lot.expiresAt);
    const day = localDateKey(ms, o.timeZone);
    let byDay = lots.get(lot.customerId);
    if (byDay === undefined) lots.set(lot.customerId, (byDay = new Map()));
    const prev = byDay.get(day);
    // Same local day: one reminder; it must come before the earliest of the lots expires.
    byDay.set(
      day,
      prev === undefined
        ? { points: new Decimal(lot.points), expiresAtMs: ms }
        : { points: prev.points.plus(lot.points), expiresAtMs: Math.min(prev.expiresAtMs, ms) },
    );
  }

  const lifecycle = lifecycleCandidates(o, seen, fromMs);
  const moments = momentCandidates(o, customers, seen, fromMs, toMs);
  const contacts: PlannedContact[] = [];
  const skipped: SkippedContact[] = [];
  const minGap = o.minGapHours * HOUR;

  for (const customer of customers) {
    const candidates: Candidate[] = [];
    const enrolledMs = customer.enrolledAt === undefined ? undefined : Date.parse(customer.enrolledAt);
    if (o.welcome && enrolledMs !== undefined) {
      candidates.push({
        kind: "welcome",
        atMs: outOfQuietHours(enrolledMs + o.welcomeAfterHours * HOUR, o.quietHours, o.timeZone),
      });
    }
    const every = o.cadence.segments.find((s) => s.segment === customer.segment)?.every ?? o.cadence.default;
    if (every !== "none" && (enrolledMs === undefined || enrolledMs < toMs)) {
      const anchor = enrolledMs ?? fromMs;
      // Skip the periods that surely end before `from` (a week is at most 7 days + 1 h, a month at most
      // 31 days, and the send time can be up to a day after the anchor), so a customer enrolled years
      // ago costs no more than a new one.
      const periodDays = every === "weekly" ? 7 : 31;
      const firstK = Math.max(1, Math.floor(((fromMs - anchor) / DAY - 2) / periodDays));
      for (let k = firstK; ; k++) {
        const natural =
          every === "weekly"
            ? localDayAt(anchor, 7 * k, 0, o.sendTime, o.timeZone)
            : localDayAt(anchor, 0, k, o.sendTime, o.timeZone);
        if (natural >= toMs) break;
        if (natural >= fromMs)
          candidates.push({ kind: "routine", atMs: outOfQuietHours(natural, o.quietHours, o.timeZone) });
      }
    }
    for (const { points, expiresAtMs } of lots.get(customer.id)?.values() ?? []) {
      const at = outOfQuietHours(
        localDayAt(expiresAtMs, -o.expiryReminderDays, 0, o.sendTime, o.timeZone),
        o.quietHours,
        o.timeZone,
      );
      candidates.push({ kind: "expiry-reminder", atMs: at, points: points.toFixed(), expiresAtMs });
    }
    candidates.push(...(lifecycle.get(customer.id) ?? []), ...(moments.get(customer.id) ?? []));

    // Two thank-yous at one instant: the complaint id decides, so the input order never does.
    candidates.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.atMs - b.atMs || byComplaint(a, b));
    const kept: Candidate[] = [];
    for (const c of candidates) {
      if (c.atMs < fromMs || c.atMs >= toMs) continue;
      const base = {
        customerId: customer.id,
        at: new Date(c.atMs).toISOString(),
        kind: c.kind,
        ...(c.points === undefined ? {} : { points: c.points }),
        ...(c.expiresAtMs === undefined ? {} : { expiresAt: new Date(c.expiresAtMs).toISOString() }),
        ...(c.purchasedAt === undefined ? {} : { purchasedAt: c.purchasedAt }),
        ...(c.stage === undefined ? {} : { stage: c.stage }),
        ...(c.complaintId === undefined ? {} : { complaintId: c.complaintId }),
        ...(c.birthday === undefined ? {} : { birthday: c.birthday }),
        ...(c.tier === undefined ? {} : { tier: c.tier }),
      };
      if (c.expiresAtMs !== undefined && c.atMs >= c.expiresAtMs) {
        skipped.push({ ...base, reason: "after-expiry" });
        continue;
      }
      if (c.kind === "birthday" && !hasPersonalDataConsent(customer, new Date(c.atMs))) {
        skipped.push({ ...base, reason: "no-personal-data-consent" });
        continue;
      }
      const decisions = o.channels.map((channel) => ({
        channel,
        decision: decideContact(customer, channel, "marketing", c.atMs),
      }));
      const chosen = decisions.find((d) => d.decision.allowed);
      if (chosen === undefined) {
        skipped.push({
          ...base,
          reason: "no-channel",
          channels: decisions.map((d) => ({ channel: d.channel, reason: d.decision.reason })),
        });
        continue;
      }
      const conflict = kept.find((k) => Math.abs(k.atMs - c.atMs) < minGap);
      if (conflict !== undefined) {
        skipped.push({
          ...base,
          reason: "min-gap",
          conflictsWith: { kind: conflict.kind, at: new Date(conflict.atMs).toISOString() },
        });
        continue;
      }
      if (
        o.cap !== undefined &&
        !withinCap(
          kept.map((k) => k.atMs),
          c.atMs,
          o.cap.max,
          o.cap.days * DAY,
        )
      ) {
        skipped.push({ ...base, reason: "cap" });
        continue;
      }
      kept.push(c);
      contacts.push({ ...base, channel: chosen.channel });
    }
  }
  const order = (
    a: { at: string; customerId: string; kind: ContactKind; complaintId?: string },
    b: { at: string; customerId: string; kind: ContactKind; complaintId?: string },
  ): number =>
    a.at < b.at
      ? -1
      : a.at > b.at
        ? 1
        : a.customerId < b.customerId
          ? -1
          : a.customerId > b.customerId
            ? 1
            : PRIORITY[a.kind] - PRIORITY[b.kind] || byComplaint(a, b);
  contacts.sort(order);
  skipped.sort(order);
  return { contacts, skipped };
}

import { guardInputs } from "../core/guard.js";
import { storedCustomer } from "./_lib/stored.js";
import { Decimal } from "decimal.js";
import * as z from "zod";
import { LoyaltyValidationError } from "../errors/errors.js";
import { assertTimeZone, daysInMonth, zonedParts, zonedTimeToInstant } from "../_lib/time.js";
import { InstantSchema, PositiveDecimalStringSchema, invalid, issuesFromZod } from "../_lib/validation.js";
import { ContactChannelSchema, type ContactChannel, type Customer } from "./customer.js";
import type { ContactReason } from "./canContact.js";
import { decideContact } from "./_lib/consent.js";
import { minutesOf, outOfQuietHours } from "./_lib/quietHours.js";

const CadenceSchema = /* @__PURE__ */ z.enum(["weekly", "monthly", "none"]);
const ClockTime = /* @__PURE__ */ z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'expected a wall-clock time HH:MM such as "09:00"' });

/**
 * Options of {@link contactPlan}. Defaults: `sendTime` "10:00", no quiet hours, `minGapHours` 48,
 * `expiryReminderDays` 7, `welcome` true with `welcomeAfterHours` 0, channel preference
 * email → sms → phone → post, no expiring lots.
 *
 * - `cadence`: routine contact per segment (weekly or monthly, big-profit customers first),
 *   e.g. `{ default: "monthly", segments: [{ segment: "big-profit", every: "weekly" }] }`.
 * - `expiringLots`: points lots as plain data `{ customerId, points, expiresAt }` (e.g. from the
 *   ledger); lots expiring the same local day are summed into one reminder. Lots of customers not in
 *   the list are ignored, so a plan can cover one segment of the ledger.
 *
 * @example
 * ```ts
 * import { ContactPlanOptionsSchema } from "loyalty-kit";
 * const o = ContactPlanOptionsSchema.parse({ from: "2026-03-01T00:00:00+07:00", to: "2026-04-01T00:00:00+07:00", timeZone: "Asia/Jakarta", cadence: { default: "weekly" } });
 * console.log(o.minGapHours, o.sendTime); // 48 10:00
 * ```
 * @category customers
 */
export const ContactPlanOptionsSchema = /* @__PURE__ */ z.strictObject({
  from: InstantSchema,
  to: InstantSchema,
  timeZone: z.string().min(1),
  cadence: z.strictObject({
    default: CadenceSchema,
    segments: z.array(z.strictObject({ segment: z.string().min(1), every: CadenceSchema })).default([]),
  }),
  sendTime: ClockTime.default("10:00"),
  quietHours: z.strictObject({ start: ClockTime, end: ClockTime }).optional(),
  minGapHours: z.number().finite().nonnegative().default(48),
  expiryReminderDays: z.number().int().nonnegative().max(366).default(7),
  welcome: z.boolean().default(true),
  welcomeAfterHours: z.number().finite().nonnegative().default(0),
  channels: z.array(ContactChannelSchema).min(1).default(["email", "sms", "phone", "post"]),
  expiringLots: z
    .array(
      z.strictObject({ customerId: z.string().min(1), points: PositiveDecimalStringSchema, expiresAt: InstantSchema }),
    )
    .default([]),
});

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
 * some days before points expire (limited duration pushes use of accumulated points).
 *
 * @example
 * ```ts
 * import type { ContactKind } from "loyalty-kit";
 * const kind: ContactKind = "expiry-reminder";
 * console.log(kind);
 * ```
 * @category customers
 */
export type ContactKind = "welcome" | "routine" | "expiry-reminder";

/**
 * One planned contact. `points` and `expiresAt` are present on expiry reminders.
 *
 * @example
 * ```ts
 * import type { PlannedContact } from "loyalty-kit";
 * const c: PlannedContact = { customerId: "c-1", at: "2026-03-09T03:00:00.000Z", kind: "routine", channel: "sms" };
 * console.log(c.channel);
 * ```
 * @category customers
 */
export interface PlannedContact {
  readonly customerId: string;
  readonly at: string;
  readonly kind: ContactKind;
  readonly channel: ContactChannel;
  readonly points?: string;
  readonly expiresAt?: string;
}

/**
 * A contact the plan would have made but did not, and why: `no-channel` (no channel with marketing
 * consent and an address at that instant; `channels` gives each channel's reason), `min-gap` (too close
 * to a more important contact, named in `conflictsWith`), `after-expiry` (the reminder would come after
 * the points expired).
 *
 * @example
 * ```ts
 * import type { SkippedContact } from "loyalty-kit";
 * const s: SkippedContact = { customerId: "c-1", at: "2026-03-09T03:00:00.000Z", kind: "routine", reason: "min-gap" };
 * console.log(s.reason);
 * ```
 * @category customers
 */
export interface SkippedContact {
  readonly customerId: string;
  readonly at: string;
  readonly kind: ContactKind;
  readonly reason: "no-channel" | "min-gap" | "after-expiry";
  readonly channels?: readonly { readonly channel: ContactChannel; readonly reason: ContactReason }[];
  readonly conflictsWith?: { readonly kind: ContactKind; readonly at: string };
  readonly points?: string;
  readonly expiresAt?: string;
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

// Which contact wins when two fall inside the minimum gap: points about to be lost first, then the
// one-time welcome, then routine contact.
const PRIORITY: Readonly<Record<ContactKind, number>> = { "expiry-reminder": 0, welcome: 1, routine: 2 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Candidate {
  readonly kind: ContactKind;
  readonly atMs: number;
  readonly points?: string;
  readonly expiresAtMs?: number;
}

/** The instant at `clock` on the local calendar day `days` days and `months` months after the day of `ms`. */
function localDayAt(ms: number, days: number, months: number, clock: string, timeZone: string): number {
  const p = zonedParts(ms, timeZone);
  const [hour, minute] = minutesOf(clock);
  if (months === 0)
    return zonedTimeToInstant({ year: p.year, month: p.month, day: p.day + days, hour, minute }, timeZone);
  const monthIndex = p.month - 1 + months;
  const year = p.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return zonedTimeToInstant(
    { year, month, day: Math.min(p.day, daysInMonth(year, month)) + days, hour, minute },
    timeZone,
  );
}

function localDateKey(ms: number, timeZone: string): string {
  const p = zonedParts(ms, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
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
 * `minGapHours`. The result depends only on the input, not on the order of the customers.
 *
 * @param customers - Parsed customers with unique ids.
 * @param options - Window, time zone, cadence and the rest; see {@link ContactPlanOptions}.
 * @returns A {@link ContactPlan}.
 * @throws {LoyaltyValidationError} when an option is malformed, `from` is not before `to` or more than {@link CONTACT_PLAN_MAX_DAYS} days before it, the time
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

    candidates.sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || a.atMs - b.atMs);
    const kept: Candidate[] = [];
    for (const c of candidates) {
      if (c.atMs < fromMs || c.atMs >= toMs) continue;
      const base = {
        customerId: customer.id,
        at: new Date(c.atMs).toISOString(),
        kind: c.kind,
        ...(c.points === undefined ? {} : { points: c.points }),
        ...(c.expiresAtMs === undefined ? {} : { expiresAt: new Date(c.expiresAtMs).toISOString() }),
      };
      if (c.expiresAtMs !== undefined && c.atMs >= c.expiresAtMs) {
        skipped.push({ ...base, reason: "after-expiry" });
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
      kept.push(c);
      contacts.push({ ...base, channel: chosen.channel });
    }
  }
  const order = (
    a: { at: string; customerId: string; kind: ContactKind },
    b: { at: string; customerId: string; kind: ContactKind },
  ): number =>
    a.at < b.at
      ? -1
      : a.at > b.at
        ? 1
        : a.customerId < b.customerId
          ? -1
          : a.customerId > b.customerId
            ? 1
            : PRIORITY[a.kind] - PRIORITY[b.kind];
  contacts.sort(order);
  skipped.sort(order);
  return { contacts, skipped };
}

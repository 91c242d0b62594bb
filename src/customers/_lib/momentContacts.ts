// Candidates for the personal moments of contactPlan: a birthday greeting and a message when a
// customer's tier changes. Kept apart from contactPlan.ts like the lifecycle contacts.
import { zonedParts, zonedTimeToInstant } from "../../core/calendar.js";
import { localDayAt } from "./lifecycleContacts.js";
import { minutesOf, outOfQuietHours } from "./quietHours.js";

/** The moment facts contactPlan was given, already validated. */
export interface MomentInputs {
  readonly birthdays?: { readonly feb29: "feb-28" | "mar-1" } | undefined;
  readonly tierChanges: readonly {
    readonly customerId: string;
    readonly at: string;
    readonly from: string | null;
    readonly to: string | null;
  }[];
  readonly sendTime: string;
  readonly quietHours?: { readonly start: string; readonly end: string } | undefined;
  readonly timeZone: string;
}

/** A moment candidate before consent, gap and cap are applied. */
export type MomentCandidate =
  | { readonly kind: "birthday"; readonly atMs: number; readonly birthday: string }
  | {
      readonly kind: "tier-change";
      readonly atMs: number;
      readonly tier: { readonly from: string | null; readonly to: string | null };
    };

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The moment candidates per customer id (customers not in `known` are ignored):
 * - birthday (only when `birthdays` is set): at `sendTime` on the customer's birthday in every local
 *   year the window touches; 29 February falls on 28 February (or 1 March) in common years;
 * - tier-change: at the first `sendTime` at or after the change (changes before `fromMs` were for an
 *   earlier plan and are not announced late); a change given twice is announced once.
 * Every candidate moves out of quiet hours.
 */
export function momentCandidates(
  o: MomentInputs,
  customers: readonly { readonly id: string; readonly birthDate?: string | undefined }[],
  known: ReadonlySet<string>,
  fromMs: number,
  toMs: number,
): Map<string, MomentCandidate[]> {
  const out = new Map<string, MomentCandidate[]>();
  const add = (customerId: string, c: MomentCandidate): void => {
    let list = out.get(customerId);
    if (list === undefined) out.set(customerId, (list = []));
    list.push(c);
  };
  const quiet = (ms: number): number => outOfQuietHours(ms, o.quietHours, o.timeZone);

  if (o.birthdays !== undefined) {
    const [hour, minute] = minutesOf(o.sendTime);
    const firstYear = zonedParts(fromMs, o.timeZone).year;
    const lastYear = zonedParts(toMs, o.timeZone).year;
    for (const customer of customers) {
      if (customer.birthDate === undefined) continue;
      const [, m, d] = customer.birthDate.split("-").map(Number) as [number, number, number];
      for (let year = firstYear; year <= lastYear; year++) {
        let month = m;
        let day = d;
        if (m === 2 && d === 29 && !isLeap(year)) {
          if (o.birthdays.feb29 === "mar-1") [month, day] = [3, 1];
          else day = 28;
        }
        const atMs = zonedTimeToInstant({ year, month, day, hour, minute }, o.timeZone);
        const birthday = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        add(customer.id, { kind: "birthday", atMs: quiet(atMs), birthday });
      }
    }
  }

  const changes = new Map<string, { customerId: string; ms: number; from: string | null; to: string | null }>();
  for (const t of o.tierChanges) {
    if (!known.has(t.customerId)) continue;
    const ms = Date.parse(t.at);
    if (ms < fromMs) continue;
    changes.set(`${t.customerId}\u0000${ms}\u0000${t.from}\u0000${t.to}`, {
      customerId: t.customerId,
      ms,
      from: t.from,
      to: t.to,
    });
  }
  for (const { customerId, ms, from, to } of changes.values()) {
    let at = localDayAt(ms, 0, 0, o.sendTime, o.timeZone);
    if (at < ms) at = localDayAt(ms, 1, 0, o.sendTime, o.timeZone);
    add(customerId, { kind: "tier-change", atMs: quiet(at), tier: { from, to } });
  }
  return out;
}

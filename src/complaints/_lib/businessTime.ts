import { addMilliseconds } from "date-fns";
import { invalid } from "../../_lib/validation.js";
import { zonedParts, zonedTimeToInstant } from "../../_lib/time.js";
import type { SlaPolicy } from "../slaPolicy.js";

const pad = (n: number): string => String(n).padStart(2, "0");

type BusinessHours = NonNullable<SlaPolicy["businessHours"]>;

/** One calendar day of the policy: its business hours `[open, close)` (none on a day off) and the next day's start. */
interface BusinessDay {
  readonly hours: { readonly open: number; readonly close: number } | null;
  readonly nextDay: number;
}

/**
 * The calendar day (in the policy's time zone) that contains `t`: its business hours when it is a
 * business day that is not a holiday, and the instant the next day starts. Both clocks walk days
 * with it: {@link addBusinessTime} and the paused clock's `businessTimeBetween`.
 */
export function businessDay(t: number, hours: BusinessHours, policy: SlaPolicy): BusinessDay {
  const tz = policy.timeZone;
  const p = zonedParts(t, tz);
  const nextDay = zonedTimeToInstant({ year: p.year, month: p.month, day: p.day + 1 }, tz);
  if (!hours.days.includes(p.weekday) || (policy.holidays ?? []).includes(`${p.year}-${pad(p.month)}-${pad(p.day)}`))
    return { hours: null, nextDay };
  const [sh, sm] = hours.start.split(":").map(Number) as [number, number];
  const [eh, em] = hours.end.split(":").map(Number) as [number, number];
  const open = zonedTimeToInstant({ year: p.year, month: p.month, day: p.day, hour: sh, minute: sm }, tz);
  const close =
    eh === 24 ? nextDay : zonedTimeToInstant({ year: p.year, month: p.month, day: p.day, hour: eh, minute: em }, tz);
  return { hours: { open, close }, nextDay };
}

/**
 * The instant `durationMs` of business time after `startMs`: time counts only inside the policy's
 * business hours, on business days that are not holidays, in the policy's time zone (wall-clock
 * math through src/_lib/time.ts, so DST changes are honoured). Without business hours the clock
 * runs around the clock.
 */
export function addBusinessTime(startMs: number, durationMs: number, policy: SlaPolicy): number {
  const businessHours = policy.businessHours;
  if (businessHours === undefined) return addMilliseconds(startMs, durationMs).getTime();
  let t = startMs;
  let remaining = durationMs;
  // Ten years of days: a policy whose holidays leave no business day that long is broken.
  for (let i = 0; i < 3660; i++) {
    const { hours, nextDay } = businessDay(t, businessHours, policy);
    if (hours !== null) {
      const from = Math.max(t, hours.open);
      if (from < hours.close) {
        if (remaining <= hours.close - from) return from + remaining;
        remaining -= hours.close - from;
      }
    }
    t = nextDay;
  }
  return invalid(
    ["holidays"],
    "expected business days: the policy leaves no business hours within ten years",
    "SLA policy",
  );
}

import { readingInput } from "../../tiers/_lib/guard.js";
import { deepFreeze } from "../../../core/json.js";
import { hasPersonalDataConsent } from "../../../customers/hasPersonalDataConsent.js";
import { parseCustomer } from "../../../customers/parseCustomer.js";
import type { EarnRequest } from "../../tiers/_lib/earnRequest.js";
import type { EventRules } from "../eventRules.js";
import { parseEventRules } from "../parseEventRules.js";
import {
  type EventDecision,
  isoDate,
  nextOccasion,
  occasionIn,
  occasionYearCovering,
  requireAt,
  todayIn,
} from "./occasion.js";

function refuse(reason: EventDecision["reason"], explanation: string): EventDecision {
  return deepFreeze({ granted: false, reason, entry: null, explanation });
}

/** Birthday and enrollment-anniversary bonuses: one yearly occasion, once a year by transaction id. */
export function yearlyBonus(
  kind: "birthday" | "anniversary",
  rulesInput: unknown,
  customerInput: unknown,
  options: unknown,
): EventDecision {
  return readingInput("customer input", () => {
    const rules: EventRules = parseEventRules(rulesInput);
    const customer = parseCustomer(customerInput);
    const atMs = requireAt(options);
    const rule = kind === "birthday" ? rules.birthday : rules.anniversary;
    const what = kind === "birthday" ? "birthday bonus" : "anniversary bonus";
    if (rule === undefined) return refuse("no-rule", `No ${what}: the rules have no ${kind} rule.`);
    // Both occasions read personal data (a birth date, a membership history): no processing without consent.
    if (!hasPersonalDataConsent(customer, new Date(atMs)))
      return refuse(
        "no-personal-data-consent",
        `No ${what}: customer ${customer.id} has no personal-data consent in force at ${new Date(atMs).toISOString()}.`,
      );
    let month: number;
    let day: number;
    let firstYear: number;
    let originYear: number;
    if (kind === "birthday") {
      if (customer.birthDate === undefined)
        return refuse("no-birth-date", `No birthday bonus: customer ${customer.id} has no birthDate.`);
      [originYear, month, day] = customer.birthDate.split("-").map(Number) as [number, number, number];
      firstYear = originYear + 1;
    } else {
      if (customer.enrolledAt === undefined)
        return refuse("no-enrollment-date", `No anniversary bonus: customer ${customer.id} has no enrolledAt.`);
      const enrolled = todayIn(Date.parse(customer.enrolledAt), rules.timeZone);
      ({ month, day } = enrolled);
      originYear = enrolled.year;
      firstYear = originYear + 1;
    }
    const feb29 = rule.feb29 ?? "feb-28";
    const validDays = rule.validDays ?? 1;
    const today = todayIn(atMs, rules.timeZone);
    const year = occasionYearCovering(today, month, day, feb29, validDays, firstYear);
    if (year === undefined) {
      const next = nextOccasion(today, month, day, feb29, firstYear);
      return refuse(
        "not-today",
        `No ${what} on ${isoDate(today)} (${rules.timeZone}): the next ${kind} is ${isoDate(next)}${validDays > 1 ? `, claimable for ${validDays} days` : ""}.`,
      );
    }
    const on = isoDate(occasionIn(year, month, day, feb29));
    const n = year - originYear;
    const entry: EarnRequest = {
      kind: "earn",
      transactionId: kind === "birthday" ? `birthday:${customer.id}:${year}` : `anniversary:${customer.id}:${n}`,
      at: new Date(atMs).toISOString(),
      points: rule.points,
      meta: { reason: kind, year, on },
    };
    return deepFreeze({
      granted: true,
      reason: "granted",
      entry,
      explanation: `${rule.points} points for the ${kind === "birthday" ? "birthday" : `${n}${ordinal(n)} anniversary of enrollment`} of ${on}; once a year: posting it again is a duplicate.`,
    });
  });
}

function ordinal(n: number): string {
  const t = n % 100;
  if (t >= 11 && t <= 13) return "th";
  return n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
}

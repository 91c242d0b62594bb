import { fc, test } from "@fast-check/vitest";
import { expect } from "vitest";
import {
  buildCustomerIndex,
  canContact,
  contactPlan,
  identify,
  LoyaltyError,
  LoyaltyValidationError,
  parseCustomer,
  safeParseCustomer,
  type ContactPlanOptions,
  type Customer,
  type CustomerInput,
} from "../../src/index.js";

// Reference GS1 check digit, written independently of the library: weights 1,3,1,3,… from the left
// for 13 digits (EAN-13 = 12 data digits), 3,1,3,… from the left for 7 (EAN-8) and 11 (UPC-A).
function checkDigit(data: string): string {
  const firstWeight = data.length % 2 === 0 ? 1 : 3;
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += Number(data[i]) * (i % 2 === 0 ? firstWeight : 4 - firstWeight);
  return String((10 - (sum % 10)) % 10);
}
const barcode = fc.oneof(
  fc.stringMatching(/^[1-9]\d{11}$/).map((d) => d + checkDigit(d)), // EAN-13 not starting with 0 (no UPC-A alias)
  fc.stringMatching(/^\d{7}$/).map((d) => d + checkDigit(d)), // EAN-8
);
const names = ["Müller", "Muller", "Sari", "Santoso", "Ёлкина", "Łukasz", "O'Brien", "Dupré"];
const nationalPhone = fc.stringMatching(/^8\d{8,10}$/);

const customersArb = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^c-[a-z0-9]{1,6}$/),
      code: barcode,
      phone: nationalPhone,
      lastName: fc.constantFrom(...names),
    }),
    {
      minLength: 1,
      maxLength: 30,
      selector: (r) => r.id,
    },
  )
  .filter(
    (rs) =>
      new Set(rs.map((r) => (r.code.length === 12 ? `0${r.code}` : r.code))).size === rs.length &&
      new Set(rs.map((r) => r.phone)).size === rs.length,
  );

test.prop([customersArb])(
  "identify finds every indexed customer by card, by phone (any spelling) and by last name",
  (records) => {
    const customers = records.map((r) =>
      parseCustomer({
        id: r.id,
        lastName: r.lastName,
        identifiers: [
          { kind: "barcode", code: r.code },
          { kind: "phone", number: `+62${r.phone}` },
        ],
      }),
    );
    const index = buildCustomerIndex(customers);
    for (const c of customers) {
      const r = records.find((x) => x.id === c.id);
      if (r === undefined) throw new Error("unreachable");
      expect(identify(index, { kind: "barcode", code: r.code })).toEqual({ status: "found", customers: [c] });
      expect(identify(index, { kind: "phone", number: `+62${r.phone}` }).customers).toEqual([c]);
      expect(
        identify(index, {
          kind: "phone",
          number: `0${r.phone.slice(0, 3)}-${r.phone.slice(3)}`,
          defaultCountryCode: "62",
        }).customers,
      ).toEqual([c]);
      const byName = identify(index, { kind: "lastName", lastName: r.lastName.toUpperCase() });
      expect(byName.customers).toContain(c);
      const sameName = customers.filter((x) => x.lastName === r.lastName).length;
      expect(byName.customers.length).toBeGreaterThanOrEqual(sameName);
      expect(byName.status).toBe(byName.customers.length === 1 ? "found" : "ambiguous");
    }
  },
);

// ----- contact plans -----
const zones = ["Asia/Jakarta", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"];
const DAY = 86_400_000;
const BASE = Date.parse("2026-03-01T00:00:00Z");
const instant = (maxDays: number): fc.Arbitrary<string> =>
  fc.integer({ min: -10 * DAY, max: maxDays * DAY }).map((ms) => new Date(BASE + ms).toISOString());
const channel = fc.constantFrom("email" as const, "sms" as const, "phone" as const, "post" as const);
const statement = fc.oneof(
  fc.record({
    purpose: fc.constant("personal-data" as const),
    status: fc.constantFrom("given" as const, "withdrawn" as const),
    at: instant(60),
    method: fc.constant("web" as const),
  }),
  fc.record({
    purpose: fc.constant("marketing" as const),
    channel,
    status: fc.constantFrom("given" as const, "withdrawn" as const),
    at: instant(60),
    method: fc.constant("verbal" as const),
  }),
);
const clock = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const customerArb = (id: string): fc.Arbitrary<CustomerInput> =>
  fc.record(
    {
      id: fc.constant(id),
      segment: fc.constantFrom("big-profit", "small-profit"),
      enrolledAt: instant(50),
      contact: fc.record(
        { email: fc.constant(`${id}@example.com`), address: fc.constant("Jl. Melati 5") },
        { requiredKeys: [] },
      ),
      identifiers: fc.constant([{ kind: "phone" as const, number: `+6281200000${id.length}` }]),
      consents: fc
        .array(statement, { maxLength: 8 })
        .map((s) => [...s].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))),
    },
    { requiredKeys: ["id", "consents", "identifiers"] },
  );
const planInput = fc
  .record({
    customers: fc
      .uniqueArray(fc.constantFrom("a", "bb", "ccc", "dddd", "eeeee"), { minLength: 1, maxLength: 5 })
      .chain((ids) => fc.tuple(...ids.map(customerArb))),
    timeZone: fc.constantFrom(...zones),
    fromDays: fc.integer({ min: 0, max: 20 }),
    lengthDays: fc.integer({ min: 1, max: 45 }),
    cadence: fc.record({
      default: fc.constantFrom("weekly" as const, "monthly" as const, "none" as const),
      segments: fc.constant(null).map(() => [{ segment: "big-profit", every: "weekly" as const }]),
    }),
    sendTime: clock,
    quietHours: fc.option(fc.record({ start: clock, end: clock }), { nil: undefined }),
    minGapHours: fc.integer({ min: 0, max: 200 }),
    expiryReminderDays: fc.integer({ min: 0, max: 10 }),
    welcomeAfterHours: fc.integer({ min: 0, max: 30 }),
    channels: fc.uniqueArray(channel, { minLength: 1, maxLength: 4 }),
    lots: fc.array(
      fc.record({
        customerId: fc.constantFrom("a", "bb", "ccc"),
        points: fc.integer({ min: 1, max: 999 }).map(String),
        expiresAt: instant(70),
      }),
      { maxLength: 6 },
    ),
    purchases: fc.array(fc.record({ customerId: fc.constantFrom("a", "bb", "ccc", "x"), at: instant(60) }), {
      maxLength: 8,
    }),
    followUpAfterDays: fc.integer({ min: 0, max: 10 }),
    winBack: fc.array(
      fc.record({
        customerId: fc.constantFrom("a", "bb", "dddd"),
        stage: fc.constantFrom("lapsing" as const, "lost" as const),
        markedAt: instant(60),
      }),
      { maxLength: 4 },
    ),
    resolvedComplaints: fc.array(
      fc.record({
        customerId: fc.constantFrom("a", "ccc", "eeeee"),
        complaintId: fc.constantFrom("k-1", "k-2", "k-3"),
        resolvedAt: instant(60),
      }),
      { maxLength: 4 },
    ),
    thankYouAfterHours: fc.integer({ min: 0, max: 72 }),
    cap: fc.option(fc.record({ max: fc.integer({ min: 1, max: 4 }), days: fc.integer({ min: 1, max: 30 }) }), {
      nil: undefined,
    }),
  })
  .map((p) => {
    const options: ContactPlanOptions = {
      from: new Date(BASE + p.fromDays * DAY).toISOString(),
      to: new Date(BASE + (p.fromDays + p.lengthDays) * DAY).toISOString(),
      timeZone: p.timeZone,
      cadence: p.cadence,
      sendTime: p.sendTime,
      ...(p.quietHours === undefined ? {} : { quietHours: p.quietHours }),
      minGapHours: p.minGapHours,
      expiryReminderDays: p.expiryReminderDays,
      welcomeAfterHours: p.welcomeAfterHours,
      channels: p.channels,
      expiringLots: p.lots,
      purchases: p.purchases,
      followUpAfterDays: p.followUpAfterDays,
      winBack: p.winBack,
      resolvedComplaints: p.resolvedComplaints,
      thankYouAfterHours: p.thankYouAfterHours,
      ...(p.cap === undefined ? {} : { cap: p.cap }),
    };
    return { customers: p.customers.map((c) => parseCustomer(c)), options };
  });

function localMinutes(iso: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(new Date(iso));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  return get("hour") * 60 + get("minute");
}

// Each run plans up to five customers over up to 45 days with Intl time-zone math: 1,000 runs take a few seconds.
test.prop([planInput])(
  "contact plans are deterministic and order-independent, and never break consent, the minimum gap, the cap, the window or quiet hours",
  ({ customers, options }) => {
    const plan = contactPlan(customers, options);
    expect(contactPlan(customers, options)).toEqual(plan);
    // Customers and lifecycle facts in reverse order give the same plan.
    const reversedFacts: ContactPlanOptions = {
      ...options,
      purchases: [...(options.purchases ?? [])].reverse(),
      winBack: [...(options.winBack ?? [])].reverse(),
      resolvedComplaints: [...(options.resolvedComplaints ?? [])].reverse(),
    };
    expect(contactPlan([...customers].reverse(), reversedFacts)).toEqual(plan);
    const from = Date.parse(String(options.from));
    const to = Date.parse(String(options.to));
    const byCustomer = new Map<string, number[]>();
    for (const c of plan.contacts) {
      const customer = customers.find((x) => x.id === c.customerId) as Customer;
      expect(canContact(customer, c.channel, { at: c.at, purpose: "marketing" }).allowed).toBe(true);
      const ms = Date.parse(c.at);
      expect(ms).toBeGreaterThanOrEqual(from);
      expect(ms).toBeLessThan(to);
      if (options.quietHours !== undefined && options.quietHours.start !== options.quietHours.end) {
        const [sh, sm] = options.quietHours.start.split(":").map(Number) as [number, number];
        const [eh, em] = options.quietHours.end.split(":").map(Number) as [number, number];
        const m = localMinutes(c.at, options.timeZone);
        const start = sh * 60 + sm;
        const end = eh * 60 + em;
        const inside = start < end ? m >= start && m < end : m >= start || m < end;
        expect(inside).toBe(false);
      }
      if (c.kind === "expiry-reminder") expect(ms).toBeLessThan(Date.parse(c.expiresAt ?? ""));
      byCustomer.set(c.customerId, [...(byCustomer.get(c.customerId) ?? []), ms]);
    }
    for (const times of byCustomer.values()) {
      const sorted = [...times].sort((a, b) => a - b);
      // The cap, checked directly: no window [t, t + days) starting at a contact holds more than max.
      if (options.cap !== undefined) {
        const { max, days } = options.cap;
        for (const t of sorted)
          expect(sorted.filter((u) => u >= t && u < t + days * DAY).length).toBeLessThanOrEqual(max);
      }
      for (let i = 1; i < sorted.length; i++)
        expect((sorted[i] as number) - (sorted[i - 1] as number)).toBeGreaterThanOrEqual(
          (options.minGapHours ?? 48) * 3_600_000,
        );
    }
  },
);

// ----- fuzzing the parser -----
test.prop([
  fc.oneof(
    fc.anything(),
    fc.json().map((s) => JSON.parse(s) as unknown),
  ),
])("parseCustomer returns a customer or throws a LoyaltyValidationError, never anything else", (input) => {
  try {
    const c = parseCustomer(input);
    expect(parseCustomer(JSON.parse(JSON.stringify(c)))).toEqual(c);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyValidationError);
  }
  const r = safeParseCustomer(input);
  if (!r.success) expect(r.error).toBeInstanceOf(LoyaltyValidationError);
});

// Near-valid customers with one field replaced by arbitrary JSON: the parser must still answer with data or a typed error.
const validBase: CustomerInput = {
  id: "c-1",
  lastName: "Sari",
  enrolledAt: "2026-03-02T15:00:00+07:00",
  identifiers: [{ kind: "barcode", code: "4006381333931" }],
  consents: [{ purpose: "personal-data", status: "given", at: "2026-03-02T15:00:00+07:00", method: "signed-form" }],
};
test.prop([
  fc.constantFrom(
    "id",
    "lastName",
    "enrolledAt",
    "identifiers",
    "consents",
    "contact",
    "birthDate",
    "ageBand",
    "interests",
  ),
  fc.jsonValue(),
])(
  "parseCustomer on a near-valid profile: valid data round-trips, anything else is a typed error naming the field",
  (key, value) => {
    const input = { ...validBase, [key]: value };
    const r = safeParseCustomer(input);
    if (r.success) expect(parseCustomer(JSON.parse(JSON.stringify(r.data)))).toEqual(r.data);
    else expect(r.error.issues.every((i) => i.path[0] === key || i.path.length === 0)).toBe(true);
  },
);

test.prop([fc.anything()])("identify with arbitrary input returns a result or throws a LoyaltyError", (input) => {
  const index = buildCustomerIndex([parseCustomer(validBase)]);
  try {
    const r = identify(index, input as never);
    expect(["found", "ambiguous", "not-found", "anonymous"]).toContain(r.status);
  } catch (e) {
    expect(e).toBeInstanceOf(LoyaltyError);
  }
});

// Fuzzing the ledger's parsers and its boundary: anything in → a valid value or a LoyaltyError out.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeEntry } from "../../src/ledger/_lib/entries.js";
import { toUnits } from "../../src/ledger/_lib/units.js";
import {
  EntrySchema,
  LoyaltyError,
  LoyaltyValidationError,
  openAccount,
  parseAccount,
  parseEntry,
  post,
  postMany,
  replayAccount,
  safeParseAccount,
  safeParseEntry,
  type Account,
} from "../../src/index.js";

function onlyLoyaltyErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof LoyaltyError)) throw new Error(`threw a non-LoyaltyError: ${String(e)}`);
  }
}

const at = "2026-01-05T10:00:00.000Z";
const account: Account = post(openAccount({ accountId: "fuzz", scale: 2 }), {
  kind: "earn",
  transactionId: "e1",
  at,
  points: "50",
}).account;

// Entry-shaped objects with fuzzed fields: closer to the valid region than fc.anything() alone.
const entryish = fc.record(
  {
    kind: fc.oneof(
      fc.constantFrom("earn", "redeem", "expire", "adjust", "reverse", "hold", "capture", "release"),
      fc.string(),
    ),
    transactionId: fc.oneof(fc.string(), fc.constant("e1"), fc.anything()),
    at: fc.oneof(
      fc.constant(at),
      fc.date({ noInvalidDate: false }),
      fc.string(),
      fc.constant("2026-02-30T00:00:00.000Z"),
    ),
    points: fc.oneof(
      fc.constantFrom("1", "0.5", "0.001", "-3", "1e3", "NaN", "Infinity", "00", "1.50"),
      fc.double(),
      fc.string(),
    ),
    expiresAt: fc.oneof(fc.constant("2027-01-01T00:00:00Z"), fc.anything()),
    timeoutAt: fc.constant("2026-01-05T10:15:00Z"),
    reason: fc.string(),
    reverses: fc.constantFrom("e1", "nope"),
    holdId: fc.constantFrom("e1", "nope"),
    shortfall: fc.oneof(fc.constantFrom("reject", "deduct-available", "negative-balance"), fc.string()),
    meta: fc.oneof(fc.jsonValue(), fc.anything()),
  },
  { requiredKeys: [] },
);

// Mostly valid entries of every kind, with one field sometimes replaced by something odd.
const instantArb = fc.oneof(
  fc
    .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-01-05T17:00:00+07:00",
    "2026-01-05T10:00Z",
    "2026-01-05T10:00:00.5-03:30",
    "2026-02-30T00:00:00Z",
  ),
  fc.date({ noInvalidDate: false }),
);
const pointsArb = fc.oneof(
  fc.integer({ min: 1, max: 10_000 }).map(String),
  fc.constantFrom("0.5", "1.000", "12.50", "-3", "0", "007", "1e2"),
);
const validish = fc
  .record({
    kind: fc.constantFrom("earn", "redeem", "expire", "adjust", "reverse", "hold", "capture", "release"),
    transactionId: fc.string({ minLength: 1, maxLength: 8 }),
    at: instantArb,
    later: instantArb,
    points: pointsArb,
    meta: fc.option(fc.jsonValue(), { nil: undefined }),
    odd: fc.option(
      fc.tuple(
        fc.constantFrom("kind", "transactionId", "at", "points", "reason", "holdId", "reverses", "extra", "meta"),
        fc.anything(),
      ),
      { nil: undefined },
    ),
  })
  .map(({ kind, transactionId, at, later, points, meta, odd }) => {
    const e: Record<string, unknown> = { kind, transactionId, at };
    if (kind !== "expire" && kind !== "release") e["points"] = points;
    if (kind === "earn" || kind === "adjust") e["expiresAt"] = later;
    if (kind === "hold") e["timeoutAt"] = later;
    if (kind === "adjust") e["reason"] = "correction";
    if (kind === "reverse") e["reverses"] = "t0";
    if (kind === "capture" || kind === "release") e["holdId"] = "h0";
    if (meta !== undefined) e["meta"] = meta;
    if (odd !== undefined) e[odd[0]] = odd[1];
    return e;
  });

/** Whether an input holds an instant string that Date.parse accepts but whose calendar date does not exist. */
function hasRolledOverDate(input: unknown): boolean {
  if (typeof input !== "object" || input === null) return false;
  return Object.values(input).some(
    (v) =>
      typeof v === "string" &&
      /^\d{4}-\d{2}-\d{2}T/.test(v) &&
      Number.isFinite(Date.parse(v)) &&
      new Date(Date.parse(v)).toISOString().slice(8, 10) !== v.slice(8, 10) &&
      !/[+-]\d{2}:\d{2}$/.test(v),
  );
}

describe("ledger parsers and boundary under fuzzing", () => {
  it("parseEntry returns an entry or throws a LoyaltyError, for anything", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), entryish), (input) => {
        onlyLoyaltyErrors(() => parseEntry(input));
        const r = safeParseEntry(input);
        if (r.success && parseEntry(JSON.parse(JSON.stringify(r.data))).transactionId !== r.data.transactionId)
          throw new Error("parsed entry does not round-trip");
      }),
    );
  });

  it("parseAccount returns an account or throws a LoyaltyError, for anything", () => {
    const valid = JSON.parse(JSON.stringify(account)) as Record<string, unknown>;
    const mutated = fc
      .tuple(fc.constantFrom(...Object.keys(valid)), fc.oneof(fc.anything(), fc.jsonValue()))
      .map(([key, value]) => ({ ...valid, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), mutated), (input) => {
        onlyLoyaltyErrors(() => parseAccount(input));
        safeParseAccount(input);
      }),
    );
  });

  it("post, postMany and replay answer fuzzed entries with a LoyaltyError or a valid account, never touching their input", () => {
    const before = JSON.stringify(account);
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), entryish),
        fc.option(fc.oneof(fc.integer(), fc.double(), fc.anything()), { nil: undefined }),
        (entry, expectedVersion) => {
          onlyLoyaltyErrors(() => {
            const r = post(
              account,
              entry as never,
              expectedVersion === undefined ? {} : ({ expectedVersion } as never),
            );
            // Whatever was applied survives JSON and replays to the same snapshot.
            if (JSON.stringify(parseAccount(JSON.parse(JSON.stringify(r.account)))) !== JSON.stringify(r.account))
              throw new Error("applied account does not round-trip");
          });
          onlyLoyaltyErrors(() => postMany(account, [entry, entry] as never));
          onlyLoyaltyErrors(() => replayAccount([entry] as never, { accountId: "r" }));
          if (JSON.stringify(account) !== before) throw new Error("input account changed");
        },
      ),
    );
  });
});

describe("instants outside years 0000–9999", () => {
  // npm run test:deep (seed -2143723970) found parseEntry accepting a Date in year 188002, whose
  // ISO string "+188002-…" the parser then rejected: the entry did not survive a JSON round trip.
  it("are rejected at the boundary, so every stored instant round-trips through JSON", () => {
    const entry = (at: unknown) => ({ kind: "earn", transactionId: "t1", at, points: "1" });
    for (const at of [
      new Date("+188002-09-14T19:50:55.572Z"),
      new Date(-62_167_219_200_001),
      "9999-12-31T23:30:00-01:00",
      "0000-01-01T00:30:00+01:00",
    ]) {
      expect(() => parseEntry(entry(at))).toThrow(/in years 0000–9999/);
    }
    for (const at of ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z"]) {
      const parsed = parseEntry(entry(at));
      expect(parseEntry(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
    }
  });
});

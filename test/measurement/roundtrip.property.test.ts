// Round trip: what a parse function returns, written with JSON.stringify and parsed again,
// is equal to the original.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseLoyaltyStageObservations,
  parsePurchaseFrequencyOptions,
  parsePurchaseRecords,
  parseSurveyResponses,
} from "../../src/index.js";

const instant = fc.date({
  min: new Date("1970-01-01T00:00:00Z"),
  max: new Date("2999-12-31T23:59:59Z"),
  noInvalidDate: true,
});
const roundTrips = (parse: (x: unknown) => unknown, value: unknown): void => {
  const once = parse(value);
  expect(parse(JSON.parse(JSON.stringify(once)))).toEqual(once);
};

describe("parsed values survive a JSON round trip", () => {
  it("purchase records (Dates become UTC ISO strings)", () => {
    const record = fc.record(
      {
        customerId: fc.string({ minLength: 1 }),
        at: instant,
        id: fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
      },
      { requiredKeys: ["customerId", "at"] },
    );
    fc.assert(fc.property(fc.array(record, { maxLength: 10 }), (records) => roundTrips(parsePurchaseRecords, records)));
  });

  it("survey responses", () => {
    const response = fc.record({
      buyAgain: fc.integer({ min: -5, max: 10 }),
      recommend: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 10 }), (responses) => roundTrips(parseSurveyResponses, responses)),
    );
  });

  it("purchase-frequency options and stage observations", () => {
    fc.assert(
      fc.property(instant, instant, fc.double({ min: 0.001, max: 1000, noNaN: true }), (from, to, reference) =>
        roundTrips(parsePurchaseFrequencyOptions, { reference, period: "week", from, to }),
      ),
    );
    fc.assert(
      fc.property(fc.record({ satisfied: fc.boolean(), givesAdvice: fc.boolean() }, { requiredKeys: [] }), (o) =>
        roundTrips(parseLoyaltyStageObservations, o),
      ),
    );
  });
});

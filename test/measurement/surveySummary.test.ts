import { describe, expect, it } from "vitest";
import {
  LoyaltyValidationError,
  parseSurveyResponses,
  safeParseSurveyResponses,
  surveyResponsesJsonSchema,
  surveySummary,
} from "../../src/index.js";

describe("surveySummary (the two key questions: would you buy again? would you recommend us?)", () => {
  const responses = [
    { buyAgain: 5, recommend: 10 },
    { buyAgain: 5, recommend: 9 },
    { buyAgain: 4, recommend: 9 },
    { buyAgain: 4, recommend: 7 },
    { buyAgain: 4, recommend: 5 },
    { buyAgain: 3, recommend: 8 },
    { buyAgain: 2, recommend: 3 },
    { buyAgain: 5, recommend: 10 },
  ];

  it("counts 6 of 8 intending to buy again (top two boxes) with a Wilson interval", () => {
    const s = surveySummary(responses);
    expect(s.n).toBe(8);
    expect(s.intendToBuyAgain).toBe(6);
    expect(s.repurchaseIntention?.point).toBe(0.75);
    // By hand, n = 8, p̂ = 0.75: z²/n = 0.4802, denominator 1.4802; centre = (0.75 + 0.2401) / 1.4802 = 0.668896;
    // half = (1.96 / 1.4802) × √(0.0234375 + 0.01500625) = 1.324145 × 0.196071 = 0.259627 → 0.409269 … 0.928523.
    expect(s.repurchaseIntention?.lower).toBeCloseTo(0.409269, 5);
    expect(s.repurchaseIntention?.upper).toBeCloseTo(0.928523, 5);
  });

  it("computes the NPS of the recommend answers: 4 promoters, 2 passives, 2 detractors → 25", () => {
    const s = surveySummary(responses);
    expect(s.nps).toMatchObject({ promoters: 4, passives: 2, detractors: 2, score: 25 });
  });

  it("crosses buy-again intention with the NPS groups", () => {
    expect(surveySummary(responses).crossTable).toEqual({
      buyAgain: { promoters: 4, passives: 1, detractors: 1 },
      notBuyAgain: { promoters: 0, passives: 1, detractors: 1 },
    });
  });

  it("takes a yes/no buy-again question as the scale { min: 0, max: 1, positiveFrom: 1 }", () => {
    const s = surveySummary(
      [
        { buyAgain: 1, recommend: 9 },
        { buyAgain: 0, recommend: 9 },
        { buyAgain: 1, recommend: 2 },
      ],
      { scale: { min: 0, max: 1, positiveFrom: 1 } },
    );
    expect(s.intendToBuyAgain).toBe(2);
    expect(s.crossTable.notBuyAgain.promoters).toBe(1);
  });

  it("has no share, an NPS of null and an empty table for no answers", () => {
    const s = surveySummary([]);
    expect(s.repurchaseIntention).toBeNull();
    expect(s.nps.score).toBeNull();
    expect(s.crossTable.buyAgain).toEqual({ promoters: 0, passives: 0, detractors: 0 });
  });

  it("rejects an answer off the scale with its path", () => {
    expect(() => surveySummary([{ buyAgain: 6, recommend: 9 }])).toThrow(
      /0\.buyAgain: expected an integer from 1 to 5, got 6/,
    );
    expect(() =>
      surveySummary([{ buyAgain: 3, recommend: 9 }], { scale: { min: 1, max: 3, positiveFrom: 4 } }),
    ).toThrow(LoyaltyValidationError);
  });

  it("parses answers from JSON and rejects extra keys and bad values", () => {
    expect(parseSurveyResponses(JSON.parse('[{"buyAgain":5,"recommend":10}]'))).toEqual([
      { buyAgain: 5, recommend: 10 },
    ]);
    const r = safeParseSurveyResponses([
      { buyAgain: 5, recommend: 10, note: "x" },
      { buyAgain: 5, recommend: 10.5 },
    ]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path.join("."))).toEqual(["0", "1.recommend"]);
  });

  it("exports a JSON Schema that forbids extra keys and bounds recommend to 0–10", () => {
    const schema = surveyResponsesJsonSchema() as {
      items: { additionalProperties: boolean; properties: { recommend: { minimum: number; maximum: number } } };
    };
    expect(schema.items.additionalProperties).toBe(false);
    expect(schema.items.properties.recommend).toMatchObject({ minimum: 0, maximum: 10 });
  });
});

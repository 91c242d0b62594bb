import { expectTypeOf, test } from "vitest";
import type * as z from "zod/mini";
import type * as kit from "../../src/index.js";
import type * as schemas from "../../src/schemas/index.js";
import type {
  DickBasuSegment,
  LoyalSignKey,
  LoyaltyStage,
  Money,
  NpsResult,
  ProportionInterval,
  PurchaseRecord,
  PurchaseRecordInput,
  ShareOfPurchasesRow,
  SurveyResponse,
  WordOfMouthOptions,
} from "../../src/index.js";
import {
  dickBasu,
  loyalSigns,
  loyaltyStage,
  nps,
  purchaseFrequencyIndex,
  retentionRate,
  shareOfPurchases,
  surveySummary,
  wilsonInterval,
} from "../../src/index.js";

test("nps takes number arrays and typed arrays, and its score may be null", () => {
  expectTypeOf(nps).toBeCallableWith([10, 9]);
  expectTypeOf(nps).toBeCallableWith(new Int8Array(3));
  expectTypeOf<NpsResult["score"]>().toEqualTypeOf<number | null>();
  expectTypeOf<NpsResult["marginOfError"]>().toEqualTypeOf<number | null>();
});

test("survey answers are inferred from the schema", () => {
  expectTypeOf<SurveyResponse>().toEqualTypeOf<{ buyAgain: number; recommend: number }>();
  expectTypeOf(surveySummary).parameter(0).toEqualTypeOf<readonly SurveyResponse[]>();
  expectTypeOf(wilsonInterval).returns.toEqualTypeOf<ProportionInterval | null>();
});

test("instants go in as strings or Dates and come out as strings", () => {
  expectTypeOf<PurchaseRecordInput["at"]>().toEqualTypeOf<string | Date>();
  expectTypeOf<PurchaseRecord["at"]>().toEqualTypeOf<string>();
  expectTypeOf(purchaseFrequencyIndex).toBeCallableWith(3, {
    reference: 1,
    period: "month",
    from: new Date(0),
    to: "2026-01-01T00:00:00Z",
  });
});

test("rates may be null, never undefined", () => {
  expectTypeOf(retentionRate).returns.toEqualTypeOf<number | null>();
});

test("stages, signs and segments are closed unions of literals", () => {
  expectTypeOf<LoyaltyStage>().toEqualTypeOf<"none" | "satisfaction" | "brand-loyalty" | "partnership">();
  expectTypeOf(loyaltyStage({}).stage).toEqualTypeOf<LoyaltyStage>();
  expectTypeOf<DickBasuSegment>().toEqualTypeOf<"loyalty" | "latent-loyalty" | "spurious-loyalty" | "no-loyalty">();
  expectTypeOf(dickBasu({ relativeAttitude: 1, repeatPatronage: 1 }).segment).toEqualTypeOf<DickBasuSegment>();
  expectTypeOf(loyalSigns({}).held).toEqualTypeOf<readonly LoyalSignKey[]>();
  expectTypeOf<"recommends">().toExtend<LoyalSignKey>();
  // @ts-expect-error — not one of the nine signs
  loyalSigns({ praises: true });
});

test("share of purchases takes Money, wire money or counts", () => {
  expectTypeOf(shareOfPurchases).toBeCallableWith(3, 4);
  expectTypeOf(shareOfPurchases).toBeCallableWith({ amount: "1", currency: "EUR" }, { amount: "2", currency: "EUR" });
  expectTypeOf<Money>().toExtend<ShareOfPurchasesRow["brand"]>();
  expectTypeOf<WordOfMouthOptions>().toEqualTypeOf<{
    tellsSatisfied?: number | undefined;
    tellsDissatisfied?: number | undefined;
  }>();
});

// The named input types carry TSDoc on each field and are written by hand, so each is checked to be
// exactly what its schema on loyalty-kit/schemas infers (input and output): the two cannot drift.
test("the named measurement input types equal their schemas' inferred types", () => {
  expectTypeOf<kit.DickBasuInput>().toEqualTypeOf<z.input<typeof schemas.DickBasuInputSchema>>();
  expectTypeOf<kit.DickBasuInput>().toEqualTypeOf<z.output<typeof schemas.DickBasuInputSchema>>();
  expectTypeOf<kit.LoyalSignsObservations>().toEqualTypeOf<z.input<typeof schemas.LoyalSignsObservationsSchema>>();
  expectTypeOf<kit.LoyalSignsObservations>().toEqualTypeOf<z.output<typeof schemas.LoyalSignsObservationsSchema>>();
  expectTypeOf<kit.LoyaltyStageObservations>().toEqualTypeOf<z.input<typeof schemas.LoyaltyStageObservationsSchema>>();
  expectTypeOf<kit.LoyaltyStageObservations>().toEqualTypeOf<z.output<typeof schemas.LoyaltyStageObservationsSchema>>();
  expectTypeOf<kit.LoyaltyTypeObservations>().toEqualTypeOf<z.input<typeof schemas.LoyaltyTypeObservationsSchema>>();
  expectTypeOf<kit.LoyaltyTypeObservations>().toEqualTypeOf<z.output<typeof schemas.LoyaltyTypeObservationsSchema>>();
  expectTypeOf<kit.RetentionCounts>().toEqualTypeOf<z.input<typeof schemas.RetentionCountsSchema>>();
  expectTypeOf<kit.RetentionCounts>().toEqualTypeOf<z.output<typeof schemas.RetentionCountsSchema>>();
  expectTypeOf<kit.WordOfMouthInput>().toEqualTypeOf<z.input<typeof schemas.WordOfMouthInputSchema>>();
  expectTypeOf<kit.WordOfMouthInput>().toEqualTypeOf<z.output<typeof schemas.WordOfMouthInputSchema>>();
  expectTypeOf<kit.SurveyResponse>().toEqualTypeOf<z.output<typeof schemas.SurveyResponseSchema>>();
  expectTypeOf<kit.SurveyResponse>().toEqualTypeOf<z.input<typeof schemas.SurveyResponseSchema>>();
  expectTypeOf<kit.BuyAgainScale>().toEqualTypeOf<z.output<typeof schemas.BuyAgainScaleSchema>>();
  expectTypeOf<kit.BuyAgainScale>().toEqualTypeOf<z.input<typeof schemas.BuyAgainScaleSchema>>();
  // A purchase record as callers pass it (a Date or any offset) and as parsed (a UTC ISO string).
  expectTypeOf<kit.PurchaseRecordInput>().toEqualTypeOf<z.input<typeof schemas.PurchaseRecordSchema>>();
  expectTypeOf<kit.PurchaseRecord>().toEqualTypeOf<z.output<typeof schemas.PurchaseRecordSchema>>();
  // Options as callers pass them: both figures optional (the parsed output has the defaults filled).
  expectTypeOf<kit.WordOfMouthOptions>().toEqualTypeOf<z.input<typeof schemas.WordOfMouthOptionsSchema>>();
});

import { expectTypeOf, test } from "vitest";
import type {
  AbcClass,
  AbcResult,
  CustomerNetValue,
  LorenzCurve,
  ParetoResult,
  RfmAccumulator,
  RfmRow,
  RfmSegment,
  RfmScore,
} from "../../src/index.js";
import {
  abc,
  customerValue,
  gini,
  lorenz,
  money,
  pareto,
  rfmAccumulator,
  rfmScores,
  rfmSegments,
  rfmSummary,
  totalsAccumulator,
} from "../../src/index.js";

test("analytics signatures", () => {
  expectTypeOf(pareto([1, 2], { topShare: 0.2 })).toEqualTypeOf<ParetoResult>();
  expectTypeOf(pareto(Float64Array.of(1), { topShare: 0.2 })).toEqualTypeOf<ParetoResult>();
  expectTypeOf(pareto([money("1", "EUR")], { topShare: 0.2 })).toEqualTypeOf<ParetoResult>();
  // The accessor's parameter is inferred from the items.
  pareto([{ revenue: 1 }], {
    topShare: 0.2,
    value: (c) => {
      expectTypeOf(c).toEqualTypeOf<{ revenue: number }>();
      return c.revenue;
    },
  });
  expectTypeOf(gini([1])).toEqualTypeOf<number>();
  expectTypeOf(lorenz([1])).toEqualTypeOf<LorenzCurve>();
  expectTypeOf(abc([1])).toEqualTypeOf<AbcResult>();
  expectTypeOf<AbcResult["classes"][number]>().toEqualTypeOf<AbcClass>();
  const rows = rfmSummary([{ customerId: 1, at: "2026-01-01" }], { observationEnd: "2026-01-31", period: "day" });
  expectTypeOf(rows).toEqualTypeOf<RfmRow[]>();
  // What a BG/NBD fit reads: plain numbers under these exact names.
  expectTypeOf(rows[0]).toMatchTypeOf<
    { frequency: number; recency: number; T: number; monetary: number } | undefined
  >();
  expectTypeOf(rfmAccumulator({ observationEnd: "2026-01-31", period: "week" })).toEqualTypeOf<RfmAccumulator>();
  expectTypeOf(rfmScores(rows)).toEqualTypeOf<RfmScore[]>();
  expectTypeOf(rfmSegments(rfmScores(rows))[0]?.segment).toEqualTypeOf<RfmSegment | undefined>();
  expectTypeOf(customerValue([{ customerId: 1, revenue: "1" }], { margin: "0.3" })).toEqualTypeOf<CustomerNetValue[]>();
  expectTypeOf(totalsAccumulator().result()[0]?.total).toEqualTypeOf<number | undefined>();
  // @ts-expect-error period must be "day" or "week"
  rfmSummary([], { observationEnd: "2026-01-31", period: "month" });
  // @ts-expect-error topShare is required
  pareto([1], {});
});

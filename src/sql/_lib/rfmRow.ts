// One result row of rfmSummarySql read as an RfmRow, shared by the two RFM readers.
import type { RfmRow } from "../../analytics/rfmAccumulator.js";
import { idCell, numberCell } from "./cells.js";

/** The frozen `RfmRow` of result row `i` (holdout fields when the row has `frequency_holdout`). */
export function rfmRowCell(r: Record<string, unknown>, i: number, what: string): RfmRow {
  const row: RfmRow = {
    customerId: idCell(r, i, what),
    frequency: numberCell(r, "frequency", i, what),
    recency: numberCell(r, "recency", i, what),
    T: numberCell(r, "t", i, what),
    monetary: numberCell(r, "monetary", i, what),
  };
  if (!("frequency_holdout" in r)) return Object.freeze(row);
  return Object.freeze({
    ...row,
    frequencyHoldout: numberCell(r, "frequency_holdout", i, what),
    monetaryHoldout: numberCell(r, "monetary_holdout", i, what),
    durationHoldout: numberCell(r, "duration_holdout", i, what),
  });
}

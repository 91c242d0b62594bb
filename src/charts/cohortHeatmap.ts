import { guardInputs } from "../core/guard.js";
import { escapeXml, fail, finite, fmt, frame, list, plotArea, readFrame } from "./_lib/svg.js";
import type { ChartOptions } from "./chartTypes.js";

/**
 * Draws a cohort retention table as an SVG heat map: one row per acquisition cohort, one column per
 * month since acquisition, each cell shaded by its retention rate and labelled in percent. Pass the
 * result of `cohortRetention` (`loyalty-kit/measurement`) or of `cohortTablesFromSql` (`loyalty-kit/sql`).
 *
 * @param table - `{ cohorts: [{ cohort, rates }, …] }`, rates in [0, 1]; at most 120 cohorts × 120 months
 * @param options - {@link ChartOptions}
 * @returns an SVG document string with `<title>` and `<desc>`
 * @throws {LoyaltyValidationError} when a rate is not a finite number in [0, 1], or an option is malformed
 * @example
 * ```ts
 * import { cohortHeatmap } from "loyalty-kit/charts";
 * const svg = cohortHeatmap({ cohorts: [{ cohort: "2026-01", rates: [1, 0.5] }, { cohort: "2026-02", rates: [1] }] });
 * console.log(svg.includes(">50%</text>")); // true
 * ```
 * @category charts
 */
export function cohortHeatmap(
  table: { readonly cohorts: readonly { readonly cohort: string; readonly rates: readonly number[] }[] },
  options?: ChartOptions,
): string {
  return guardInputs("cohortHeatmap", { table, options }, () => cohortHeatmapUnguarded(table, options));
}

function cohortHeatmapUnguarded(
  table: { readonly cohorts: readonly { readonly cohort: string; readonly rates: readonly number[] }[] },
  options?: ChartOptions,
): string {
  const what = "cohortHeatmap";
  const f = readFrame(
    options,
    {
      title: "Cohort retention",
      description:
        "Rows are acquisition months, columns months since acquisition; each cell is the share of the cohort that bought that month.",
    },
    what,
  );
  const cohorts = list((table as { cohorts?: unknown } | null)?.cohorts, ["cohorts"], what, 120).map((c, i) => {
    const label = (c as { cohort?: unknown } | null)?.cohort;
    if (typeof label !== "string" || label.length > 40) fail(["cohorts", i, "cohort"], "expected a short label", what);
    const rates = list((c as { rates?: unknown }).rates, ["cohorts", i, "rates"], what, 120).map((r, k) => {
      const v = finite(r, ["cohorts", i, "rates", k], what);
      if (v < 0 || v > 1) fail(["cohorts", i, "rates", k], `expected a rate in [0, 1], got ${v}`, what);
      return v;
    });
    return { label, rates };
  });
  const a = plotArea(f);
  const columns = Math.max(...cohorts.map((c) => c.rates.length));
  const cw = a.w / columns;
  const ch = a.h / cohorts.length;
  const parts: string[] = [];
  cohorts.forEach((c, i) => {
    const y = a.y0 + i * ch;
    parts.push(`<text x="${a.x0 - 6}" y="${fmt(y + ch / 2 + 4)}" text-anchor="end">${escapeXml(c.label)}</text>`);
    c.rates.forEach((r, k) => {
      // Light (#f7fbff) to dark blue (#08306b) with the rate; dark cells get white text.
      const mix = (from: number, to: number) => Math.round(from + (to - from) * r);
      const fill = `rgb(${mix(247, 8)},${mix(251, 48)},${mix(255, 107)})`;
      const x = a.x0 + k * cw;
      parts.push(
        `<rect class="cell" x="${fmt(x)}" y="${fmt(y)}" width="${fmt(cw)}" height="${fmt(ch)}" fill="${fill}" stroke="#fff"><title>${escapeXml(`${c.label}, month ${k}: ${fmt(r * 100)}%`)}</title></rect>`,
      );
      if (cw >= 28 && ch >= 14)
        parts.push(
          `<text x="${fmt(x + cw / 2)}" y="${fmt(y + ch / 2 + 4)}" text-anchor="middle" font-size="10" fill="${r > 0.5 ? "#fff" : "#000"}">${Math.round(r * 100)}%</text>`,
        );
    });
  });
  for (let k = 0; k < columns; k += Math.max(1, Math.ceil(columns / 12)))
    parts.push(`<text x="${fmt(a.x0 + k * cw + cw / 2)}" y="${fmt(a.y0 + a.h + 16)}" text-anchor="middle">${k}</text>`);
  parts.push(
    `<text x="${fmt(a.x0 + a.w / 2)}" y="${f.height - 10}" text-anchor="middle">Months since first purchase</text>`,
  );
  return frame(f, parts.join("\n"));
}

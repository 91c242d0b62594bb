import { guardInputs } from "../core/guard.js";
import { axes, escapeXml, fail, finite, fmt, frame, list, plotArea, readFrame } from "./_lib/svg.js";
import type { ChartOptions } from "./chartTypes.js";

/**
 * One line of a {@link lineChart}: a name (shown in the legend) and its points.
 *
 * @example
 * ```ts
 * import type { LineSeries } from "loyalty-kit/charts";
 * const s: LineSeries = { name: "Liability", points: [{ x: 1, y: 120 }, { x: 2, y: 150 }] };
 * console.log(s.points.length);
 * ```
 * @category charts
 */
export interface LineSeries {
  readonly name: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

const COLORS = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"];

/**
 * Draws up to six lines on shared linear axes as an SVG string, with a legend — for example a
 * liability or repeat-purchase series over periods, or a CLV distribution's cumulative curve.
 *
 * @param series - 1–6 `{ name, points: [{ x, y }, …] }` with finite coordinates (up to 10,000 points each)
 * @param options - {@link ChartOptions}, `xLabel`, `yLabel`
 * @returns an SVG document string with `<title>` and `<desc>`
 * @throws {LoyaltyValidationError} when a point is not finite, a series is empty, or an option is malformed
 * @example
 * ```ts
 * import { lineChart } from "loyalty-kit/charts";
 * const svg = lineChart([{ name: "Members", points: [{ x: 1, y: 10 }, { x: 2, y: 14 }] }], { xLabel: "Month" });
 * console.log(svg.includes(">Members</text>")); // true
 * ```
 * @category charts
 */
export function lineChart(
  series: readonly LineSeries[],
  options?: ChartOptions & { readonly xLabel?: string; readonly yLabel?: string },
): string {
  return guardInputs("lineChart", { series, options }, () => lineChartUnguarded(series, options));
}

function lineChartUnguarded(
  series: readonly LineSeries[],
  options?: ChartOptions & { readonly xLabel?: string; readonly yLabel?: string },
): string {
  const what = "lineChart";
  const o = (options ?? {}) as { xLabel?: unknown; yLabel?: unknown };
  for (const k of ["xLabel", "yLabel"] as const)
    if (o[k] !== undefined && (typeof o[k] !== "string" || (o[k] as string).length > 100))
      fail([k], "expected a string of at most 100 characters", what);
  const f = readFrame(options, { title: "Line chart", description: "One line per series." }, what);
  const lines = list(series, [], what, COLORS.length).map((s, i) => {
    const name = (s as { name?: unknown } | null)?.name;
    if (typeof name !== "string" || name.length > 100)
      fail([i, "name"], "expected a string of at most 100 characters", what);
    const points = list((s as { points?: unknown }).points, [i, "points"], what).map((p, k) => ({
      x: finite((p as { x?: unknown } | null)?.x, [i, "points", k, "x"], what),
      y: finite((p as { y?: unknown } | null)?.y, [i, "points", k, "y"], what),
    }));
    return { name, points };
  });
  const all = lines.flatMap((l) => l.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const x = { min: Math.min(...xs), max: Math.max(...xs) };
  const y = { min: Math.min(0, ...ys), max: Math.max(...ys) };
  const a = plotArea(f);
  const sx = (v: number) => a.x0 + ((v - x.min) / (x.max - x.min || 1)) * a.w;
  const sy = (v: number) => a.y0 + a.h - ((v - y.min) / (y.max - y.min || 1)) * a.h;
  const parts = [
    axes(
      f,
      { ...x, label: String(o.xLabel ?? ""), format: (v) => fmt(v) },
      { ...y, label: String(o.yLabel ?? ""), format: (v) => fmt(v) },
    ),
  ];
  lines.forEach((l, i) => {
    const color = COLORS[i] as string;
    parts.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${l.points.map((p) => `${fmt(sx(p.x))},${fmt(sy(p.y))}`).join(" ")}"><title>${escapeXml(l.name)}</title></polyline>`,
      `<rect x="${fmt(a.x0 + 10)}" y="${fmt(a.y0 + 6 + i * 16)}" width="10" height="10" fill="${color}"/>`,
      `<text x="${fmt(a.x0 + 26)}" y="${fmt(a.y0 + 15 + i * 16)}">${escapeXml(l.name)}</text>`,
    );
  });
  return frame(f, parts.join("\n"));
}

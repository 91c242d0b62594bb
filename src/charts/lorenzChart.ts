import { guardInputs } from "../core/guard.js";
import { axes, finite, fmt, frame, list, percent, plotArea, readFrame } from "./_lib/svg.js";
import type { ChartOptions } from "./chartTypes.js";

/**
 * Draws a Lorenz curve as an SVG string: the share of value (y) held by the poorest share of
 * customers (x), against the diagonal of perfect equality, with axes in percent; with `gini` the
 * title states it. Pass the result of `lorenz` (and `gini`) from `loyalty-kit/analytics`. Pure: no
 * DOM; the string can be written to a file, inlined in HTML or served.
 *
 * @param curve - `{ points: [{ x, y }, …] }` with x and y in [0, 1]
 * @param options - {@link ChartOptions} and `gini` (a number in [−1, 1] shown in the title)
 * @returns an SVG document string with `<title>` and `<desc>`
 * @throws {LoyaltyValidationError} when a point is not finite or outside [0, 1], or an option is malformed
 * @example
 * ```ts
 * import { lorenzChart } from "loyalty-kit/charts";
 * const svg = lorenzChart({ points: [{ x: 0, y: 0 }, { x: 0.5, y: 0.2 }, { x: 1, y: 1 }] }, { gini: 0.3 });
 * console.log(svg.includes("<title id=\"chart-title\">Lorenz curve (Gini 0.300)</title>")); // true
 * ```
 * @category charts
 */
export function lorenzChart(
  curve: { readonly points: readonly { readonly x: number; readonly y: number }[] },
  options?: ChartOptions & { readonly gini?: number },
): string {
  return guardInputs("lorenzChart", { curve, options }, () => lorenzChartUnguarded(curve, options));
}

function lorenzChartUnguarded(
  curve: { readonly points: readonly { readonly x: number; readonly y: number }[] },
  options?: ChartOptions & { readonly gini?: number },
): string {
  const what = "lorenzChart";
  const gini = (options as { gini?: unknown } | undefined)?.gini;
  const g = gini === undefined ? undefined : finite(gini, ["gini"], what);
  const f = readFrame(
    options,
    {
      title: g === undefined ? "Lorenz curve" : `Lorenz curve (Gini ${g.toFixed(3)})`,
      description:
        "Cumulative share of value against cumulative share of customers, poorest first; the diagonal is perfect equality.",
    },
    what,
  );
  const raw = list((curve as { points?: unknown } | null)?.points, ["points"], what, 100_001);
  const a = plotArea(f);
  const pts = raw.map((p, i) => {
    const x = finite((p as { x?: unknown } | null)?.x, ["points", i, "x"], what);
    const y = finite((p as { y?: unknown } | null)?.y, ["points", i, "y"], what);
    if (x < 0 || x > 1 || y < -1 || y > 1) finite(Number.NaN, ["points", i], what);
    return `${fmt(a.x0 + x * a.w)},${fmt(a.y0 + a.h - Math.max(0, y) * a.h)}`;
  });
  return frame(
    f,
    `${axes(f, { min: 0, max: 1, label: "Share of customers", format: percent }, { min: 0, max: 1, label: "Share of value", format: percent })}
<line x1="${a.x0}" y1="${fmt(a.y0 + a.h)}" x2="${fmt(a.x0 + a.w)}" y2="${a.y0}" stroke="#999" stroke-dasharray="4 4"/>
<polyline fill="none" stroke="#1f77b4" stroke-width="2" points="${pts.join(" ")}"/>`,
  );
}

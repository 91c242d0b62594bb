import { guardInputs } from "../core/guard.js";
import { axes, escapeXml, fail, finite, fmt, frame, list, plotArea, readFrame } from "./_lib/svg.js";
import type { ChartOptions } from "./chartTypes.js";

/**
 * One bar: a label and a value.
 *
 * @example
 * ```ts
 * import type { Bar } from "loyalty-kit/charts";
 * const bar: Bar = { label: "Champions", value: 412 };
 * console.log(bar.label);
 * ```
 * @category charts
 */
export interface Bar {
  readonly label: string;
  readonly value: number;
}

/**
 * Draws vertical bars as an SVG string, in the order given — for example RFM segment sizes
 * (`rfmSegments` counts) or ABC classes. With `cumulative: true` it is a Pareto chart: bars sorted
 * from largest to smallest and a line with the cumulative share on a 0–100 % scale at the right.
 *
 * @param bars - up to 200 `{ label, value }` with finite values ≥ 0
 * @param options - {@link ChartOptions}, `cumulative`, `valueLabel` (y axis label, default "Value")
 * @returns an SVG document string with `<title>` and `<desc>`
 * @throws {LoyaltyValidationError} when a bar is malformed or negative, or an option is
 * @example
 * ```ts
 * import { barChart } from "loyalty-kit/charts";
 * const svg = barChart([{ label: "A", value: 80 }, { label: "B", value: 15 }, { label: "C", value: 5 }], { cumulative: true, title: "ABC classes" });
 * console.log(svg.match(/<rect class="bar"/g)?.length); // 3
 * ```
 * @category charts
 */
export function barChart(
  bars: readonly Bar[],
  options?: ChartOptions & { readonly cumulative?: boolean; readonly valueLabel?: string },
): string {
  return guardInputs("barChart", { bars, options }, () => barChartUnguarded(bars, options));
}

function barChartUnguarded(
  bars: readonly Bar[],
  options?: ChartOptions & { readonly cumulative?: boolean; readonly valueLabel?: string },
): string {
  const what = "barChart";
  const o = (options ?? {}) as { cumulative?: unknown; valueLabel?: unknown };
  if (o.cumulative !== undefined && typeof o.cumulative !== "boolean")
    fail(["cumulative"], "expected true, false or nothing", what);
  if (o.valueLabel !== undefined && (typeof o.valueLabel !== "string" || o.valueLabel.length > 100))
    fail(["valueLabel"], "expected a string of at most 100 characters", what);
  const cumulative = o.cumulative === true;
  const f = readFrame(
    options,
    {
      title: cumulative ? "Pareto chart" : "Bar chart",
      description: cumulative
        ? "Bars sorted from largest to smallest, with a line showing the cumulative share of the total."
        : "One bar per category.",
    },
    what,
  );
  const items = list(bars, [], what, 200).map((b, i) => {
    const label = (b as { label?: unknown } | null)?.label;
    if (typeof label !== "string" || label.length > 100)
      fail([i, "label"], "expected a string of at most 100 characters", what);
    const value = finite((b as { value?: unknown }).value, [i, "value"], what);
    if (value < 0) fail([i, "value"], `expected a value ≥ 0, got ${value}`, what);
    return { label, value };
  });
  if (cumulative) items.sort((a, b) => b.value - a.value);
  const max = Math.max(...items.map((b) => b.value)) || 1;
  const total = items.reduce((s, b) => s + b.value, 0) || 1;
  // Room below the bars for slanted labels when some label is wider than its slot.
  const slotWidth = plotArea(f).w / items.length;
  const longest = Math.min(24, Math.max(...items.map((b) => b.label.length)));
  const slant = longest * 6.5 > slotWidth;
  const bottom = items.length <= 30 && slant ? Math.min(f.height / 3, 24 + longest * 3.5) : 50;
  const a = plotArea(f, bottom);
  const slot = a.w / items.length;
  const parts = [
    axes(
      f,
      { min: 0, max: 1, label: "", format: () => "" },
      { min: 0, max, label: String(o.valueLabel ?? "Value"), format: (v) => fmt(v) },
      bottom,
    ),
  ];
  let run = 0;
  const line: string[] = [];
  items.forEach((b, i) => {
    const h = (b.value / max) * a.h;
    const x = a.x0 + i * slot + slot * 0.1;
    parts.push(
      `<rect class="bar" x="${fmt(x)}" y="${fmt(a.y0 + a.h - h)}" width="${fmt(slot * 0.8)}" height="${fmt(h)}" fill="#1f77b4"><title>${escapeXml(`${b.label}: ${fmt(b.value)}`)}</title></rect>`,
    );
    if (items.length <= 30) {
      // When a label is wider than its slot (about 6.5 px a character at 12 px) all are slanted, so none overlap.
      const cx = fmt(x + slot * 0.4);
      const cy = fmt(a.y0 + a.h + 14);
      parts.push(
        slant
          ? `<text x="${cx}" y="${cy}" text-anchor="end" transform="rotate(-30 ${cx} ${cy})">${escapeXml(b.label)}</text>`
          : `<text x="${cx}" y="${fmt(a.y0 + a.h + 30)}" text-anchor="middle">${escapeXml(b.label)}</text>`,
      );
    }
    run += b.value;
    line.push(`${fmt(x + slot * 0.4)},${fmt(a.y0 + a.h - (run / total) * a.h)}`);
  });
  if (cumulative) {
    parts.push(`<polyline fill="none" stroke="#d62728" stroke-width="2" points="${line.join(" ")}"/>`);
    for (const t of [0, 0.5, 1])
      parts.push(
        `<text x="${fmt(a.x0 + a.w + 4)}" y="${fmt(a.y0 + a.h - t * a.h + 4)}" fill="#d62728">${t * 100}%</text>`,
      );
  }
  return frame(f, parts.join("\n"));
}

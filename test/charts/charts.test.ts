import { describe, expect, it } from "vitest";
import { barChart, cohortHeatmap, lineChart, lorenzChart } from "../../src/charts/index.js";
import { cohortRetention, gini, LoyaltyValidationError, lorenz } from "../../src/index.js";

/** Every opened element is closed in order (a small well-formedness check; no DOM in Node). */
function balanced(svg: string): boolean {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === "/") continue;
    if (m[1] === "/") {
      if (stack.pop() !== m[2]) return false;
    } else stack.push(m[2] as string);
  }
  return stack.length === 0;
}

describe("charts", () => {
  it("draws a Lorenz curve with the Gini in the title, a <title>/<desc> pair and the diagonal", () => {
    // Values 1, 1, 1, 7: the poorest 75% hold 30%; Gini = 0.45 (mean absolute difference / 2·mean).
    const values = [1, 1, 1, 7];
    const svg = lorenzChart(lorenz(values), { gini: gini(values) });
    expect(gini(values)).toBeCloseTo(0.45, 12);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title id="chart-title">Lorenz curve (Gini 0.450)</title>');
    expect(svg).toContain('aria-labelledby="chart-title chart-desc"');
    expect(svg).toContain('stroke-dasharray="4 4"');
    // Plot area 60..596 × 40..350: the point (0.75, 0.3) sits at x = 60 + 0.75·536, y = 350 − 0.3·310.
    expect(svg).toContain(`${60 + 0.75 * 536},${350 - 0.3 * 310}`);
    expect(balanced(svg)).toBe(true);
  });

  it("sorts a Pareto chart and draws the cumulative line; escapes labels", () => {
    const svg = barChart(
      [
        { label: "B <small>", value: 15 },
        { label: "A & co", value: 80 },
        { label: "C", value: 5 },
      ],
      { cumulative: true, id: "abc" },
    );
    expect(svg.indexOf("A &amp; co")).toBeLessThan(svg.indexOf("B &lt;small&gt;"));
    expect(svg).not.toContain("<small>");
    expect(svg.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(svg).toContain('<title id="abc-title">Pareto chart</title>');
    // The cumulative line ends at 100 % of the total: y = top of the plot area (40).
    expect(svg).toMatch(/<polyline [^>]*points="[^"]*,40"\/>/);
    expect(balanced(svg)).toBe(true);
  });

  it("shades a cohort heat map from cohortRetention and writes each rate", () => {
    const table = cohortRetention([
      { customerId: "ana", at: "2026-01-03T10:00:00Z" },
      { customerId: "budi", at: "2026-01-20T10:00:00Z" },
      { customerId: "ana", at: "2026-02-11T10:00:00Z" },
      { customerId: "citra", at: "2026-02-14T10:00:00Z" },
    ]);
    const svg = cohortHeatmap(table);
    expect(svg.match(/<rect class="cell"/g)).toHaveLength(3);
    expect(svg).toContain("<title>2026-01, month 1: 50%</title>");
    expect(svg).toContain('fill="rgb(8,48,107)"'); // rate 1 is the darkest blue
    expect(balanced(svg)).toBe(true);
  });

  it("draws several named lines with a legend", () => {
    const svg = lineChart(
      [
        {
          name: "Discount card",
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 10 },
          ],
        },
        {
          name: "Bonus points",
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 6 },
          ],
        },
      ],
      { xLabel: "Month", yLabel: "Cost" },
    );
    expect(svg.match(/<polyline /g)).toHaveLength(2);
    expect(svg).toContain(">Bonus points</text>");
    expect(balanced(svg)).toBe(true);
  });

  it("refuses bad input with typed errors naming the place", () => {
    expect(() => lorenzChart({ points: [{ x: 0, y: Number.NaN }] })).toThrow(
      /lorenzChart: points\.0\.y: expected a finite number/,
    );
    expect(() => barChart([{ label: "x", value: -1 }])).toThrow(/barChart: 0\.value: expected a value ≥ 0, got -1/);
    expect(() => cohortHeatmap({ cohorts: [{ cohort: "x", rates: [1.5] }] })).toThrow(LoyaltyValidationError);
    expect(() => lineChart([], {})).toThrow(/expected a non-empty array/);
    expect(() => lorenzChart({ points: [{ x: 0, y: 0 }] }, { width: 10 })).toThrow(
      /width: expected an integer number of pixels/,
    );
    expect(() => lorenzChart({ points: [{ x: 0, y: 0 }] }, { id: '"><script>' })).toThrow(/id: expected an id/);
  });
});

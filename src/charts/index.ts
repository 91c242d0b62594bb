/**
 * `loyalty-kit/charts`: small pure renderers that return SVG strings — a Lorenz curve, bar and Pareto
 * charts, a cohort retention heat map and line charts — with `<title>` and `<desc>` for screen
 * readers. No DOM and no dependencies: they run in Node, browsers and edge runtimes.
 * @module
 */
export { type Bar, barChart } from "./barChart.js";
export type { ChartOptions } from "./chartTypes.js";
export { cohortHeatmap } from "./cohortHeatmap.js";
export { lineChart, type LineSeries } from "./lineChart.js";
export { lorenzChart } from "./lorenzChart.js";

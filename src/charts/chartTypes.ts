/**
 * Options every chart renderer takes: size in pixels (default 640 × 400), the title (drawn and read
 * out by screen readers), the `<desc>` text, and the id prefix of the `<title>`/`<desc>` elements.
 *
 * @example
 * ```ts
 * import type { ChartOptions } from "loyalty-kit/charts";
 * const o: ChartOptions = { width: 480, title: "Customer value", id: "value-2026" };
 * console.log(o.width);
 * ```
 * @category charts
 */
export interface ChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly description?: string;
  readonly id?: string;
}

// Building blocks of the chart renderers: escaping, checked options and inputs, the frame with
// <title>/<desc> for screen readers, axes. Strings only: no DOM, so the charts render anywhere.
import { LoyaltyValidationError } from "../../errors/errors.js";
import { previewValue } from "../../_lib/values.js";

/** Options every chart takes. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly description: string;
  /** Prefix of the element ids (several charts on one page need different ones). */
  readonly id: string;
}

export const MARGIN = { top: 40, right: 44, bottom: 50, left: 60 } as const;

/** Escapes text for SVG element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`);
}

/** A coordinate with at most two decimals (short, stable output). */
export const fmt = (n: number): string => String(Math.round(n * 100) / 100);

export function fail(path: readonly (string | number)[], message: string, what: string): never {
  throw new LoyaltyValidationError([{ path, message }], what);
}

/** Width, height, title, description from `options`, with defaults; typed errors otherwise. */
export function readFrame(options: unknown, defaults: { title: string; description: string }, what: string): Frame {
  if (options !== undefined && (typeof options !== "object" || options === null))
    fail(["options"], `expected an object or nothing, got ${previewValue(options)}`, what);
  const o = (options ?? {}) as Record<string, unknown>;
  const size = (name: string, fallback: number): number => {
    const v = o[name];
    if (v === undefined) return fallback;
    if (typeof v !== "number" || !Number.isInteger(v) || v < 160 || v > 4000)
      fail([name], `expected an integer number of pixels from 160 to 4000, got ${previewValue(v)}`, what);
    return v;
  };
  const text = (name: string, fallback: string): string => {
    const v = o[name];
    if (v === undefined) return fallback;
    if (typeof v !== "string" || v.length === 0 || v.length > 500)
      fail([name], `expected a non-empty string of at most 500 characters, got ${previewValue(v)}`, what);
    return v;
  };
  const id = o["id"] ?? "chart";
  if (typeof id !== "string" || !/^[A-Za-z][A-Za-z0-9_-]{0,40}$/.test(id))
    fail(
      ["id"],
      `expected an id such as "lorenz-2026" (a letter, then letters, digits, _ or -), got ${previewValue(id)}`,
      what,
    );
  return {
    id,
    width: size("width", 640),
    height: size("height", 400),
    title: text("title", defaults.title),
    description: text("description", defaults.description),
  };
}

/** A finite number or a typed error naming where it was read. */
export function finite(v: unknown, path: readonly (string | number)[], what: string): number {
  if (typeof v !== "number" || !Number.isFinite(v))
    fail(path, `expected a finite number, got ${previewValue(v)}`, what);
  return v;
}

/** An array (at most `max` items) or a typed error. */
export function list(v: unknown, path: readonly (string | number)[], what: string, max = 10_000): readonly unknown[] {
  if (!Array.isArray(v) || v.length === 0 || v.length > max)
    fail(path, `expected a non-empty array of at most ${max} items, got ${previewValue(v)}`, what);
  return v;
}

/** The whole SVG document around `body`, labelled by its <title> and <desc>. */
export function frame(f: Frame, body: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${f.width}" height="${f.height}" viewBox="0 0 ${f.width} ${f.height}" role="img" aria-labelledby="${f.id}-title ${f.id}-desc" font-family="system-ui, sans-serif" font-size="12">
<title id="${f.id}-title">${escapeXml(f.title)}</title>
<desc id="${f.id}-desc">${escapeXml(f.description)}</desc>
<rect width="${f.width}" height="${f.height}" fill="#fff"/>
<text x="${fmt(f.width / 2)}" y="22" text-anchor="middle" font-size="15" font-weight="600">${escapeXml(f.title)}</text>
${body}
</svg>`;
}

/** The plot area inside the margins. */
export function plotArea(f: Frame, bottom: number = MARGIN.bottom): { x0: number; y0: number; w: number; h: number } {
  return {
    x0: MARGIN.left,
    y0: MARGIN.top,
    w: f.width - MARGIN.left - MARGIN.right,
    h: f.height - MARGIN.top - bottom,
  };
}

/** "Nice" tick values covering [min, max] (1, 2, 5 × 10^k steps). */
export function ticks(min: number, max: number, count = 5): number[] {
  if (min === max) return [min];
  const raw = (max - min) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

/** Axes with ticks and labels for linear scales. */
export function axes(
  f: Frame,
  x: { min: number; max: number; label: string; format: (v: number) => string },
  y: { min: number; max: number; label: string; format: (v: number) => string },
  bottom: number = MARGIN.bottom,
): string {
  const a = plotArea(f, bottom);
  const sx = (v: number) => a.x0 + ((v - x.min) / (x.max - x.min || 1)) * a.w;
  const sy = (v: number) => a.y0 + a.h - ((v - y.min) / (y.max - y.min || 1)) * a.h;
  const parts = [
    `<g stroke="#333" fill="none"><line x1="${a.x0}" y1="${fmt(a.y0 + a.h)}" x2="${fmt(a.x0 + a.w)}" y2="${fmt(a.y0 + a.h)}"/><line x1="${a.x0}" y1="${a.y0}" x2="${a.x0}" y2="${fmt(a.y0 + a.h)}"/></g>`,
  ];
  for (const t of ticks(x.min, x.max))
    parts.push(
      `<text x="${fmt(sx(t))}" y="${fmt(a.y0 + a.h + 16)}" text-anchor="middle">${escapeXml(x.format(t))}</text>`,
    );
  for (const t of ticks(y.min, y.max))
    parts.push(`<text x="${a.x0 - 6}" y="${fmt(sy(t) + 4)}" text-anchor="end">${escapeXml(y.format(t))}</text>`);
  parts.push(
    `<text x="${fmt(a.x0 + a.w / 2)}" y="${f.height - 10}" text-anchor="middle">${escapeXml(x.label)}</text>`,
    `<text x="14" y="${fmt(a.y0 + a.h / 2)}" text-anchor="middle" transform="rotate(-90 14 ${fmt(a.y0 + a.h / 2)})">${escapeXml(y.label)}</text>`,
  );
  return parts.join("\n");
}

export const percent = (v: number): string => `${fmt(v * 100)}%`;

// The Lorenz curve of CDNOW customer spend as an SVG, ready to inline in a page.
import { readFileSync } from "node:fs";
import { gini, lorenz, totalsAccumulator } from "loyalty-kit";

const file = new URL("../../test/fixtures/analytics/CDNOW_master.txt", import.meta.url);
const totals = totalsAccumulator();
for (const line of readFileSync(file, "utf8").trim().split("\n").slice(1)) {
  const [customerId, , , dollars] = line.trim().split(/\s+/);
  totals.add({ customerId: Number(customerId), value: dollars });
}
const customers = totals.result();
const { points } = lorenz(customers, { value: (c) => c.total, points: 51 });
const g = gini(customers, { value: (c) => c.total });

const size = 240;
const pad = 32;
const px = (x) => (pad + x * size).toFixed(1);
const py = (y) => (pad + (1 - y) * size).toFixed(1);
const curve = points.map((p) => `${px(p.x)},${py(p.y)}`).join(" ");
console.log(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size + 2 * pad} ${size + 2 * pad}" width="${size + 2 * pad}" height="${size + 2 * pad}" font-family="sans-serif" font-size="11">
  <rect x="${pad}" y="${pad}" width="${size}" height="${size}" fill="none" stroke="#999"/>
  <line x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#999" stroke-dasharray="4 3"/>
  <polygon points="${px(0)},${py(0)} ${curve}" fill="#c6dbef" stroke="none"/>
  <polyline points="${curve}" fill="none" stroke="#08519c" stroke-width="2"/>
  <text x="${pad}" y="${pad + size + 16}">0</text>
  <text x="${pad + size}" y="${pad + size + 16}" text-anchor="end">100 % of customers</text>
  <text x="${pad - 4}" y="${pad + 4}" text-anchor="end">1</text>
  <text x="${pad + 8}" y="${pad + 16}">share of spend — Gini ${g.toFixed(3)}</text>
</svg>`);

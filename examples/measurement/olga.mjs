// Shared setup for the measurement guide's section examples (a helper: it has no .expected.txt).
// Olga's first quarter of 2026 (the example shop of these guides), read from olga-q1-2026.json.
import { readFileSync } from "node:fs";
import { parsePurchaseRecords } from "loyalty-kit";

export const data = JSON.parse(readFileSync(new URL("./olga-q1-2026.json", import.meta.url), "utf8"));
export const { timeZone, quarter, previousQuarter } = data;

export const pct = (x) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);
export const idr = (m) => `${m.amount.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")} ${m.currency}`;
export const within = (at, q) => Date.parse(at) >= Date.parse(q.from) && Date.parse(at) < Date.parse(q.to);

// The till records reduced to { customerId, at } for the retention functions.
export const purchases = parsePurchaseRecords(data.purchases.map(({ customerId, at }) => ({ customerId, at })));
export const inQuarter = data.purchases.filter((p) => within(p.at, quarter));
export const customersIn = (q) => new Set(data.purchases.filter((p) => within(p.at, q)).map((p) => p.customerId));
export const current = [...customersIn(quarter)].sort(); // this quarter's customers
export const firstPurchase = new Map();
for (const p of purchases)
  if (!firstPurchase.has(p.customerId) || p.at < firstPurchase.get(p.customerId)) firstPurchase.set(p.customerId, p.at);

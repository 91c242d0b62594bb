// Which lines a program or a rule applies to, compiled once per call into set lookups.
import type { BasketLine } from "../basket.js";
import type { Eligibility, LineKind } from "../program.js";

export type Matcher = (line: BasketLine) => boolean;

const DEFAULT_KINDS: readonly LineKind[] = ["merchandise", "service"];

/** Eligible: kind allowed, in an include list when there is one, in no exclude list (excludes win). */
export function compileEligibility(e: Eligibility | undefined): Matcher {
  const kinds = new Set<string>(e?.lineKinds ?? DEFAULT_KINDS);
  const incSku = e?.includeSkus === undefined || e.includeSkus.length === 0 ? null : new Set(e.includeSkus);
  const incCat =
    e?.includeCategories === undefined || e.includeCategories.length === 0 ? null : new Set(e.includeCategories);
  const excSku = new Set(e?.excludeSkus ?? []);
  const excCat = new Set(e?.excludeCategories ?? []);
  return (line) => {
    if (!kinds.has(line.kind)) return false;
    if (excSku.has(line.sku)) return false;
    if (line.category !== undefined && excCat.has(line.category)) return false;
    if (incSku === null && incCat === null) return true;
    return (incSku?.has(line.sku) ?? false) || (line.category !== undefined && (incCat?.has(line.category) ?? false));
  };
}

/** A rule's match: any listed SKU or category. */
export function compileMatch(m: {
  skus?: readonly string[] | undefined;
  categories?: readonly string[] | undefined;
}): Matcher {
  const skus = new Set(m.skus ?? []);
  const cats = new Set(m.categories ?? []);
  return (line) => skus.has(line.sku) || (line.category !== undefined && cats.has(line.category));
}

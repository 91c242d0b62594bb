import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError } from "../errors/errors.js";
import { parseProgram } from "./parseProgram.js";
import { initialStock } from "./_lib/stock.js";
import type { CatalogStock } from "./account.js";
import type { Program } from "./program.js";

/**
 * The initial stock of a catalog program's rewards (those with a `stock`), to pass to
 * {@link checkout} and keep from its result.
 *
 * @param program - a catalog program
 * @returns the stock snapshot
 * @throws {LoyaltyValidationError} when the program is not a catalog program
 * @category programs
 * @example
 * ```ts
 * import { parseProgram, openCatalogStock } from "loyalty-kit";
 * const program = parseProgram({ kind: "catalog", id: "gifts", name: "Gifts", currency: "EUR", timeZone: "Europe/Berlin", active: { from: "2026-01-01T00:00:00Z" },
 *   rewards: [{ id: "scarf", name: "Silk scarf", pointsCost: "500", stock: 3, gives: { type: "product", sku: "SCARF" } }] });
 * console.log(openCatalogStock(program).rewards); // [ { rewardId: 'scarf', remaining: 3 } ]
 * ```
 */
export function openCatalogStock(program: Program): CatalogStock {
  return guardInputs("openCatalogStock", { program }, () => openCatalogStockUnguarded(program));
}

function openCatalogStockUnguarded(program: Program): CatalogStock {
  const p = parseProgram(program);
  if (p.kind !== "catalog")
    throw new LoyaltyValidationError([
      { path: ["program", "kind"], message: `expected a catalog program, got ${p.kind}` },
    ]);
  return initialStock(p);
}

import { guardInputs } from "../core/guard.js";
import { LoyaltyValidationError, type ValidationIssue } from "../errors/errors.js";
import { invalid } from "../_lib/values.js";
import type { Customer } from "./customer.js";
import { barcodeKey, barcodeProblem } from "./_lib/gs1.js";
import { foldName } from "./_lib/foldName.js";
import { isE164 } from "./_lib/phone.js";
import { isMagneticNumber, MAGNETIC_EXPECTED } from "./_lib/magnetic.js";

/**
 * A lookup structure over a list of customers, built once by {@link buildCustomerIndex} and read by
 * {@link identify}. It is a frozen object holding `Map`s (hash lookups, so identifying stays constant
 * time at a million customers); it is not JSON — keep the customers as your data and rebuild the index
 * when they change. Treat the fields as internal: read it only through {@link identify}.
 *
 * @example
 * ```ts
 * import { buildCustomerIndex, type CustomerIndex } from "loyalty-kit";
 * const index: CustomerIndex = buildCustomerIndex([]);
 * console.log(index.size, Object.isFrozen(index)); // 0 true
 * ```
 * @category customers
 */
export interface CustomerIndex {
  readonly kind: "customer-index";
  /** Number of customers indexed. */
  readonly size: number;
  /** Barcode key (UPC-A widened to EAN-13) → customer. */
  readonly byBarcode: ReadonlyMap<string, Customer>;
  /** Magnetic-stripe number → customer. */
  readonly byMagnetic: ReadonlyMap<string, Customer>;
  /** E.164 phone → customer. */
  readonly byPhone: ReadonlyMap<string, Customer>;
  /** Folded last name → every customer with it, in input order. */
  readonly byLastName: ReadonlyMap<string, readonly Customer[]>;
}

/**
 * Builds the index {@link identify} reads: every card barcode, magnetic-stripe number and phone maps to
 * one customer, every last name (folded: case and diacritics ignored) to all customers who have it.
 *
 * A card or a phone number is a unique code ("beberapa kode unik … nomor telepon"), so two
 * customers with the same one are a data error, reported with both places; the same customer id twice
 * likewise. The customers are referenced, never copied or changed. Each identifier is re-checked (check
 * digit, E.164) without a full schema parse, so building over a million parsed customers takes about a
 * second; pass customers that went through {@link parseCustomer}.
 *
 * @param customers - Parsed customers.
 * @returns A frozen {@link CustomerIndex}.
 * @throws {LoyaltyValidationError} when an identifier is malformed, a card or phone or id appears twice,
 *   or `customers` is not an array.
 * @example
 * ```ts
 * import { buildCustomerIndex, parseCustomer } from "loyalty-kit";
 * const index = buildCustomerIndex([
 *   parseCustomer({ id: "c-1", lastName: "Sari", identifiers: [{ kind: "phone", number: "+6281234567890" }] }),
 * ]);
 * console.log(index.size); // 1
 * ```
 * @category customers
 */
export function buildCustomerIndex(customers: readonly Customer[]): CustomerIndex {
  return guardInputs("buildCustomerIndex", { customers }, () => buildCustomerIndexUnguarded(customers));
}

function buildCustomerIndexUnguarded(customers: readonly Customer[]): CustomerIndex {
  if (!Array.isArray(customers)) invalid(["customers"], "expected an array of customers");
  const ids = new Map<string, number>();
  const byBarcode = new Map<string, Customer>();
  const byMagnetic = new Map<string, Customer>();
  const byPhone = new Map<string, Customer>();
  const byLastName = new Map<string, Customer[]>();
  const issues: ValidationIssue[] = [];

  // Adds key → customer unless the key is taken; a card or phone identifies one customer.
  const claim = (
    map: Map<string, Customer>,
    key: string,
    customer: Customer,
    path: () => (string | number)[],
    what: string,
  ): void => {
    const previous = map.get(key);
    if (previous === undefined) map.set(key, customer);
    else
      issues.push({
        path: path(),
        message: `${what} ${JSON.stringify(key)} already belongs to customers.${ids.get(previous.id) ?? "?"} (${JSON.stringify(previous.id)}); a card or phone identifies one customer`,
      });
  };

  for (let i = 0; i < customers.length; i++) {
    const c = customers[i];
    if (typeof c !== "object" || c === null || typeof c.id !== "string") {
      issues.push({ path: ["customers", i], message: "expected a parsed customer with a string id" });
      continue;
    }
    const seen = ids.get(c.id);
    if (seen !== undefined)
      issues.push({
        path: ["customers", i, "id"],
        message: `customer id ${JSON.stringify(c.id)} already used by customers.${seen}`,
      });
    else ids.set(c.id, i);
    const identifiers = Array.isArray(c.identifiers) ? c.identifiers : [];
    for (let j = 0; j < identifiers.length; j++) {
      const id = identifiers[j];
      const at = (field: string) => (): (string | number)[] => ["customers", i, "identifiers", j, field];
      switch (id?.kind) {
        case "barcode": {
          const problem = barcodeProblem(id.code);
          if (problem !== undefined) issues.push({ path: at("code")(), message: problem });
          else claim(byBarcode, barcodeKey(id.code), c, at("code"), "barcode");
          break;
        }
        case "magnetic":
          if (!isMagneticNumber(id.number)) issues.push({ path: at("number")(), message: MAGNETIC_EXPECTED });
          else claim(byMagnetic, id.number, c, at("number"), "magnetic-stripe number");
          break;
        case "phone":
          if (!isE164(id.number))
            issues.push({
              path: at("number")(),
              message: `expected an E.164 phone number, got ${JSON.stringify(id.number)}`,
            });
          else claim(byPhone, id.number, c, at("number"), "phone");
          break;
        default:
          issues.push({
            path: ["customers", i, "identifiers", j],
            message: "expected an identifier of kind barcode, magnetic or phone",
          });
      }
    }
    if (typeof c.lastName === "string") {
      const key = foldName(c.lastName);
      if (key !== "") {
        const list = byLastName.get(key);
        if (list === undefined) byLastName.set(key, [c]);
        else list.push(c);
      }
    }
    if (issues.length >= 100) break;
  }
  if (issues.length > 0) throw new LoyaltyValidationError(issues, "buildCustomerIndex");
  for (const list of byLastName.values()) Object.freeze(list);
  return Object.freeze({ kind: "customer-index", size: customers.length, byBarcode, byMagnetic, byPhone, byLastName });
}

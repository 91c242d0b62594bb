import { describe, expect, it } from "vitest";
import { money, parseBasket, safeParseBasket } from "../../src/index.js";

const line = (id: string, quantity: unknown, amount = "1.00", currency = "EUR") => ({
  id,
  sku: "A",
  quantity,
  unitPrice: { amount, currency },
});

function messages(input: unknown): string[] {
  const r = safeParseBasket(input);
  if (r.success) throw new Error("expected a validation failure");
  return r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("parseBasket", () => {
  it("reads quantities as decimals and prices as money, merchandise by default", () => {
    const b = parseBasket({ id: "b", at: "2026-03-01T10:00:00+01:00", lines: [line("1", "0.350", "12.99")] });
    expect(b.at).toBe("2026-03-01T09:00:00.000Z");
    expect(b.lines[0]?.quantity.toString()).toBe("0.35");
    expect(b.lines[0]?.unitPrice.amount.toString()).toBe("12.99");
    expect(b.lines[0]?.kind).toBe("merchandise");
  });

  it("accepts Money values for prices", () => {
    expect(
      parseBasket({
        id: "b",
        at: new Date("2026-03-01T10:00:00Z"),
        lines: [{ id: "1", sku: "A", quantity: 1, unitPrice: money("2.50", "EUR") }],
      }).lines[0]?.unitPrice.currency,
    ).toBe("EUR");
  });

  it("rejects duplicate line ids, mixed currencies, and zero, negative or fractional-number quantities", () => {
    expect(messages({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", 1), line("1", 1)] })).toEqual([
      'lines.1.id: expected a unique line id, got "1"',
    ]);
    expect(
      messages({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", 1), line("2", 1, "1.00", "USD")] }),
    ).toEqual(['lines.1.unitPrice.currency: currency mismatch: expected EUR like the first line, got "USD"']);
    expect(messages({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", "0")] })[0]).toBe(
      'lines.0.quantity: expected a quantity greater than zero, got "0"',
    );
    expect(safeParseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", -1)] }).success).toBe(false);
    expect(safeParseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", 0.5)] }).success).toBe(false);
    expect(safeParseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", "1", "-1.00")] }).success).toBe(
      false,
    );
  });

  it("rejects an empty basket and an unknown line kind", () => {
    expect(messages({ id: "b", at: "2026-03-01T10:00:00Z", lines: [] })).toEqual([
      "lines: expected at least one line, got an array",
    ]);
    expect(
      safeParseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [{ ...line("1", 1), kind: "cash" }] }).success,
    ).toBe(false);
  });

  it("round-trips through JSON", () => {
    const b = parseBasket({ id: "b", at: "2026-03-01T10:00:00Z", lines: [line("1", "2", "3.10")] });
    expect(parseBasket(JSON.parse(JSON.stringify(b)))).toEqual(b);
  });
});

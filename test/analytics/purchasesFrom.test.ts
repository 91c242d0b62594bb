import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LoyaltyValidationError, purchasesFrom, rfmSummary } from "../../src/index.js";
import { cdnowSample } from "./_cdnow.js";

describe("purchasesFrom", () => {
  it("reads the raw CDNOW sample (dates written 19970101) into the same RFM summary as a hand-written parser", () => {
    // CDNOW sample (Fader, Hardie & Lee 2005): columns master id, sample id, date yyyyMMdd, CDs, dollars.
    const rows = readFileSync(new URL("../fixtures/analytics/CDNOW_sample.txt", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .map((line) => {
        const [, id, date, , dollars] = line.trim().split(/\s+/);
        return { id: Number(id), date, dollars };
      });
    const before = JSON.stringify(rows);
    const { purchases, skipped } = purchasesFrom(rows, {
      customerId: "id",
      at: "date",
      value: "dollars",
      dateFormat: "yyyyMMdd",
    });
    expect(skipped).toBe(0);
    expect(purchases).toHaveLength(6_919);
    expect(purchases[0]).toEqual({ customerId: 1, at: "1997-01-01T00:00:00.000Z", value: "29.33" });
    const options = { observationEnd: "1998-06-30", period: "week" } as const;
    expect(rfmSummary(purchases, options)).toEqual(rfmSummary(cdnowSample(), options));
    expect(JSON.stringify(rows)).toBe(before);
  });

  it("reports every bad row by index, column and customer id, or skips them with the count", () => {
    const rows = [
      { id: "a", at: "02.01.2026 10:30", v: "12.50" },
      { id: "", at: "02.01.2026 10:30", v: "1" },
      { id: "b", at: "31.02.2026 10:30", v: "1" },
      { id: "c", at: "03.01.2026 09:00", v: "12,50" },
      { id: 7n, at: "04.01.2026 23:59", v: 3n },
    ];
    const options = { customerId: "id", at: "at", value: "v", dateFormat: "dd.MM.yyyy HH:mm" } as const;
    let error: unknown;
    try {
      purchasesFrom(rows, options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LoyaltyValidationError);
    const issues = (error as LoyaltyValidationError).issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual([
      '1.id: expected a customer id (a non-empty string or a safe integer), got ""',
      '2.at: expected a time in the format "dd.MM.yyyy HH:mm", got "31.02.2026 10:30" (customer "b")',
      '3.v: expected a finite number or a decimal string such as "12.50", got "12,50" (customer "c")',
    ]);
    const r = purchasesFrom(rows, { ...options, onBadRow: "skip" });
    expect(r.skipped).toBe(3);
    expect(r.issues).toHaveLength(3);
    expect(r.purchases).toEqual([
      { customerId: "a", at: "2026-01-02T10:30:00.000Z", value: "12.50" },
      { customerId: 7, at: "2026-01-04T23:59:00.000Z", value: 3 },
    ]);
    expect(Object.isFrozen(r.purchases)).toBe(true);
  });

  it("keeps a zone written in the text, and passes ISO instants through without a format", () => {
    const zoned = purchasesFrom([{ c: 1, t: "2026-01-02 10:00 +07:00" }], {
      customerId: "c",
      at: "t",
      dateFormat: "yyyy-MM-dd HH:mm XXX",
    });
    expect(zoned.purchases[0]?.at).toBe("2026-01-02T03:00:00.000Z");
    const iso = purchasesFrom(
      [
        { c: 1, t: "2026-01-02T10:00:00+07:00" },
        { c: 1, t: "2026-01-02" },
      ],
      { customerId: "c", at: "t" },
    );
    expect(iso.purchases.map((p) => p.at)).toEqual(["2026-01-02T10:00:00+07:00", "2026-01-02"]);
    expect(() => purchasesFrom([{ c: 1, t: "2026-01-02T10:00:00" }], { customerId: "c", at: "t" })).toThrow(
      /0\.t: expected an ISO-8601 instant with an offset/,
    );
    expect(() => purchasesFrom([], { customerId: "c", at: "" })).toThrow(
      /purchasesFrom: at: expected the name of a column/,
    );
  });
});

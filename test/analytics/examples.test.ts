// The guide's examples (examples/analytics/*.mjs) run against the built package and print exactly
// their <name>.expected.txt. Their key figures are checked independently elsewhere: the CDNOW summary
// rows against the published file (rfmSummary.test.ts); the Pareto and Gini figures were cross-checked
// with pandas (23,570 customers, top 20 % = 4,714 customers holding 67.78 %, Gini 0.6346).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const dir = new URL("../../examples/analytics/", import.meta.url);
const examples = readdirSync(dir).filter((f) => f.endsWith(".mjs"));

describe("analytics examples", () => {
  it("has an expected output beside every example", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const f of examples) expect(readdirSync(dir)).toContain(f.replace(/\.mjs$/, ".expected.txt"));
  });
  for (const f of examples) {
    it(`${f} prints its expected output`, () => {
      const out = execFileSync(process.execPath, [new URL(f, dir).pathname], { encoding: "utf8" });
      expect(out).toBe(readFileSync(new URL(f.replace(/\.mjs$/, ".expected.txt"), dir), "utf8"));
    }, 60_000);
  }
});

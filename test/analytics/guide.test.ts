// Every examples/analytics/*.mjs has the <name>.expected.txt that scripts/check-examples.mjs compares
// its output with (in .ci/run). Their key figures are checked independently elsewhere: the CDNOW summary
// rows against the published file (rfmSummary.test.ts); the Pareto and Gini figures were cross-checked
// with pandas (23,570 customers, top 20 % = 4,714 customers holding 67.78 %, Gini 0.6346).
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("examples/analytics", () => {
  it("has examples, each with its expected output", () => {
    const dir = new URL("../../examples/analytics/", import.meta.url);
    const examples = readdirSync(dir).filter((f) => f.endsWith(".mjs"));
    expect(examples.length).toBeGreaterThanOrEqual(5);
    for (const f of examples) expect(readdirSync(dir)).toContain(f.replace(/\.mjs$/, ".expected.txt"));
  });
});

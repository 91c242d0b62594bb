import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The examples in examples/customers/ run against the built package (npm test builds first) and must print
// exactly their .expected.txt.
const dir = new URL("../../examples/customers/", import.meta.url);
const scripts = readdirSync(dir).filter((f) => f.endsWith(".mjs"));

describe("examples/customers", () => {
  it("has examples", () => expect(scripts.length).toBeGreaterThan(0));
  for (const script of scripts) {
    it(`${script} prints its expected output`, () => {
      const out = execFileSync(process.execPath, [new URL(script, dir).pathname], { encoding: "utf8" });
      expect(out).toBe(readFileSync(new URL(script.replace(/\.mjs$/, ".expected.txt"), dir), "utf8"));
    }, 30_000); // a child node process: allow for a loaded CI machine
  }
});

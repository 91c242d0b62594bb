// The guide's examples (examples/ledger/*.mjs) run against the built package and print exactly
// what their .expected.txt files say (the figures are worked by hand in docs/guides/ledger.md).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../examples/ledger");
const examples = readdirSync(dir).filter((f) => f.endsWith(".mjs"));

describe("ledger guide examples", () => {
  it.each(examples)("%s prints its expected output", (file) => {
    const out = execFileSync(process.execPath, [join(dir, file)], { encoding: "utf8" });
    expect(out).toBe(readFileSync(join(dir, file.replace(/\.mjs$/, ".expected.txt")), "utf8"));
  });
});

// The guide's dashboard (examples/measurement) printed against the built package must match the
// expected output, whose figures were checked by hand (see docs/guides/measurement.md).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const dir = join(import.meta.dirname, "../../examples/measurement");

describe("examples/measurement/dashboard.mjs", () => {
  it("prints the expected quarterly dashboard", () => {
    const stdout = execFileSync(process.execPath, [join(dir, "dashboard.mjs")], { encoding: "utf8" });
    expect(stdout).toBe(readFileSync(join(dir, "dashboard.expected.txt"), "utf8"));
  });
});

// The complaints guide and its examples stay in step with the machine: every examples/complaints/*.mjs
// has the <name>.expected.txt that scripts/check-examples.mjs compares its output with (in .ci/run,
// together with every TSDoc @example), the guide's diagram is what toMermaid() prints, and the
// transition tables list every transition of the definition.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { machineDefinition, toMermaid, WORKING_STATES } from "../../src/index.js";

const root = join(import.meta.dirname, "../..");

describe("the complaints guide and examples", () => {
  const dir = join(root, "examples/complaints");
  const scripts = readdirSync(dir)
    .filter((f) => f.endsWith(".mjs"))
    .sort();

  it("has examples, each with its expected output", () => {
    expect(scripts).toEqual([
      "diagram.mjs",
      "first-steps.mjs",
      "metrics.mjs",
      "service-recovery.mjs",
      "sla.mjs",
      "worked-complaint.mjs",
    ]);
    for (const script of scripts) expect(existsSync(join(dir, script.replace(/\.mjs$/, ".expected.txt")))).toBe(true);
  });

  it("the guide shows the diagram toMermaid() renders", () => {
    const guide = readFileSync(join(root, "docs/guides/complaints.md"), "utf8");
    const block = /```mermaid\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toBe(`${toMermaid()}\n`);
  });

  it("the guide's and machineDefinition's transition tables list every transition of the definition", () => {
    const guide = readFileSync(join(root, "docs/guides/complaints.md"), "utf8");
    const tsdoc = readFileSync(join(root, "src/complaints/definition.ts"), "utf8");
    for (const [name, text] of [
      ["guide", guide],
      ["TSDoc", tsdoc],
    ] as const) {
      const rows = text
        .split("\n")
        .filter((l) => /^\s*(\* )?\| /.test(l))
        .map((l) =>
          l
            .replace(/^\s*\* /, "")
            .split("|")
            .map((c) => c.trim().replaceAll("`", "")),
        );
      for (const [state, def] of Object.entries(machineDefinition.states)) {
        for (const type of Object.keys(def.on)) {
          const found = rows.some(
            ([, s, e]) =>
              e !== undefined &&
              (e === type || e.split(" / ").includes(type)) &&
              (s === state ||
                s?.split(", ").includes(state) ||
                (s === "every working state" && (WORKING_STATES as readonly string[]).includes(state))),
          );
          expect(found, `${name}: ${state} ${type}`).toBe(true);
        }
      }
    }
  });
});

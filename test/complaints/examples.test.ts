// Runs every @example of src/complaints against the built package (dist/), as CI does for the whole
// library, and every examples/complaints/*.mjs against its <name>.expected.txt. Also keeps the
// guide's diagram equal to what toMermaid() prints.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";
import { machineDefinition, toMermaid, WORKING_STATES } from "../../src/index.js";

const root = join(import.meta.dirname, "../..");
const srcDir = join(root, "src/complaints");
const distUrl = pathToFileURL(join(root, "dist/index.js")).href;
const workDir = mkdtempSync(join(tmpdir(), "complaints-examples-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const examples: { name: string; code: string }[] = [];
for (const file of readdirSync(srcDir).filter((f) => f.endsWith(".ts")).sort()) {
  const text = readFileSync(join(srcDir, file), "utf8");
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const doc = (block[1] ?? "").replace(/^\s*\* ?/gm, "");
    const found = [...doc.matchAll(/@example\s*```ts\n([\s\S]*?)```/g)];
    const after = text.slice((block.index ?? 0) + block[0].length, (block.index ?? 0) + block[0].length + 200);
    const name = /export (?:const|function|type|interface) (\w+)/.exec(after)?.[1];
    if (name === undefined) continue;
    // Exactly one example per export (STYLE.md).
    examples.push({ name: `${file}: ${name}`, code: found.length === 1 ? (found[0]?.[1] ?? "") : `throw new Error("${found.length} @example blocks")` });
  }
}

describe("TSDoc examples of src/complaints run against dist", () => {
  it("finds an example on every export", () => {
    expect(examples.length).toBeGreaterThan(50);
  });

  it.each(examples)("$name", async ({ name, code }) => {
    const js = ts.transpileModule(code.replaceAll('from "loyalty-kit"', `from ${JSON.stringify(distUrl)}`), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText;
    const file = join(workDir, `${name.replace(/\W+/g, "_")}.mjs`);
    writeFileSync(file, js);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      await import(pathToFileURL(file).href);
      expect(log).toHaveBeenCalled();
    } finally {
      log.mockRestore();
    }
  });
});

describe("examples/complaints print what their .expected.txt says", () => {
  const dir = join(root, "examples/complaints");
  const scripts = readdirSync(dir).filter((f) => f.endsWith(".mjs")).sort();

  it("has examples", () => {
    expect(scripts).toEqual(["diagram.mjs", "first-steps.mjs", "metrics.mjs", "sla.mjs", "worked-complaint.mjs"]);
  });

  it.each(scripts)("%s", (script) => {
    const expected = join(dir, script.replace(/\.mjs$/, ".expected.txt"));
    expect(existsSync(expected)).toBe(true);
    const out = execFileSync(process.execPath, [join(dir, script)], { cwd: root, encoding: "utf8" });
    expect(out).toBe(readFileSync(expected, "utf8"));
  });

  it("the guide shows the diagram toMermaid() renders", () => {
    const guide = readFileSync(join(root, "docs/guides/complaints.md"), "utf8");
    const block = /```mermaid\n([\s\S]*?)```/.exec(guide)?.[1];
    expect(block).toBe(`${toMermaid()}\n`);
  });

  it("the guide's and machineDefinition's transition tables list every transition of the definition", () => {
    const guide = readFileSync(join(root, "docs/guides/complaints.md"), "utf8");
    const tsdoc = readFileSync(join(root, "src/complaints/definition.ts"), "utf8");
    for (const [name, text] of [["guide", guide], ["TSDoc", tsdoc]] as const) {
      const rows = text.split("\n").filter((l) => /^\s*(\* )?\| /.test(l)).map((l) => l.replace(/^\s*\* /, "").split("|").map((c) => c.trim().replaceAll("`", "")));
      for (const [state, def] of Object.entries(machineDefinition.states)) {
        for (const type of Object.keys(def.on)) {
          const found = rows.some(([, s, e]) => e !== undefined && (e === type || e.split(" / ").includes(type)) && (s === state || s?.split(", ").includes(state) || (s === "every working state" && (WORKING_STATES as readonly string[]).includes(state))));
          expect(found, `${name}: ${state} ${type}`).toBe(true);
        }
      }
    }
  });
});

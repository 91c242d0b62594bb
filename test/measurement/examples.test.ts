// Runs every @example of src/measurement against the built package (dist/), as CI does for the
// whole library: each must run top to bottom without throwing and print something.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { afterAll, describe, expect, it, vi } from "vitest";

const root = join(import.meta.dirname, "../..");
const srcDir = join(root, "src/measurement");
const distUrl = pathToFileURL(join(root, "dist/index.js")).href;
const workDir = mkdtempSync(join(tmpdir(), "measurement-examples-"));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const examples: { name: string; code: string }[] = [];
for (const file of readdirSync(srcDir).filter((f) => f.endsWith(".ts")).sort()) {
  const text = readFileSync(join(srcDir, file), "utf8");
  for (const block of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const doc = (block[1] ?? "").replace(/^\s*\* ?/gm, "");
    const m = /@example\s*```ts\n([\s\S]*?)```/.exec(doc);
    if (m === null) continue;
    const after = text.slice((block.index ?? 0) + block[0].length, (block.index ?? 0) + block[0].length + 200);
    const name = /export (?:const|function|type|interface) (\w+)/.exec(after)?.[1] ?? `${file}@${block.index ?? 0}`;
    examples.push({ name: `${file}: ${name}`, code: m[1] ?? "" });
  }
}

describe("TSDoc examples of src/measurement run against dist", () => {
  it("finds the examples", () => {
    expect(examples.length).toBeGreaterThan(60);
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
      if (process.env["SHOW_EXAMPLES"] === "1") process.stdout.write(`${name}: ${JSON.stringify(log.mock.calls)}\n`);
    } finally {
      log.mockRestore();
    }
  });
});

// Runs every TSDoc @example in src/ against the BUILT package, and fails when a public export has none.
//
// 1. Every export of src/index.ts (followed through `export *` and re-exports) must have a TSDoc
//    comment with an `@example` on at least one of its declarations (a value and a type of the same
//    name, like `Decimal`, share one). Listed by the TypeScript compiler API.
// 2. Every `@example` block in a `/** … *\/` comment under src/ (except src/**/_lib/**, which is
//    internal) must contain a fenced ```ts block. Its TypeScript syntax is stripped with
//    `ts.transpileModule`, it is written to .tmp/tsdoc-examples/, and node runs it from inside the
//    package (so "loyalty-kit" resolves to dist/ through the self-reference). It must exit 0 and
//    print something. Failures are reported as src file:line of the example.
//
// Usage: node scripts/check-tsdoc-examples.mjs [filter…]   (filter: substrings of src paths)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { dim, green, mapLimit, red, rel, root, run, walk } from "./_lib/util.mjs";

const TIMEOUT_MS = Number(process.env.EXAMPLE_TIMEOUT_MS ?? 20_000);
const filters = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const matches = (path) => filters.length === 0 || filters.some((f) => path.includes(f));

if (!existsSync(join(root, "dist/index.js"))) {
  console.error(red("dist/index.js is missing: run `npm run build` first."));
  process.exit(1);
}

let passed = 0;
let failed = 0;

// ---- 1. every export has an @example -------------------------------------------------------------

function exportsWithoutExample() {
  const entry = join(root, "src/index.ts");
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, "tsconfig.src.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  // The zod schemas are exported from loyalty-kit/schemas only; a type's `{@inheritDoc XSchema}`
  // there still points to a documented public export.
  const schemasEntry = join(root, "src/schemas/index.ts");
  const program = ts.createProgram([entry, schemasEntry], { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error("could not read the exports of src/index.ts");
  const missing = [];
  const names = [];
  const exports = checker.getExportsOfModule(moduleSymbol).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return { name: exported.name, declarations: symbol.declarations ?? [] };
  });
  const schemasSymbol = checker.getSymbolAtLocation(program.getSourceFile(schemasEntry));
  const schemaExports = (schemasSymbol ? checker.getExportsOfModule(schemasSymbol) : []).map((exported) => {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    return { name: exported.name, declarations: symbol.declarations ?? [] };
  });
  const hasExample = new Set(
    [...exports, ...schemaExports]
      .filter((e) => e.declarations.some((d) => ts.getJSDocTags(d).some((t) => t.tagName.text === "example")))
      .map((e) => e.name),
  );
  // `{@inheritDoc Other}` takes Other's comment, @example included (typedoc renders it so).
  const inheritsExample = (declarations) =>
    declarations.some((d) =>
      ts.getJSDocCommentsAndTags(d).some((doc) => {
        const target = /\{@inheritDoc\s+(?:(?:"[^"]+"|[\w/-]+)!)?([\w$]+)\s*\}/.exec(doc.getText())?.[1];
        return target !== undefined && hasExample.has(target);
      }),
    );
  for (const { name, declarations } of exports) {
    names.push(name);
    if (hasExample.has(name) || inheritsExample(declarations)) continue;
    const exported = { name };
    const where = declarations[0];
    const file = where ? rel(where.getSourceFile().fileName) : "?";
    const line = where ? where.getSourceFile().getLineAndCharacterOfPosition(where.getStart()).line + 1 : 0;
    if (matches(file)) missing.push({ name: exported.name, at: `${file}:${line}` });
  }
  return { missing, total: names.length };
}

const { missing, total } = exportsWithoutExample();
console.log(`Public exports of src/index.ts: ${total}`);
for (const m of missing) {
  failed++;
  console.log(`${red("FAIL")} ${m.at}: export ${m.name} has no TSDoc @example`);
}

// ---- 2. run every @example -------------------------------------------------------------------------

const multiple = [];

/** The @example blocks of one file: { line, code } with line = the line of the ```ts fence. */
function examplesIn(file) {
  const text = readFileSync(file, "utf8");
  const found = [];
  for (const comment of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    const startLine = text.slice(0, comment.index).split("\n").length;
    // Strip the comment markers and the leading " * " of each line, keeping line numbers.
    const lines = comment[0]
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""));
    for (let i = 0; i < lines.length; i++) {
      if (!/(^|\s)@example\b/.test(lines[i])) continue;
      // The example's body runs until the next block tag or the end of the comment.
      let end = i + 1;
      while (end < lines.length && !/^\s*@\w+/.test(lines[end])) end++;
      const body = lines.slice(i + 1, end);
      const open = body.findIndex((l) => /^\s*```(ts|typescript)\s*$/.test(l));
      const close = open < 0 ? -1 : body.findIndex((l, k) => k > open && /^\s*```\s*$/.test(l));
      const line = startLine + i + 1 + Math.max(open, 0);
      if (open < 0 || close < 0) found.push({ line: startLine + i, error: "@example has no fenced ```ts … ``` block" });
      else found.push({ line, code: body.slice(open + 1, close).join("\n") });
      i = end - 1;
    }
    const count = lines.filter((l) => /(^|\s)@example\b/.test(l)).length;
    if (count > 1)
      multiple.push(
        `${rel(file)}:${startLine}: ${count} @example blocks in one comment (the style asks for exactly one)`,
      );
  }
  return found;
}

const files = walk(join(root, "src")).filter(
  (f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !rel(f).split("/").includes("_lib") && matches(rel(f)),
);
const examples = files.flatMap((file) => examplesIn(file).map((e) => ({ ...e, file: rel(file) })));

const outDir = join(root, ".tmp/tsdoc-examples");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

// Transpile every example to a .mjs file under .tmp/tsdoc-examples/.
const prepared = examples.map((ex, index) => {
  if (ex.error) return { ex, error: ex.error };
  const { outputText, diagnostics } = ts.transpileModule(ex.code, {
    fileName: `${ex.file}:${ex.line}.ts`,
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  });
  if (diagnostics && diagnostics.length > 0) {
    return { ex, error: diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n") };
  }
  const script = join(outDir, `${String(index).padStart(4, "0")}-${ex.file.replace(/[/.]/g, "_")}-${ex.line}.mjs`);
  writeFileSync(script, `// ${ex.file}:${ex.line}\n${outputText}`);
  return { ex, script };
});

// Fast path: a few runner processes each import their share of the examples one after another
// (the package is loaded once per runner, not once per example), capturing each one's console
// output. Examples are independent modules; none may depend on another's leftovers.
const RUNNER = `import { appendFileSync } from "node:fs";
import { format } from "node:util";
import { pathToFileURL } from "node:url";
const [resultsFile, ...files] = process.argv.slice(2);
let out = "";
let pendingError;
process.on("unhandledRejection", (e) => { pendingError = e; });
process.on("uncaughtException", (e) => { pendingError = e; });
for (const name of ["log", "info", "warn", "error", "debug", "dir", "table"]) {
  console[name] = (...args) => { out += format(...args) + "\\n"; };
}
for (const file of files) {
  out = "";
  pendingError = undefined;
  let error;
  try {
    await import(pathToFileURL(file).href);
    await new Promise((resolve) => setImmediate(resolve));
  } catch (e) {
    error = e;
  }
  error ??= pendingError;
  appendFileSync(resultsFile, JSON.stringify({ file, out, error: error === undefined ? undefined : String(error?.stack ?? error) }) + "\\n");
}
`;
writeFileSync(join(outDir, "_runner.mjs"), RUNNER);
const runnable = prepared.filter((p) => p.script !== undefined);
const workers = Math.max(1, Math.min(availableParallelism(), Math.ceil(runnable.length / 20)));
const chunks = Array.from({ length: workers }, (_, w) => runnable.filter((_, i) => i % workers === w));
const outcome = new Map(); // script → { out, error }
await Promise.all(
  chunks.map(async (chunk, w) => {
    const resultsFile = join(outDir, `_results-${w}.jsonl`);
    writeFileSync(resultsFile, "");
    await run(process.execPath, [join(outDir, "_runner.mjs"), resultsFile, ...chunk.map((p) => p.script)], {
      timeoutMs: TIMEOUT_MS + chunk.length * 2_000,
      env: { TZ: "UTC", NODE_OPTIONS: "", NO_COLOR: "1" },
    });
    for (const line of readFileSync(resultsFile, "utf8")
      .split("\n")
      .filter((l) => l !== "")) {
      const r = JSON.parse(line);
      outcome.set(r.file, r);
    }
  }),
);

// Slow path: an example that failed (or that a runner never reached, because an earlier one hung or
// killed the process) is run again alone in its own process, so a failure is the example's own.
const results = await mapLimit(prepared, availableParallelism(), async ({ ex, script, error }) => {
  if (error !== undefined) return { ex, error };
  const fast = outcome.get(script);
  if (fast !== undefined && fast.error === undefined && fast.out.trim() !== "") return { ex };
  const res = await run(process.execPath, [script], {
    timeoutMs: TIMEOUT_MS,
    env: { TZ: "UTC", NODE_OPTIONS: "", NO_COLOR: "1" },
  });
  if (res.timedOut) return { ex, error: `timed out after ${TIMEOUT_MS / 1000} s` };
  if (res.code !== 0) return { ex, error: `exited with ${res.code ?? res.signal}\n${res.stderr.trimEnd()}` };
  if (res.stdout.trim() === "") return { ex, error: "printed nothing (an example must console.log its result)" };
  return { ex, ms: res.ms };
});

console.log(`TSDoc @example blocks under src/: ${examples.length}`);
for (const { ex, error, ms } of results) {
  if (error === undefined) {
    passed++;
    if (process.env.VERBOSE)
      console.log(
        `${green("ok")}   ${ex.file}:${ex.line}${ms === undefined ? "" : ` ${dim(`${Math.round(ms)} ms alone`)}`}`,
      );
    continue;
  }
  failed++;
  console.log(`${red("FAIL")} ${ex.file}:${ex.line}: ${error.split("\n")[0]}`);
  const rest = error.split("\n").slice(1).join("\n");
  if (rest.trim() !== "") console.log(rest.replace(/^/gm, "    "));
}

// STYLE.md: exactly one @example per export.
for (const m of multiple) {
  failed++;
  console.log(`${red("FAIL")} ${m}`);
}

// ---- 3. type-check every example against dist/'s declarations -------------------------------------
// Reported as warnings (the examples run either way); `--strict-types` makes type errors failures.
const strictTypes = process.argv.includes("--strict-types");
if (!process.argv.includes("--no-types")) {
  const typeDir = join(outDir, "types");
  mkdirSync(typeDir, { recursive: true });
  const sources = new Map(); // .ts path → example
  examples.forEach((ex, index) => {
    if (ex.error) return;
    const path = join(typeDir, `${String(index).padStart(4, "0")}.ts`);
    writeFileSync(path, `${ex.code}\nexport {};\n`);
    sources.set(path, ex);
  });
  const program = ts.createProgram([...sources.keys()], {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    noEmit: true,
    skipLibCheck: true,
    allowImportingTsExtensions: false,
  });
  const byExample = new Map();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const ex = d.file && sources.get(d.file.fileName);
    if (!ex) continue;
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    const list = byExample.get(ex) ?? [];
    list.push(`line ${line + 1} of the example: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`);
    byExample.set(ex, list);
  }
  for (const [ex, list] of byExample) {
    if (strictTypes) failed++;
    console.log(
      `${strictTypes ? red("FAIL") : "warn"} ${ex.file}:${ex.line}: the example does not type-check against dist/`,
    );
    for (const m of list.slice(0, 3)) console.log(`    ${m}`);
  }
  console.log(
    `Type-checked ${sources.size} examples against dist/: ${byExample.size} with type errors${strictTypes || byExample.size === 0 ? "" : " (warnings; --strict-types fails on them)"}`,
  );
}

console.log(`tsdoc examples: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

// The built library for the browser: every ES module the site needs to `import "loyalty-kit"` (and
// each `loyalty-kit/<subpath>`), found by walking the import graph from dist/ through its
// dependencies, and the import map that resolves the bare specifiers to those files. The files are
// served unchanged (no bundler): what runs in the reader's console is the published build.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { SUBPATHS } from "../subpaths.mjs";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

// esbuild and the published ES modules of zod, decimal.js and date-fns write one import/export
// statement per line start or after `;`/`}`; dynamic imports are matched too.
const STATIC = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g;
const DYNAMIC = /\bimport\(\s*["']([^"'\n]+)["']\s*\)/g;

/** Where a file is published in the site, relative to the library folder: dist/… or vendor/<package>/…. */
const sitePath = (file) => {
  const r = relative(root, file).split(sep).join("/");
  return r.startsWith("node_modules/") ? `vendor/${r.slice("node_modules/".length)}` : r;
};

// Only the package's runtime dependencies are loaded in the browser; a subpath that needs anything
// else (a Node built-in, a database driver) is left out of the import map with a note.
const DEPENDENCIES = Object.keys(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).dependencies ?? {});
const packageOf = (spec) =>
  (spec.startsWith("@") ? spec.split("/").slice(0, 2) : spec.split("/").slice(0, 1)).join("/");

const parsed = new Map();
/** The import specifiers of one ES module file (cached). */
function specifiersOf(file) {
  if (!parsed.has(file)) {
    const text = readFileSync(file, "utf8");
    parsed.set(file, [...new Set([...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)].map((m) => m[1]))]);
  }
  return parsed.get(file);
}

/** Every file `start` needs and the bare specifiers it uses, or a reason it cannot run in a browser. */
function closure(start) {
  const files = new Map();
  const imports = {};
  const queue = [start];
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.set(file, sitePath(file));
    for (const spec of specifiersOf(file)) {
      let target;
      if (spec.startsWith("./") || spec.startsWith("../")) target = resolve(dirname(file), spec);
      else if (spec === "loyalty-kit" || spec.startsWith("loyalty-kit/")) continue;
      else if (!DEPENDENCIES.includes(packageOf(spec)))
        return { problem: `${sitePath(file)} imports ${spec}, which is not a runtime dependency` };
      else {
        // Node's resolution with the "import" condition, as a bundler for the browser would pick.
        target = fileURLToPath(import.meta.resolve(spec));
        imports[spec] = sitePath(target);
      }
      if (!existsSync(target)) return { problem: `${sitePath(file)} imports ${spec}, which is not a file (${target})` };
      queue.push(target);
    }
  }
  return { files, imports };
}

/**
 * @returns {{ files: Map<string, string>, imports: Record<string, string>, skipped: string[] }} files:
 *   absolute path → site path; imports: bare specifier → site path (relative to the library folder);
 *   skipped: the subpaths that cannot run in a browser, with the reason
 */
export function libraryGraph() {
  const index = join(root, "dist/index.js");
  if (!existsSync(index)) throw new Error("dist/ is missing: run `npm run build` before `npm run docs`");
  const files = new Map();
  const imports = {};
  const skipped = [];
  for (const [spec, file] of [
    ["loyalty-kit", index],
    ...SUBPATHS.map((name) => [`loyalty-kit/${name}`, join(root, `dist/${name}/index.js`)]),
  ]) {
    if (!existsSync(file)) throw new Error(`${sitePath(file)} is missing: run \`npm run build\``);
    const c = closure(file);
    if (c.problem !== undefined) {
      if (spec === "loyalty-kit") throw new Error(`the root entry point cannot run in a browser: ${c.problem}`);
      skipped.push(`${spec}: ${c.problem}`);
      continue;
    }
    for (const [f, p] of c.files) files.set(f, p);
    Object.assign(imports, c.imports, { [spec]: sitePath(file) });
  }
  return { files, imports, skipped };
}

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

/**
 * @returns {{ files: Map<string, string>, imports: Record<string, string> }} files: absolute path →
 *   site path; imports: bare specifier → site path (relative to the library folder)
 */
export function libraryGraph() {
  const index = join(root, "dist/index.js");
  if (!existsSync(index)) throw new Error("dist/ is missing: run `npm run build` before `npm run docs`");
  const imports = { "loyalty-kit": sitePath(index) };
  const starts = [index];
  for (const name of SUBPATHS) {
    const file = join(root, `dist/${name}/index.js`);
    if (!existsSync(file)) throw new Error(`dist/${name}/index.js is missing: run \`npm run build\``);
    imports[`loyalty-kit/${name}`] = sitePath(file);
    starts.push(file);
  }
  const files = new Map();
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.pop();
    if (files.has(file)) continue;
    files.set(file, sitePath(file));
    const text = readFileSync(file, "utf8");
    for (const m of [...text.matchAll(STATIC), ...text.matchAll(DYNAMIC)]) {
      const spec = m[1];
      if (spec.startsWith("node:")) throw new Error(`${sitePath(file)} imports ${spec}: not loadable in a browser`);
      let target;
      if (spec.startsWith("./") || spec.startsWith("../")) target = resolve(dirname(file), spec);
      else {
        if (spec === "loyalty-kit" || spec.startsWith("loyalty-kit/")) continue;
        // Node's resolution with the "import" condition, as a bundler for the browser would pick.
        target = fileURLToPath(import.meta.resolve(spec));
        imports[spec] = sitePath(target);
      }
      if (!existsSync(target)) throw new Error(`${sitePath(file)} imports ${spec}, which is not a file (${target})`);
      queue.push(target);
    }
  }
  return { files, imports };
}

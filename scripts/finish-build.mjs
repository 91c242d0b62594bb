// Runs after tsup (JS) and tsc (declarations):
// - CJS files: relative requires of "./x.js" become "./x.cjs" (tsup leaves specifiers alone with bundle: false);
// - every dist/**/*.d.ts gets a .d.cts twin whose relative specifiers end in .cjs, so CJS consumers
//   resolve CJS-typed declarations (checked by attw).
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";

const relative = /((?:from|require\(|import\()\s*["'])(\.{1,2}\/[^"']+)\.js(["'])/g;

function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith(".cjs")) writeFileSync(path, readFileSync(path, "utf8").replace(relative, "$1$2.cjs$3"));
    else if (path.endsWith(".d.ts")) {
      writeFileSync(`${path.slice(0, -5)}.d.cts`, readFileSync(path, "utf8").replace(relative, "$1$2.cjs$3"));
    }
  }
}
walk("dist");

// package.json's entry points must match scripts/subpaths.mjs, and each must exist in dist/.
import { existsSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { SUBPATHS } from "./subpaths.mjs";
execFileSync(process.execPath, ["scripts/sync-exports.mjs", "--check"], { stdio: "inherit" });
const missing = ["index", ...SUBPATHS.map((s) => `${s}/index`)].flatMap((b) =>
  [".js", ".cjs", ".d.ts", ".d.cts"].map((x) => `dist/${b}${x}`).filter((f) => !existsSync(f)),
);
if (missing.length > 0) {
  console.error(`build: missing entry files (add src/<module>/index.ts): ${missing.join(", ")}`);
  process.exit(1);
}
let files = 0;
(function count(dir) {
  for (const name of readdirSync(dir)) statSync(join(dir, name)).isDirectory() ? count(join(dir, name)) : files++;
})("dist");
console.log(`build: dist/ ready — ${files} files, ${SUBPATHS.length + 1} entry points (ESM, CJS, .d.ts, .d.cts)`);

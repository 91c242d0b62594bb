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

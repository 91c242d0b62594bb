// Writes package.json's "exports" and "typesVersions" from scripts/subpaths.mjs.
// With --check, changes nothing and exits 1 when package.json is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "./_lib/util.mjs";
import { exportsMap, typesVersionsMap } from "./subpaths.mjs";

const file = join(root, "package.json");
const before = readFileSync(file, "utf8");
const pkg = JSON.parse(before);
pkg.exports = exportsMap();
pkg.typesVersions = typesVersionsMap();
const after = `${JSON.stringify(pkg, null, 2)}\n`;
if (process.argv.includes("--check")) {
  if (after !== before) {
    console.error("package.json exports/typesVersions differ from scripts/subpaths.mjs: run `npm run sync:exports`.");
    process.exit(1);
  }
} else if (after !== before) {
  writeFileSync(file, after);
  console.log("package.json: exports and typesVersions updated from scripts/subpaths.mjs");
}

// The package's public entry points, in one place. `node scripts/sync-exports.mjs` writes
// package.json's "exports" and "typesVersions" from this list, and the build (finish-build.mjs)
// fails when package.json is out of date; .size-limit.cjs and typedoc.config.mjs read it too.
//
// Adding a module `src/<m>/index.ts` as `loyalty-kit/<m>` is one line here, then `npm run sync:exports`.
export const SUBPATHS = [
  "errors",
  "money",
  "ledger",
  "programs",
  "customers",
  "analytics",
  "bonding",
  "measurement",
  "complaints",
  "economics",
  "crm",
  "sql",
  "schemas",
  "charts",
  "postgres",
  "sqlite",
];

const entry = (base) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});

/** package.json "exports": the root, one entry per subpath, and package.json itself. */
export function exportsMap() {
  const map = { ".": entry("index") };
  for (const name of SUBPATHS) map[`./${name}`] = entry(`${name}/index`);
  map["./package.json"] = "./package.json";
  return map;
}

/**
 * package.json "typesVersions": TypeScript with `moduleResolution: "node10"` ignores "exports",
 * so it finds `loyalty-kit/money`'s declarations through this map (runtime Node 20 uses "exports").
 */
export function typesVersionsMap() {
  const paths = {};
  for (const name of SUBPATHS) paths[name] = [`./dist/${name}/index.d.ts`];
  return { "*": paths };
}

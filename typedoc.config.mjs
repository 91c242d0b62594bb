// The docs site: `npm run docs` (typedoc) writes it to docs-site/; `node scripts/site-check.mjs` opens
// it in headless Chromium. One typedoc module per subpath export (from scripts/subpaths.mjs, so a new
// subpath appears without an edit here); every docs/guides/*.md is a guide (found by the glob, so a
// new guide appears without an edit here). scripts/site/plugin.mjs names the modules, groups the
// pages, draws the complaint machine and loads the built library into every page.
import { SUBPATHS } from "./scripts/subpaths.mjs";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
const config = {
  $schema: "https://typedoc.org/schema.json",
  name: "loyalty-kit",
  // The root last: it re-exports every module, so it owns only what no subpath exports. (A symbol
  // is documented in the first module that exports it; the plugin keeps loyalty-kit/schemas'
  // re-exports as links to where they are documented.)
  entryPoints: [...SUBPATHS.map((name) => `src/${name}/index.ts`), "src/index.ts"],
  tsconfig: "tsconfig.src.json",
  plugin: ["./scripts/site/plugin.mjs"],
  out: "docs-site",
  customCss: "docs/site.css",
  readme: "docs/index.md",
  projectDocuments: [
    "docs/getting-started.md",
    "docs/concepts.md",
    "docs/faq.md",
    "docs/try-in-the-browser.md",
    "docs/money.md",
    "docs/pos-integration.md",
    "docs/guides/*.md",
    "docs/contributing-guides.md",
  ],
  // Pages first (Start here, Guides), then the API by module; inside a module functions come first.
  groupOrder: ["Start here", "Guides", "Functions", "Classes", "Interfaces", "Type Aliases", "Variables", "*", "Contributing"],
  sort: ["kind", "alphabetical"],
  sortEntryPoints: false,
  categorizeByGroup: false,
  navigation: { includeCategories: false, includeGroups: true, includeFolders: false },
  navigationLinks: { "Try it": "documents/Try_it_in_the_browser.html" },
  searchInDocuments: true,
  searchInComments: true,
  // A reader searching a concept ("idempotent", "CLV") wants the guide that explains it before the API
  // symbols whose comments mention it.
  searchGroupBoosts: { Guides: 20, "Start here": 20 },
  useFirstParagraphOfCommentAsSummary: true,
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: false,
    unusedMergeModuleWith: true,
  },
  highlightLanguages: ["typescript", "javascript", "json", "sh", "bash", "sql", "text", "mermaid"],
  githubPages: false,
  disableSources: true,
};
export default config;

// Fails when anything under src/ depends on Node: an import/export/require/import() of a Node
// built-in (`node:*`, or any name in `module.builtinModules` such as "fs", "path", "crypto"), or a
// use of the Node globals `process`, `Buffer`, `require`, `module.exports`, `__dirname`,
// `__filename`, `global`, `setImmediate`. The library claims to run in browsers and edge workers.
// Parsed with the TypeScript compiler API, so comments and strings do not count.
import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import ts from "typescript";
import { red, rel, root, walk } from "./_lib/util.mjs";

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const isBuiltin = (specifier) =>
  specifier.startsWith("node:") || builtins.has(specifier) || builtins.has(specifier.split("/")[0]);
const NODE_GLOBALS = new Set([
  "process",
  "Buffer",
  "require",
  "__dirname",
  "__filename",
  "global",
  "setImmediate",
  "clearImmediate",
]);

const problems = [];
const files = walk(join(root, "src")).filter((f) => /\.(c|m)?tsx?$/.test(f));

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const report = (node, what) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    problems.push(`${rel(file)}:${line + 1}:${character + 1}: ${what}`);
  };
  // Names declared in this file (a local `const process = …` is not Node's).
  const local = new Set();
  const collect = (node) => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isClassDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      local.add(node.name.text);
    }
    if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node)) {
      if (node.name) local.add(node.name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);

  const visit = (node) => {
    // import … from "x"; export … from "x"; import x = require("x")
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (isBuiltin(node.moduleSpecifier.text))
        report(node, `imports the Node built-in "${node.moduleSpecifier.text}"`);
    }
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      report(node, "uses `import … = require(…)`");
    }
    // import("x") and require("x")
    if (ts.isCallExpression(node)) {
      const [arg] = node.arguments;
      const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      if (isImport && arg && ts.isStringLiteralLike(arg) && isBuiltin(arg.text))
        report(node, `imports the Node built-in "${arg.text}"`);
    }
    // import type { X } from "node:…" inside a type position: import("node:fs").Stats
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      if (isBuiltin(node.argument.literal.text))
        report(node, `refers to types of the Node built-in "${node.argument.literal.text}"`);
    }
    if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !local.has(node.text) && isReference(node)) {
      report(node, `uses the Node global \`${node.text}\``);
    }
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "module" &&
      node.name.text === "exports" &&
      !local.has("module")
    ) {
      report(node, "uses `module.exports`");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/** True when an identifier is a reference to a binding (not a property name, key or label). */
function isReference(node) {
  const p = node.parent;
  if (!p) return true;
  if (ts.isPropertyAccessExpression(p) && p.name === node) return false;
  if (
    (ts.isPropertyAssignment(p) ||
      ts.isPropertyDeclaration(p) ||
      ts.isPropertySignature(p) ||
      ts.isMethodDeclaration(p) ||
      ts.isMethodSignature(p)) &&
    p.name === node
  )
    return false;
  if (ts.isQualifiedName(p) && p.right === node) return false;
  if ((ts.isLabeledStatement(p) || ts.isBreakOrContinueStatement(p)) && p.label === node) return false;
  if ((ts.isImportSpecifier(p) || ts.isExportSpecifier(p)) && p.propertyName === node) return false;
  if (ts.isEnumMember(p) && p.name === node) return false;
  return true;
}

for (const p of problems) console.log(`${red("FAIL")} ${p}`);
console.log(`Checked ${files.length} files under src/ for Node built-ins and globals`);
const badFiles = new Set(problems.map((p) => p.split(":")[0])).size;
console.log(`no-node-builtins: ${files.length - badFiles} passed, ${badFiles} failed`);
process.exitCode = problems.length === 0 ? 0 : 1;

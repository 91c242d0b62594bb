// Terminal output helpers for the demo: section headings and aligned tables. Plain strings only, so
// the output reads the same in a terminal, a CI log or a file.

/** Prints a numbered section heading with a rule under it. */
export function heading(title) {
  console.log(`\n${title}\n${"=".repeat(title.length)}`);
}

/** Prints a sub-heading. */
export function subheading(title) {
  console.log(`\n${title}\n${"-".repeat(title.length)}`);
}

/**
 * Prints rows as an aligned table. `columns` is a list of `{ title, align }` (align "left" or
 * "right", default left); every row is a list of strings (or numbers) of the same length.
 */
export function table(columns, rows, indent = "  ") {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => r[i].length)));
  const line = (row) =>
    indent +
    row
      .map((cell, i) => (columns[i].align === "right" ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  console.log(line(columns.map((c) => c.title)));
  console.log(indent + widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of cells) console.log(line(row));
}

/** Prints `label: value` pairs with the labels padded to one width. */
export function facts(pairs, indent = "  ") {
  const width = Math.max(...pairs.map(([label]) => label.length));
  for (const [label, value] of pairs) console.log(`${indent}${`${label}:`.padEnd(width + 1)} ${value}`);
}

/** A number as a percentage with `digits` decimals. */
export const percent = (share, digits = 1) => `${(share * 100).toFixed(digits)} %`;

// The one issue formatter, used by LoyaltyValidationError for every module's messages.
// Internal: not re-exported from the package root. Depends on nothing, so src/errors can import it.

/** At most this many issues are listed in a message; the rest are counted ("and N more issues"). */
export const MAX_LISTED_ISSUES = 20;

/**
 * The one message format: `context: path: what is wrong; …`, the first {@link MAX_LISTED_ISSUES}
 * issues listed and the rest counted as "; and N more issues" (`total`: how many there were, when only
 * the first ones were kept). An issue without a path has no prefix.
 */
export function formatIssues(
  issues: readonly { readonly path: readonly (string | number)[]; readonly message: string }[],
  context?: string,
  total: number = issues.length,
): string {
  const listed = issues
    .slice(0, MAX_LISTED_ISSUES)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ` : "") + i.message)
    .join("; ");
  const more = Math.max(issues.length, total) - Math.min(issues.length, MAX_LISTED_ISSUES);
  return (
    (context ? `${context}: ` : "") +
    listed +
    (more > 0 ? `; and ${more.toLocaleString("en-US")} more issue${more === 1 ? "" : "s"}` : "")
  );
}

// The one guard for input that throws while it is read: a getter that throws, a Proxy whose traps
// throw, a revoked Proxy. Every public function runs its body through `guardInputs`; when the body
// throws something that is not a LoyaltyError, the guard looks through the arguments for a value
// that cannot be read and, if it finds one, throws a LoyaltyValidationError naming its path (the
// caller's own exception becomes `cause`). Nothing is walked on the happy path: the cost of a call
// that succeeds is one closure and one try/finally. An exception the guard cannot trace to the input
// is re-thrown as it is, so a defect in the library is never disguised as bad input.
// Internal: not re-exported from the package root.
import { LoyaltyError, LoyaltyValidationError } from "../errors/errors.js";

/** At most this many values are visited while looking for the unreadable one (the error path only). */
export const MAX_GUARD_VISITS = 100_000;

/** Nesting of guarded calls: only the outermost converts, so the path is relative to the caller's arguments. */
let depth = 0;

/** The caller's exception as a short phrase; never throws (the exception may itself be hostile). */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return `${error.name}: ${String(error.message)}`;
    return typeof error === "symbol" ? error.toString() : String(error);
  } catch {
    return "an exception that cannot be shown";
  }
}

/**
 * The path of the first value under `root` whose reading throws, with what it threw; undefined when
 * every value visited could be read. Visits at most {@link MAX_GUARD_VISITS} objects, without
 * recursion (a 10,000-deep value is fine), each object once (cycles are fine).
 */
export function findUnreadable(
  root: unknown,
  basePath: readonly (string | number)[] = [],
): { path: (string | number)[]; thrown: unknown } | undefined {
  // Each node keeps its parent and key, not a copy of its path: a 10,000-deep value stays linear.
  type Node = { value: unknown; key?: string | number; parent?: Node };
  const pathOf = (node: Node | undefined, key?: string | number): (string | number)[] => {
    const keys: (string | number)[] = key === undefined ? [] : [key];
    for (let n = node; n?.parent !== undefined; n = n.parent) keys.push(n.key as string | number);
    return [...basePath, ...keys.reverse()];
  };
  const seen = new WeakSet<object>();
  const stack: Node[] = [{ value: root }];
  let visits = 0;
  while (stack.length > 0 && visits < MAX_GUARD_VISITS) {
    const node = stack.pop() as Node;
    const value = node.value;
    if (typeof value !== "object" || value === null || seen.has(value)) continue;
    seen.add(value);
    visits++;
    let keys: (string | symbol)[];
    try {
      Object.getPrototypeOf(value);
      Reflect.has(value, "length");
      keys = Reflect.ownKeys(value);
      if (Array.isArray(value)) {
        value.length;
        value[Symbol.iterator];
      }
    } catch (thrown) {
      return { path: pathOf(node), thrown };
    }
    const children: Node[] = [];
    for (const key of keys) {
      const at = typeof key === "symbol" ? key.toString() : /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
      try {
        Object.getOwnPropertyDescriptor(value, key);
        children.push({ value: (value as Record<string | symbol, unknown>)[key], key: at, parent: node });
      } catch (thrown) {
        return { path: pathOf(node, at), thrown };
      }
    }
    // Depth first in key order: the path reported is the first unreadable one in reading order.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
  return undefined;
}

function isLoyaltyError(error: unknown): boolean {
  try {
    return error instanceof LoyaltyError;
  } catch {
    return false;
  }
}

/**
 * Runs `body`; if it throws anything but a LoyaltyError and one of `inputs` (the public function's
 * arguments by parameter name) holds a value that cannot be read, throws a LoyaltyValidationError
 * whose issue path starts with that parameter's name. Any other exception is re-thrown unchanged.
 */
export function guardInputs<R>(what: string, inputs: Readonly<Record<string, unknown>>, body: () => R): R {
  depth++;
  try {
    return body();
  } catch (error) {
    if (depth > 1 || isLoyaltyError(error)) throw error;
    throw unreadableInputError(what, inputs, error) ?? error;
  } finally {
    depth--;
  }
}

/** The validation error for the first unreadable value among `inputs`, or undefined if there is none. */
export function unreadableInputError(
  what: string | undefined,
  inputs: Readonly<Record<string, unknown>>,
  thrown: unknown,
  dropPathPrefix = 0,
): LoyaltyValidationError | undefined {
  const found = findUnreadable(inputs);
  if (found === undefined) return undefined;
  found.path.splice(0, dropPathPrefix);
  const error = new LoyaltyValidationError(
    [
      {
        path: found.path,
        message: `could not be read (${describeThrown(found.thrown)}); pass plain data: a getter or Proxy in the input threw while loyalty-kit read it`,
      },
    ],
    what,
  );
  Object.defineProperty(error, "cause", { value: thrown, enumerable: false, configurable: true, writable: true });
  return error;
}

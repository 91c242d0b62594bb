// An optional [from, to) window of instants shared by the functions that filter purchases by time.
import { invalid, parseInstant } from "../../_lib/values.js";

/** Epoch-millisecond bounds; missing bounds are ±Infinity. */
export interface Window {
  readonly from: number;
  readonly to: number;
}

/** Parses optional `from`/`to` instants (names used in error paths) into a half-open window. */
export function parseWindow(from: unknown, to: unknown, what: string): Window {
  const f = from === undefined ? -Infinity : parseInstant(from, "from");
  const t = to === undefined ? Infinity : parseInstant(to, "to");
  if (!(f < t)) invalid(["to"], `expected "to" after "from"`, what);
  return { from: f, to: t };
}

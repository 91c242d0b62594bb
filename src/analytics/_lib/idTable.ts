// Per-customer state keyed by customer id, for the accumulators. String ids live in a prototype-less
// object and number ids in a Map: a property lookup internalises a string read from a file once, and
// is several times faster than a Map keyed by such strings (bench/analytics.bench.mjs measures the
// object path). The number 1 and the string "1" are different customers, as in a Map.

/** A map from customer id to `T` (never stores `undefined`). */
export interface IdTable<T> {
  get(id: string | number): T | undefined;
  set(id: string | number, value: T): void;
  /** Every entry, numbers first then strings, each in insertion order. */
  entries(): [string | number, T][];
}

/** A new, empty {@link IdTable}. */
export function idTable<T>(): IdTable<T> {
  const byString: Record<string, T> = Object.create(null);
  const stringKeys: string[] = [];
  const byNumber = new Map<number, T>();
  return {
    get: (id) => (typeof id === "string" ? byString[id] : byNumber.get(id)),
    set(id, value) {
      if (typeof id !== "string") {
        byNumber.set(id, value);
        return;
      }
      if (byString[id] === undefined) stringKeys.push(id);
      byString[id] = value;
    },
    entries() {
      const out: [string | number, T][] = [...byNumber.entries()];
      for (const k of stringKeys) out.push([k, byString[k] as T]);
      return out;
    },
  };
}

/** Freezes a list and each of its elements (one level deep), keeping the literal types. */
export function freezeList<T extends readonly object[]>(list: T): T {
  for (const item of list) Object.freeze(item);
  return Object.freeze(list);
}

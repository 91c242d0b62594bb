/** Freezes an array this module has just created; typed as the schema's (mutable) array type. */
export function frozenArray<T>(items: T[]): T[] {
  Object.freeze(items);
  return items;
}

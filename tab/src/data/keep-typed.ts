/** Two field values are the same when they serialise alike (arrays and objects compared by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * After a `version_conflict` and a reload: the latest values, except every field the person changed
 * since `base` (what their form was opened on), which keeps what they typed. Nothing typed is lost;
 * the other person's edits to the other fields show.
 */
export function keepTyped<T extends object>(
  base: T,
  typed: T,
  latest: T,
  same: (a: unknown, b: unknown) => boolean = sameValue,
): T {
  const merged = { ...latest };
  for (const field of Object.keys(typed) as (keyof T)[]) {
    if (!same(typed[field], base[field])) merged[field] = typed[field];
  }
  return merged;
}

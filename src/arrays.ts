/**
 * Array helpers for input-sized arrays. `push(...items)` and `Math.max(...items)` pass every item
 * as a call argument, and a few hundred thousand (a schema's properties, a description's lines)
 * overflow the stack; these loop instead.
 */

/** Appends every item of each list to `target`; returns it. */
export function append<T>(target: T[], ...lists: ReadonlyArray<readonly T[]>): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}

/** The largest number, or `empty` for none. */
export function maxOf(values: Iterable<number>, empty: number = -Infinity): number {
  let max = empty;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest number, or `empty` for none. */
export function minOf(values: Iterable<number>, empty: number = Infinity): number {
  let min = empty;
  for (const v of values) if (v < min) min = v;
  return min;
}

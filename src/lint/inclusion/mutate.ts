/**
 * Witness candidates near valid data: when a break sits deep inside a large schema (an enum value
 * dropped from the items of a property of a required object), no sample of the whole schema
 * reaches it. Starting from instances the old schema accepts, each object inside them gets one
 * property set to a value that either schema suggests for that name; validate() then decides.
 * Values one side suggests and the other does not (an enum value added) are tried first, on the
 * names of the schemas an object's properties fit (its declared shape), then everything else.
 */
import { isObject, isUnresolved, type Resolver } from "../resolver.js";
import { canon } from "../values.js";
import { GENERIC, samples } from "./sample.js";

const MAX_NAMES = 160;
const MAX_WALK = 4000;
const MAX_SHAPES = 256;

export interface Pool {
  /** Values to try per property name, the differences between the sides first. */
  values: Map<string, unknown[]>;
  /** Values one side suggests for a name both sides declare and the other side does not. */
  diff: Map<string, unknown[]>;
  /** The property names of each schema that declares properties. */
  shapes: Array<Set<string>>;
}

/** Every property name one side's schemas declare, with the values its schemas suggest. */
function namesOf(s0: unknown, r0: Resolver, shapes: Array<Set<string>>): Map<string, Map<string, unknown>> {
  const pool = new Map<string, Map<string, unknown>>();
  const seen = new Set<unknown>();
  let steps = 0;
  const walk = (s: unknown, r: Resolver, depth: number): void => {
    const x = r.deref(s);
    if (!isObject(x) || isUnresolved(x) || seen.has(x) || depth > 12 || steps++ > MAX_WALK) return;
    seen.add(x);
    const origin = r.originOf(x);
    if (origin) r.registerChildren(x, origin);
    if (isObject(x.properties)) {
      if (shapes.length < MAX_SHAPES) shapes.push(new Set(Object.keys(x.properties)));
      for (const [n, p] of Object.entries(x.properties)) {
        if (!pool.has(n) && pool.size >= MAX_NAMES) continue;
        const values = pool.get(n) ?? new Map<string, unknown>();
        for (const v of samples(p, r)) values.set(canon(v), v);
        pool.set(n, values);
        walk(p, r, depth + 1);
      }
    }
    for (const k of ["items", "additionalProperties", "not", "if", "then", "else", "contains", "additionalItems", "unevaluatedItems", "unevaluatedProperties"]) if (k in x) walk(x[k], r, depth + 1);
    for (const k of ["allOf", "anyOf", "oneOf", "prefixItems"]) if (Array.isArray(x[k])) for (const m of x[k] as unknown[]) walk(m, r, depth + 1);
    for (const k of ["patternProperties", "$defs", "definitions", "dependentSchemas"]) if (isObject(x[k])) for (const m of Object.values(x[k] as object)) walk(m, r, depth + 1);
  };
  walk(s0, r0, 0);
  return pool;
}

export function valuePool(schemas: Array<{ s: unknown; r: Resolver }>): Pool {
  const shapes: Array<Set<string>> = [];
  const sides = schemas.map(({ s, r }) => namesOf(s, r, shapes));
  const values = new Map<string, unknown[]>();
  const diff = new Map<string, unknown[]>();
  for (const side of sides) {
    for (const [n, vs] of side) {
      const out = values.get(n) ?? [];
      const d = diff.get(n) ?? [];
      for (const [k, v] of vs) {
        if (sides.every((o) => o === side || (o.has(n) && !o.get(n)!.has(k)))) d.push(v);
      }
      for (const [k, v] of [...vs].slice(0, 6)) if (!out.some((x) => canon(x) === k)) out.push(v);
      values.set(n, out);
      if (d.length > 0 && sides.length > 1) diff.set(n, d.slice(0, 16));
    }
  }
  for (const [n, out] of values) {
    const first = diff.get(n) ?? [];
    // A value of another kind breaks more often than another value of the suggested kind.
    const rest = [...out.slice(0, 2), ...GENERIC, ...out.slice(2)].filter((v) => !first.some((x) => canon(x) === canon(v)));
    values.set(n, [...first, ...rest.filter((v, i) => rest.findIndex((x) => canon(x) === canon(v)) === i)]);
  }
  return { values, diff, shapes };
}

/** The objects inside each base, with their paths. */
function objectsIn(base: unknown): Array<{ path: Array<string | number>; keys: string[] }> {
  const out: Array<{ path: Array<string | number>; keys: string[] }> = [];
  const find = (v: unknown, path: Array<string | number>, depth: number) => {
    if (depth > 8 || out.length > 64) return;
    if (Array.isArray(v)) v.forEach((x, i) => find(x, [...path, i], depth + 1));
    else if (isObject(v)) {
      out.push({ path, keys: Object.keys(v) });
      for (const [k, x] of Object.entries(v)) find(x, [...path, k], depth + 1);
    }
  };
  find(base, [], 0);
  return out;
}

/** Names worth setting on an object: those of the declared shapes its keys fit, else every name. */
function namesFor(keys: string[], pool: Pool): string[] {
  if (keys.length === 0) return [...pool.values.keys()];
  const fit = pool.shapes.filter((s) => keys.every((k) => s.has(k)));
  if (fit.length === 0) return [...pool.values.keys()];
  return [...new Set([...keys, ...fit.flatMap((s) => [...s])])].filter((n) => pool.values.has(n));
}

/** Copies of the bases with one property of one object inside set to a value: differences first, fitting names first. */
export function* mutations(bases: unknown[], pool: Pool): Generator<unknown> {
  // Small bases first (cheaper to validate), and objects with fewer names to try first.
  const spots = [...bases]
    .sort((x, y) => canon(x).length - canon(y).length)
    .flatMap((base) => objectsIn(base).map((o) => ({ base, ...o, names: namesFor(o.keys, pool) })))
    .sort((x, y) => x.names.length - y.names.length);
  for (const { base, path, names } of spots) for (const n of names) for (const v of pool.diff.get(n) ?? []) yield putAt(base, [...path, n], v);
  for (const { base, path, names } of spots) for (const n of names) for (const v of pool.values.get(n) ?? []) yield putAt(base, [...path, n], v);
  const all = [...pool.values.keys()];
  for (const { base, path, names } of spots) {
    if (names.length === all.length) continue;
    const fitted = new Set(names);
    for (const n of all) if (!fitted.has(n)) for (const v of pool.values.get(n) ?? []) yield putAt(base, [...path, n], v);
  }
}

/** A smaller witness: properties and array items dropped while one side still accepts it and the other rejects it. */
export function shrink(w: unknown, still: (v: unknown) => boolean, budget = 200): unknown {
  let cur = w;
  let left = budget;
  const visit = (path: Array<string | number>, depth: number): void => {
    const v = getAt(cur, path);
    if (depth > 8 || left <= 0) return;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0 && left-- > 0; i--) {
        const next = putAt(cur, path, (getAt(cur, path) as unknown[]).filter((_, j) => j !== i));
        if (still(next)) cur = next;
      }
      const n = (getAt(cur, path) as unknown[]).length;
      for (let i = 0; i < n; i++) visit([...path, i], depth + 1);
    } else if (isObject(v)) {
      for (const k of Object.keys(v)) {
        if (left-- <= 0) return;
        const rest = { ...(getAt(cur, path) as Record<string, unknown>) };
        delete rest[k];
        const next = putAt(cur, path, rest);
        if (still(next)) cur = next;
      }
      for (const k of Object.keys(getAt(cur, path) as object)) visit([...path, k], depth + 1);
    }
  };
  visit([], 0);
  return cur;
}

function getAt(root: unknown, path: Array<string | number>): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}

function putAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((x, i) => (i === head ? putAt(x, rest, value) : x));
  const o = root as Record<string, unknown>;
  return { ...o, [head as string]: putAt(o[head as string], rest, value) };
}

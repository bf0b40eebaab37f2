/**
 * Witness candidates near valid data: when a break sits deep inside a large schema (an enum value
 * dropped from the items of a property of a required object), no sample of the whole schema
 * reaches it. Starting from instances the old schema accepts, each object inside them gets one
 * property set to a value that either schema suggests for that name; validate() then decides.
 */
import { isObject, isUnresolved, type Resolver } from "../resolver.js";
import { canon } from "../values.js";
import { GENERIC, samples } from "./sample.js";

const MAX_NAMES = 160;
const MAX_WALK = 4000;

/** Every property name the schemas declare, with values to try for it. */
export function valuePool(schemas: Array<{ s: unknown; r: Resolver }>): Map<string, unknown[]> {
  const pool = new Map<string, unknown[]>();
  const seen = new Set<unknown>();
  let steps = 0;
  const walk = (s: unknown, r: Resolver, depth: number): void => {
    const x = r.deref(s);
    if (!isObject(x) || isUnresolved(x) || seen.has(x) || depth > 12 || steps++ > MAX_WALK) return;
    seen.add(x);
    const origin = r.originOf(x);
    if (origin) r.registerChildren(x, origin);
    if (isObject(x.properties)) {
      for (const [n, p] of Object.entries(x.properties)) {
        if (!pool.has(n) && pool.size >= MAX_NAMES) continue;
        const values = pool.get(n) ?? [];
        for (const v of samples(p, r).slice(0, 6)) if (!values.some((k) => canon(k) === canon(v))) values.push(v);
        pool.set(n, values);
        walk(p, r, depth + 1);
      }
    }
    for (const k of ["items", "additionalProperties", "not", "if", "then", "else", "contains", "additionalItems", "unevaluatedItems", "unevaluatedProperties"]) if (k in x) walk(x[k], r, depth + 1);
    for (const k of ["allOf", "anyOf", "oneOf", "prefixItems"]) if (Array.isArray(x[k])) for (const m of x[k] as unknown[]) walk(m, r, depth + 1);
    for (const k of ["patternProperties", "$defs", "definitions", "dependentSchemas"]) if (isObject(x[k])) for (const m of Object.values(x[k] as object)) walk(m, r, depth + 1);
  };
  for (const { s, r } of schemas) walk(s, r, 0);
  for (const values of pool.values()) for (const g of GENERIC) if (!values.some((k) => canon(k) === canon(g))) values.push(g);
  return pool;
}

/** Copies of `base` with one property of one object inside it set to a value from the pool. */
export function* mutations(base: unknown, pool: Map<string, unknown[]>): Generator<unknown> {
  const paths: Array<Array<string | number>> = [];
  const find = (v: unknown, path: Array<string | number>, depth: number) => {
    if (depth > 8 || paths.length > 64) return;
    if (Array.isArray(v)) v.forEach((x, i) => find(x, [...path, i], depth + 1));
    else if (isObject(v)) {
      paths.push(path);
      for (const [k, x] of Object.entries(v)) find(x, [...path, k], depth + 1);
    }
  };
  find(base, [], 0);
  for (const path of paths) {
    for (const [name, values] of pool) {
      for (const value of values) yield setAt(base, path, name, value);
    }
  }
}

function setAt(root: unknown, path: Array<string | number>, name: string, value: unknown): unknown {
  if (path.length === 0) return { ...(root as Record<string, unknown>), [name]: value };
  const [head, ...rest] = path;
  if (Array.isArray(root)) return root.map((x, i) => (i === head ? setAt(x, rest, name, value) : x));
  const o = root as Record<string, unknown>;
  return { ...o, [head as string]: setAt(o[head as string], rest, name, value) };
}

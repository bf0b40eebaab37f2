/**
 * Candidate instances of a schema, for finding a witness: a value the old schema accepts and the
 * new one rejects (or the reverse) proves a break. Candidates are boundary values, values a
 * `pattern` generates, each declared property in turn, tuple positions; they are checked with
 * validate() before use, so a wrong candidate costs nothing but time.
 */
import RandExp from "randexp";
import { omit } from "../../ir/schema.js";
import { mergeForLint } from "../merge.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "../resolver.js";
import { bound, num, patternsOf, prefixOf, propertiesOf, requiredOf, restOf, typesOf, valuesOf, type JsonType } from "./keywords.js";

const MAX = 48;

/** A value of every JSON kind, for trying a property that schemas say little about. */
export const GENERIC: readonly unknown[] = [0, "", null, true, 1.5, "xyzzy", -1, [], {}];

const FORMAT_SAMPLES: Record<string, string[]> = {
  "date-time": ["2024-01-02T03:04:05Z"], date: ["2024-01-02"], time: ["03:04:05Z"], email: ["a@example.com"], "idn-email": ["a@example.com", "ü@example.com"],
  hostname: ["example.com"], "idn-hostname": ["example.com"], ipv4: ["192.0.2.1"], ipv6: ["2001:db8::1"], uri: ["https://example.com/a"],
  "uri-reference": ["/a", "https://example.com/a"], iri: ["https://example.com/a"], "iri-reference": ["/a"], uuid: ["123e4567-e89b-12d3-a456-426614174000"],
  duration: ["P1D"], "json-pointer": ["/a"], "relative-json-pointer": ["0/a"], regex: ["^a$"], "uri-template": ["/a/{b}"],
};

/** A deterministic random source, so findings do not change between runs. */
function seeded(seed: number): () => number {
  let x = seed || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) % 1_000_000) / 1_000_000;
  };
}

export function fromPattern(p: string, count: number, maxLength = 12): string[] {
  const out: string[] = [];
  try {
    const gen = new RandExp(p);
    gen.max = Math.max(1, Math.min(maxLength, 12));
    const random = seeded(p.length * 7919 + 17);
    gen.randInt = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
    for (let i = 0; i < count * 3 && out.length < count; i++) {
      const s = gen.gen();
      if (!out.includes(s)) out.push(s);
    }
  } catch {
    // a pattern randexp cannot read yields no samples
  }
  return out;
}

/**
 * Samples by schema object and depth: a schema whose properties refer back to it (a meta-schema)
 * would otherwise be sampled once per path to it, exponentially many.
 */
const memo = new WeakMap<Resolver, WeakMap<object, Array<unknown[] | undefined>>>();

export function samples(schema: unknown, r: Resolver, depth = 0): unknown[] {
  const s0 = r.deref(schema);
  if (s0 === false || isUnresolved(s0) || depth > 4) return [];
  if (s0 === true || s0 === undefined || !isObject(s0)) return [null, true, 0, 1.5, "", "a", [], {}];
  let mine = memo.get(r);
  if (!mine) memo.set(r, (mine = new WeakMap()));
  let byDepth = mine.get(s0);
  if (!byDepth) mine.set(s0, (byDepth = []));
  const known = byDepth[depth];
  if (known) return known.slice();
  const out = sampled(s0, r, depth);
  byDepth[depth] = out;
  return out.slice();
}

function sampled(s0: Schema, r: Resolver, depth: number): unknown[] {
  const origin = r.originOf(s0);
  if (origin) r.registerChildren(s0, origin);
  const out: unknown[] = [];
  const push = (...v: unknown[]) => {
    for (const x of v) if (out.length < MAX) out.push(x);
  };
  for (const key of ["anyOf", "oneOf"] as const) {
    if (!Array.isArray(s0[key])) continue;
    const rest = omit(s0, key);
    for (const b of s0[key] as unknown[]) push(...samples({ allOf: [rest, b] }, r, depth + 1).slice(0, 12));
    return out;
  }
  const s: Schema = Array.isArray(s0.allOf) ? mergeForLint(s0, (x) => r.deref(x)).schema : s0;
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) return samples(s, r, depth + 1);
  const values = valuesOf(s);
  if (values) return values.slice(0, MAX);
  if ("if" in s) {
    const rest = omit(s, "if", "then", "else");
    if ("then" in s) push(...samples({ allOf: [rest, s.if, s.then] }, r, depth + 1).slice(0, 12));
    if ("else" in s) push(...samples({ allOf: [rest, s.else] }, r, depth + 1).slice(0, 12));
  }
  const types = typesOf(s);
  const has = (t: JsonType) => !types || types.has(t) || (t === "integer" && types.has("number"));
  // One list per kind, interleaved, so the first few samples already cover every kind.
  const lists: unknown[][] = [];
  if (has("object")) lists.push(objects(s, r, depth));
  if (has("array")) lists.push(arrays(s, r, depth));
  if (has("string")) lists.push(strings(s));
  if (has("integer") || has("number")) lists.push(numbers(s, !has("number") || (types !== undefined && !types.has("number"))));
  if (has("boolean")) lists.push([true, false]);
  if (has("null")) lists.push([null]);
  for (let k = 0; lists.some((l) => k < l.length); k++) for (const l of lists) if (k < l.length) push(l[k]);
  return out;
}

function numbers(s: Schema, integer: boolean): number[] {
  const out = [0, 1, -1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53];
  const lo = bound(s, "min");
  const hi = bound(s, "max");
  for (const b of [lo, hi]) if (b) out.push(b.value, b.value + 1, b.value - 1, Math.ceil(b.value), Math.floor(b.value));
  const m = num(s, "multipleOf");
  if (m) out.push(m, m * 3, m * 7);
  if (!integer) out.push(0.5, 1.5, ...(lo ? [lo.value + 0.5] : []), ...(hi ? [hi.value - 0.5] : []));
  return [...new Set(out)].filter((n) => !integer || Number.isInteger(n));
}

function strings(s: Schema): string[] {
  const min = num(s, "minLength") ?? 0;
  const max = num(s, "maxLength");
  const out: string[] = [];
  if (typeof s.pattern === "string") out.push(...fromPattern(s.pattern, 12, max));
  if (typeof s.format === "string") out.push(...(FORMAT_SAMPLES[s.format] ?? []));
  out.push("", "a", "A1", "x".repeat(Math.max(min, 1)), "x".repeat(min));
  if (max !== undefined) out.push("x".repeat(max), "x".repeat(max + 1));
  else out.push("x".repeat(min + 64));
  return [...new Set(out)];
}

function first(schema: unknown, r: Resolver, depth: number): unknown[] {
  return samples(schema, r, depth + 1).slice(0, 4);
}

function arrays(s: Schema, r: Resolver, depth: number): unknown[][] {
  const prefix = prefixOf(s);
  const rest = restOf(s) ?? s.unevaluatedItems;
  const min = num(s, "minItems") ?? 0;
  const filler = (i: number): unknown[] => first(i < prefix.length ? prefix[i] : rest === undefined ? true : rest, r, depth);
  const base: unknown[] = [];
  const length = Math.max(min, prefix.length);
  for (let i = 0; i < length; i++) base.push(filler(i)[0] ?? null);
  const out: unknown[][] = [[], base, [...base, ...filler(length).slice(0, 1)]];
  for (let k = 1; k < base.length; k++) out.push(base.slice(0, k));
  for (const extra of [2, 3, 5]) out.push([...base, ...Array<unknown>(extra).fill(filler(length)[0] ?? null)]);
  if ("contains" in s) {
    const hit = first(s.contains, r, depth);
    for (const h of hit) out.push([...base, h], [h, h], Array(num(s, "minContains") ?? 1).fill(h), Array((num(s, "maxContains") ?? 3) + 1).fill(h));
  }
  for (let i = 0; i < length + 1; i++) for (const v of filler(i).slice(1)) out.push(i < base.length ? base.map((b, j) => (j === i ? v : b)) : [...base, v]);
  if (s.uniqueItems !== true && base.length > 0) out.push([...base, base[base.length - 1]]);
  return out;
}

function objects(s: Schema, r: Resolver, depth: number): Array<Record<string, unknown>> {
  const props = propertiesOf(s);
  const required = requiredOf(s);
  const base: Record<string, unknown> = {};
  const value = (schema: unknown) => first(schema, r, depth);
  for (const k of required) base[k] = value(props[k] ?? true)[0] ?? null;
  const all: Record<string, unknown> = { ...base };
  for (const [k, p] of Object.entries(props)) if (!(k in all)) all[k] = value(p)[0] ?? null;
  // With required properties, the first sample (what an enclosing sample nests) has them.
  const out: Array<Record<string, unknown>> = required.length > 0 ? [base, all, {}] : [{}, base, all];
  for (const [k, p] of Object.entries(props)) {
    out.push(without(base, k));
    for (const v of value(p)) out.push({ ...base, [k]: v }, { ...all, [k]: v });
  }
  const extra = ["zz", "x-extra"];
  for (const [p, ps] of patternsOf(s)) {
    for (const name of fromPattern(p, 2)) {
      extra.push(name);
      for (const v of [...value(ps), 1, null]) out.push({ ...base, [name]: v });
    }
  }
  const add = s.additionalProperties ?? s.unevaluatedProperties;
  for (const name of extra) for (const v of add === undefined ? [1, "a", null] : [...value(add), 0, null]) out.push({ ...base, [name]: v });
  for (const [k, deps] of Object.entries(isObject(s.dependentRequired) ? s.dependentRequired : {})) {
    if (Array.isArray(deps)) out.push({ ...base, [k]: all[k] ?? 1 }, { ...base, [k]: all[k] ?? 1, ...Object.fromEntries(deps.map((d) => [String(d), all[String(d)] ?? 1])) });
  }
  for (const k of Object.keys({ ...(isObject(s.dependentSchemas) ? s.dependentSchemas : {}), ...(isObject(s.dependencies) ? s.dependencies : {}) })) out.push({ ...base, [k]: all[k] ?? 1 }, { ...all, [k]: all[k] ?? 1 });
  return out;
}

function without(o: Record<string, unknown>, k: string): Record<string, unknown> {
  const c = { ...o };
  delete c[k];
  return c;
}

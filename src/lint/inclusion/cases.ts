/**
 * Case split for object schemas whose logic (if/then/else, not, oneOf/anyOf, allOf members,
 * dependencies) turns on which properties are present and on the value of a tag property, as in
 * "schedule is required unless multi-ecosystem-group is set" or a oneOf keyed by `type`. Each case
 * fixes those facts; both schemas are partially evaluated under them (`reduce`) and the residuals
 * are compared by the judge. Sound: every object meets exactly one case, and under its facts a
 * schema accepts the same objects as its residual.
 */
import { omit } from "../../ir/schema.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "../resolver.js";
import { canon } from "../values.js";
import { isTrivial, typesOf, valuesOf } from "./keywords.js";
import { validate } from "./validate.js";

/** What a case knows of the object: names present or absent, a tag's value (or that it is none of some values). */
export interface Facts {
  present: ReadonlySet<string>;
  absent: ReadonlySet<string>;
  /** A tag's value, or `others`: a value outside every listed one. */
  tags: ReadonlyMap<string, { value: unknown } | { others: unknown[] }>;
}

/** The logic keywords the facts can settle; a schema without any has nothing to split on. */
const LOGIC = ["if", "not", "oneOf", "anyOf", "allOf", "dependentRequired", "dependentSchemas", "dependencies"];
const MAX_CASES = 256;
const ANNOTATIONS = new Set(["title", "description", "$comment", "examples", "default", "deprecated", "readOnly", "writeOnly"]);
const MAX_DEPTH = 8;

export function hasLogic(s: unknown): boolean {
  return isObject(s) && LOGIC.some((k) => k in s);
}

/** Names the logic of a schema tests for presence, and tags with the values it tests them for. */
function collect(s: unknown, r: Resolver, names: Map<string, number>, tags: Map<string, { values: unknown[]; uses: number }>, depth = 0, inLogic = false): void {
  const x = r.deref(s);
  if (!isObject(x) || isUnresolved(x) || depth > MAX_DEPTH) return;
  if (inLogic) {
    if (Array.isArray(x.required)) for (const n of x.required) if (typeof n === "string") names.set(n, (names.get(n) ?? 0) + 1);
    if (isObject(x.properties)) {
      for (const [n, p] of Object.entries(x.properties)) {
        const values = valuesOf(isObject(r.deref(p)) ? (r.deref(p) as Schema) : {});
        if (!values || values.length > 32) continue;
        const known = tags.get(n) ?? { values: [], uses: 0 };
        known.uses++;
        for (const v of values) if (!known.values.some((k) => canon(k) === canon(v))) known.values.push(v);
        tags.set(n, known);
      }
    }
  }
  const sub = (y: unknown) => collect(y, r, names, tags, depth + 1, true);
  for (const k of ["if", "then", "else", "not"]) if (k in x) sub(x[k]);
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(x[k])) (x[k] as unknown[]).forEach(sub);
  for (const k of ["dependentRequired", "dependentSchemas", "dependencies"]) {
    if (!isObject(x[k])) continue;
    for (const [n, v] of Object.entries(x[k] as Schema)) {
      names.set(n, (names.get(n) ?? 0) + 1);
      if (!Array.isArray(v)) sub(v);
    }
  }
}

function mentions(s: unknown, r: Resolver, key: string, depth = 0): boolean {
  const x = r.deref(s);
  if (!isObject(x) || isUnresolved(x) || depth > MAX_DEPTH) return false;
  if (key in x) return true;
  const subs = [x.if, x.then, x.else, x.not, ...["allOf", "anyOf", "oneOf"].flatMap((k) => (Array.isArray(x[k]) ? (x[k] as unknown[]) : []))];
  return subs.some((y) => y !== undefined && mentions(y, r, key, depth + 1));
}

/**
 * Every case over the names and tags both schemas test, most tested first, as many as fit in
 * MAX_CASES (a fact left out only makes the residuals larger, never wrong); undefined when none.
 */
export function casesOf(a: unknown, ra: Resolver, b: unknown, rb: Resolver): Facts[] | undefined {
  const seenNames = new Map<string, number>();
  const seenTags = new Map<string, { values: unknown[]; uses: number }>();
  collect(a, ra, seenNames, seenTags);
  collect(b, rb, seenNames, seenTags);
  // Which properties count as evaluated would change as the facts settle declarations.
  if (mentions(a, ra, "unevaluatedProperties") || mentions(b, rb, "unevaluatedProperties")) return undefined;
  const facts = [
    ...[...seenTags].map(([n, t]) => ({ n, uses: t.uses, tag: t.values, ways: t.values.length + 2 })),
    ...[...seenNames].filter(([n]) => !seenTags.has(n)).map(([n, uses]) => ({ n, uses, tag: undefined, ways: 2 })),
  ].sort((x, y) => y.uses - x.uses || x.n.localeCompare(y.n));
  let count = 1;
  const names: string[] = [];
  const tags = new Map<string, unknown[]>();
  for (const f of facts) {
    if (count * f.ways > MAX_CASES) continue;
    count *= f.ways;
    if (f.tag) tags.set(f.n, f.tag);
    else names.push(f.n);
  }
  if (names.length === 0 && tags.size === 0) return undefined;
  let cases: Facts[] = [{ present: new Set(), absent: new Set(), tags: new Map() }];
  for (const n of names) {
    cases = cases.flatMap((c) => [
      { ...c, present: new Set([...c.present, n]) },
      { ...c, absent: new Set([...c.absent, n]) },
    ]);
  }
  for (const [t, values] of tags) {
    cases = cases.flatMap((c) => [
      { ...c, absent: new Set([...c.absent, t]) },
      { ...c, present: new Set([...c.present, t]), tags: new Map([...c.tags, [t, { others: values }]]) },
      ...values.map((value) => ({ ...c, present: new Set([...c.present, t]), tags: new Map([...c.tags, [t, { value }]]) })),
    ]);
  }
  return cases;
}

/** The facts as a schema, to conjoin with the old side of a case. */
export function factsSchema(f: Facts): Schema {
  const properties: Schema = {};
  for (const n of f.absent) properties[n] = false;
  for (const [n, t] of f.tags) properties[n] = "value" in t ? { const: t.value } : { not: { enum: t.others } };
  return { type: "object", required: [...f.present], properties };
}

type Reduced = boolean | Schema;

/** A property's schema for a tag whose value the case fixes: true/false when the value settles it. */
function tagTest(p: unknown, t: { value: unknown } | { others: unknown[] }, r: Resolver): boolean | undefined {
  if ("value" in t) return validate(t.value, p, r).valid;
  const s = r.deref(p);
  if (!isObject(s) || isUnresolved(s)) return undefined;
  const values = valuesOf(s);
  if (values && values.every((v) => t.others.some((o) => canon(o) === canon(v)))) return false;
  return undefined;
}

/**
 * The schema as it reads for objects meeting the facts: true, false, or what is left to check.
 * `implied`: the root's own property schemas, which hold for every instance the logic below the
 * root is asked about, so a branch repeating one (`"properties": {"x": {"$ref": …}}`) says nothing more.
 */
export function reduce(s: unknown, f: Facts, r: Resolver, depth = 0, implied: ReadonlyMap<string, unknown> = new Map()): Reduced {
  const x = r.deref(s);
  if (x === true || x === undefined) return true;
  if (x === false) return false;
  if (!isObject(x) || isUnresolved(x) || depth > MAX_DEPTH) return isObject(x) ? x : true;
  if (depth === 0 && isObject(x.properties)) implied = new Map(Object.entries(x.properties).map(([n, p]) => [n, r.deref(p)]));
  const sub = (y: unknown) => reduce(y, f, r, depth + 1, implied);
  const types = typesOf(x);
  if (types && !types.has("object")) return false;
  const out: Schema = omit(x, ...LOGIC, "then", "else", "required", "properties", "type");
  if (types && types.size > 1) out.type = "object";
  const parts: Schema[] = [];
  const add = (v: Reduced): boolean => {
    if (v === false) return false;
    if (v !== true) parts.push(v);
    return true;
  };
  if (Array.isArray(x.required)) {
    const left = x.required.filter((n) => !f.present.has(String(n)));
    if (left.some((n) => f.absent.has(String(n)))) return false;
    if (left.length > 0) out.required = left;
  }
  if (isObject(x.properties)) {
    const kept: Schema = {};
    for (const [n, p] of Object.entries(x.properties)) {
      if (f.absent.has(n)) continue;
      const t = f.tags.get(n);
      const verdict = depth > 0 && (isTrivial(r.deref(p)) || implied.get(n) === r.deref(p)) ? true : t ? tagTest(p, t, r) : undefined;
      if (verdict === false) return false;
      // A settled name stays declared (as true): additionalProperties beside it must not see it as extra.
      kept[n] = verdict === true ? true : p;
    }
    const open = !("additionalProperties" in x) && !("patternProperties" in x);
    if (Object.values(kept).some((p) => p !== true) || (!open && Object.keys(kept).length > 0)) out.properties = kept;
  }
  if ("not" in x) {
    const n = sub(x.not);
    if (n === true) return false;
    if (n !== false) out.not = n;
  }
  if ("if" in x) {
    const c = sub(x.if);
    const then = "then" in x ? sub(x.then) : true;
    const els = "else" in x ? sub(x.else) : true;
    if (c === true ? !add(then) : c === false ? !add(els) : !add({ if: c, then, else: els })) return false;
  }
  if (Array.isArray(x.allOf)) for (const m of x.allOf) if (!add(sub(m))) return false;
  if (Array.isArray(x.anyOf)) {
    const branches = (x.anyOf as unknown[]).map(sub);
    if (!branches.includes(true)) {
      const left = branches.filter((b): b is Schema => b !== false);
      if (left.length === 0) return false;
      parts.push(left.length === 1 ? left[0]! : { anyOf: left });
    }
  }
  if (Array.isArray(x.oneOf)) {
    const branches = (x.oneOf as unknown[]).map(sub);
    const yes = branches.filter((b) => b === true).length;
    const left = branches.filter((b): b is Schema => b !== true && b !== false);
    if (yes > 1) return false;
    if (yes === 1 && left.length > 0) parts.push({ not: { anyOf: left } });
    if (yes === 0) {
      if (left.length === 0) return false;
      parts.push(left.length === 1 ? left[0]! : { oneOf: left });
    }
  }
  for (const k of ["dependentRequired", "dependentSchemas", "dependencies"]) {
    if (!isObject(x[k])) continue;
    const kept: Schema = {};
    for (const [n, v] of Object.entries(x[k] as Schema)) {
      if (f.absent.has(n)) continue;
      if (!f.present.has(n)) kept[n] = v;
      else if (!add(Array.isArray(v) ? sub({ required: v }) : sub(v))) return false;
    }
    if (Object.keys(kept).length > 0) out[k] = kept;
  }
  const rest = Object.keys(out).some((k) => !ANNOTATIONS.has(k)) ? [out] : [];
  const all = [...rest, ...parts];
  if (all.length === 0) return true;
  return all.length === 1 ? all[0]! : { allOf: all };
}

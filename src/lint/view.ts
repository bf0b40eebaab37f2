/**
 * A schema node read the way the IR reads it (src/ir/build.ts): allOf merged (what members say of
 * one keyword conjoined, merge.ts), `type` lists and
 * `nullable: true` folded into kinds + nullable, unions classified as tagged / by kind / other,
 * single-branch unions seen as wrappers, integers sized 32 or 64 bits. Rules compare two Views.
 */
import { UNREPRESENTABLE, declaredTypes, kindOfValue, mergeAllOf, omit } from "../ir/schema.js";
import { mergeForLint } from "./merge.js";
import type { Origin } from "../load/resolve.js";
import { isObject, isUnresolved, type Resolver, type Schema, type Unresolved } from "./resolver.js";
import { integerBounds, statedPolicy, widthOf, type IntegerWidth } from "../ir/integers.js";
import type { IntegerPolicy } from "../ir/types.js";

export type Kind = "boolean" | "integer" | "number" | "string" | "array" | "object";
const KINDS: Kind[] = ["boolean", "integer", "number", "string", "array", "object"];

export type Additional = { kind: "open" } | { kind: "closed" } | { kind: "typed"; schema: unknown };

export type Union =
  | { kind: "tagged"; key: string; tag: string; variants: Map<string, unknown>; index: Map<string, number> }
  | { kind: "kinds"; key: string; variants: Map<Kind, unknown>; index: Map<string, number> }
  | { kind: "other"; key: string; branches: unknown[]; index: number[] };

export interface View {
  /** The schema object compared (merged for allOf); `{}` for `true`. */
  schema: Schema;
  /** The node as written (allOf not merged), for set comparisons. */
  node: unknown;
  origin: Origin;
  unresolved?: Unresolved;
  /** `false`: admits nothing. */
  never: boolean;
  /** null is allowed by this node's own keywords. */
  nullable: boolean;
  /** Non-null JSON kinds allowed; undefined when any kind is (no type information). */
  kinds?: Set<Kind>;
  /** Width of the generated integer type, when the node is an integer: 32 (or fewer) or 64 bits. */
  intBits?: 32 | 64;
  /** The generated integer type exactly (src/ir/integers.ts), when the node is an integer. */
  intWidth?: IntegerWidth;
  /** The node's own `x-lockstep-int64`, when it states a policy. */
  intPolicy?: IntegerPolicy;
  /** Allowed non-null values (enum or const); undefined when not restricted. */
  values?: unknown[];
  /** The IR makes this an open enum (string values in `enum`). */
  openEnum: boolean;
  properties: Map<string, unknown>;
  required: Set<string>;
  additional: Additional;
  items?: unknown;
  prefixItems?: unknown[];
  union?: Union;
  /** A union with one non-null branch: the node is that branch (plus null). */
  wrapper?: unknown;
  /** Keywords the IR does not model, with their values (not, if/then/else, ...). */
  opaque: Map<string, unknown>;
  /** Keywords of `schema` that admit more than the node (allOf members one value cannot merge: merge.ts). */
  inexact: Set<string>;
}

/** Branch keywords that only constrain the parent (as in src/ir/build-union.ts). */
const CONSTRAINT_ONLY = new Set(["required", "not", "minProperties", "maxProperties", "dependentRequired", "title", "description", "$comment", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "format", "pattern"]);

export function analyze(resolver: Resolver, node: unknown, fallback: Origin): View {
  const origin = resolver.originOf(node) ?? fallback;
  const base: View = {
    schema: {}, node, origin, never: false, nullable: false, openEnum: false, properties: new Map(), required: new Set(),
    additional: { kind: "open" }, opaque: new Map(), inexact: new Set(),
  };
  if (isUnresolved(node)) return { ...base, unresolved: node };
  if (node === false) return { ...base, never: true, kinds: new Set() };
  if (!isObject(node)) return base;
  if (origin.file !== "") resolver.registerChildren(node, origin);
  const deref = (x: unknown): unknown => resolver.deref(x);
  const merged = Array.isArray(node.allOf) ? mergeForLint(node, deref) : undefined;
  const schema = merged?.schema ?? node;
  const view: View = { ...base, schema, ...(merged ? { inexact: merged.inexact } : {}) };
  fillUnion(resolver, view, schema);
  const types = declaredTypes(schema);
  if (types) {
    view.nullable ||= types.includes("null");
    view.kinds = new Set(types.filter((t): t is Kind => (KINDS as string[]).includes(t)));
  }
  const values = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) {
    view.nullable ||= values.includes(null) && (!types || types.includes("null"));
    view.values = values.filter((v) => v !== null);
    const kinds = new Set(view.values.map((v) => kindOfValue(v) as Kind));
    view.kinds ??= kinds;
    view.openEnum = Array.isArray(schema.enum) && kinds.size === 1 && kinds.has("string");
  }
  if (!view.kinds && !view.union && !view.wrapper) {
    if (isObject(schema.properties) || "additionalProperties" in schema || Array.isArray(schema.required)) view.kinds = new Set(["object"]);
    else if ("items" in schema || "prefixItems" in schema) view.kinds = new Set(["array"]);
  }
  if (view.union) view.kinds = unionKinds(resolver, view.union, origin);
  if (view.kinds?.has("integer") && !view.kinds.has("number")) {
    view.intWidth = integerWidth(schema, view.values);
    view.intBits = integerBits(schema, view.values);
    const stated = statedPolicy(schema);
    if (stated) view.intPolicy = stated;
  }
  if (isObject(schema.properties)) for (const [k, v] of Object.entries(schema.properties)) view.properties.set(k, v);
  if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === "string") view.required.add(r);
  const ap = schema.additionalProperties;
  if (ap === false) view.additional = { kind: "closed" };
  else if (isObject(ap) && Object.keys(ap).length > 0) view.additional = { kind: "typed", schema: ap };
  if (Array.isArray(schema.prefixItems)) {
    view.prefixItems = schema.prefixItems;
    if (schema.items !== undefined) view.items = schema.items;
  } else if (Array.isArray(schema.items)) {
    view.prefixItems = schema.items;
    if (schema.additionalItems !== undefined) view.items = schema.additionalItems;
  } else if (schema.items !== undefined) view.items = schema.items;
  for (const k of UNREPRESENTABLE) if (k in schema) view.opaque.set(k, schema[k]);
  return view;
}

function fillUnion(resolver: Resolver, view: View, schema: Schema): void {
  const key = "oneOf" in schema ? "oneOf" : "anyOf" in schema ? "anyOf" : undefined;
  const raw = key ? schema[key] : undefined;
  if (!key || !Array.isArray(raw)) return;
  const derefd = raw.map((b) => resolver.deref(b));
  if (derefd.every((b) => isObject(b) && !isUnresolved(b) && Object.keys(b).every((k) => CONSTRAINT_ONLY.has(k)))) {
    view.opaque.set(key, raw);
    return;
  }
  // Variants keep the branches as written (so pairs and positions are the branches'); the
  // parent's shared properties are merged in only to find the tag and the kinds, as the IR does.
  const rest: unknown[] = [];
  const merged: unknown[] = [];
  const at: number[] = [];
  derefd.forEach((b, i) => {
    if (isNullOnly(b)) view.nullable = true;
    else {
      rest.push(raw[i]);
      merged.push(withParent(resolver, schema, b));
      at.push(i);
    }
  });
  if (rest.length === 1) {
    view.wrapper = rest[0];
    return;
  }
  if (rest.length === 0) return;
  const tagged = findTag(resolver, merged);
  if (tagged) {
    view.union = { kind: "tagged", key, tag: tagged.tag, variants: new Map(tagged.values.map((v, i) => [v, rest[i]])), index: new Map(tagged.values.map((v, i) => [v, at[i]!])) };
    return;
  }
  const byKind = new Map<Kind, unknown>();
  const index = new Map<string, number>();
  for (const [i, b] of merged.entries()) {
    const kinds = branchKinds(resolver, b);
    if (!kinds || kinds.size !== 1 || byKind.has([...kinds][0]!)) {
      view.union = { kind: "other", key, branches: rest, index: at };
      return;
    }
    byKind.set([...kinds][0]!, rest[i]);
    index.set([...kinds][0]!, at[i]!);
  }
  view.union = { kind: "kinds", key, variants: byKind, index };
}

/** A branch with the parent's object keywords merged in, as the IR does (shared properties). */
function withParent(resolver: Resolver, parent: Schema, branch: unknown): unknown {
  const own = omit(parent, "oneOf", "anyOf", "title", "description", "x-lockstep-name", "$defs", "definitions", "$schema", "$id", "examples", "deprecated", "default", "type");
  if (!isObject(branch) || !["properties", "required", "additionalProperties"].some((k) => k in own)) return branch;
  return mergeAllOf({ allOf: [own, branch] }, (x) => resolver.deref(x)).merged;
}

function isNullOnly(schema: unknown): boolean {
  if (!isObject(schema) || isUnresolved(schema)) return false;
  const t = declaredTypes(schema);
  if (t) return t.length === 1 && t[0] === "null";
  return ("const" in schema && schema.const === null) || (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => v === null));
}

function branchKinds(resolver: Resolver, branch: unknown): Set<Kind> | undefined {
  const b = resolver.deref(branch);
  if (!isObject(b) || isUnresolved(b)) return undefined;
  const v = analyze(resolver, b, { file: "", pointer: "" });
  if (v.wrapper) return branchKinds(resolver, v.wrapper);
  return v.kinds;
}

function unionKinds(resolver: Resolver, union: Union, origin: Origin): Set<Kind> | undefined {
  if (union.kind === "kinds") return new Set(union.variants.keys());
  if (union.kind === "tagged") return new Set(["object"]);
  const out = new Set<Kind>();
  for (const b of union.branches) {
    const k = branchKinds(resolver, b);
    if (!k) return undefined;
    k.forEach((x) => out.add(x));
  }
  void origin;
  return out;
}

/** The tag property and each branch's value, when every branch is an object with one (as the IR finds it). */
function findTag(resolver: Resolver, branches: unknown[]): { tag: string; values: string[] } | undefined {
  const candidates = (raw: unknown): Map<string, string> | undefined => {
    const got = resolver.deref(raw);
    if (!isObject(got) || isUnresolved(got)) return undefined;
    const br: Schema = Array.isArray(got.allOf) ? mergeAllOf(got, (x) => resolver.deref(x)).merged : got;
    const out = new Map<string, string>();
    const props = isObject(br.properties) ? br.properties : {};
    const required = Array.isArray(br.required) ? br.required : [];
    for (const [name, p] of Object.entries(props)) {
      const prop = resolver.deref(p);
      if (!isObject(prop) || !required.includes(name)) continue;
      const value = typeof prop.const === "string" ? prop.const : Array.isArray(prop.enum) && prop.enum.length === 1 && typeof prop.enum[0] === "string" ? prop.enum[0] : undefined;
      if (value !== undefined) out.set(name, value);
    }
    return out;
  };
  const all = branches.map(candidates);
  if (all.some((c) => c === undefined)) return undefined;
  for (const tag of all[0]!.keys()) {
    const values = all.map((c) => c!.get(tag));
    if (values.every((v): v is string => v !== undefined) && new Set(values).size === values.length) return { tag, values };
  }
  return undefined;
}

/**
 * 32 when the generated type holds every value in 32 signed bits or fewer (i8 ... i32, u8, u16),
 * otherwise 64 (the width itself is src/ir/integers.ts's, as the emitters use it).
 */
export function integerBits(schema: Schema, values?: unknown[]): 32 | 64 {
  const w = integerWidth(schema, values);
  return w.bits < 32 || (w.bits === 32 && !w.unsigned) ? 32 : 64;
}

/** The generated width of an integer schema (enum/const values, when given, bound it). */
export function integerWidth(schema: Schema, values?: unknown[]): IntegerWidth {
  const nums = values?.filter((v): v is number => typeof v === "number");
  return widthOf(integerBounds(nums && nums.length > 0 ? { ...schema, enum: nums } : schema));
}

/** True when a kind set accepts a kind (number accepts integer). */
export function accepts(kinds: Set<Kind> | undefined, kind: Kind): boolean {
  return kinds === undefined || kinds.has(kind) || (kind === "integer" && kinds.has("number"));
}

export function kindList(kinds: Set<Kind> | undefined): string {
  return kinds === undefined ? "any" : kinds.size === 0 ? "nothing" : [...kinds].join(" | ");
}

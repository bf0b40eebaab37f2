/**
 * An allOf read as one schema for comparing keywords. src/ir/schema.ts's merge keeps a keyword's
 * first value, as the generated types do; a rule reading that value would see less than the node
 * asserts (items split across members, two maxLengths) and report a change that is none. Here
 * subschemas several members give are conjoined (allOf), bounds take the tightest value, enums
 * the common values. What one keyword value cannot say (two patterns, two formats, two `if`s)
 * keeps the first value and is listed in `inexact`: the merged keyword admits more than the node,
 * so a rule must judge it on the whole node (set semantics), not on the merged value.
 */
import { mergeAllOf } from "../ir/schema.js";
import { ANNOTATION_KEYWORDS, regex } from "./inclusion/keywords.js";
import { isObject, isUnresolved, type Schema } from "./resolver.js";
import { canon } from "./values.js";
import { pointerFrom } from "../load/json-file.js";

export interface Merged {
  schema: Schema;
  /** Keywords whose merged value admits more than the node does. */
  inexact: Set<string>;
  /**
   * Where the merged values are written, for findings' positions: by keyword ("/maxLength") and by
   * entry of a map ("/properties/b"), the members (as written: the node itself for its own keywords)
   * whose values were merged, the one whose value won first (the tightest bound, the common enum);
   * where no one value wins (conjoined subschemas, a union of `required`s), the first member giving it.
   */
  from(): Map<string, Schema[]>;
}

const UPPER = new Set(["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties", "maxContains"]);
const LOWER = new Set(["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties", "minContains"]);
/** Keywords whose subschemas, given by several members, all apply to the same values. */
const CONJOINED = new Set(["propertyNames", "additionalProperties", "unevaluatedItems"]);
const MAPS = new Set(["patternProperties", "dependentSchemas"]);
/** Handled with properties or by the IR merge itself. */
const DONE = new Set(["properties", "required", "type", "allOf", "enum", "const"]);

/** The members of an allOf, nested allOfs flattened, each with the node's own keywords first. */
function membersOf(node: Schema, deref: (x: unknown) => unknown, sources: Map<Schema, Schema>, depth = 0): Schema[] {
  const out: Schema[] = [];
  const own: Schema = {};
  for (const [k, v] of Object.entries(node)) if (k !== "allOf") own[k] = v;
  out.push(own);
  sources.set(own, node);
  if (!Array.isArray(node.allOf) || depth > 8) return out;
  for (const raw of node.allOf) {
    const m = deref(raw);
    if (isObject(m) && !isUnresolved(m)) out.push(...membersOf(m, deref, sources, depth + 1));
    else if (m === false) out.push({ not: {} });
  }
  return out;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
const lcm = (a: number, b: number): number => (a / gcd(a, b)) * b;

const trivial = (s: unknown) => s === true || (isObject(s) && Object.keys(s).every((k) => ANNOTATION_KEYWORDS.has(k)));

/** allOf nodes made here (a property or `items` several members give): read, not written. */
const made = new WeakSet<object>();
export const isMade = (node: unknown): boolean => isObject(node) && made.has(node);

/** One schema for several (`allOf` when they differ, a `$ref` to one of them being the same), or undefined when all are trivial. */
function all(list: unknown[], deref: (x: unknown) => unknown): unknown {
  const seen = new Set<unknown>();
  const kept = list.filter((s) => {
    const t = deref(s);
    const key = isObject(t) ? t : canon(t);
    return !trivial(t) && !seen.has(key) && !seen.has(canon(s)) && seen.add(key).add(canon(s));
  });
  if (kept.includes(false)) return false;
  if (kept.length <= 1) return kept[0];
  const out = { allOf: kept };
  made.add(out);
  return out;
}

export function mergeForLint(node: Schema, deref: (x: unknown) => unknown): Merged {
  const schema = mergeAllOf(node, deref).merged;
  const inexact = new Set<string>();
  const sources = new Map<Schema, Schema>();
  const members = membersOf(node, deref, sources);
  const values = new Map<string, unknown[]>();
  for (const m of members) for (const [k, v] of Object.entries(m)) if (!DONE.has(k) && !ANNOTATION_KEYWORDS.has(k) && !k.startsWith("x-")) values.set(k, [...(values.get(k) ?? []), v]);
  for (const [k, list] of values) {
    if (new Set(list.map(canon)).size <= 1) continue;
    if (UPPER.has(k) || LOWER.has(k)) {
      const nums = list.filter((v): v is number => typeof v === "number");
      if (nums.length === list.length) schema[k] = UPPER.has(k) ? Math.min(...nums) : Math.max(...nums);
      else inexact.add(k); // draft-04 boolean exclusiveMaximum beside a number
    } else if (k === "uniqueItems") schema[k] = list.includes(true);
    else if (k === "multipleOf" && list.every((v): v is number => typeof v === "number" && v > 0)) {
      const nums = list as number[];
      const common = nums.find((x) => nums.every((y) => Number.isInteger(x / y))) ?? (nums.every(Number.isInteger) ? nums.reduce(lcm) : undefined);
      if (common !== undefined) schema[k] = common;
      else inexact.add(k);
    } else if (CONJOINED.has(k)) {
      const s = all(list, deref);
      if (s === undefined) delete schema[k];
      else schema[k] = s;
    } else if (MAPS.has(k)) schema[k] = conjoinMaps(list, deref);
    else if (k === "not") schema.not = { anyOf: list };
    else if (k === "items" && members.every((m) => !Array.isArray(m.items) && !("prefixItems" in m))) {
      const s = all(list, deref);
      if (s === undefined) delete schema.items;
      else schema.items = s;
    } else if (k === "dependentRequired" && list.every(isObject)) {
      const out: Record<string, string[]> = {};
      for (const m of list as Schema[]) for (const [n, r] of Object.entries(m)) if (Array.isArray(r)) out[n] = [...new Set([...(out[n] ?? []), ...r.map(String)])];
      schema[k] = out;
    } else inexact.add(k);
  }
  values.clear();
  mergeValues(members, schema, inexact);
  mergeProperties(members, schema, inexact, deref);
  let from: Map<string, Schema[]> | undefined;
  return { schema, inexact, from: () => (from ??= origins(members, sources, schema)) };
}

/** Merged.from: the members giving each keyword and map entry, the one whose value won first. */
function origins(members: Schema[], sources: Map<Schema, Schema>, schema: Schema): Map<string, Schema[]> {
  const from = new Map<string, Schema[]>();
  const add = (at: string, m: Schema) => {
    const s = sources.get(m);
    if (s) from.set(at, [...(from.get(at) ?? []), s]);
  };
  for (const m of members) {
    for (const [k, v] of Object.entries(m)) {
      add(pointerFrom([k]), m);
      if ((k === "properties" || MAPS.has(k) || k === "dependentRequired") && isObject(v)) for (const n of Object.keys(v)) add(pointerFrom([k, n]), m);
    }
  }
  // The member whose value the merged keyword is (the tightest bound, the common values) goes first.
  for (const [k, v] of Object.entries(schema)) {
    const at = pointerFrom([k]);
    const list = from.get(at);
    if (!list || list.length < 2 || isObject(v)) continue;
    const i = list.findIndex((s) => canon(s[k]) === canon(v));
    if (i > 0) from.set(at, [list[i]!, ...list.filter((_, j) => j !== i)]);
  }
  return from;
}

/** enum/const of several members: the values all of them allow. */
function mergeValues(members: Schema[], schema: Schema, inexact: Set<string>): void {
  const lists = members.flatMap((m) => ("const" in m ? [[m.const]] : Array.isArray(m.enum) ? [m.enum as unknown[]] : []));
  if (lists.length < 2) return;
  const common = lists[0]!.filter((v) => lists.every((l) => l.some((w) => canon(w) === canon(v))));
  // No common value: the node admits nothing, which one enum cannot say (an empty enum is invalid).
  if (common.length === 0) return void inexact.add("enum");
  delete schema.const;
  schema.enum = common;
}

/** patternProperties or dependentSchemas of several members: each key's schemas conjoined. */
function conjoinMaps(list: unknown[], deref: (x: unknown) => unknown): Schema {
  const by = new Map<string, unknown[]>();
  for (const m of list) if (isObject(m)) for (const [k, v] of Object.entries(m)) by.set(k, [...(by.get(k) ?? []), v]);
  return Object.fromEntries([...by].map(([k, l]) => [k, all(l, deref) ?? l[0]]));
}

/**
 * Each declared name must meet every member: the members declaring it, and the typed
 * additionalProperties of a member that does not (a name none of its patterns match). A member's additionalProperties
 * also meets names other members' patterns match, which one patternProperties value cannot say.
 */
function mergeProperties(members: Schema[], schema: Schema, inexact: Set<string>, deref: (x: unknown) => unknown): void {
  const names = new Set<string>();
  for (const m of members) if (isObject(m.properties)) for (const n of Object.keys(m.properties)) names.add(n);
  const patterns = (m: Schema) => (isObject(m.patternProperties) ? Object.keys(m.patternProperties) : []);
  const closes = members.filter((m) => "additionalProperties" in m && !trivial(m.additionalProperties));
  if (closes.some((c) => members.some((m) => patterns(m).some((p) => !patterns(c).includes(p))))) inexact.add("additionalProperties").add("patternProperties");
  // A closed member forbids the names only others declare: the generated types keep them, so the
  // view does too (the merged object admits more than the node).
  if (closes.some((c) => c.additionalProperties === false && members.some((m) => m !== c && isObject(m.properties) && Object.keys(m.properties).some((n) => !isObject(c.properties) || !Object.hasOwn(c.properties, n))))) inexact.add("additionalProperties");
  if (names.size === 0) return;
  const out: Schema = {};
  for (const n of names) {
    const list: unknown[] = [];
    for (const m of members) {
      const own = isObject(m.properties) && Object.hasOwn(m.properties, n);
      if (own) list.push((m.properties as Schema)[n]);
      else if (closes.includes(m) && m.additionalProperties !== false && !patterns(m).some((p) => regex(p)?.test(n) ?? true)) list.push(m.additionalProperties);
    }
    const first = list[0];
    out[n] = list.length === 1 ? first : (all(list, deref) ?? first);
  }
  schema.properties = out;
}

/**
 * Reading a schema the same way whatever its dialect: draft-04 `items: [..]` + `additionalItems`
 * are 2020-12 `prefixItems` + `items`, draft-04 boolean `exclusiveMaximum` folds into the bound,
 * `dependencies` splits into `dependentRequired` and `dependentSchemas`, `nullable: true` adds null.
 */
import { isObject, type Schema } from "../resolver.js";

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";
export const JSON_TYPES: JsonType[] = ["null", "boolean", "integer", "number", "string", "array", "object"];

/** Keywords that never change which instances are valid. */
export const ANNOTATION_KEYWORDS = new Set([
  "$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$comment", "$defs", "definitions", "$vocabulary",
  "title", "description", "default", "examples", "deprecated", "readOnly", "writeOnly", "contentEncoding", "contentMediaType",
  "contentSchema", "discriminator", "xml", "externalDocs", "example",
]);

/** True when a schema object asserts nothing (only annotations and x- extensions). */
export function isTrivial(s: unknown): boolean {
  if (s === true) return true;
  if (!isObject(s)) return false;
  for (const k in s) if (!ANNOTATION_KEYWORDS.has(k) && !k.startsWith("x-") && k !== "nullable") return false;
  return true;
}

/** The declared types, with integer implied by number handled by callers; undefined: any. */
export function typesOf(s: Schema): Set<JsonType> | undefined {
  const t = s.type;
  const list = typeof t === "string" ? [t] : Array.isArray(t) ? t : undefined;
  if (!list) return undefined;
  const out = new Set(list.filter((x): x is JsonType => (JSON_TYPES as string[]).includes(x)));
  if (s.nullable === true) out.add("null");
  return out;
}

export function typeOfValue(v: unknown): JsonType {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v as JsonType;
}

/** Whether a type set admits instances of type t (number admits integer). */
export function admits(types: Set<JsonType> | undefined, t: JsonType): boolean {
  return types === undefined || types.has(t) || (t === "integer" && types.has("number"));
}

/** Tuple positions: 2020-12 prefixItems, or draft-04..07 `items: [..]`. */
export function prefixOf(s: Schema): unknown[] {
  return Array.isArray(s.prefixItems) ? s.prefixItems : Array.isArray(s.items) ? s.items : [];
}

/** The schema for items after the tuple (undefined: not constrained by items/additionalItems). */
export function restOf(s: Schema): unknown {
  if (Array.isArray(s.prefixItems)) return s.items;
  if (Array.isArray(s.items)) return s.additionalItems;
  return s.items;
}

export function depRequired(s: Schema): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (m: unknown) => {
    if (!isObject(m)) return;
    for (const [k, v] of Object.entries(m)) if (Array.isArray(v)) out.set(k, [...(out.get(k) ?? []), ...v.filter((x): x is string => typeof x === "string")]);
  };
  add(s.dependentRequired);
  add(s.dependencies);
  return out;
}

export function depSchemas(s: Schema): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const add = (m: unknown) => {
    if (!isObject(m)) return;
    for (const [k, v] of Object.entries(m)) if (!Array.isArray(v)) out.set(k, out.has(k) ? { allOf: [out.get(k), v] } : v);
  };
  add(s.dependentSchemas);
  add(s.dependencies);
  return out;
}

export interface Bound {
  value: number;
  exclusive: boolean;
}

/** The lower (or upper) numeric bound, draft-04 boolean exclusivity included. */
export function bound(s: Schema, side: "min" | "max"): Bound | undefined {
  const [inc, exc] = side === "min" ? ["minimum", "exclusiveMinimum"] : ["maximum", "exclusiveMaximum"];
  const i = typeof s[inc] === "number" ? (s[inc] as number) : undefined;
  const e = s[exc];
  if (typeof e === "number") {
    if (i === undefined) return { value: e, exclusive: true };
    const tighter = side === "min" ? e >= i : e <= i;
    return tighter ? { value: e, exclusive: true } : { value: i, exclusive: false };
  }
  if (i === undefined) return undefined;
  return { value: i, exclusive: e === true };
}

export function num(s: Schema, k: string): number | undefined {
  return typeof s[k] === "number" ? (s[k] as number) : undefined;
}

/** Patterns compiled once; undefined for a pattern JavaScript cannot compile. */
const regexes = new Map<string, RegExp | undefined>();
export function regex(p: string): RegExp | undefined {
  if (!regexes.has(p)) {
    let r: RegExp | undefined;
    try {
      r = new RegExp(p, "u");
    } catch {
      try {
        r = new RegExp(p);
      } catch {
        r = undefined;
      }
    }
    regexes.set(p, r);
  }
  return regexes.get(p);
}

/** Patterns every string matches. */
export function universalPattern(p: string): boolean {
  return ["", ".*", "^.*$", "^.*", ".*$", "[\\s\\S]*", "^[\\s\\S]*$"].includes(p);
}

export function patternsOf(s: Schema): Array<[string, unknown]> {
  return isObject(s.patternProperties) ? Object.entries(s.patternProperties) : [];
}

export function propertiesOf(s: Schema): Record<string, unknown> {
  return isObject(s.properties) ? s.properties : {};
}

export function requiredOf(s: Schema): string[] {
  return Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === "string") : [];
}

export function valuesOf(s: Schema): unknown[] | undefined {
  if ("const" in s) return [s.const];
  return Array.isArray(s.enum) ? s.enum : undefined;
}

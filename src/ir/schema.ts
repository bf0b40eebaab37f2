/**
 * Reading JSON Schema keywords: what kinds a schema allows, its doc, and allOf merging. Pure
 * functions over (dereferenced) schema objects; no naming, no IR.
 */
import type { Doc, JsonKind, JsonValue } from "./types.js";

export type Schema = Record<string, unknown>;

/** Follows $ref (see ResolvedUnit.deref). */
export type Deref = (schema: unknown) => unknown;

export function isSchemaObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Keywords that no type in any target can express; a schema using them is flagged. */
export const UNREPRESENTABLE = ["not", "if", "then", "else", "patternProperties", "dependentSchemas", "$dynamicRef", "$recursiveRef", "unevaluatedProperties", "unevaluatedItems"] as const;

const CONSTRAINT_KEYWORDS = [
  "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
  "minLength", "maxLength", "pattern", "minItems", "maxItems", "uniqueItems", "contains",
  "minProperties", "maxProperties", "propertyNames", "const", "contentEncoding", "contentMediaType",
] as const;

export function docOf(schema: Schema): Doc {
  const doc: Doc = { constraints: [] };
  if (typeof schema.title === "string") doc.title = schema.title;
  if (typeof schema.description === "string") doc.description = schema.description;
  if (schema.deprecated === true) doc.deprecated = true;
  const examples = Array.isArray(schema.examples) ? schema.examples : "example" in schema ? [schema.example] : undefined;
  if (examples && examples.length > 0) doc.examples = examples as JsonValue[];
  if (typeof schema.format === "string") doc.format = schema.format;
  for (const key of CONSTRAINT_KEYWORDS) {
    if (key in schema) doc.constraints.push(`${key}: ${JSON.stringify(schema[key])}`);
  }
  return doc;
}

/** The `type` keyword as a list (undefined when absent). OpenAPI's `nullable: true` adds null. */
export function declaredTypes(schema: Schema): string[] | undefined {
  const t = schema.type;
  let types: string[] | undefined;
  if (typeof t === "string") types = [t];
  else if (Array.isArray(t)) types = t.filter((x): x is string => typeof x === "string");
  if (types && schema.nullable === true && !types.includes("null")) types = [...types, "null"];
  return types;
}

/** Keywords that give an untyped schema a typed form for their kind (object or array). */
const KIND_KEYWORDS = ["properties", "additionalProperties", "required", "items", "prefixItems"];

/** True when the schema has object or array keywords (which, without `type`, constrain only that kind). */
export function hasKindKeywords(schema: Schema): boolean {
  return KIND_KEYWORDS.some((k) => k in schema);
}

/**
 * The JSON kinds a schema's instances can have, as far as `type`, `enum` and `const` tell
 * (undefined: any kind). With `infer`, object and array keywords count too: right where every
 * other kind is rejected anyway (the branches of a oneOf that all accept it).
 */
export function kindsOf(input: unknown, deref: Deref = (x) => x, infer = true, seen: Set<unknown> = new Set()): Set<JsonKind | "null"> | undefined {
  const schema = deref(input);
  if (!isSchemaObject(schema) || seen.has(schema)) return undefined;
  seen.add(schema);
  const types = declaredTypes(schema);
  if (types) {
    const kinds = new Set<JsonKind | "null">();
    for (const t of types) if (["boolean", "integer", "number", "string", "array", "object", "null"].includes(t)) kinds.add(t as JsonKind);
    return kinds;
  }
  const values = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : undefined;
  if (values) return new Set(values.map(kindOfValue));
  if (infer && (isSchemaObject(schema.properties) || "additionalProperties" in schema || Array.isArray(schema.required))) return new Set(["object"]);
  if (infer && ("items" in schema || "prefixItems" in schema)) return new Set(["array"]);
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const k = kindsOf(member, deref, infer, seen);
      if (k) return k;
    }
  }
  return undefined;
}

export function kindOfValue(value: unknown): JsonKind | "null" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value as JsonKind;
}

/** True for a schema that only admits null. */
export function isNullSchema(schema: unknown, deref: Deref = (x) => x): boolean {
  const kinds = kindsOf(schema, deref);
  return kinds !== undefined && kinds.size === 1 && kinds.has("null");
}

/**
 * Merges allOf members into one schema: properties unioned (a property in several members keeps
 * the first definition and its docs), required unioned, other keywords first-wins. Returns the
 * merged schema and the names of keywords that conflicted.
 */
export function mergeAllOf(schema: Schema, deref: Deref = (x) => x, depth = 0): { merged: Schema; conflicts: string[] } {
  const merged: Schema = {};
  const conflicts: string[] = [];
  const properties: Record<string, unknown> = {};
  const required = new Set<string>();
  const members = [omit(schema, "allOf"), ...(schema.allOf as unknown[]).map(deref).filter(isSchemaObject)];
  for (const raw of members) {
    // A member that is itself an allOf is flattened once; deeper self-reference is left as is.
    const member = Array.isArray(raw.allOf) && raw !== schema && depth < 8 ? mergeAllOf(raw, deref, depth + 1).merged : raw;
    for (const [key, value] of Object.entries(member)) {
      if (key === "properties" && isSchemaObject(value)) {
        for (const [name, prop] of Object.entries(value)) {
          if (!(name in properties)) properties[name] = prop;
          else if (JSON.stringify(properties[name]) !== JSON.stringify(prop) && !isTrivial(prop)) conflicts.push(`properties/${name}`);
        }
      } else if (key === "required" && Array.isArray(value)) {
        for (const r of value) if (typeof r === "string") required.add(r);
      } else if (!(key in merged)) {
        merged[key] = value;
      } else if (!sameJson(merged[key], value) && !["title", "description", "$comment", "examples"].includes(key)) {
        if (key === "type" && intersectTypes(merged[key], value) !== undefined) merged[key] = intersectTypes(merged[key], value);
        else conflicts.push(key);
      }
    }
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  if (required.size > 0) merged.required = [...required];
  return { merged, conflicts };
}

function isTrivial(schema: unknown): boolean {
  return schema === true || (isSchemaObject(schema) && Object.keys(schema).length === 0);
}

function intersectTypes(a: unknown, b: unknown): string[] | undefined {
  const la = typeof a === "string" ? [a] : (a as string[]);
  const lb = typeof b === "string" ? [b] : (b as string[]);
  if (!Array.isArray(la) || !Array.isArray(lb)) return undefined;
  const both = la.filter((t) => lb.includes(t) || (t === "integer" && lb.includes("number")));
  for (const t of lb) if (t === "integer" && la.includes("number") && !both.includes(t)) both.push(t);
  return both.length > 0 ? both : undefined;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function omit(schema: Schema, ...keys: string[]): Schema {
  const out: Schema = {};
  for (const [k, v] of Object.entries(schema)) if (!keys.includes(k)) out[k] = v;
  return out;
}

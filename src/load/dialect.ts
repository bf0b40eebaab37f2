/**
 * JSON Schema dialects. The `$schema` of a document (or of an embedded resource) decides its rules;
 * `normalize` rewrites one schema object of any dialect into the 2020-12 model the IR reads, so the
 * IR sees one model: tuples are `prefixItems` + `items`, exclusive bounds are numbers, plain-name
 * fragments are `$anchor`s, `dependencies` is split.
 */
import { pointerSegment } from "./json-file.js";

export type Dialect = "draft-04" | "draft-06" | "draft-07" | "2019-09" | "2020-12";

/** A document without `$schema` (or with one lockstep does not know) is read as 2020-12. */
export const DEFAULT_DIALECT: Dialect = "2020-12";

export function dialectOf(schemaUri: unknown, fallback: Dialect = DEFAULT_DIALECT): Dialect {
  if (typeof schemaUri !== "string") return fallback;
  if (/draft-0[34]\b/.test(schemaUri)) return "draft-04";
  if (/draft-06\b/.test(schemaUri)) return "draft-06";
  if (/draft-07\b/.test(schemaUri)) return "draft-07";
  if (/2019-09/.test(schemaUri)) return "2019-09";
  if (/2020-12/.test(schemaUri)) return "2020-12";
  return fallback;
}

/** Up to draft-07: `$ref` hides its siblings, and `$id: "#name"` is a plain-name fragment. */
export function isClassic(dialect: Dialect): boolean {
  return dialect === "draft-04" || dialect === "draft-06" || dialect === "draft-07";
}

/** The keyword that names a resource in a dialect. */
export function idKeyword(dialect: Dialect): "id" | "$id" {
  return dialect === "draft-04" ? "id" : "$id";
}

/** Keywords whose value is one subschema. */
export const SUBSCHEMA = ["additionalItems", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema"];
/** Keywords whose value maps names to subschemas. */
export const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"];
/** Keywords whose value lists subschemas (`items` also takes one subschema). */
export const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"];

type Schema = Record<string, unknown>;

/** What stays beside a $ref up to draft-07: annotations and definitions (pointers reach them). */
export const REF_SIBLINGS_KEPT = new Set(["$ref", "definitions", "$defs", "title", "description", "default", "examples", "$comment", "deprecated", "readOnly", "writeOnly", "x-lockstep-name", "x-lockstep-renamed-from", "x-lockstep-allow"]);

function isObject(value: unknown): value is Schema {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Calls `visit` with each direct subschema of a schema object and its JSON pointer below it. */
export function forEachSubschema(node: Schema, visit: (child: unknown, pointer: string) => void): void {
  for (const key of SUBSCHEMA) if (key in node) visit(node[key], `/${key}`);
  if (isObject(node.items) || typeof node.items === "boolean") visit(node.items, "/items");
  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (!isObject(map)) continue;
    for (const name of Object.keys(map)) {
      // `dependencies` also holds lists of property names: those are not schemas.
      if (!Array.isArray(map[name])) visit(map[name], `/${key}/${pointerSegment(name)}`);
    }
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) visit(list[i], `/${key}/${i}`);
  }
}

/**
 * One schema object in the 2020-12 model: the object itself when nothing differs, else a shallow
 * copy (subschemas are shared, and normalized when they are read in turn).
 */
export function normalize(node: Schema, dialect: Dialect): Schema {
  const classic = isClassic(dialect);
  if (dialect === "2020-12" || (!classic && !Array.isArray(node.items) && !("additionalItems" in node))) return node;
  const idKey = idKeyword(dialect);
  // Most schema objects need nothing rewritten: they are not copied to find that out.
  if (classic && typeof node.$ref === "string") {
    if (Object.keys(node).every((key) => REF_SIBLINGS_KEPT.has(key))) return node;
  } else if (
    !(classic && typeof node[idKey] === "string") &&
    !(dialect === "draft-04" && (typeof node.exclusiveMinimum === "boolean" || typeof node.exclusiveMaximum === "boolean")) &&
    !Array.isArray(node.items) && !("additionalItems" in node) && !isObject(node.dependencies)
  ) {
    return node;
  }
  const out: Schema = { ...node };
  let changed = false;
  if (classic && typeof node.$ref === "string") {
    // Up to draft-07 a $ref hides its siblings: only annotations stay (for field docs).
    for (const key of Object.keys(out)) if (!REF_SIBLINGS_KEPT.has(key)) delete out[key];
    out.$ref = node.$ref;
    return Object.keys(out).length === Object.keys(node).length ? node : out;
  }
  if (classic && typeof node[idKey] === "string") {
    const id = node[idKey] as string;
    delete out.id;
    delete out.$id;
    // Beside a $ref the id is ignored (up to draft-07 $ref hides its siblings).
    if (!("$ref" in node)) {
      if (id.startsWith("#")) out.$anchor = id.slice(1);
      else out.$id = id;
    }
    changed = true;
  }
  if (dialect === "draft-04") {
    for (const [flag, bound] of [["exclusiveMinimum", "minimum"], ["exclusiveMaximum", "maximum"]] as const) {
      if (typeof node[flag] !== "boolean") continue;
      delete out[flag];
      if (node[flag] === true && typeof node[bound] === "number") {
        out[flag] = node[bound];
        delete out[bound];
      }
      changed = true;
    }
  }
  if (Array.isArray(node.items)) {
    out.prefixItems = node.items;
    delete out.items;
    delete out.additionalItems;
    if ("additionalItems" in node) out.items = node.additionalItems;
    changed = true;
  } else if ("additionalItems" in node) {
    // additionalItems applies only beside a list of items.
    delete out.additionalItems;
    changed = true;
  }
  if (isObject(node.dependencies)) {
    const required: Schema = {};
    const schemas: Schema = {};
    for (const [name, value] of Object.entries(node.dependencies)) (Array.isArray(value) ? required : schemas)[name] = value;
    delete out.dependencies;
    if (Object.keys(required).length > 0) out.dependentRequired = { ...(isObject(node.dependentRequired) ? node.dependentRequired : {}), ...required };
    if (Object.keys(schemas).length > 0) out.dependentSchemas = { ...(isObject(node.dependentSchemas) ? node.dependentSchemas : {}), ...schemas };
    changed = true;
  }
  return changed ? out : node;
}

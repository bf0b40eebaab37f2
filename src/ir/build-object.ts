/** Object schemas → ObjectDecl (or a map type for objects that only have additionalProperties). */
import { pascalCase, toWords } from "./casing.js";
import type { Builder, NameOptions } from "./build.js";
import { FIELD_NAMING, sub } from "./build.js";
import type { Candidate } from "./disambiguate.js";
import { fieldPin, NameScope } from "./naming.js";
import { docOf, isSchemaObject, type Schema } from "./schema.js";
import type { Additional, Doc, Field, JsonValue, ObjectDecl, SourceRef, TypeExpr, Words } from "./types.js";

/** Extension keyword: former wire names of a property, accepted when decoding. */
export const RENAMED_FROM_KEYWORD = "x-lockstep-renamed-from";

export type ObjectShape = Schema & { properties?: Record<string, unknown>; required?: unknown[] };

const BAG_NAMES: Words[] = [["additional", "properties"], ["extra", "properties"], ["unknown", "fields"]];

/**
 * `open` is set when keywords the types cannot express (if/then/else, patternProperties, ...) may
 * add properties: the object then keeps unknown properties even if additionalProperties is false.
 */
export function buildObject(b: Builder, schema: ObjectShape, hint: Words, at: SourceRef, opts: NameOptions, open: boolean): TypeExpr {
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const additional = schema.additionalProperties;
  const named = b.declName(schema, hint, opts);
  const nested = b.nestedName(schema);
  const isFreeForm = Object.keys(properties).length === 0 && (nested ? !nested.named : named === hint);
  if (isFreeForm && additional !== false) {
    const values = isSchemaObject(additional) ? b.typeOf(additional, b.singular(nested?.name ?? hint), sub(at, "additionalProperties")) : ({ kind: "raw" } as TypeExpr);
    return { kind: "map", values };
  }
  return { kind: "ref", target: declareObject(b, schema, named, at, undefined, undefined, open).id, indirect: false };
}

/**
 * Declares an ObjectDecl. For a tagged union's variant, `variantOf` names the union and `skip`
 * the tag property, which the union writes itself.
 */
export function declareObject(
  b: Builder, schema: ObjectShape, name: Words, at: SourceRef, variantOf?: string, skip?: string, open = false, identity: object = schema,
): ObjectDecl {
  const decl: ObjectDecl = b.declare(identity, {
    kind: "object", id: name.join("_"), name, doc: docOf(schema), source: at, fields: [], additional: { kind: "closed" },
    ...(variantOf ? { variantOf } : {}),
  }, at);
  const required = new Set((Array.isArray(schema.required) ? schema.required : []).filter((r): r is string => typeof r === "string"));
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  // Types inside are named from the object's name, or from the union it is the object variant of.
  const nested = b.nestedName(schema)?.name ?? decl.name;
  // The union's tag is a property of every variant in TypeScript (named as the emitters name tags):
  // a field spelled like it there would be a second property of the same name.
  const reserved: Candidate[] = skip === undefined ? [] : [{ key: skip, words: toWords(skip, "tag"), text: skip, at: sub(at, "properties", skip) }];
  const candidates = Object.entries(properties).filter(([wire]) => wire !== skip).map(([wire, prop]): Candidate => {
    const pin = fieldPin(prop);
    return { key: wire, words: toWords(pin ?? wire, "field"), text: pin ?? wire, at: sub(at, "properties", wire), rank: pin !== undefined ? 0 : 1 };
  });
  const names = b.nameScope("field", at, candidates, { ...FIELD_NAMING, what: () => `properties of ${pascalCase(decl.name)}` }, reserved);
  for (const c of candidates) {
    const words = names.get(c.key)!;
    decl.fields.push(buildField(b, properties[c.key], c.key, words, b.extend(nested, words), required.has(c.key), c.at));
  }
  const scope = new NameScope([...reserved.map((r) => r.words), ...names.values()]);
  decl.additional = additionalOf(b, schema.additionalProperties, scope, nested, at, open);
  const undeclared = [...required].filter((r) => !Object.hasOwn(properties, r) && r !== skip);
  if (undeclared.length > 0) decl.checks = { required: undeclared };
  return decl;
}

function buildField(b: Builder, prop: unknown, wireName: string, words: Words, hint: Words, required: boolean, at: SourceRef): Field {
  const target = b.deref(prop);
  // Not a reference: the schema itself, as its dialect reads it (deref normalizes).
  // ($dynamicRef to a boolean schema: the target is `true` or `false`, the field's own keywords stay.)
  const schema = isSchemaObject(prop) ? (typeof prop.$ref === "string" || !isSchemaObject(target) ? prop : target) : {};
  const field: Field = {
    name: words, wireName, type: b.typeOf(prop, hint, at), required, aliases: renamedFrom(schema), doc: fieldDoc(schema, target), source: at,
  };
  const withDefault = "default" in schema ? schema : isSchemaObject(target) && "default" in target ? target : undefined;
  if (withDefault) {
    field.default = withDefault.default as JsonValue;
    const exact = b.sourceText(withDefault, "default");
    if (exact !== undefined) field.defaultJson = exact;
  }
  return field;
}

/**
 * A field's doc: the referring schema's annotations; for a reference, the target's constraints and
 * format too (its description documents the type, not this use of it).
 */
function fieldDoc(schema: Schema, target: unknown): Doc {
  const own = docOf(schema);
  if (target === schema || !isSchemaObject(target)) return own;
  const of = docOf(target);
  const doc: Doc = { ...own, constraints: [...of.constraints, ...own.constraints] };
  if (of.format && !doc.format) doc.format = of.format;
  if (of.deprecated) doc.deprecated = true;
  return doc;
}

function renamedFrom(schema: Schema): string[] {
  const value = schema[RENAMED_FROM_KEYWORD];
  if (typeof value === "string") return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function additionalOf(b: Builder, additional: unknown, scope: NameScope, name: Words, at: SourceRef, open: boolean): Additional {
  if (additional === false && !open) return { kind: "closed" };
  const bag = scope.firstFree(BAG_NAMES);
  if (isSchemaObject(additional) && Object.keys(additional).length > 0 && !open) {
    return { kind: "typed", name: bag, type: b.typeOf(additional, b.extend(name, ["value"]), sub(at, "additionalProperties")) };
  }
  return additional === false ? { kind: "preserve", name: bag, closedInSchema: true } : { kind: "preserve", name: bag };
}

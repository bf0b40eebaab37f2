/**
 * oneOf / anyOf (and `type` lists) → a nullable type, a tagged union or a union by JSON kind.
 * What cannot be decoded without guessing becomes raw JSON, with a warning.
 */
import { pascalCase, toWords } from "./casing.js";
import type { Builder, NameOptions } from "./build.js";
import { nullable_, sub } from "./build.js";
import { declareObject, type ObjectShape } from "./build-object.js";
import type { Candidate } from "./disambiguate.js";
import { NameScope } from "./naming.js";

const VARIANT_NAMING = { prefer: "upper", display: pascalCase, pin: "variant names follow the tag values or JSON kinds" } as const;
import {
  declaredTypes, docOf, isNullSchema, kindOfValue, isSchemaObject, kindsOf, mergeAllOf, omit, type Schema,
} from "./schema.js";
import type { JsonKind, JsonValue, KindUnionDecl, KindVariant, SourceRef, TaggedUnionDecl, TypeExpr, Words } from "./types.js";

const KIND_ORDER: JsonKind[] = ["boolean", "integer", "number", "string", "array", "object"];

/** Branches that only constrain the parent (`oneOf: [{required: [a]}, {required: [b]}]`). */
const CONSTRAINT_ONLY = new Set(["required", "not", "minProperties", "maxProperties", "dependentRequired", "title", "description", "$comment", "minItems", "maxItems", "minLength", "maxLength", "minimum", "maximum", "format", "pattern"]);

export function buildUnion(b: Builder, schema: Schema, refBranches: unknown[], hint: Words, at: SourceRef, opts: NameOptions): TypeExpr | undefined {
  const key = "oneOf" in schema ? "oneOf" : "anyOf";
  const rawBranches = refBranches.map(b.deref);
  if (rawBranches.every((br) => isSchemaObject(br) && Object.keys(br).every((k) => CONSTRAINT_ONLY.has(k)))) {
    return undefined;
  }
  const parentTypes = declaredTypes(schema);
  let nullable = parentTypes?.includes("null") ?? false;
  const branches: Array<{ schema: Schema; at: SourceRef }> = [];
  rawBranches.forEach((br, i) => {
    if (isNullSchema(br)) nullable = true;
    else if (br === true || (isSchemaObject(br) && Object.keys(br).length === 0)) branches.push({ schema: {}, at: sub(at, key, i) });
    else if (isSchemaObject(br)) branches.push({ schema: withParent(b, schema, br), at: b.here(br, sub(at, key, i)) });
  });
  const wrap = (t: TypeExpr): TypeExpr => (nullable ? nullable_(t) : t);
  if (branches.length === 0) return { kind: "raw" };
  if (branches.length === 1) {
    const only = rawBranches.find((br) => !isNullSchema(br));
    let target = isSchemaObject(only) && branches[0]!.schema === only ? only : branches[0]!.schema;
    // The union's `type` applies to an untyped branch (which alone would accept every kind).
    if (parentTypes && !kindsOf(resolved(b, target), b.deref, false)) target = { ...target, type: parentTypes };
    return wrap(b.typeOf(target, b.declName(schema, hint, opts), branches[0]!.at, { rootName: true }));
  }
  const tagged = taggedUnion(b, schema, branches, hint, at, opts);
  if (tagged) return wrap(tagged);
  const byKind = kindUnion(b, schema, branches, hint, at, opts);
  if (byKind) return wrap(byKind);
  b.warn(at, `${key} variants are not told apart by JSON kind or by a required const property (a discriminator); typed as raw JSON`);
  return { kind: "raw", at };
}

/** A branch with the parent's own object keywords merged in (shared properties of every variant). */
function withParent(b: Builder, parent: Schema, branch: Schema): Schema {
  const own = omit(parent, "oneOf", "anyOf", "title", "description", "x-lockstep-name", "$defs", "definitions", "$schema", "$id", "examples", "deprecated", "default", "type");
  const relevant = Object.keys(own).some((k) => ["properties", "required", "additionalProperties"].includes(k));
  if (!relevant) return branch;
  return mergeAllOf({ allOf: [own, branch] }, b.deref).merged;
}

function resolved(b: Builder, schema: Schema): Schema {
  return Array.isArray(schema.allOf) ? mergeAllOf(schema, b.deref).merged : schema;
}

/** The tag property and each branch's value, when every branch is an object with one. */
function findTag(b: Builder, branches: Schema[]): { tag: string; values: string[] } | undefined {
  const candidates = (br: Schema): Map<string, string> => {
    const out = new Map<string, string>();
    const props = isSchemaObject(br.properties) ? br.properties : {};
    const required = Array.isArray(br.required) ? br.required : [];
    for (const [name, prop] of Object.entries(props)) {
      if (!isSchemaObject(prop) || !required.includes(name)) continue;
      const value = typeof prop.const === "string" ? prop.const : Array.isArray(prop.enum) && prop.enum.length === 1 && typeof prop.enum[0] === "string" ? prop.enum[0] : undefined;
      if (value !== undefined) out.set(name, value);
    }
    return out;
  };
  const all = branches.map((br) => candidates(resolved(b, br)));
  for (const tag of all[0]?.keys() ?? []) {
    const values = all.map((c) => c.get(tag));
    if (values.every((v): v is string => v !== undefined) && new Set(values).size === values.length) return { tag, values };
  }
  return undefined;
}

function taggedUnion(b: Builder, schema: Schema, branches: Array<{ schema: Schema; at: SourceRef }>, hint: Words, at: SourceRef, opts: NameOptions): TypeExpr | undefined {
  if (!branches.every((br) => kindsOf(resolved(b, br.schema), b.deref)?.has("object"))) return undefined;
  const found = findTag(b, branches.map((br) => br.schema));
  if (!found) return undefined;
  const name = b.declName(schema, hint, opts);
  // A branch without `type` accepts every other kind too: under oneOf such a value matches every
  // branch (so it is rejected), under anyOf it is accepted as it is: a union by kind around the
  // tagged union of the objects.
  const objectsOnly = "oneOf" in schema || declaredTypes(schema)?.every((t) => t === "object" || t === "null");
  if (objectsOnly || branches.every((br) => kindsOf(resolved(b, br.schema), b.deref, false) !== undefined)) {
    return declareTagged(b, schema, schema, branches, found, name, at);
  }
  if (declaredTypes(schema)) return undefined;
  const decl: KindUnionDecl = b.declare(schema, { kind: "kind-union", id: name.join("_"), name, doc: docOf(schema), source: at, variants: [] }, at);
  b.markNullable(schema);
  addVariants(b, decl, at, KIND_ORDER.map((kind) => ({
    kind,
    type: kind === "object" ? declareTagged(b, { object: schema }, schema, branches, found, b.extend(decl.name, [kind]), at, decl.name) : { kind: "raw" },
    at,
  })));
  return nullable_({ kind: "ref", target: decl.id, indirect: false });
}

function declareTagged(
  b: Builder, identity: object, schema: Schema, branches: Array<{ schema: Schema; at: SourceRef }>, found: { tag: string; values: string[] }, name: Words, at: SourceRef,
  /** Variants are named from it (the name the union would have as the only type). */
  prefix?: Words,
): TypeExpr {
  const decl: TaggedUnionDecl = b.declare(identity, {
    kind: "tagged-union", id: name.join("_"), name, doc: docOf(schema), source: at, tag: found.tag, variants: [], unknownName: [],
  }, at);
  const candidates = branches.map((br, i): Candidate => {
    const value = found.values[i]!;
    return { key: value, words: toWords(value, "variant"), text: value, at: br.at };
  });
  const names = b.nameScope("variant", at, candidates, { ...VARIANT_NAMING, what: () => `variants of ${pascalCase(decl.name)}` });
  branches.forEach((br, i) => {
    const value = found.values[i]!;
    const words = names.get(value)!;
    const body = resolved(b, br.schema) as ObjectShape;
    const own = b.declName(br.schema, b.extend(prefix ?? decl.name, words));
    const variantDecl = declareObject(b, body, own, br.at, decl.id, found.tag, false, { variant: br.schema });
    decl.variants.push({ name: words, tagValue: value, target: variantDecl.id, doc: docOf(br.schema) });
  });
  decl.unknownName = new NameScope(names.values()).firstFree([["unknown"], ["other"], ["unknown", "variant"]]);
  return { kind: "ref", target: decl.id, indirect: false };
}

/**
 * A variant typed as raw JSON is still known to be of its kind: say so, so that every target can
 * tell the variants apart (raw JSON would also match the other kinds).
 */
function narrowRaw(type: TypeExpr, kind: JsonKind): TypeExpr {
  if (type.kind !== "raw") return type;
  switch (kind) {
    case "array":
      return { kind: "array", items: { kind: "raw" } };
    case "object":
      return { kind: "map", values: { kind: "raw" } };
    case "string":
      return { kind: "string" };
    case "boolean":
      return { kind: "boolean" };
    case "integer":
      return { kind: "integer", bits: 64 };
    case "number":
      return { kind: "number" };
  }
}

function kindUnion(b: Builder, schema: Schema, branches: Array<{ schema: Schema; at: SourceRef }>, hint: Words, at: SourceRef, opts: NameOptions): TypeExpr | undefined {
  const byKind = new Map<JsonKind, { schema: Schema; at: SourceRef }>();
  // A branch without `type` accepts every kind (keywords apply to their own kind only), unless the
  // union's own `type` narrows it; then it overlaps every other branch and kinds cannot tell them apart.
  const parentKinds = declaredTypes(schema);
  for (const br of branches) {
    const kinds = kindsOf(resolved(b, br.schema), b.deref, false) ?? (parentKinds && new Set(parentKinds as Array<JsonKind | "null">));
    if (!kinds) return undefined;
    kinds.delete("null");
    if (kinds.size !== 1) return undefined;
    const kind = [...kinds][0] as JsonKind;
    if (byKind.has(kind)) return undefined;
    byKind.set(kind, br);
  }
  const name = b.declName(schema, hint, opts);
  const decl: KindUnionDecl = b.declare(schema, { kind: "kind-union", id: name.join("_"), name, doc: docOf(schema), source: at, variants: [] }, at);
  let variantNull = false;
  const typed: Typed[] = [];
  for (const kind of KIND_ORDER) {
    const br = byKind.get(kind);
    if (!br) continue;
    // null belongs to the union, not to one variant: `anyOf: [{type: [boolean, null]}, ...]`.
    let type = b.typeOf(br.schema, b.extend(decl.name, [kind]), br.at);
    if (type.kind === "nullable") {
      variantNull = true;
      type = type.inner;
    }
    // An untyped branch under a typed union: its declaration is a union by kind; take its variant.
    const inner = type.kind === "ref" ? b.decls.get(type.target) : undefined;
    if (inner?.kind === "kind-union") type = inner.variants.find((v) => v.kind === kind)?.type ?? type;
    typed.push({ kind, type, at: br.at });
  }
  addVariants(b, decl, at, typed);
  const ref: TypeExpr = { kind: "ref", target: decl.id, indirect: false };
  return variantNull ? nullable_(ref) : ref;
}

type Typed = { kind: JsonKind; type: TypeExpr; at: SourceRef };

/** Names a union's variants together: a variant that is a reference is named after its declaration. */
function addVariants(b: Builder, decl: KindUnionDecl, at: SourceRef, typed: Typed[]): void {
  const variants = typed.map(({ kind, type, at: where }) => {
    // The JSON kind picks the variant, so an integer variant stays a JSON number (never a string).
    const narrowed = dropStringPolicy(narrowRaw(type, kind));
    // A reference to a declaration still being built (recursion) has no entry yet: its id spells its name.
    const words: Words = narrowed.kind === "ref" ? (b.decls.get(narrowed.target)?.name ?? narrowed.target.split("_")) : [kind];
    return { kind, type: narrowed, candidate: { key: kind, words, text: kind, at: where } satisfies Candidate };
  });
  const names = b.nameScope("variant", at, variants.map((v) => v.candidate), { ...VARIANT_NAMING, what: () => `variants of ${pascalCase(decl.name)}` });
  for (const { kind, type } of variants) decl.variants.push({ name: names.get(kind)!, kind, type } satisfies KindVariant);
}

/** Keywords that name or document a schema; a variant made from it leaves them to the union. */
const NAMING_KEYWORDS = ["title", "description", "x-lockstep-name", "$defs", "definitions", "$schema", "$id", "id", "$anchor", "examples", "example", "deprecated", "default", "$comment"];

/**
 * A schema without `type` whose keywords apply to objects or arrays (`properties`, `items`, ...):
 * it accepts every JSON kind and null. A union by kind, each variant typed by the keywords of its
 * kind: the object variant is the typed object, the array variant the typed array.
 */
export function untypedUnion(b: Builder, schema: Schema, hint: Words, at: SourceRef, opts: NameOptions): TypeExpr {
  const name = b.declName(schema, hint, opts);
  // Whether the union has a name of its own shapes its object variant (src/ir/build-object.ts).
  if (name !== hint) {
    const own = !sameWords(name, hint);
    b.nameChecks.push(() => !sameWords(name, b.remade(hint)) === own);
  }
  const decl: KindUnionDecl = b.declare(schema, { kind: "kind-union", id: name.join("_"), name, doc: docOf(schema), source: at, variants: [] }, at);
  // null is accepted too: uses of this declaration (recursive ones included) are nullable.
  b.markNullable(schema);
  const body = omit(schema, ...NAMING_KEYWORDS);
  addVariants(b, decl, at, KIND_ORDER.map((kind) => {
    // Only the object variant is a declaration of its own; types inside are named from the union.
    const variant = { ...body, type: kind };
    b.nameNestedFrom(variant, decl.name, !sameWords(name, hint));
    return { kind, type: b.typeOf(variant, kind === "object" ? b.extend(decl.name, [kind]) : decl.name, at), at };
  }));
  return nullable_({ kind: "ref", target: decl.id, indirect: false });
}

/**
 * `enum` / `const` whose values are of several kinds (`["a", 1, true]`): a union by kind, each
 * variant holding the values of its kind. Undefined when they are of one kind.
 */
export function valuesUnion(b: Builder, schema: Schema, values: JsonValue[], hint: Words, at: SourceRef, opts: NameOptions): TypeExpr | undefined {
  const byKind = new Map<JsonKind, JsonValue[]>();
  for (const value of values) {
    const kind = kindOfValue(value) as JsonKind;
    byKind.set(kind, [...(byKind.get(kind) ?? []), value]);
  }
  if (byKind.size < 2) return undefined;
  const name = b.declName(schema, hint, opts);
  const decl: KindUnionDecl = b.declare(schema, { kind: "kind-union", id: name.join("_"), name, doc: docOf(schema), source: at, variants: [] }, at);
  const typed: Typed[] = [];
  for (const kind of KIND_ORDER) {
    if (!byKind.has(kind)) continue;
    const checks = { values: byKind.get(kind)! };
    const type: TypeExpr =
      kind === "array" ? { kind: "array", items: { kind: "raw" }, checks }
      : kind === "object" ? { kind: "map", values: { kind: "raw" }, checks }
      : kind === "integer" ? { kind: "integer", bits: 64, checks }
      : { kind, checks };
    typed.push({ kind, type, at });
  }
  addVariants(b, decl, at, typed);
  return { kind: "ref", target: decl.id, indirect: false };
}

const sameWords = (a: Words, b: Words): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

function dropStringPolicy(type: TypeExpr): TypeExpr {
  if (type.kind !== "integer" || type.policy !== "string") return type;
  const { policy: _policy, ...rest } = type;
  return rest;
}

/** Hand-built IR for the TypeScript emitter's unit tests (before/independent of the IR builder). */
import type {
  Additional, Decl, Doc, EnumDecl, Field, KindUnionDecl, Module, ObjectDecl, TaggedUnionDecl, TypeExpr, Words,
} from "../../src/ir/types.js";

const src = { file: "unit.json", pointer: "" };
export const doc = (extra: Partial<Doc> = {}): Doc => ({ constraints: [], ...extra });

const words = (id: string): Words => id.split("_");

export function field(name: string, wireName: string, type: TypeExpr, extra: Partial<Field> = {}): Field {
  return { name: words(name), wireName, type, required: true, aliases: [], doc: doc(), source: src, ...extra };
}

export function object(id: string, fields: Field[], additional: Additional = { kind: "closed" }, extra: Partial<ObjectDecl> = {}): ObjectDecl {
  return { kind: "object", id, name: words(id), doc: doc(), source: src, fields, additional, ...extra };
}

export function enumDecl(id: string, values: Array<[string, string]>, extra: Partial<EnumDecl> = {}): EnumDecl {
  return {
    kind: "enum", id, name: words(id), doc: doc(), source: src, unknownName: ["unknown"],
    members: values.map(([name, value]) => ({ name: words(name), value, doc: doc() })), ...extra,
  };
}

export function tagged(id: string, tag: string, variants: Array<[string, string, string]>, extra: Partial<TaggedUnionDecl> = {}): TaggedUnionDecl {
  return {
    kind: "tagged-union", id, name: words(id), doc: doc(), source: src, tag, unknownName: ["unknown"],
    variants: variants.map(([name, tagValue, target]) => ({ name: words(name), tagValue, target, doc: doc() })), ...extra,
  };
}

export function kinds(id: string, variants: KindUnionDecl["variants"]): KindUnionDecl {
  return { kind: "kind-union", id, name: words(id), doc: doc(), source: src, variants };
}

export const t = {
  string: { kind: "string" } as TypeExpr,
  int32: { kind: "integer", bits: 32, safe: true } as TypeExpr,
  int64: { kind: "integer", bits: 64 } as TypeExpr,
  number: { kind: "number" } as TypeExpr,
  boolean: { kind: "boolean" } as TypeExpr,
  raw: { kind: "raw" } as TypeExpr,
  array: (items: TypeExpr): TypeExpr => ({ kind: "array", items }),
  map: (values: TypeExpr): TypeExpr => ({ kind: "map", values }),
  tuple: (...items: TypeExpr[]): TypeExpr => ({ kind: "tuple", items }),
  nullable: (inner: TypeExpr): TypeExpr => ({ kind: "nullable", inner }),
  ref: (target: string, indirect = false): TypeExpr => ({ kind: "ref", target, indirect }),
};

export function module(path: string[], roots: Array<[string, number, string]>, decls: Decl[]): Module {
  return {
    path,
    entities: roots.map(([entity, version, root]) => ({ entity, version, file: `${entity}/v${version}.json`, root })),
    decls,
    inputsHash: "0".repeat(64),
    inputs: roots.map(([entity, version]) => `${entity}/v${version}.json`),
    warnings: [],
  };
}

const EVIL = "Ends a comment */ then\n}\nfunction evil() {}\u2028/* and \u0000 NUL, \"quotes\", back\\slash";

/** A module exercising every IR construct, plus schema text that tries to escape. */
export function kitchenSink(): Module[] {
  const root = module([], [["user", 2, "user"], ["tag_list", 1, "tag_list"], ["shape", 1, "shape"]], [
    object("user", [
      field("id", "id", t.int64, { doc: doc({ description: EVIL, deprecated: true, examples: ["*/", 12] }) }),
      field("full_name", "full_name", t.string, { aliases: ["name", "old/~name"] }),
      field("nick", "nick", t.string, { required: false }),
      field("age", "age", t.nullable(t.int32), { required: false }),
      field("email", "email", t.nullable(t.string)),
      field("role", "role", t.ref("role"), { default: "member", doc: doc({ title: "Role */ evil" }) }),
      field("level", "level", t.int32, { required: false, default: 3 }),
      field("tags", "tags", t.ref("tag_list")),
      field("scores", "scores", t.map(t.number), { required: false }),
      field("pet", "pet", t.ref("pet"), { required: false }),
      field("pets", "pets", t.array(t.nullable(t.ref("pet"))), { required: false }),
      field("value", "value", t.ref("value")),
      field("blob", "blob", t.raw, { required: false }),
      field("point", "point", t.tuple(t.number, t.int64), { required: false }),
      field("friends", "friends", t.array(t.ref("user")), { required: false }),
      field("best_friend", "best_friend", t.ref("user", true), { required: false }),
      field("proto", "__proto__", t.string, { required: false }),
      field("weird", "we\"ird\\/key~\u2028", t.nullable(t.ref("counts")), { required: false }),
      field("settings", "settings", t.ref("settings"), { default: { theme: "dark", "*/": ["admin"] } }),
      field("limit", "limit", t.int64, { default: 9007199254740992, defaultJson: "9007199254740993" }),
      field("raw_default", "raw_default", t.raw, { default: {}, defaultJson: '{"__proto__":{"n":-12345678901234567890},"x":[1.5e300]}' }),
    ], { kind: "preserve", name: ["extra", "fields"] }, { doc: doc({ description: EVIL }) }),
    enumDecl("role", [["admin", "admin"], ["member", "member"], ["we_ird", "we\"ird\\*/\n}"]], { doc: doc({ description: EVIL }) }),
    object("counts", [field("total", "total", t.int64)], { kind: "typed", name: ["other"], type: t.int64 }),
    object("settings", [field("theme", "theme", t.string)], { kind: "typed", name: ["rest"], type: t.array(t.ref("role")) }),
    tagged("pet", "type", [["cat", "cat", "pet_cat"], ["dog", "dog", "pet_dog"], ["odd", "o\"dd", "pet_empty"]]),
    object("pet_cat", [field("lives", "lives", t.int32), field("name", "name", t.string, { required: false })], { kind: "preserve", name: ["extra"] }, { variantOf: "pet" }),
    object("pet_dog", [field("bark_volume", "barkVolume", t.number)], { kind: "closed" }, { variantOf: "pet" }),
    object("pet_empty", [], { kind: "closed" }, { variantOf: "pet" }),
    kinds("value", [
      { name: ["flag"], kind: "boolean", type: t.boolean },
      { name: ["count"], kind: "integer", type: t.int64 },
      { name: ["amount"], kind: "number", type: t.number },
      { name: ["text"], kind: "string", type: t.ref("role") },
      { name: ["list"], kind: "array", type: t.array(t.ref("pet")) },
      { name: ["record"], kind: "object", type: t.ref("counts") },
    ]),
    { kind: "alias", id: "tag_list", name: ["tag", "list"], doc: doc(), source: { file: "x", pointer: "" }, type: t.array(t.string) },
    tagged("shape", "$kind", [["circle", "circle", "circle"]]),
    object("circle", [field("r", "r", t.number)], { kind: "closed" }, { variantOf: "shape" }),
    kinds("num_or_text", [
      { name: ["number"], kind: "number", type: t.number },
      { name: ["text"], kind: "string", type: t.string },
    ]),
    object("empty", []),
    kinds("small_or_real", [
      { name: ["small"], kind: "integer", type: t.int32 },
      { name: ["real"], kind: "number", type: t.number },
    ]),
    enumDecl("nothing_known", []),
    // As wide as SchemaStore's eslintrc rules: tsc must still follow the generated functions.
    object("wide", Array.from({ length: 760 }, (_, i) => field(`rule_${i}`, `rule-${i}`, t.string, { required: false }))),
  ]);
  const v1 = module(["user", "v1"], [["user", 1, "user"]], [
    object("user", [field("id", "id", t.int32), field("name", "name", t.string)], { kind: "preserve", name: ["extra"] }),
  ]);
  return [root, v1];
}

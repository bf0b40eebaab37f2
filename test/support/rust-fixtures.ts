/**
 * Hand-built IR for the Rust emitter: hostile text, names that are Rust keywords or shadow what
 * the generated code uses, every field presence mode, defaults of every shape, deprecations,
 * recursion, and entity modules named `type`, `serde` and `runtime`. Compiled with the cases.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type {
  Additional, Decl, Doc, EnumDecl, Field, JsonValue, KindUnionDecl, Module, ObjectDecl, TaggedUnionDecl, TypeExpr,
} from "../../src/ir/types.js";
import { emitRust } from "../../src/emit/rust/index.js";
import type { RustCase } from "./rust-cases.js";
import { REPO } from "./rust-workspace.js";

const src = { file: "evil/v1.json", pointer: "" };
const doc = (extra: Partial<Doc> = {}): Doc => ({ constraints: [], ...extra });
const w = (id: string): string[] => id.split("_");

const t = {
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

function field(name: string, wireName: string, type: TypeExpr, extra: Partial<Field> = {}): Field {
  return { name: w(name), wireName, type, required: false, aliases: [], doc: doc(), source: src, ...extra };
}
const req = (name: string, wireName: string, type: TypeExpr, extra: Partial<Field> = {}): Field =>
  field(name, wireName, type, { required: true, ...extra });
const withDefault = (value: JsonValue, json = JSON.stringify(value)): Partial<Field> => ({ default: value, defaultJson: json });

function object(id: string, fields: Field[], additional: Additional = { kind: "closed" }, extra: Partial<ObjectDecl> = {}): ObjectDecl {
  return { kind: "object", id, name: w(id), doc: doc(), source: src, fields, additional, ...extra };
}
const bag = (name = "extra"): Additional => ({ kind: "preserve", name: w(name) });

const EVIL_TEXT = "Ends a comment */ then\n}\nfn evil() {}\r\nquote \" back \\ nul \0 bidi \u202e sep \u2028 end\n```\nfn doctest() {}\n```";
const LONG = "x".repeat(110);

function rootDecls(): Decl[] {
  const status: EnumDecl = {
    kind: "enum", id: "evil_status", name: w("evil_status"), doc: doc({ description: "Status */ with `ticks`" }), source: src,
    unknownName: ["unknown"],
    members: [
      { name: w("quoted"), value: 'it\'s "quoted"', doc: doc({ description: EVIL_TEXT }) },
      { name: w("back_slash"), value: "back\\slash", doc: doc() },
      { name: w("new_line"), value: "new\nline */", doc: doc({ deprecated: true }) },
      { name: w("accent"), value: "é\u202e", doc: doc() },
      { name: w("self"), value: "self", doc: doc() },
      { name: w("long"), value: LONG, doc: doc() },
    ],
  };
  const shape: TaggedUnionDecl = {
    kind: "tagged-union", id: "shape", name: w("shape"), doc: doc({ description: "A shape." }), source: src, tag: 'ki"nd',
    unknownName: ["other"],
    variants: [
      { name: w("circle"), tagValue: "círcle", target: "shape_circle", doc: doc() },
      { name: w("square"), tagValue: "square\\", target: "d", doc: doc({ deprecated: true }) },
      { name: w("legacy"), tagValue: LONG, target: "legacy", doc: doc() },
      { name: w("dot"), tagValue: "dot", target: "shape_dot", doc: doc() },
    ],
  };
  const value: KindUnionDecl = {
    kind: "kind-union", id: "value", name: w("value"), doc: doc(), source: src,
    variants: [
      { name: w("boolean"), kind: "boolean", type: t.boolean },
      { name: w("integer"), kind: "integer", type: t.int64 },
      { name: w("number"), kind: "number", type: t.number },
      { name: w("string"), kind: "string", type: t.string },
      { name: w("array"), kind: "array", type: t.array(t.ref("value")) },
      { name: w("object"), kind: "object", type: t.ref("option") },
    ],
  };
  const evil = object("evil", [
    req("type", "type", t.string, { doc: doc({ title: "Title */", description: EVIL_TEXT, format: "uuid\n*/", constraints: ["pattern: ^`a`$"], examples: ["*/", 1] }) }),
    field("self", "self", t.string),
    req("crate", "crate", t.nullable(t.string)),
    field("quote", 'q"uote\\\n}', t.string),
    field("long_wire", LONG, t.nullable(t.string)),
    field("a_field_with_a_really_long_name_that_pushes_the_type_past_the_limit", "long_name", t.nullable(t.map(t.array(t.ref("value"))))),
    req("status", "status", t.ref("evil_status"), withDefault('it\'s "quoted"')),
    req("fresh_status", "fresh_status", t.ref("evil_status"), withDefault("brand-new */")),
    req("old_status", "old_status", t.ref("evil_status"), withDefault("new\nline */")),
    req("count", "count", t.int64, withDefault(9007199254740993, "9007199254740993")),
    req("small", "small", t.int32, withDefault(-7)),
    req("ratio", "ratio", t.number, withDefault(0.5)),
    req("whole", "whole", t.number, withDefault(3)),
    req("huge", "huge", t.number, withDefault(1e21, "1e21")),
    req("on", "on", t.boolean, withDefault(true)),
    req("name", "name", t.string, withDefault("quote \" */ \n fn evil() {}")),
    req("flags", "flags", t.array(t.string), withDefault(["a", "b"])),
    req("maybe", "maybe", t.nullable(t.string), withDefault(null)),
    req("maybe_some", "maybe_some", t.nullable(t.int32), withDefault(4)),
    req("point", "point", t.ref("option"), withDefault({ value: "v" })),
    field("nested", "nested", t.ref("option"), withDefault({ value: "optional default" })),
    field("raw", "raw", t.raw),
    req("raw_required", "raw_required", t.raw),
    field("maybe_alias", "maybe_alias", t.ref("nullable_name")),
    field("tree", "tree", t.ref("tree")),
    field("pair", "pair", t.tuple(t.string, t.int32)),
    field("single", "single", t.tuple(t.boolean)),
    field("old", "old", t.ref("legacy")),
    field("legacy_id", "legacy_id", t.int64, { doc: doc({ deprecated: true }) }),
    field("renamed", "renamed", t.string, { aliases: ["oldName", 'older"name'] }),
    field("shape", "shape", t.ref("shape")),
    field("shapes", "shapes", t.array(t.ref("shape"))),
    field("value", "value", t.nullable(t.ref("value"))),
    field("next", "next", t.ref("evil", true)),
    field("result", "result", t.ref("result")),
    field("string", "string", t.ref("string")),
    field("empty", "empty", t.ref("empty")),
    req("nothing", "nothing", t.tuple()),
    req("a_field_with_a_really_long_name_and_a_default", "lng", t.nullable(t.map(t.array(t.ref("value")))), withDefault({ k: [] })),
    field("long_tree", "long_tree", t.ref("a_recursive_alias_with_a_name_long_enough_to_wrap_the_newtype_line")),
  ], bag(), { doc: doc({ description: EVIL_TEXT }) });
  return [
    evil, status, object("option", [req("value", "value", t.string)]),
    { kind: "alias", id: "nullable_name", name: w("nullable_name"), doc: doc(), source: src, type: t.nullable(t.string) },
    { kind: "alias", id: "tree", name: w("tree"), doc: doc({ description: "Recursive alias." }), source: src, type: t.array(t.ref("tree")) },
    {
      kind: "alias", id: "a_recursive_alias_with_a_name_long_enough_to_wrap_the_newtype_line",
      name: w("a_recursive_alias_with_a_name_long_enough_to_wrap_the_newtype_line"), doc: doc(), source: src,
      type: t.array(t.map(t.ref("a_recursive_alias_with_a_name_long_enough_to_wrap_the_newtype_line"))),
    },
    { kind: "alias", id: "result", name: w("result"), doc: doc({ deprecated: true }), source: src, type: t.ref("legacy") },
    object("legacy", [field("id", "id", t.int32)], { kind: "typed", name: w("more"), type: t.int32 }, { doc: doc({ deprecated: true }) }),
    shape,
    object("shape_circle", [req("radius", "radius", t.number)], bag(), { variantOf: "shape" }),
    object("d", [req("side", "side", t.number)], { kind: "closed" }, { variantOf: "shape", doc: doc({ deprecated: true }) }),
    object("shape_dot", [], { kind: "closed" }, { variantOf: "shape" }),
    object("empty", [], { kind: "closed" }),
    value,
    object("string", [field("self", "Self", t.string)], bag("additional_properties")),
    object("type", [req("id", "id", t.int32)], bag()),
    object("runtime", [req("id", "id", t.int32)], bag()),
    object("serde", [req("id", "id", t.int32)], bag()),
  ];
}

function module(path: string[], roots: Array<[string, number, string]>, decls: Decl[]): Module {
  return {
    path,
    entities: roots.map(([entity, version, root]) => ({ entity, version, file: `${entity}/v${version}.json`, root })),
    decls,
    inputsHash: "ab".repeat(32),
    inputs: roots.map(([entity, version]) => `${entity}/v${version}.json`),
    warnings: [],
  };
}

const simple = (id: string, version: number): Module =>
  module([id, `v${version}`], [[id, version, id]], [object(id, [req("id", "id", t.int32)], bag())]);

export function evilModules(): Module[] {
  return [
    module([], [["evil", 1, "evil"], ["type", 3, "type"], ["runtime", 2, "runtime"], ["serde", 2, "serde"]], rootDecls()),
    simple("type", 1), simple("type", 2), simple("runtime", 1), simple("serde", 1),
  ];
}

const FULL = {
  type: "t", self: "s", crate: null, 'q"uote\\\n}': "q", [LONG]: null, long_name: { k: [1, 2.5, "s", true, [false], { value: "o" }] },
  status: "self", fresh_status: "brand-new", old_status: "new\nline */", count: "@@I64MAX@@", small: -2147483648,
  ratio: 1e-7, whole: 12345678.5, huge: -1.5e300, on: false, name: "n", flags: [], maybe: null, maybe_some: null,
  point: { value: "p" }, nested: { value: "n" }, raw: null, raw_required: { a: [1, null, { b: "@@U64@@" }] },
  maybe_alias: null, tree: [[], [[]]], pair: ["p", 2], single: [true], old: { id: 1, x: 2 }, legacy_id: -1, renamed: "r",
  shape: { 'ki"nd': "círcle", radius: 2, extra: { deep: [1] } }, value: 7,
  shapes: [{ 'ki"nd': "square\\", side: 1 }, { 'ki"nd': "hexagon", sides: 6, nested: { a: null } }, { 'ki"nd': LONG, id: 3, z: 9 }, { 'ki"nd': "dot" }],
  next: { type: "inner", crate: "c", status: "é\u202e", fresh_status: "x", old_status: "back\\slash", count: "@@I64MIN@@", small: 0, ratio: 0, whole: -0.0, huge: 1, on: true, name: "", flags: ["x"], maybe: "m", maybe_some: 1, point: { value: "" }, raw_required: null, value: null, nothing: [], lng: {} },
  result: { more1: 1 }, string: { Self: "S", unknown: { "": "" } }, empty: {}, nothing: [], lng: null, long_tree: [{ a: [] }, {}],
  "unknown field": { "*/": "\u2028" }, "": 0,
};

const exact = (text: string): string =>
  text.replace('"@@I64MAX@@"', "9223372036854775807").replace('"@@I64MIN@@"', "-9223372036854775808").replace('"@@U64@@"', "12345678901234567890");

const FILLED = {
  type: "t", crate: "c", raw_required: 1, nothing: [], status: 'it\'s "quoted"', fresh_status: "brand-new */", old_status: "new\nline */",
  count: "@@BIG@@", small: -7, ratio: 0.5, whole: 3, huge: 1e21, on: true, name: "quote \" */ \n fn evil() {}", flags: ["a", "b"],
  maybe: null, maybe_some: 4, point: { value: "v" }, lng: { k: [] },
};

/** Instances: [name, input, expected output when decoding fills defaults]. */
const INSTANCES: Array<[string, string, string?]> = [
  ["full", exact(JSON.stringify(FULL))],
  ["defaults", '{"type":"t","crate":"c","raw_required":1,"nothing":[]}', JSON.stringify(FILLED).replace('"@@BIG@@"', "9007199254740993")],
  ["floats", JSON.stringify({ ...FILLED, ratio: 8.988465674311579e307, whole: 1.2345678901234567e-300, raw_required: [8.988465674311579e307, 1.2345678901234567e-300, 5e-324] }).replace('"@@BIG@@"', "9007199254740993")],
  ["alias", '{"type":"t","crate":"c","raw_required":1,"nothing":[],"oldName":"via alias"}', JSON.stringify({ ...FILLED, renamed: "via alias" }).replace('"@@BIG@@"', "9007199254740993")],
];

/** The hand-built crate with its round trips (instance files written under .cache/rust-unit/). */
export function fixtureCrates(): RustCase[] {
  const dir = join(REPO, ".cache/rust-unit/instances");
  mkdirSync(dir, { recursive: true });
  const files = emitRust(evilModules(), { header: { toolVersion: "0.0.0-test" }, crate: "rust_unit_evil" });
  const trips = INSTANCES.map(([name, text, expected]) => {
    const file = join(dir, `${name}.json`);
    writeFileSync(file, text);
    return { typePath: "rust_unit_evil::Evil", file, ...(expected !== undefined ? { expected } : {}) };
  });
  return [{ name: "rust_unit_evil", files, trips }];
}

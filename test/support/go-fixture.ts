/**
 * A hand-built IR module for the Go emitter's unit test: every field mapping, both union kinds,
 * aliases, tuples, recursion, and names or texts chosen to break naive emitters (a declaration
 * named Nullable, an enum constant that collides with a type, a field called MarshalJSON, wire
 * names no struct tag can spell, comments that try to end themselves or look like gofmt markup).
 */
import type { Decl, Doc, Field, Module, TypeExpr } from "../../src/ir/types.js";

const source = { file: "thing/v2.json", pointer: "" };
const doc = (d: Partial<Doc> = {}): Doc => ({ constraints: [], ...d });
const words = (s: string): string[] => s.split(" ");

export const t = {
  str: { kind: "string" } as TypeExpr,
  i32: { kind: "integer", bits: 32, safe: true } as TypeExpr,
  i64: { kind: "integer", bits: 64 } as TypeExpr,
  num: { kind: "number" } as TypeExpr,
  bool: { kind: "boolean" } as TypeExpr,
  raw: { kind: "raw" } as TypeExpr,
  array: (items: TypeExpr): TypeExpr => ({ kind: "array", items }),
  map: (values: TypeExpr): TypeExpr => ({ kind: "map", values }),
  tuple: (...items: TypeExpr[]): TypeExpr => ({ kind: "tuple", items }),
  null: (inner: TypeExpr): TypeExpr => ({ kind: "nullable", inner }),
  ref: (target: string, indirect = false): TypeExpr => ({ kind: "ref", target, indirect }),
};

interface FieldOpts {
  name?: string;
  required?: boolean;
  defaultJson?: string;
  aliases?: string[];
  doc?: Partial<Doc>;
}

function field(wireName: string, type: TypeExpr, o: FieldOpts = {}): Field {
  return {
    name: words(o.name ?? wireName.replace(/_/g, " ")),
    wireName,
    type,
    required: o.required ?? false,
    ...(o.defaultJson !== undefined ? { default: JSON.parse(o.defaultJson), defaultJson: o.defaultJson } : {}),
    aliases: o.aliases ?? [],
    doc: doc(o.doc),
    source,
  };
}

const req = (o: FieldOpts = {}): FieldOpts => ({ ...o, required: true });

/** Text that must stay inside its comment or string literal. */
export const EVIL = 'Ends a comment */ and a line\n}\nfunc evil() {}\n// "quotes" \\backslash\\ `tick` \u2028after U+2028\u0000nul \ufeffbom\ttab';

const thing: Decl = {
  kind: "object",
  id: "thing",
  name: ["thing"],
  doc: doc({ title: "A thing", description: EVIL, examples: [{ id: "x" }], deprecated: false }),
  source,
  additional: { kind: "preserve", name: ["extra"] },
  fields: [
    field("id", t.str, req({ doc: { description: "Identifier.", format: "uuid", constraints: ["minLength: 3", "pattern: \"^[a-z]*/$\""] } })),
    field("user_id", t.i64, req()),
    field("count", t.i32, req({ defaultJson: "10" })),
    field("big", t.i64, req({ defaultJson: "9007199254740993" })),
    field("role", t.ref("role"), req({ defaultJson: '"member"' })),
    field("nick", t.str, { defaultJson: '"anon"' }),
    field("age", t.null(t.i32), req()),
    field("bio", t.null(t.str)),
    field("tags", t.array(t.str), req()),
    field("labels", t.map(t.str)),
    field("scores", t.null(t.array(t.num))),
    field("matrix", t.array(t.array(t.null(t.i64))), req()),
    field("address", t.ref("address")),
    field("shape", t.ref("shape"), req()),
    field("shapes", t.array(t.ref("shape"))),
    field("value", t.null(t.ref("value")), req()),
    field("maybe_value", t.null(t.ref("value"))),
    field("int_only", t.ref("int_only")),
    field("meta", t.raw),
    field("payload", t.raw, req()),
    field("point", t.tuple(t.num, t.num)),
    field("pair", t.tuple(t.str, t.i64), req()),
    field("triple", t.tuple(t.str, t.i32, t.bool)),
    field("tree", t.ref("tree")),
    field('we"ird`name', t.str, { name: "weird name" }),
    field("marshal_json", t.str),
    field("full_name", t.str, req({ aliases: ["name", "fullName"] })),
    field("old", t.str, { doc: { deprecated: true, description: "Use full_name." } }),
    field("-", t.bool, { name: "dash" }),
    field("", t.str, { name: "empty" }),
    field("maybe_id", t.ref("maybe_id")),
    field("req_maybe_id", t.ref("maybe_id"), req()),
    field("tags_alias", t.ref("tags"), req()),
    field("raw_alias", t.ref("raw_alias")),
    field("nullable", t.ref("nullable")),
    field("role_admin", t.ref("role_admin")),
  ],
};

const decls: Decl[] = [
  thing,
  {
    kind: "enum",
    id: "role",
    name: ["role"],
    doc: doc({ description: "A role. */\n}\nvar x = 1" }),
    source,
    unknownName: ["unknown"],
    members: [
      { name: ["admin"], value: "admin", doc: doc({ description: "Full access.\n\nHeading Like This\n\nEnd." }) },
      { name: ["member"], value: "member", doc: doc() },
      { name: ["quote"], value: 'a"b\\c', doc: doc() },
      { name: ["line", "sep"], value: "x\u2028y\nz", doc: doc() },
      { name: ["empty"], value: "", doc: doc() },
      { name: ["nul"], value: "\u0000nul\u007f\ufeff", doc: doc() },
      { name: ["tick"], value: "`", doc: doc() },
    ],
  },
  {
    kind: "object",
    id: "address",
    name: ["address"],
    doc: doc({
      description:
        "Intro line.\n\nHeading Like This\n\nMore text.\n\n[foo]: http://example.com\n[bar]: https://example.org/x\n\n#   Real  heading\n\n   indented line\n- not a list\n\n\n\nTrailing.   \n\n",
    }),
    source,
    additional: { kind: "closed" },
    fields: [field("street", t.str, req()), field("city", t.str)],
  },
  {
    kind: "tagged-union",
    id: "shape",
    name: ["shape"],
    doc: doc({ description: "A shape." }),
    source,
    tag: "kind",
    unknownName: ["other"],
    variants: [
      { name: ["circle"], tagValue: "circle", target: "circle", doc: doc({ description: "Round." }) },
      { name: ["square"], tagValue: "square", target: "square", doc: doc() },
      { name: ["odd"], tagValue: 'we"ird\n', target: "odd", doc: doc() },
    ],
  },
  {
    kind: "object",
    id: "circle",
    name: ["circle"],
    doc: doc(),
    source,
    additional: { kind: "closed" },
    variantOf: "shape",
    fields: [field("radius", t.num, req())],
  },
  {
    kind: "object",
    id: "square",
    name: ["square"],
    doc: doc(),
    source,
    additional: { kind: "preserve", name: ["additional", "properties"] },
    variantOf: "shape",
    fields: [field("side", t.num, req())],
  },
  { kind: "object", id: "odd", name: ["odd"], doc: doc(), source, additional: { kind: "closed" }, variantOf: "shape", fields: [] },
  {
    kind: "kind-union",
    id: "value",
    name: ["value"],
    doc: doc(),
    source,
    variants: [
      { name: ["boolean"], kind: "boolean", type: t.bool },
      { name: ["integer"], kind: "integer", type: t.i64 },
      { name: ["number"], kind: "number", type: t.num },
      { name: ["string"], kind: "string", type: t.str },
      { name: ["array"], kind: "array", type: t.array(t.ref("value")) },
      { name: ["object"], kind: "object", type: t.ref("address") },
    ],
  },
  {
    kind: "kind-union",
    id: "int_only",
    name: ["int", "only"],
    doc: doc(),
    source,
    variants: [
      { name: ["integer"], kind: "integer", type: t.i32 },
      { name: ["string"], kind: "string", type: t.str },
    ],
  },
  {
    kind: "object",
    id: "tree",
    name: ["tree"],
    doc: doc(),
    source,
    additional: { kind: "typed", name: ["counts"], type: t.i64 },
    fields: [
      field("value", t.i64, req()),
      field("children", t.array(t.ref("tree"))),
      field("left", t.ref("tree", true)),
      field("right", t.null(t.ref("tree", true))),
      field("parent", t.null(t.ref("tree", true)), req()),
    ],
  },
  {
    kind: "object",
    id: "holder",
    name: ["holder"],
    doc: doc({ description: "Zero values: required ones are written, nil slices and maps as [] and {}." }),
    source,
    additional: { kind: "closed" },
    fields: [
      field("list", t.array(t.str), req()),
      field("dict", t.map(t.i32), req()),
      field("tags", t.ref("tags"), req()),
      field("opt_list", t.array(t.str)),
      field("n", t.i32, req()),
      field("b", t.bool, req()),
      field("s", t.str, req()),
      field("r", t.raw, req()),
    ],
  },
  { kind: "alias", id: "maybe_id", name: words("maybe id"), doc: doc({ format: "int64" }), source, type: t.null(t.i64) },
  { kind: "alias", id: "tags", name: ["tags"], doc: doc(), source, type: t.array(t.str) },
  { kind: "alias", id: "raw_alias", name: words("raw alias"), doc: doc(), source, type: t.raw },
  { kind: "alias", id: "nullable", name: ["nullable"], doc: doc({ description: "Named like the helper." }), source, type: t.str },
  { kind: "alias", id: "role_admin", name: words("role admin"), doc: doc(), source, type: t.str },
];

export const unitModules: Module[] = [
  {
    path: [],
    entities: [{ entity: "thing", version: 2, file: "thing/v2.json", root: "thing" }],
    decls,
    inputsHash: "0".repeat(64),
    inputs: ["thing/v2.json"],
    warnings: [],
  },
  {
    path: ["thing", "v1"],
    entities: [{ entity: "thing", version: 1, file: "thing/v1.json", root: "thing" }],
    decls: [
      {
        kind: "object",
        id: "thing",
        name: ["thing"],
        doc: doc({ description: "The first thing." }),
        source: { file: "thing/v1.json", pointer: "" },
        additional: { kind: "closed" },
        fields: [field("id", t.str, req())],
      },
    ],
    inputsHash: "1".repeat(64),
    inputs: ["thing/v1.json"],
    warnings: [],
  },
];

/**
 * The hostile-input table: names, doc text and string values chosen to break generated code in
 * TypeScript, Rust or Go. test/hostile.test.ts renders it as the shared case test/cases/hostile
 * (so the emitters' golden, compile and round-trip tests cover it in all three languages) and
 * checks how each name is spelled per target.
 */

/** A property name / $defs key, with the identifier each target must give the field it names. */
export interface NameRow {
  name: string;
  /** Why it is hostile. */
  why: string;
  /** Expected field spellings: TypeScript property, Rust field, Go field. */
  ts: string;
  rust: string;
  go: string;
}

/**
 * Field names. Within one object no two may collide after case conversion (the IR rejects that),
 * so names that only differ from a row here by case or punctuation are in ALT_NAMES, which go to
 * a second object.
 */
export const NAMES: readonly NameRow[] = [
  { name: "type", why: "keyword in all three", ts: "type", rust: "r#type", go: "Type" },
  { name: "r#type", why: "a raw identifier spelled out", ts: "rType", rust: "r_type", go: "RType" },
  { name: "self", why: "Rust keyword that cannot be raw", ts: "self", rust: "self_", go: "Self" },
  { name: "crate", why: "Rust keyword that cannot be raw", ts: "crate", rust: "crate_", go: "Crate" },
  { name: "super", why: "Rust keyword that cannot be raw; TS reserved", ts: "super", rust: "super_", go: "Super" },
  { name: "_", why: "Rust wildcard, Go blank identifier", ts: "field", rust: "field", go: "Field" },
  { name: "async", why: "Rust 2018 keyword", ts: "async", rust: "r#async", go: "Async" },
  { name: "gen", why: "Rust 2024 reserved keyword", ts: "gen", rust: "r#gen", go: "Gen" },
  { name: "dyn", why: "Rust keyword", ts: "dyn", rust: "r#dyn", go: "Dyn" },
  { name: "string", why: "Go predeclared type, TS type keyword", ts: "string", rust: "string", go: "String" },
  { name: "error", why: "Go predeclared type", ts: "error", rust: "error", go: "Error" },
  { name: "nil", why: "Go predeclared value", ts: "nil", rust: "nil", go: "Nil" },
  { name: "len", why: "Go builtin", ts: "len", rust: "len", go: "Len" },
  { name: "json", why: "Go import name in generated code", ts: "json", rust: "json", go: "JSON" },
  { name: "fmt", why: "Go package name", ts: "fmt", rust: "fmt", go: "Fmt" },
  { name: "func", why: "Go keyword", ts: "func", rust: "func", go: "Func" },
  { name: "chan", why: "Go keyword", ts: "chan", rust: "chan", go: "Chan" },
  { name: "MarshalJSON", why: "Go method generated on structs", ts: "marshalJson", rust: "marshal_json", go: "MarshalJSONField" },
  { name: "IsKnown", why: "Go method generated on enums", ts: "isKnown", rust: "is_known", go: "IsKnownField" },
  { name: "__proto__", why: "sets the prototype in an object literal", ts: "proto", rust: "proto", go: "Proto" },
  { name: "constructor", why: "Object.prototype member", ts: "constructor_", rust: "constructor", go: "Constructor" },
  { name: "toString", why: "Object.prototype member", ts: "toString_", rust: "to_string", go: "ToString" },
  { name: "class", why: "TS reserved word", ts: "class", rust: "class", go: "Class" },
  { name: "delete", why: "TS reserved word", ts: "delete", rust: "delete", go: "Delete" },
  { name: "null", why: "TS literal", ts: "null", rust: "null", go: "Null" },
  { name: "undefined", why: "TS global value", ts: "undefined", rust: "undefined", go: "Undefined" },
  { name: "rt", why: "the TS runtime namespace import", ts: "rt", rust: "rt", go: "Rt" },
  { name: "Option", why: "Rust prelude type", ts: "option", rust: "option", go: "Option" },
  { name: "123", why: "numeric", ts: "field123", rust: "field_123", go: "Field123" },
  { name: "1st", why: "starts with a digit", ts: "field1st", rust: "field_1st", go: "Field1st" },
  { name: "é", why: "non-ASCII letter", ts: "ue9", rust: "ue_9", go: "Ue9" },
  { name: "日本", why: "CJK", ts: "u65e5U672c", rust: "u_65e_5_u_672c", go: "U65e5U672c" },
  { name: "😀", why: "emoji (astral plane)", ts: "u1f600", rust: "u_1f_600", go: "U1f600" },
];

/** Names that collide with a NAMES row after case conversion: a second object holds them. */
export const ALT_NAMES: readonly NameRow[] = [
  { name: "Self", why: "Rust keyword that cannot be raw, capitalised", ts: "self", rust: "self_", go: "Self" },
  { name: "", why: "empty", ts: "field", rust: "field", go: "Field" },
  { name: "Type", why: "differs from type only by case", ts: "type", rust: "r#type", go: "Type" },
];

/** Names that collide after case conversion, in one object: the IR tells them apart (src/ir/disambiguate.ts). */
export const CASED_NAMES: readonly string[] = ["type", "Type", "TYPE", "self", "Self", "", "_", "a.b", "a_b", "aB", "é", "É"];

/**
 * Names for $defs keys, which become type names in every target. (Self, type, crate, json, fmt
 * are entity directories below: their root types take those names.)
 */
export const TYPE_NAMES: readonly string[] = [
  "super", "Option", "Result", "String", "Box", "Vec", "Value", "Default", "Serialize", "Some", "Map", "error",
  "nil", "Object", "Promise", "Record", "JsonValue", "Runtime", "constructor", "__proto__", "123", "é", "日本",
];

/** $defs keys of enums (values in TypeScript): globals the generated code calls (BigInt, Array.isArray). */
export const VALUE_TYPE_NAMES: readonly string[] = ["BigInt", "Array", "Date", "Symbol", "Number", "Math", "Set"];

/** Doc text (descriptions and titles) that must not end or escape a comment. */
export const DOC_TEXTS: readonly string[] = [
  "ends a comment */ and opens one /* here",
  "line\u2028separator and paragraph\u2029separator",
  "carriage\rreturn and\r\nCRLF",
  "`backticks` and ```fenced``` and ${template}",
  "#[derive(Debug)] and #![allow(warnings)] attributes",
  "// a line comment and //! inner doc and /// outer doc",
  "<script>alert(1)</script> & entities",
  "trailing backslash \\",
  "nul \u0000 and bell \u0007 and escape \u001b and del \u007f",
  "bidi \u202e override \u2066 isolate",
  "    indented like a code block\n\n```rust\nfn doctest() { panic!() }\n```",
  "// Output:\nlooks like a Go example",
];

/** String values (enum values, wire names, defaults) with every kind of escape. */
export const STRINGS: readonly string[] = [
  "", " ", "\"", "\\", "quote\"and\\backslash", "\n", "\r\n", "\t", "\u0000", "\u0001\u001f", "\u007f", "\u0085",
  "\u2028", "\u2029", "\ufeff", "${x}", "`tick`", "</script>", "*/", "/*", "//", "#[", "%s %d", "{{handlebars}}",
  "é", "日本語", "😀", "\u{10ffff}",
];

const STRING_DEFAULT = "*/ \"q\" \\ ${x} </script> \u2028 \u0000 `t`";

const described = (schema: Record<string, unknown>, i: number): Record<string, unknown> => ({
  ...schema,
  description: DOC_TEXTS[i % DOC_TEXTS.length],
});

function fieldsOf(rows: readonly NameRow[]): Record<string, unknown> {
  return Object.fromEntries(rows.map((r, i) => [r.name, described({ type: "string" }, i)]));
}

/** The shared case's schemas: schemas/<entity>/v<N>.json → schema. */
export function hostileSchemas(): Record<string, unknown> {
  const defs = Object.fromEntries(
    TYPE_NAMES.map((name, i) => [
      name,
      described({ type: "object", title: DOC_TEXTS[(i + 3) % DOC_TEXTS.length], properties: { v: { type: "integer" } } }, i),
    ]),
  );
  for (const name of VALUE_TYPE_NAMES) defs[name] = { description: DOC_TEXTS[4], enum: ["a", "b"] };
  const refs = Object.fromEntries(
    [...TYPE_NAMES, ...VALUE_TYPE_NAMES].map((name, i) => [`ref${i}`, { $ref: `#/$defs/${encodeURIComponent(name.replace(/~/g, "~0").replace(/\//g, "~1"))}` }]),
  );
  // Each wire name and enum value starts with its own word: ones that are all punctuation would
  // get the same identifier (an IR error). (A lone surrogate is refused on load: UTF-8 cannot hold it.)
  const wire = Object.fromEntries(STRINGS.map((s, i) => [`w${i}${s}`, described({ type: "string", default: s }, i)]));
  const values = STRINGS.map((s, i) => `v${i}${s}`);
  const hostile = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    description: DOC_TEXTS.join("\n\n"),
    type: "object",
    properties: {
      ...fieldsOf(NAMES),
      alt: { type: "object", description: DOC_TEXTS[0], properties: fieldsOf(ALT_NAMES) },
      cased: { type: "object", properties: Object.fromEntries(CASED_NAMES.map((n) => [n, { type: "string" }])) },
      rawValues: { description: "Every escape as an enum value, unprefixed.", enum: [...STRINGS] },
      wire: { type: "object", description: "Every escape as a wire name, each with itself as default.", properties: wire },
      values: {
        description: "Every escape as an enum value.",
        enum: values,
      },
      valueList: { type: "array", items: { type: "string", enum: values, default: values[values.length - 1] } },
      defaulted: { type: "string", default: STRING_DEFAULT, description: DOC_TEXTS[1] },
      required: { type: "string", default: STRING_DEFAULT, description: DOC_TEXTS[2] },
      types: { type: "object", properties: refs },
      big: { type: "integer", format: "int64", default: 9007199254740992 },
      mixed: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }], description: DOC_TEXTS[5] },
    },
    required: ["required", "type"],
    $defs: defs,
  };
  // Entity directories named like keywords and packages: Rust modules, Go packages, TS files.
  const small = (v: number) => ({
    $schema: "https://json-schema.org/draft/2020-12/schema",
    description: DOC_TEXTS[v],
    type: "object",
    properties: { self: { type: "string" }, ...(v > 1 ? { super: { type: "string", default: STRING_DEFAULT } } : {}) },
  });
  const files: Record<string, unknown> = { "hostile/v1.json": hostile };
  // Rust keywords and crate names, Go package names the go command or linker treat specially.
  for (const entity of ["type", "self", "crate", "mod", "fmt", "json", "std", "rt", "main", "lib", "init", "internal", "vendor", "testdata", "a-b"]) {
    files[`${entity}/v1.json`] = small(1);
    files[`${entity}/v2.json`] = small(2);
  }
  return files;
}

/** Instances to round-trip: instances/<entity>/<name>.json → value. Every hostile wire name set. */
export function hostileInstances(): Record<string, unknown> {
  const fields = (rows: readonly NameRow[]) => Object.fromEntries(rows.map((r, i) => [r.name, STRINGS[i % STRINGS.length]]));
  const all = {
    ...fields(NAMES),
    alt: { ...fields(ALT_NAMES), "unknown \"*/ ${x}": STRINGS },
    cased: Object.fromEntries(CASED_NAMES.map((n, i) => [n, STRINGS[i]])),
    rawValues: "\u2028",
    wire: Object.fromEntries(STRINGS.map((s, i) => [`w${i}${s}`, s])),
    values: `v0${STRINGS[0]}`,
    valueList: STRINGS.map((s, i) => `v${i}${s}`),
    defaulted: STRINGS.join(""),
    required: "",
    types: Object.fromEntries([
      ...TYPE_NAMES.map((_, i) => [`ref${i}`, { v: i, [`</script>${i}`]: { "*/": [i] } }]),
      ...VALUE_TYPE_NAMES.map((_, i) => [`ref${TYPE_NAMES.length + i}`, i % 2 === 0 ? "a" : "unknown \"*/"]),
    ]),
    big: 9007199254740992,
    mixed: STRINGS,
    "unknown\u2028\u0000\"": { "#[": "`", "": null },
  };
  return {
    "hostile/all.json": all,
    "hostile/minimal.json": { type: "", required: "" },
    "self/set.json": { self: "*/", super: "\u2029" },
  };
}

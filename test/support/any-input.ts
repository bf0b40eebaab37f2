/**
 * Arbitrary schema files for the "any input" property: JSON text built as text (so it can hold
 * what JSON.stringify never writes: 1e400, 30-digit integers, duplicate keys, lone surrogates),
 * schema keywords with the wrong types, $ref loops, deep nesting, mutated text, raw bytes and BOMs.
 */
import fc from "fast-check";

const KEYWORDS = [
  "type", "properties", "required", "items", "prefixItems", "enum", "const", "$ref", "$defs", "definitions",
  "oneOf", "anyOf", "allOf", "not", "if", "then", "else", "additionalProperties", "patternProperties",
  "default", "examples", "format", "minimum", "maximum", "pattern", "minItems", "maxItems", "minLength",
  "maxLength", "minProperties", "multipleOf", "title", "description", "x-lockstep-name", "discriminator",
  "nullable", "$id", "$schema", "$anchor", "propertyNames", "unevaluatedProperties", "deprecated",
  "dependentRequired", "x-lockstep-renamed-from", "__proto__", "constructor",
];

const SCALARS = [
  "1e400", "-1e400", "123456789012345678901234567890", "9007199254740993", "-0", "0.1", "1.5e-320", "5", "-1",
  "null", "true", "false", "[]", "{}", '""',
  '"string"', '"object"', '"integer"', '"array"', '"null"', '"number"', '"boolean"', '"int64"', '"date-time"',
  '"\\ud800"', '"a\\udc00b"', '"\\u0000"', '"*/ \\u2028 `#["', '"[a-"', '"^\\\\p{L}+$"',
  '"#"', '"#/$defs/a"', '"#/$defs/b"', '"#/properties/a"', '"#/definitions/a"', '"#/items"', '"#a"', '"#/nope"',
  '"../b/v1.json"', '"%"', '"a%zz.json#/x%"', '"../a/v1.json#/$defs/a"', '"../_common/c.json"', '"../../outside.json"', '"https://x.test/s.json"', '"v1.json"',
];

const keyText = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KEYWORDS).map((k) => JSON.stringify(k)) },
  { weight: 2, arbitrary: fc.constantFrom("a", "b", "A", "id", "type", "é", "名前", "🙂", "", "0", "Self", "r#type").map((k) => JSON.stringify(k)) },
  { weight: 1, arbitrary: fc.constantFrom('"\\ud800"', '"x\\udfff"', '"a/b~c"') },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((k) => JSON.stringify(k)) },
);

/** A JSON text shaped like a schema, wrong in random places. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ node: string; object: string; array: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 3, arbitrary: fc.constantFrom(...SCALARS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)) },
    { weight: 3, arbitrary: tie("object") },
    { weight: 1, arbitrary: tie("array") },
  ),
  object: fc.array(fc.tuple(keyText, tie("node")), { maxLength: 5 }).map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(",")}}`),
  array: fc.array(tie("node"), { maxLength: 4 }).map((items) => `[${items.join(",")}]`),
})).object;

/** A small valid schema to start mutations from. */
const BASE = JSON.stringify({
  type: "object",
  required: ["id"],
  properties: { id: { type: "string" }, n: { type: "integer", format: "int64" }, tag: { enum: ["x", "y"] }, next: { $ref: "#/$defs/a" } },
  $defs: { a: { type: ["object", "null"], properties: { b: { $ref: "#/$defs/a" } } } },
});

const mutate = fc
  .array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.constantFrom("", "{", "}", "[", "]", '"', ",", ":", "\\", "\u0000", "\ud800", "1e400", " ", "\ufeff")), { minLength: 1, maxLength: 4 })
  .map((ops) => {
    let text = BASE;
    for (const [at, drop, insert] of ops) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i + drop);
    }
    return text;
  });

/** `depth` levels of one nesting pattern around a string schema. */
const deep = fc.tuple(fc.integer({ min: 100, max: 700 }), fc.constantFrom("props", "items", "allOf", "array")).map(([depth, kind]) => {
  const [open, close] = {
    props: ['{"type":"object","properties":{"a":', "}}"],
    items: ['{"type":"array","items":', "}"],
    allOf: ['{"allOf":[', "]}"],
    array: ['{"type":"object","default":', "}"],
  }[kind]!;
  const inner = kind === "array" ? `${"[".repeat(depth)}${"]".repeat(depth)}` : '{"type":"string"}';
  return kind === "array" ? `${open}${inner}${close}` : `${open.repeat(depth)}${inner}${close.repeat(depth)}`;
});

/** The bytes of one schema file. */
export const fileBytes: fc.Arbitrary<Buffer> = fc.oneof(
  { weight: 6, arbitrary: jsonText.map((t) => Buffer.from(t)) },
  { weight: 3, arbitrary: mutate.map((t) => Buffer.from(t)) },
  { weight: 1, arbitrary: fc.constant(Buffer.from(BASE)) },
  { weight: 1, arbitrary: fc.constantFrom(...SCALARS).map((t) => Buffer.from(t)) },
  { weight: 1, arbitrary: jsonText.map((t) => Buffer.from(`\ufeff${t}`)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b)) },
  { weight: 1, arbitrary: deep.map((t) => Buffer.from(t)) },
);

/** A project: schema files by path under schemas/ (entities a and b, a shared document). */
export const project: fc.Arbitrary<Record<string, Buffer>> = fc
  .record({
    a: fc.array(fileBytes, { minLength: 1, maxLength: 3 }),
    b: fc.option(fc.array(fileBytes, { minLength: 1, maxLength: 2 }), { nil: undefined }),
    common: fc.option(fileBytes, { nil: undefined }),
  })
  .map(({ a, b, common }) => {
    const files: Record<string, Buffer> = {};
    a.forEach((bytes, i) => (files[`schemas/a/v${i + 1}.json`] = bytes));
    b?.forEach((bytes, i) => (files[`schemas/b/v${i + 1}.json`] = bytes));
    if (common) files["schemas/_common/c.json"] = common;
    return files;
  });

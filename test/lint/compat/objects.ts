/** Open, closed and partially open objects: additionalProperties, patternProperties, propertyNames, unevaluatedProperties. */
import { D07, i, o, pair, s, type Pair } from "./table.js";

const closed = (p: Record<string, unknown>, extra: Record<string, unknown> = {}) => o(p, { additionalProperties: false, ...extra });
const str = { type: "string" };
const strOrInt = { type: ["string", "integer"] };
/** `c` matters only when `k` is "cron" (dependabot's schedule.cronjob). */
const cron = { if: { properties: { k: { const: "cron" } } } };

export const OBJECTS: Pair[] = [
  pair("additionalProperties: false removed", closed({ a: s }), o({ a: s }), "ok", "break"),
  pair("additionalProperties: false added", o({ a: s }), closed({ a: s }), "break", "ok"),
  pair("additionalProperties false relaxed to a schema", closed({ a: s }), o({ a: s }, { additionalProperties: str }), "ok", "break"),
  pair("additionalProperties schema widened", o({ a: s }, { additionalProperties: str }), o({ a: s }, { additionalProperties: strOrInt }), "ok", "break"),
  pair("additionalProperties schema narrowed", o({ a: s }, { additionalProperties: strOrInt }), o({ a: s }, { additionalProperties: str }), "break", "ok"),
  pair("additionalProperties schema closed to false", o({ a: s }, { additionalProperties: str }), closed({ a: s }), "break", "ok"),
  pair("additionalProperties schema removed", o({ a: s }, { additionalProperties: str }), o({ a: s }), "ok", "break"),
  pair("additionalProperties: true added (no change)", o({ a: s }), o({ a: s }, { additionalProperties: true }), "ok", "ok"),
  pair("additionalProperties: false with draft-07", { ...closed({ a: s }), $schema: D07 }, { ...o({ a: s }), $schema: D07 }, "ok", "break"),
  pair("patternProperties added to an open object", o({ a: s }), o({ a: s }, { patternProperties: { "^x-": str } }), "break", "ok"),
  pair("patternProperties removed from an open object", o({ a: s }, { patternProperties: { "^x-": str } }), o({ a: s }), "ok", "break"),
  pair("pattern removed from a closed object", closed({ a: s }, { patternProperties: { "^x-": str } }), closed({ a: s }), "break", "ok"),
  pair("pattern added to a closed object", closed({ a: s }), closed({ a: s }, { patternProperties: { "^x-": str } }), "ok", "break"),
  pair("pattern schema widened", o({}, { patternProperties: { "^x-": str } }), o({}, { patternProperties: { "^x-": strOrInt } }), "ok", "break"),
  pair("pattern schema narrowed", o({}, { patternProperties: { "^x-": strOrInt } }), o({}, { patternProperties: { "^x-": str } }), "break", "ok"),
  pair("pattern replaced by an unrelated one", o({}, { patternProperties: { "^x-": str } }), o({}, { patternProperties: { "^y-": str } }), "break", "break"),
  pair(
    "closed object: pattern replaced by a wider one lockstep cannot compare",
    closed({}, { patternProperties: { "^[a-z]+$": str } }), closed({}, { patternProperties: { "^[a-z]+[0-9]*$": str } }), "unproven", "break",
  ),
  pair("pattern schema gains a bound", o({}, { patternProperties: { "^n_": i } }), o({}, { patternProperties: { "^n_": { type: "integer", minimum: 0 } } }), "break", "ok"),
  pair("second pattern added to a closed object", closed({}, { patternProperties: { "^a_": str } }), closed({}, { patternProperties: { "^a_": str, "^b_": i } }), "ok", "break"),
  pair("closed object: additionalProperties false replaced by patternProperties", closed({ a: s }), closed({ a: s }, { patternProperties: { "^meta_": s } }), "ok", "break"),
  pair("property added that an old pattern governs, same schema", o({}, { patternProperties: { "^x-": str } }), o({ "x-a": s }, { patternProperties: { "^x-": str } }), "ok", "ok"),
  pair(
    "property added that an old pattern governs, narrower",
    o({}, { patternProperties: { "^x-": str } }), o({ "x-a": { type: "string", maxLength: 3 } }, { patternProperties: { "^x-": str } }), "break", "ok",
  ),
  pair("property added that an old pattern governs, wider (the pattern still applies)", o({}, { patternProperties: { "^x-": str } }), o({ "x-a": strOrInt }, { patternProperties: { "^x-": str } }), "ok", "ok"),
  pair("property removed that a new pattern governs, same schema", o({ "x-a": s }, { patternProperties: { "^x-": str } }), o({}, { patternProperties: { "^x-": str } }), "ok", "ok"),
  pair("property removed that a new pattern governs differently", o({ "x-a": s }), o({}, { patternProperties: { "^x-": i } }), "break", "break"),
  pair("property removed from a closed object", closed({ a: s, b: s }), closed({ a: s }), "break", "ok"),
  pair("property added to a closed object", closed({ a: s }), closed({ a: s, b: s }), "ok", "break"),
  pair("optional property added to an open object", o({ a: s }), o({ a: s, b: i }), "ok", "ok", { note: "open content model: generated writers never invent undeclared properties" }),
  pair("optional property removed from an open object", o({ a: s, b: i }), o({ a: s }), "ok", "ok", { note: "open content model" }),
  pair("property removed that a new conditional still declares", o({ k: s, c: s }, { ...cron, then: { required: ["c"] } }), o({ k: s }, { ...cron, then: { properties: { c: s }, required: ["c"] } }), "ok", "break", { note: "the name keeps a meaning in the new schema: set semantics" }),
  pair("property removed that a new dependent schema types the same way", o({ k: s, c: s }), o({ k: s }, { dependentSchemas: { c: { properties: { c: s } } } }), "ok", "ok"),
  pair("property added that an old conditional declares differently", o({ k: s }, { ...cron, then: { properties: { c: s }, required: ["c"] } }), o({ k: s, c: s }, { ...cron, then: { required: ["c"] } }), "break", "ok", { note: "the name had a meaning in the old schema: set semantics" }),
  pair("property removed where the new additionalProperties admits it", o({ a: s, b: s }, { additionalProperties: str }), o({ a: s }, { additionalProperties: str }), "ok", "ok"),
  pair("property removed where the new additionalProperties rejects it", o({ a: s, b: s }, { additionalProperties: i }), o({ a: s }, { additionalProperties: i }), "break", "break"),
  pair("property added where the old additionalProperties admits it", o({ a: s }, { additionalProperties: str }), o({ a: s, b: s }, { additionalProperties: str }), "ok", "ok"),
  pair("property added where the old additionalProperties types it differently", o({ a: s }, { additionalProperties: str }), o({ a: s, b: i }, { additionalProperties: str }), "break", "break"),
  pair("propertyNames added", o({}), o({}, { propertyNames: { maxLength: 3 } }), "break", "ok"),
  pair("propertyNames removed", o({}, { propertyNames: { maxLength: 3 } }), o({}), "ok", "break"),
  pair("propertyNames widened", o({}, { propertyNames: { maxLength: 3 } }), o({}, { propertyNames: { maxLength: 5 } }), "ok", "break"),
  pair("propertyNames narrowed", o({}, { propertyNames: { maxLength: 5 } }), o({}, { propertyNames: { maxLength: 3 } }), "break", "ok"),
  pair("propertyNames pattern widened (cannot prove backward)", o({}, { propertyNames: { pattern: "^[a-z]+$" } }), o({}, { propertyNames: { pattern: "^[a-z_]+$" } }), "unproven", "break"),
  pair("propertyNames added to a closed object whose names all fit", closed({ ab: s, cd: s }), closed({ ab: s, cd: s }, { propertyNames: { maxLength: 2 } }), "ok", "ok"),
  pair("propertyNames enum widened", o({}, { propertyNames: { enum: ["a", "b"] } }), o({}, { propertyNames: { enum: ["a", "b", "c"] } }), "ok", "break"),
  pair("unevaluatedProperties: false added", o({ a: s }), o({ a: s }, { unevaluatedProperties: false }), "break", "ok"),
  pair("unevaluatedProperties: false removed", o({ a: s }, { unevaluatedProperties: false }), o({ a: s }), "ok", "break"),
  pair("unevaluatedProperties schema widened", o({ a: s }, { unevaluatedProperties: str }), o({ a: s }, { unevaluatedProperties: strOrInt }), "ok", "break"),
  pair("additionalProperties: false replaced by unevaluatedProperties: false", closed({ a: s }), o({ a: s }, { unevaluatedProperties: false }), "ok", "ok"),
  pair(
    "unevaluatedProperties: false over an allOf base, property added",
    o({ b: s }, { allOf: [{ $ref: "#/$defs/base" }], unevaluatedProperties: false, $defs: { base: { type: "object", properties: { a: s } } } }),
    o({ b: s, c: s }, { allOf: [{ $ref: "#/$defs/base" }], unevaluatedProperties: false, $defs: { base: { type: "object", properties: { a: s } } } }),
    "ok", "break",
  ),
  pair(
    "unevaluatedProperties: false over an allOf base, base property removed",
    o({ b: s }, { allOf: [{ $ref: "#/$defs/base" }], unevaluatedProperties: false, $defs: { base: { type: "object", properties: { a: s } } } }),
    o({ b: s }, { allOf: [{ $ref: "#/$defs/base" }], unevaluatedProperties: false, $defs: { base: { type: "object", properties: {} } } }),
    "break", "ok",
  ),
  pair("minProperties added", o({}), o({}, { minProperties: 1 }), "break", "ok"),
  pair("maxProperties added to a closed object that already fits", closed({ a: s, b: s }), closed({ a: s, b: s }, { maxProperties: 2 }), "ok", "ok"),
];

import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged int64", previous: obj({ a: { ...int, format: "int64" } }), current: obj({ a: { ...int, format: "int64" } }) },
    { name: "narrowing is not widening", previous: obj({ a: { type: ["string", "null"] } }), current: obj({ a: str }) },
  ],
  invalid: [
    { name: "string → string | integer", previous: obj({ a: str }), current: obj({ a: { type: ["string", "integer"] } }), expected: [{ rule: "type-widened", pointer: "/properties/a" }] },
    { name: "integer → number", previous: obj({ a: int }), current: obj({ a: { type: "number" } }), expected: [{ rule: "type-widened", pointer: "/properties/a" }] },
    { name: "int32 → int64", previous: obj({ a: { ...int, format: "int32" } }), current: obj({ a: { ...int, format: "int64" } }), expected: [{ rule: "type-widened", pointer: "/properties/a/format" }] },
    { name: "backward mode: new readers read old data fine (a note)", previous: obj({ a: str }), current: obj({ a: { type: ["string", "integer"] } }), mode: "backward", expected: [{ rule: "type-widened", pointer: "/properties/a", severity: "info" }] },
  ],
} satisfies RuleCases;

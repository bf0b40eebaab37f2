import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged", previous: obj({ a: { type: ["string", "integer"] } }), current: obj({ a: { type: ["integer", "string"] } }) },
    { name: "number → integer is integer-narrowed's", previous: obj({ a: { type: "number" } }), current: obj({ a: int }) },
  ],
  invalid: [
    { name: "string | integer → string", previous: obj({ a: { type: ["string", "integer"] } }), current: obj({ a: str }), expected: [{ rule: "type-narrowed", pointer: "/properties/a" }] },
    { name: "any → object (a schema gets a type)", previous: obj({ a: {} }), current: obj({ a: { type: "object" } }), expected: [{ rule: "type-narrowed", pointer: "/properties/a" }] },
    { name: "additionalProperties: open → typed", previous: obj({ a: str }), current: obj({ a: str }, [], { additionalProperties: str }), expected: [{ rule: "type-narrowed", pointer: "/additionalProperties" }] },
    { name: "forward mode: narrowing does not break old readers (a note)", previous: obj({ a: { type: ["string", "integer"] } }), current: obj({ a: str }), mode: "forward", expected: [{ rule: "type-narrowed", pointer: "/properties/a", severity: "info" }] },
  ],
} satisfies RuleCases;

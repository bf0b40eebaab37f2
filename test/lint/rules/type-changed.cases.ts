import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

export default {
  valid: [
    { name: "same type", previous: obj({ a: str }), current: obj({ a: { ...str, description: "x" } }) },
    { name: "widening is type-widened's", previous: obj({ a: str }), current: obj({ a: { type: ["string", "integer"] } }) },
    { name: "type list and anyOf of the same kinds are the same", previous: obj({ a: { type: ["string", "integer"] } }), current: obj({ a: { anyOf: [str, int] } }) },
  ],
  invalid: [
    { name: "string → integer", previous: obj({ a: str }), current: obj({ a: int }), expected: [{ rule: "type-changed", pointer: "/properties/a", severity: "error" }] },
    { name: "object → array at the root", previous: { type: "object" }, current: { type: "array", items: str }, expected: [{ rule: "type-changed", pointer: "" }] },
    { name: "array items string → boolean", previous: obj({ l: { type: "array", items: str } }), current: obj({ l: { type: "array", items: { type: "boolean" } } }), expected: [{ rule: "type-changed", pointer: "/properties/l/items" }] },
  ],
} satisfies RuleCases;

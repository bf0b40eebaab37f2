import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "everything typed", current: obj({ a: str, b: { type: "array", items: str } }) },
    { name: "a union by kind is typed", current: obj({ v: { oneOf: [str, { type: "integer" }] } }) },
  ],
  invalid: [
    { name: "not alone", current: obj({ a: { not: { type: "string" } } }), expected: [{ rule: "raw-json-fallback", pointer: "/properties/a" }] },
    { name: "tuple without items: false", current: obj({ t: { type: "array", prefixItems: [str, str] } }), expected: [{ rule: "raw-json-fallback", pointer: "/properties/t" }] },
  ],
} satisfies RuleCases;

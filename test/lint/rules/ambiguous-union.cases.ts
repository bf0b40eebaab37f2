import type { RuleCases } from "../rule-tester.js";
import { S, obj, str, tagged } from "./schema.js";

export default {
  valid: [
    { name: "discriminated union", current: tagged("kind", ["a", "b"]) },
    { name: "distinct kinds", current: obj({ v: { oneOf: [str, { type: "integer" }, { type: "array", items: str }] } }) },
    { name: "anyOf with integer and number (anyOf allows both)", current: obj({ v: { anyOf: [{ type: "integer" }, { type: "number" }] } }) },
  ],
  invalid: [
    { name: "two object variants without a tag", current: { $schema: S, oneOf: [{ type: "object", properties: { a: str } }, { type: "object", properties: { b: str } }] }, expected: [{ rule: "ambiguous-union", pointer: "/oneOf/1" }] },
    { name: "oneOf integer and number", current: obj({ v: { oneOf: [{ type: "integer" }, { type: "number" }] } }), expected: [{ rule: "ambiguous-union", pointer: "/properties/v/oneOf/0" }] },
  ],
} satisfies RuleCases;

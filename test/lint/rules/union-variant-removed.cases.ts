import type { RuleCases } from "../rule-tester.js";
import { S, int, obj, str, tagged } from "./schema.js";

export default {
  valid: [
    { name: "variants reordered", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["b", "a"]) },
    { name: "variant added", previous: tagged("kind", ["a"]), current: tagged("kind", ["a", "b"]) },
  ],
  invalid: [
    { name: "tagged variant removed", previous: tagged("kind", ["a", "b", "c"]), current: tagged("kind", ["a", "c"]), expected: [{ rule: "union-variant-removed", pointer: "/oneOf" }] },
    { name: "down to one variant (the union becomes that object)", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["a"]), expected: [{ rule: "union-variant-removed", pointer: "/oneOf/0" }] },
    { name: "kind removed from a union by kind", previous: obj({ v: { oneOf: [str, int, { type: "boolean" }] } }), current: obj({ v: { oneOf: [str, int] } }), expected: [{ rule: "union-variant-removed", pointer: "/properties/v/oneOf" }] },
    {
      name: "branch removed from an undiscriminated union",
      previous: { $schema: S, anyOf: [{ type: "object", properties: { a: str } }, { type: "object", properties: { b: str } }, { type: "object", properties: { c: str } }] },
      current: { $schema: S, anyOf: [{ type: "object", properties: { a: str } }, { type: "object", properties: { b: str } }] },
      expected: [{ rule: "union-variant-removed", pointer: "/anyOf" }],
    },
  ],
} satisfies RuleCases;

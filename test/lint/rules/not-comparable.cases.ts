import type { RuleCases } from "../rule-tester.js";
import { obj, S, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged if/then", previous: obj({ a: str }, [], { if: { required: ["a"] }, then: { required: ["b"] } }), current: obj({ a: str }, [], { then: { required: ["b"] }, if: { required: ["a"] } }) },
    { name: "only modelled keywords changed", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
    { name: "a decidable keyword change (not)", previous: obj({ a: { ...str, not: { const: "x" } } }), current: obj({ a: { ...str, not: { const: "y" } } }) },
    { name: "patterns that data tells apart", previous: obj({ a: { ...str, pattern: "^a" } }), current: obj({ a: { ...str, pattern: "^b" } }) },
  ],
  invalid: [
    {
      name: "two patterns nothing tells apart",
      previous: obj({ a: { ...str, pattern: "^[a-z]+$" } }), current: obj({ a: { ...str, pattern: "^[a-z]*[a-z]$" } }),
      expected: [{ rule: "not-comparable", pointer: "/properties/a/pattern", severity: "warning" }],
    },
    {
      name: "a format lockstep does not know", previous: obj({ a: { ...str, format: "uuid" } }), current: obj({ a: { ...str, format: "x-order-code" } }),
      expected: [{ rule: "not-comparable", pointer: "/properties/a/format" }],
    },
    { name: "$dynamicRef changed", previous: { $schema: S, $dynamicRef: "#node" }, current: { $schema: S, $dynamicRef: "#tree" }, expected: [{ rule: "not-comparable", pointer: "/$dynamicRef" }] },
    { name: "the old side's $ref cannot be followed", previous: obj({ a: { $ref: "https://example.com/a.json" } }), current: obj({ a: str }), expected: [{ rule: "not-comparable", pointer: "/properties/a" }] },
  ],
} satisfies RuleCases;

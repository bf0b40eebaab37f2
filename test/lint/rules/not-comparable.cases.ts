import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged if/then", previous: obj({ a: str }, [], { if: { required: ["a"] }, then: { required: ["b"] } }), current: obj({ a: str }, [], { then: { required: ["b"] }, if: { required: ["a"] } }) },
    { name: "only modelled keywords changed", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
  ],
  invalid: [
    { name: "not changed", previous: obj({ a: { ...str, not: { const: "x" } } }), current: obj({ a: { ...str, not: { const: "y" } } }), expected: [{ rule: "not-comparable", pointer: "/properties/a/not", severity: "warning" }] },
    { name: "if added", previous: obj({ a: str }), current: obj({ a: str }, [], { if: { required: ["a"] }, then: { required: ["b"] } }), expected: [{ rule: "not-comparable", pointer: "/if" }, { rule: "not-comparable", pointer: "/then" }] },
    { name: "constraint-only oneOf changed", previous: obj({ a: str, b: str }, [], { oneOf: [{ required: ["a"] }, { required: ["b"] }] }), current: obj({ a: str, b: str }, [], { oneOf: [{ required: ["a"] }] }), expected: [{ rule: "not-comparable", pointer: "/oneOf" }] },
    { name: "the old side's $ref cannot be followed", previous: obj({ a: { $ref: "https://example.com/a.json" } }), current: obj({ a: str }), expected: [{ rule: "not-comparable", pointer: "/properties/a" }] },
  ],
} satisfies RuleCases;

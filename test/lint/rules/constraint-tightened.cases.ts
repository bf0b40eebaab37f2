import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

export default {
  valid: [
    { name: "maxLength raised", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 10 } }) },
    { name: "minLength 0 is no constraint", previous: obj({ a: str }), current: obj({ a: { ...str, minLength: 0 } }) },
    { name: "multipleOf 10 → 5 accepts every old value", previous: obj({ a: { ...int, multipleOf: 10 } }), current: obj({ a: { ...int, multipleOf: 5 } }) },
    { name: "int32/int64 formats are the integer rules'", previous: obj({ a: { ...int, format: "int64" } }), current: obj({ a: { ...int, format: "int32" } }) },
  ],
  invalid: [
    { name: "maxLength lowered", previous: obj({ a: { ...str, maxLength: 10 } }), current: obj({ a: { ...str, maxLength: 5 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/maxLength" }] },
    { name: "minimum raised", previous: obj({ a: { ...int, minimum: 0 } }), current: obj({ a: { ...int, minimum: 1 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/minimum" }] },
    { name: "pattern added", previous: obj({ a: str }), current: obj({ a: { ...str, pattern: "^[a-z]+$" } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/pattern" }] },
    { name: "format changed", previous: obj({ a: { ...str, format: "uri" } }), current: obj({ a: { ...str, format: "uuid" } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/format" }] },
    { name: "uniqueItems and maxItems", previous: obj({ a: { type: "array", items: str } }), current: obj({ a: { type: "array", items: str, uniqueItems: true, maxItems: 3 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/uniqueItems" }, { rule: "constraint-tightened", pointer: "/properties/a/maxItems" }] },
    { name: "multipleOf 5 → 10", previous: obj({ a: { ...int, multipleOf: 5 } }), current: obj({ a: { ...int, multipleOf: 10 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/multipleOf" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

/** allOf members that each say part of what one keyword says (merge.ts conjoins them). */
const arr = (extra: Record<string, unknown>) => obj({ a: { type: "array", ...extra } });
const split = (k: string, x: unknown, y: unknown, extra: Record<string, unknown> = {}) => obj({ a: { type: "object", ...extra, allOf: [{ [k]: x }, { [k]: y }] } });

export default {
  valid: [
    { name: "maxLength raised", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 10 } }) },
    { name: "minLength 0 is no constraint", previous: obj({ a: str }), current: obj({ a: { ...str, minLength: 0 } }) },
    { name: "multipleOf 10 → 5 accepts every old value", previous: obj({ a: { ...int, multipleOf: 10 } }), current: obj({ a: { ...int, multipleOf: 5 } }) },
    { name: "int32/int64 formats are the integer rules'", previous: obj({ a: { ...int, format: "int64" } }), current: obj({ a: { ...int, format: "int32" } }) },
    { name: "items split across allOf members, joined", previous: arr({ allOf: [{ items: str }, { items: { maxLength: 3 } }] }), current: arr({ items: { ...str, maxLength: 3 } }) },
    { name: "two maxLengths in allOf: the lower holds", previous: obj({ a: { ...str, allOf: [{ maxLength: 5 }, { maxLength: 3 }] } }), current: obj({ a: { ...str, maxLength: 3 } }) },
    { name: "a property constrained by two members, joined", previous: split("properties", { b: str }, { b: { maxLength: 3 } }), current: obj({ a: obj({ b: { ...str, maxLength: 3 } }) }) },
    { name: "additionalProperties split across members, joined", previous: split("additionalProperties", str, { maxLength: 3 }), current: obj({ a: { type: "object", additionalProperties: { ...str, maxLength: 3 } } }) },
    { name: "one pattern's schema split across members, joined", previous: split("patternProperties", { "^x": str }, { "^x": { maxLength: 3 } }), current: obj({ a: { type: "object", patternProperties: { "^x": { ...str, maxLength: 3 } } } }) },
    { name: "multipleOf 2 and 3 in allOf is multipleOf 6", previous: obj({ a: { ...int, allOf: [{ multipleOf: 2 }, { multipleOf: 3 }] } }), current: obj({ a: { ...int, multipleOf: 6 } }) },
    { name: "two patterns in allOf, one kept", previous: obj({ a: { ...str, allOf: [{ pattern: "^a" }, { pattern: "b$" }] } }), current: obj({ a: { ...str, pattern: "b$" } }) },
  ],
  invalid: [
    { name: "maxLength lowered", previous: obj({ a: { ...str, maxLength: 10 } }), current: obj({ a: { ...str, maxLength: 5 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/maxLength" }] },
    { name: "minimum raised", previous: obj({ a: { ...int, minimum: 0 } }), current: obj({ a: { ...int, minimum: 1 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/minimum" }] },
    { name: "pattern added", previous: obj({ a: str }), current: obj({ a: { ...str, pattern: "^[a-z]+$" } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/pattern" }] },
    { name: "format changed", previous: obj({ a: { ...str, format: "uri" } }), current: obj({ a: { ...str, format: "uuid" } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/format" }] },
    { name: "uniqueItems and maxItems", previous: obj({ a: { type: "array", items: str } }), current: obj({ a: { type: "array", items: str, uniqueItems: true, maxItems: 3 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/uniqueItems" }, { rule: "constraint-tightened", pointer: "/properties/a/maxItems" }] },
    {
      name: "items split across allOf members, then lowered",
      previous: arr({ allOf: [{ items: str }, { items: { maxLength: 5 } }] }), current: arr({ items: { ...str, maxLength: 3 } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/items/maxLength" }],
    },
    {
      name: "two maxLengths in allOf, then lowered below both",
      previous: obj({ a: { ...str, allOf: [{ maxLength: 3 }, { maxLength: 5 }] } }), current: obj({ a: { ...str, maxLength: 2 } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/maxLength" }],
    },
    {
      name: "two patterns in allOf, replaced by another",
      previous: obj({ a: { ...str, allOf: [{ pattern: "^a" }, { pattern: "^ab" }] } }), current: obj({ a: { ...str, pattern: "^b" } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/pattern" }],
    },
    {
      name: "multipleOf 2 and 3 in allOf (6), then 4",
      previous: obj({ a: { ...int, allOf: [{ multipleOf: 2 }, { multipleOf: 3 }] } }), current: obj({ a: { ...int, multipleOf: 4 } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/multipleOf" }],
    },
    { name: "multipleOf 5 → 10", previous: obj({ a: { ...int, multipleOf: 5 } }), current: obj({ a: { ...int, multipleOf: 10 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/multipleOf" }] },
  ],
} satisfies RuleCases;

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
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/items/maxLength", at: "9:9", old: { pointer: "/properties/a/allOf/1/items/maxLength", at: "15:13" } }],
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
    // Positions name the keyword as written: the member holding it, the one whose value won where several do.
    {
      name: "a maxLength in one member's items, lowered: placed in that member on both sides",
      previous: arr({ allOf: [{ items: str }, { items: { maxLength: 5 } }] }), current: arr({ allOf: [{ items: str }, { items: { maxLength: 3 } }] }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/allOf/1/items/maxLength", at: "15:13", old: { pointer: "/properties/a/allOf/1/items/maxLength", at: "15:13" } }],
    },
    {
      name: "two maxLengths merged to the tightest: placed at the member whose value won, on each side",
      previous: obj({ a: { ...str, allOf: [{ maxLength: 6 }, { maxLength: 4 }] } }), current: obj({ a: { ...str, allOf: [{ maxLength: 3 }, { maxLength: 5 }] } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/allOf/0/maxLength", at: "9:11", old: { pointer: "/properties/a/allOf/1/maxLength", at: "12:11" } }],
    },
    {
      name: "a property several members declare, one with a nested allOf: each side placed where its tightest maxLength is written",
      previous: split("properties", { b: { allOf: [str, { maxLength: 5 }] } }, { b: { maxLength: 8 } }),
      current: split("properties", { b: { allOf: [str, { maxLength: 5 }] } }, { b: { maxLength: 3 } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/allOf/1/properties/b/maxLength", at: "25:15", old: { pointer: "/properties/a/allOf/0/properties/b/allOf/1/maxLength", at: "16:19" } }],
    },
    {
      name: "items whose allOf nests another allOf: placed in the inner member",
      previous: arr({ items: { allOf: [str, { allOf: [{ maxLength: 9 }, { items: {}, maxLength: 5 }] }] } }),
      current: arr({ items: { allOf: [str, { allOf: [{ maxLength: 9 }, { maxLength: 4 }] }] } }),
      expected: [{ rule: "constraint-tightened", pointer: "/properties/a/items/allOf/1/allOf/1/maxLength", at: "18:17", old: { pointer: "/properties/a/items/allOf/1/allOf/1/maxLength", at: "19:17" } }],
    },
    {
      name: "a member that is a $ref: placed in the definition",
      previous: { ...obj({ a: { allOf: [{ $ref: "#/$defs/s" }, { minLength: 1 }] } }), $defs: { s: { ...str, maxLength: 5 } } },
      current: { ...obj({ a: { allOf: [{ $ref: "#/$defs/s" }, { minLength: 1 }] } }), $defs: { s: { ...str, maxLength: 3 } } },
      expected: [{ rule: "constraint-tightened", pointer: "/$defs/s/maxLength", at: "19:7", old: { pointer: "/$defs/s/maxLength", at: "19:7" } }],
    },
    { name: "multipleOf 5 → 10", previous: obj({ a: { ...int, multipleOf: 5 } }), current: obj({ a: { ...int, multipleOf: 10 } }), expected: [{ rule: "constraint-tightened", pointer: "/properties/a/multipleOf" }] },
  ],
} satisfies RuleCases;

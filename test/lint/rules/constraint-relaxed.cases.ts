import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 5 } }) },
    { name: "tightened is another rule", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 4 } }) },
    { name: "two maxLengths in allOf: the lower holds", previous: obj({ a: { ...str, maxLength: 3 } }), current: obj({ a: { ...str, allOf: [{ maxLength: 5 }, { maxLength: 3 }] } }), mode: "forward" },
    {
      name: "items split across allOf members, joined",
      previous: obj({ a: { type: "array", items: { ...str, maxLength: 3 } } }), current: obj({ a: { type: "array", allOf: [{ items: str }, { items: { maxLength: 3 } }] } }), mode: "forward",
    },
  ],
  invalid: [
    { name: "pattern removed: allowed by the additive policy (off)", previous: obj({ a: { ...str, pattern: "^a" } }), current: obj({ a: str }), expected: [{ rule: "constraint-relaxed", pointer: "/properties/a/pattern", severity: "off" }] },
    { name: "forward mode: old validators reject the wider data", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 50 } }), mode: "forward", expected: [{ rule: "constraint-relaxed", pointer: "/properties/a/maxLength", severity: "error" }] },
    {
      name: "items split across allOf members, raised",
      previous: obj({ a: { type: "array", allOf: [{ items: str }, { items: { maxLength: 3 } }] } }), current: obj({ a: { type: "array", items: { ...str, maxLength: 5 } } }), mode: "forward",
      expected: [{ rule: "constraint-relaxed", pointer: "/properties/a/items/maxLength", severity: "error" }],
    },
  ],
} satisfies RuleCases;

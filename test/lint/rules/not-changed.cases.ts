import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "not unchanged", previous: obj({ a: { ...str, not: { const: "" } } }), current: obj({ a: { ...str, not: { const: "" } } }) },
  ],
  invalid: [
    { name: "not added", previous: obj({ a: str }), current: obj({ a: { ...str, not: { const: "" } } }), expected: [{ rule: "not-changed", pointer: "/properties/a/not", severity: "error" }] },
    { name: "not removed (looser: listed by diff)", previous: obj({ a: { ...str, not: { const: "" } } }), current: obj({ a: str }), expected: [{ rule: "not-changed", pointer: "/properties/a", severity: "off" }] },
    {
      // Patterns lockstep cannot compare alone; the values the node lists decide it (an enum value added beside).
      name: "not over an equivalent pattern that no listed value matches: accepts the same data",
      previous: obj({ a: { ...str, enum: ["ab", "ac"], not: { pattern: "^[0-9]+$" } } }), current: obj({ a: { ...str, enum: ["ab", "ac", "ad"], not: { pattern: "^[0-9]*[0-9]$" } } }),
      expected: [{ rule: "not-changed", pointer: "/properties/a/not", severity: "off" }],
    },
    { name: "forbidden value replaced", previous: obj({ a: { ...str, not: { const: "x" } } }), current: obj({ a: { ...str, not: { const: "y" } } }), expected: [{ rule: "not-changed", pointer: "/properties/a/not", severity: "error" }] },
  ],
} satisfies RuleCases;

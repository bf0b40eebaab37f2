import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "same default", previous: obj({ a: { ...str, default: "x" } }), current: obj({ a: { ...str, default: "x", description: "d" } }) },
    { name: "no default on either side", previous: obj({ a: str }), current: obj({ a: str }) },
  ],
  invalid: [
    { name: "default changed", previous: obj({ a: { ...str, default: "x" } }, ["a"]), current: obj({ a: { ...str, default: "y" } }, ["a"]), expected: [{ rule: "default-changed", pointer: "/properties/a/default", severity: "warning" }] },
    { name: "default added", previous: obj({ a: str }), current: obj({ a: { ...str, default: "y" } }), expected: [{ rule: "default-changed", pointer: "/properties/a/default" }] },
    {
      name: "default beside a $ref",
      previous: obj({ a: { $ref: "#/$defs/S", default: "x" } }, ["a"], { $defs: { S: str } }),
      current: obj({ a: { $ref: "#/$defs/S", default: "y" } }, ["a"], { $defs: { S: str } }),
      expected: [{ rule: "default-changed", pointer: "/properties/a/default" }],
    },
  ],
} satisfies RuleCases;

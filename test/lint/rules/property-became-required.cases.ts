import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "already required", previous: obj({ a: str }, ["a"]), current: obj({ a: str }, ["a"]) },
    { name: "stays optional", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
  ],
  invalid: [
    { name: "optional → required", previous: obj({ a: str }), current: obj({ a: str }, ["a"]), expected: [{ rule: "property-became-required", pointer: "/required", severity: "error" }] },
    {
      name: "required under every condition before: a warning (source change only)",
      previous: { ...obj({ a: str, g: str }), if: { required: ["g"] }, then: { required: ["a"] }, else: { required: ["a"] } },
      current: obj({ a: str, g: str }, ["a"]),
      expected: [{ rule: "property-became-required", pointer: "/required", severity: "warning" }],
    },
    {
      name: "required under one condition only: an error",
      previous: { ...obj({ a: str, g: str }), if: { required: ["g"] }, then: { required: ["a"] } },
      current: obj({ a: str, g: str }, ["a"]),
      expected: [{ rule: "property-became-required", pointer: "/required", severity: "error" }],
    },
    { name: "optional → required with a default: a warning", previous: obj({ a: str }), current: obj({ a: { ...str, default: "x" } }, ["a"]), expected: [{ rule: "property-became-required", pointer: "/required", severity: "warning" }] },
  ],
} satisfies RuleCases;

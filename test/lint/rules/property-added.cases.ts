import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "no property added", previous: obj({ a: str }), current: obj({ a: { ...str, description: "doc" } }) },
    { name: "a required addition is required-property-added's", previous: obj({ a: str }), current: obj({ a: str, b: { ...str, default: "x" } }, ["b"]) },
  ],
  invalid: [
    { name: "added to an open object: compatible (severity off, listed by diff)", previous: obj({ a: str }), current: obj({ a: str, b: str }), expected: [{ rule: "property-added", pointer: "/properties/b", severity: "off" }] },
    {
      name: "added to a closed object: old readers drop it, old validators reject it",
      previous: obj({ a: str }, [], { additionalProperties: false }),
      current: obj({ a: str, b: str }, [], { additionalProperties: false }),
      expected: [{ rule: "property-added", pointer: "/properties/b", severity: "warning" }],
    },
    {
      name: "added where additional properties are typed",
      previous: obj({ a: str }, [], { additionalProperties: { type: "integer" } }),
      current: obj({ a: str, b: str }, [], { additionalProperties: { type: "integer" } }),
      expected: [{ rule: "property-added", pointer: "/properties/b", severity: "error" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

/** `c` matters only when `k` is "cron" (dependabot's schedule.cronjob). */
const cron = { if: { properties: { k: { const: "cron" } } } };

export default {
  valid: [
    { name: "no property added", previous: obj({ a: str }), current: obj({ a: { ...str, description: "doc" } }) },
    { name: "a required addition is required-property-added's", previous: obj({ a: str }), current: obj({ a: str, b: { ...str, default: "x" } }, ["b"]) },
  ],
  invalid: [
    {
      name: "a property added in an allOf member: placed in the member",
      previous: obj({ a: { type: "object", allOf: [{ properties: { x: str } }, { properties: { y: str } }] } }),
      current: obj({ a: { type: "object", allOf: [{ properties: { x: str } }, { properties: { y: str, z: str } }] } }),
      expected: [{ rule: "property-added", pointer: "/properties/a/allOf/1/properties/z", at: "20:13", old: { pointer: "/properties/a", at: "5:5" } }],
    },
    {
      name: "added where an old conditional types it differently: old data may carry it, new validators reject it",
      previous: obj({ k: str }, [], { ...cron, then: { properties: { c: { type: "integer" } } } }), current: obj({ k: str, c: str }, [], cron), mode: "backward",
      expected: [{ rule: "property-added", pointer: "/properties/c", severity: "error" }],
    },
    {
      name: "added where an old dependent schema types it the same way",
      previous: obj({ k: str }, [], { dependentSchemas: { c: { properties: { c: str } } } }), current: obj({ k: str, c: str }), mode: "backward",
      expected: [{ rule: "property-added", pointer: "/properties/c", severity: "off" }],
    },
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

import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

/** `c` matters only when `k` is "cron" (dependabot's schedule.cronjob). */
const cron = { if: { properties: { k: { const: "cron" } } } };

export default {
  valid: [
    { name: "nothing removed", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
    { name: "a declared rename is not a removal", previous: obj({ a: str }), current: obj({ b: { ...str, "x-lockstep-renamed-from": "a" } }) },
    { name: "an undeclared rename is reported by property-renamed instead", previous: obj({ a: str, n: int }), current: obj({ b: str, n: int }) },
    { name: "inline → $ref to the same definition", previous: obj({ a: { type: "object", properties: { x: str } } }), current: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: "object", properties: { x: str } } } }) },
  ],
  invalid: [
    { name: "optional property removed", previous: obj({ a: str, b: int }), current: obj({ a: str }), expected: [{ rule: "property-removed", pointer: "/properties/b", severity: "error" }] },
    { name: "required property removed", previous: obj({ a: str, b: int }, ["b"]), current: obj({ a: str }), expected: [{ rule: "property-removed", pointer: "/properties/b" }] },
    {
      name: "removed inside a shared definition: reported once, where it is written",
      previous: obj({ x: { $ref: "#/$defs/A" }, y: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: "object", properties: { p: str, q: str } } } }),
      current: obj({ x: { $ref: "#/$defs/A" }, y: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: "object", properties: { p: str } } } }),
      expected: [{ rule: "property-removed", pointer: "/$defs/A/properties/q" }],
    },
    {
      name: "removed from a nested object in array items",
      previous: obj({ list: { type: "array", items: { type: "object", properties: { k: str, v: str } } } }),
      current: obj({ list: { type: "array", items: { type: "object", properties: { k: str } } } }),
      expected: [{ rule: "property-removed", pointer: "/properties/list/items/properties/v" }],
    },
    {
      name: "removed where a new conditional still declares it: new data may carry it, old validators judge it",
      previous: obj({ k: str, c: str }, [], { ...cron, then: { required: ["c"] } }), current: obj({ k: str }, [], { ...cron, then: { properties: { c: str }, required: ["c"] } }), mode: "forward",
      expected: [{ rule: "property-removed", pointer: "/properties/c", severity: "error" }],
    },
    {
      name: "removed where a new dependent schema types it the same way",
      previous: obj({ k: str, c: str }), current: obj({ k: str }, [], { dependentSchemas: { c: { properties: { c: str } } } }), mode: "forward",
      expected: [{ rule: "property-removed", pointer: "/properties/c", severity: "info" }],
    },
  ],
} satisfies RuleCases;

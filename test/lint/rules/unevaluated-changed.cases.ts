import type { RuleCases } from "../rule-tester.js";
import { obj, S, str } from "./schema.js";

export default {
  valid: [{ name: "unchanged", previous: obj({ a: str }, [], { unevaluatedProperties: false }), current: obj({ a: str }, [], { unevaluatedProperties: false }) }],
  invalid: [
    { name: "unevaluatedProperties: false added", previous: obj({ a: str }), current: obj({ a: str }, [], { unevaluatedProperties: false }), expected: [{ rule: "unevaluated-changed", pointer: "/unevaluatedProperties", severity: "error" }] },
    { name: "unevaluatedProperties schema widened", previous: obj({}, [], { unevaluatedProperties: str }), current: obj({}, [], { unevaluatedProperties: {} }), expected: [{ rule: "unevaluated-changed", pointer: "/unevaluatedProperties", severity: "off" }] },
    {
      name: "unevaluatedItems: false added to a tuple",
      previous: { $schema: S, type: "array", prefixItems: [str] }, current: { $schema: S, type: "array", prefixItems: [str], unevaluatedItems: false },
      expected: [{ rule: "unevaluated-changed", pointer: "/unevaluatedItems", severity: "error" }],
    },
  ],
} satisfies RuleCases;

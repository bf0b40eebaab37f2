import type { RuleCases } from "../rule-tester.js";
import { obj } from "./schema.js";

export default {
  valid: [
    { name: "values reordered", previous: obj({ s: { enum: ["a", "b"] } }), current: obj({ s: { enum: ["b", "a"] } }) },
    { name: "value added", previous: obj({ s: { enum: ["a"] } }), current: obj({ s: { enum: ["a", "b"] } }) },
  ],
  invalid: [
    { name: "value removed", previous: obj({ s: { type: "string", enum: ["a", "b", "c"] } }), current: obj({ s: { type: "string", enum: ["a", "c"] } }), expected: [{ rule: "enum-value-removed", pointer: "/properties/s/enum" }] },
    { name: "const changed", previous: obj({ k: { const: "v1" } }), current: obj({ k: { const: "v2" } }), expected: [{ rule: "enum-value-removed", pointer: "/properties/k/const" }] },
    { name: "a string becomes an enum", previous: obj({ s: { type: "string" } }), current: obj({ s: { type: "string", enum: ["a"] } }), expected: [{ rule: "enum-value-removed", pointer: "/properties/s/enum" }] },
    {
      name: "allowed on purpose with x-lockstep-allow (suppressed, not an error)",
      previous: obj({ s: { enum: ["a", "b"] } }),
      current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed", reason: "b was never written" }] } }),
      expected: [{ rule: "enum-value-removed", pointer: "/properties/s/enum" }],
    },
  ],
} satisfies RuleCases;

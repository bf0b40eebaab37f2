import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "still nullable", previous: obj({ a: { type: ["string", "null"] } }), current: obj({ a: { anyOf: [str, { type: "null" }] } }) },
    { name: "never nullable", previous: obj({ a: str }), current: obj({ a: str }) },
  ],
  invalid: [
    { name: "string | null → string", previous: obj({ a: { type: ["string", "null"] } }), current: obj({ a: str }), expected: [{ rule: "nullable-removed", pointer: "/properties/a" }] },
    {
      name: "oneOf [$ref, null] → $ref: reported at the property",
      previous: obj({ a: { oneOf: [{ $ref: "#/$defs/A" }, { type: "null" }] } }, [], { $defs: { A: { type: "object" } } }),
      current: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: "object" } } }),
      expected: [{ rule: "nullable-removed", pointer: "/properties/a" }],
    },
    {
      name: "a definition loses null: reported once, in the definition",
      previous: obj({ a: { $ref: "#/$defs/A" }, b: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: ["string", "null"] } } }),
      current: obj({ a: { $ref: "#/$defs/A" }, b: { $ref: "#/$defs/A" } }, [], { $defs: { A: str } }),
      expected: [{ rule: "nullable-removed", pointer: "/$defs/A" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "type list and oneOf with null are the same", previous: obj({ a: { type: ["string", "null"] } }), current: obj({ a: { oneOf: [str, { type: "null" }] } }) },
    { name: "nullable: true (OpenAPI) and a null type are the same", previous: obj({ a: { type: "string", nullable: true } }), current: obj({ a: { type: ["string", "null"] } }) },
    { name: "a schema without a type already allows null", previous: obj({ a: {} }), current: obj({ a: { type: ["string", "null"] } }) },
  ],
  invalid: [
    { name: "required string → string | null", previous: obj({ a: str }, ["a"]), current: obj({ a: { type: ["string", "null"] } }, ["a"]), expected: [{ rule: "nullable-added", pointer: "/properties/a" }] },
    {
      name: "$ref → oneOf [$ref, null]: reported at the property, not the definition",
      previous: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: { type: "object" } } }),
      current: obj({ a: { oneOf: [{ $ref: "#/$defs/A" }, { type: "null" }] } }, [], { $defs: { A: { type: "object" } } }),
      expected: [{ rule: "nullable-added", pointer: "/properties/a" }],
    },
    { name: "enum gains null", previous: obj({ a: { enum: ["x", "y"] } }), current: obj({ a: { enum: ["x", "y", null] } }), expected: [{ rule: "nullable-added", pointer: "/properties/a" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "open stays open", previous: obj({ a: str }), current: obj({ a: str }, [], { additionalProperties: true }) },
    { name: "closed stays closed", previous: obj({ a: str }, [], { additionalProperties: false }), current: obj({ a: str, b: str }, [], { additionalProperties: false }) },
  ],
  invalid: [
    { name: "open → closed", previous: obj({ a: str }), current: obj({ a: str }, [], { additionalProperties: false }), expected: [{ rule: "additional-properties-closed", pointer: "/additionalProperties" }] },
    { name: "typed → closed", previous: obj({ a: str }, [], { additionalProperties: str }), current: obj({ a: str }, [], { additionalProperties: false }), expected: [{ rule: "additional-properties-closed", pointer: "/additionalProperties" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "closed stays closed", previous: obj({ a: str }, [], { additionalProperties: false }), current: obj({ a: str }, [], { additionalProperties: false }) },
    { name: "open stays open", previous: obj({ a: str }), current: obj({ a: str }) },
  ],
  invalid: [
    { name: "closed → open", previous: obj({ a: str }, [], { additionalProperties: false }), current: obj({ a: str }), expected: [{ rule: "additional-properties-opened", pointer: "", severity: "warning" }] },
    { name: "closed → typed", previous: obj({ a: str }, [], { additionalProperties: false }), current: obj({ a: str }, [], { additionalProperties: str }), expected: [{ rule: "additional-properties-opened", pointer: "/additionalProperties" }] },
  ],
} satisfies RuleCases;

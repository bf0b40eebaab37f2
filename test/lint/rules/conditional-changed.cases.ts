import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

const kindA = { properties: { kind: { const: "a" } }, required: ["kind"] };

export default {
  valid: [
    { name: "keys reordered", previous: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x"] } }), current: obj({ kind: str, x: str }, [], { then: { required: ["x"] }, if: kindA }) },
  ],
  invalid: [
    { name: "if/then added", previous: obj({ kind: str, x: str }), current: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x"] } }), expected: [{ rule: "conditional-changed", pointer: "/if", severity: "error" }] },
    { name: "then widened (same if)", previous: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x", "kind"] } }), current: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["kind"] } }), expected: [{ rule: "conditional-changed", pointer: "/then", severity: "off" }] },
    { name: "a lone if added accepts the same data", previous: obj({ kind: str }), current: obj({ kind: str }, [], { if: kindA }), expected: [{ rule: "conditional-changed", pointer: "/if", severity: "off" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "no annotation changed", previous: obj({ a: { ...str, description: "d" } }), current: obj({ a: { ...str, description: "d", maxLength: 3 } }) },
  ],
  invalid: [
    { name: "description changed (off: listed by diff only)", previous: obj({ a: { ...str, description: "old" } }), current: obj({ a: { ...str, description: "new" } }), expected: [{ rule: "annotation-changed", pointer: "/properties/a/description", severity: "off" }] },
    { name: "marked deprecated", previous: obj({ a: str }), current: obj({ a: { ...str, deprecated: true } }), expected: [{ rule: "annotation-changed", pointer: "/properties/a/deprecated" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "unchanged", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 5 } }) },
    { name: "tightened is another rule", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 4 } }) },
  ],
  invalid: [
    { name: "pattern removed: allowed by the additive policy (off)", previous: obj({ a: { ...str, pattern: "^a" } }), current: obj({ a: str }), expected: [{ rule: "constraint-relaxed", pointer: "/properties/a/pattern", severity: "off" }] },
    { name: "forward mode: old validators reject the wider data", previous: obj({ a: { ...str, maxLength: 5 } }), current: obj({ a: { ...str, maxLength: 50 } }), mode: "forward", expected: [{ rule: "constraint-relaxed", pointer: "/properties/a/maxLength", severity: "error" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [{ name: "no new definition", previous: obj({ a: str }, [], { $defs: { A: str } }), current: obj({ a: str }, [], { $defs: { A: str } }) }],
  invalid: [{ name: "definition added (compatible, off)", previous: obj({ a: str }), current: obj({ a: str }, [], { $defs: { A: str } }), expected: [{ rule: "definition-added", pointer: "/$defs/A", severity: "off" }] }],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "definition kept", previous: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: str } }), current: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: str, B: str } }) },
  ],
  invalid: [
    {
      name: "referenced definition removed (the property now inline)",
      previous: obj({ a: { $ref: "#/$defs/A" } }, [], { $defs: { A: str } }),
      current: obj({ a: str }),
      expected: [{ rule: "definition-removed", pointer: "/$defs/A", severity: "error" }],
    },
    { name: "unreferenced definition removed: a warning", previous: obj({ a: str }, [], { definitions: { Old: str } }), current: obj({ a: str }, [], { definitions: {} }), expected: [{ rule: "definition-removed", pointer: "/definitions/Old", severity: "warning" }] },
  ],
} satisfies RuleCases;

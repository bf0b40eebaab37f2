import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "local and relative refs", current: obj({ a: { $ref: "#/$defs/A" }, b: { $ref: "../_common/b.json" } }, [], { $defs: { A: str } }), files: { "_common/b.json": str } },
  ],
  invalid: [
    { name: "remote", current: obj({ a: { $ref: "https://example.com/a.json" } }), expected: [{ rule: "unresolved-ref", pointer: "/properties/a/$ref", severity: "error" }] },
    { name: "missing file", current: obj({ a: { $ref: "missing.json" } }), expected: [{ rule: "unresolved-ref", pointer: "/properties/a/$ref" }] },
    { name: "missing pointer", current: obj({ a: { $ref: "#/$defs/Nope" } }), expected: [{ rule: "unresolved-ref", pointer: "/properties/a/$ref" }] },
    { name: "outside the root", current: obj({ a: { $ref: "../../x.json" } }), expected: [{ rule: "unresolved-ref", pointer: "/properties/a/$ref" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "optional addition", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
    { name: "existing property became required (another rule)", previous: obj({ a: str }), current: obj({ a: str }, ["a"]) },
  ],
  invalid: [
    { name: "required without default", previous: obj({ a: str }), current: obj({ a: str, b: str }, ["b"]), expected: [{ rule: "required-property-added", pointer: "/properties/b", severity: "error" }] },
    { name: "required with a default: allowed (a note)", previous: obj({ a: str }), current: obj({ a: str, b: { ...str, default: "" } }, ["b"]), expected: [{ rule: "required-property-added", pointer: "/properties/b", severity: "info" }] },
    {
      name: "required with a default breaks validators in backward mode",
      previous: obj({ a: str }),
      current: obj({ a: str, b: { ...str, default: "" } }, ["b"]),
      mode: "backward",
      expected: [{ rule: "required-property-added", pointer: "/properties/b", severity: "error" }],
    },
    {
      name: "only generated readers counted: the default makes it compatible",
      previous: obj({ a: str }),
      current: obj({ a: str, b: { ...str, default: "" } }, ["b"]),
      mode: "backward",
      config: { targets: ["rust", "go", "typescript"] },
      expected: [{ rule: "required-property-added", pointer: "/properties/b", severity: "warning" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj } from "./schema.js";

const removed = { previous: obj({ s: { enum: ["a", "b"] } }) };

export default {
  valid: [
    { name: "with a reason", ...removed, current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed", reason: "b was never sent" }] } }) },
  ],
  invalid: [
    {
      name: "x-lockstep-allow without a reason",
      ...removed,
      current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed" }] } }),
      expected: [{ rule: "suppression-invalid", pointer: "/properties/s/x-lockstep-allow/0", severity: "error" }],
    },
    {
      name: "unknown rule id",
      ...removed,
      current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-removed", reason: "typo" }] } }),
      expected: [{ rule: "suppression-invalid", pointer: "/properties/s/x-lockstep-allow/0" }],
    },
    {
      name: "config entry without a reason",
      ...removed,
      current: obj({ s: { enum: ["a"] } }),
      config: { suppressions: [{ rule: "enum-value-removed", entity: "e", pointer: "/properties/s/enum" }] },
      expected: [{ rule: "suppression-invalid", pointer: "/lint/suppressions/0", file: "lockstep.config.json" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj } from "./schema.js";

const removed = { previous: obj({ s: { enum: ["a", "b"] } }) };

export default {
  valid: [
    { name: "in-source, used", ...removed, current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed", reason: "b was never sent" }] } }) },
    {
      name: "config, used (matched by rule, entity and pointer)",
      ...removed,
      current: obj({ s: { enum: ["a"] } }),
      config: { suppressions: [{ rule: "enum-value-removed", entity: "e", pointer: "/properties/s/enum", reason: "b was never sent" }] },
    },
  ],
  invalid: [
    {
      name: "in-source, nothing to allow",
      previous: obj({ s: { enum: ["a"] } }),
      current: obj({ s: { enum: ["a"], "x-lockstep-allow": [{ rule: "enum-value-removed", reason: "stale" }] } }),
      expected: [{ rule: "suppression-unused", pointer: "/properties/s/x-lockstep-allow/0", severity: "warning" }],
    },
    {
      name: "config entry on the wrong pointer",
      ...removed,
      current: obj({ s: { enum: ["a"] } }),
      config: { suppressions: [{ rule: "enum-value-removed", entity: "e", pointer: "/properties/t/enum", reason: "typo in pointer" }] },
      expected: [{ rule: "suppression-unused", pointer: "/lint/suppressions/0", file: "lockstep.config.json" }],
    },
  ],
} satisfies RuleCases;

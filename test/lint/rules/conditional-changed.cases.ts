import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

const kindA = { properties: { kind: { const: "a" } }, required: ["kind"] };
const betaOn = { properties: { beta: { const: true } }, required: ["beta"] };
/** A root whose else restricts the items of `updates`, which the node types itself. */
const updates = (elseUpdates: Record<string, unknown>) =>
  obj({ beta: { type: "boolean" }, updates: { type: "array", items: { type: "object", properties: { eco: str }, required: ["eco"] } } }, ["updates"], {
    if: betaOn, then: {}, else: { properties: { updates: elseUpdates } },
  });
const ecoIn = (values: string[]) => ({ properties: { eco: { enum: values } } });
const cronIf = { properties: { interval: { const: "cron" } } };
const schedule = (note: unknown, extra: Record<string, unknown>) => obj({ interval: { enum: ["daily", "cron"] }, cron: str, note }, [], extra);

export default {
  valid: [
    { name: "keys reordered", previous: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x"] } }), current: obj({ kind: str, x: str }, [], { then: { required: ["x"] }, if: kindA }) },
  ],
  invalid: [
    { name: "if/then added", previous: obj({ kind: str, x: str }), current: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x"] } }), expected: [{ rule: "conditional-changed", pointer: "/if", severity: "error" }] },
    { name: "then widened (same if)", previous: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["x", "kind"] } }), current: obj({ kind: str, x: str }, [], { if: kindA, then: { required: ["kind"] } }), expected: [{ rule: "conditional-changed", pointer: "/then", severity: "off" }] },
    { name: "a lone if added accepts the same data", previous: obj({ kind: str }), current: obj({ kind: str }, [], { if: kindA }), expected: [{ rule: "conditional-changed", pointer: "/if", severity: "off" }] },
    // Judged in the node's context: each side's whole node against the other side's keywords.
    {
      name: "else gains the types its node already gives updates: accepts the same data",
      previous: updates({ items: ecoIn(["npm", "pip"]) }), current: updates({ type: "array", items: { type: "object", ...ecoIn(["npm", "pip"]) } }),
      expected: [{ rule: "conditional-changed", pointer: "/else", severity: "off" }],
    },
    {
      name: "else gains implied types and loses an enum value: new validators reject old data",
      previous: updates({ items: ecoIn(["npm", "pip", "deno"]) }), current: updates({ type: "array", items: { type: "object", ...ecoIn(["npm", "pip"]) } }),
      expected: [{ rule: "conditional-changed", pointer: "/else", severity: "error" }],
    },
    {
      name: "then/else required lists folded into the node's required (note widens beside it): accepts the same data",
      previous: schedule(str, { if: cronIf, then: { required: ["interval", "cron"] }, else: { required: ["interval"] } }),
      current: schedule({ type: ["string", "integer"] }, { required: ["interval"], if: cronIf, then: { required: ["cron"] } }),
      expected: [{ rule: "conditional-changed", pointer: "/then", severity: "off" }],
    },
    {
      name: "then/else folded into the if, the node not requiring the name: old validators reject new data",
      previous: schedule(str, { if: cronIf, then: { required: ["interval", "cron"] }, else: { required: ["interval"] } }),
      current: schedule(str, { if: { ...cronIf, required: ["interval"] }, then: { required: ["cron"] } }),
      mode: "forward",
      expected: [{ rule: "conditional-changed", pointer: "/if", severity: "error" }],
    },
  ],
} satisfies RuleCases;

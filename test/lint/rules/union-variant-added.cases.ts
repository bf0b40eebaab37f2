import type { RuleCases } from "../rule-tester.js";
import { int, obj, str, tagged } from "./schema.js";

export default {
  valid: [
    { name: "unchanged", previous: tagged("kind", ["a"]), current: tagged("kind", ["a"]) },
    { name: "variant removed", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["a"]) },
  ],
  invalid: [
    { name: "tagged variant added: a note (open unions)", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["a", "b", "c"]), expected: [{ rule: "union-variant-added", pointer: "/oneOf/2", severity: "info" }] },
    { name: "a single variant becomes a union", previous: tagged("kind", ["a"]), current: tagged("kind", ["a", "b"]), expected: [{ rule: "union-variant-added", pointer: "/oneOf/1", severity: "info" }] },
    { name: "kind added to a union by kind: old readers reject it", previous: obj({ v: { oneOf: [str, int] } }), current: obj({ v: { oneOf: [str, int, { type: "boolean" }] } }), expected: [{ rule: "union-variant-added", pointer: "/properties/v/oneOf/2", severity: "error" }] },
  ],
} satisfies RuleCases;

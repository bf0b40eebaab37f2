import type { RuleCases } from "../rule-tester.js";
import { S, int, str } from "./schema.js";

const tuple = (items: unknown[], extra: Record<string, unknown> = {}) => ({ $schema: S, type: "array", prefixItems: items, ...extra });
const D04 = "http://json-schema.org/draft-04/schema#";

export default {
  valid: [
    { name: "a position's schema changed (compared as a pair)", previous: tuple([str, int], { items: false }), current: tuple([str, { type: "number" }], { items: false }) },
    { name: "draft-04 spelling of the same tuple", previous: { $schema: D04, type: "array", items: [str, int], additionalItems: false }, current: tuple([str, int], { items: false }) },
  ],
  invalid: [
    { name: "closed tuple gains a position", previous: tuple([str], { items: false }), current: tuple([str, int], { items: false }), expected: [{ rule: "tuple-changed", pointer: "/prefixItems", severity: "error" }] },
    { name: "open tuple gains a position", previous: tuple([str]), current: tuple([str, int]), expected: [{ rule: "tuple-changed", pointer: "/prefixItems", severity: "error" }] },
    {
      name: "draft-04 additionalItems false removed",
      previous: { $schema: D04, type: "array", items: [str], additionalItems: false }, current: { $schema: D04, type: "array", items: [str] },
      expected: [{ rule: "tuple-changed", pointer: "/items", severity: "warning" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { S, str } from "./schema.js";

const list = (extra: Record<string, unknown>) => ({ $schema: S, type: "array", ...extra });

export default {
  valid: [{ name: "contains unchanged", previous: list({ contains: str }), current: list({ contains: str }) }],
  invalid: [
    { name: "contains added", previous: list({}), current: list({ contains: str }), expected: [{ rule: "contains-changed", pointer: "/contains", severity: "error" }] },
    { name: "maxContains raised", previous: list({ contains: str, maxContains: 2 }), current: list({ contains: str, maxContains: 4 }), expected: [{ rule: "contains-changed", pointer: "/maxContains", severity: "off" }] },
    { name: "already guaranteed by items and minItems", previous: list({ items: str, minItems: 1 }), current: list({ items: str, minItems: 1, contains: str }), expected: [{ rule: "contains-changed", pointer: "/contains", severity: "off" }] },
  ],
} satisfies RuleCases;

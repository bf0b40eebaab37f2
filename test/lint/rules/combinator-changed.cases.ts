import type { RuleCases } from "../rule-tester.js";
import { obj, S, str } from "./schema.js";

const int = { type: "integer" };
const either = (key: string, n = 2) => obj({ a: str, b: str, c: str }, [], { [key]: [{ required: ["a"] }, { required: ["b"] }, { required: ["c"] }].slice(0, n) });

export default {
  valid: [
    { name: "unchanged", previous: either("anyOf"), current: either("anyOf") },
    { name: "$ref replaced by its content", previous: { $schema: S, anyOf: [{ $ref: "#/$defs/s" }, int], $defs: { s: str } }, current: { $schema: S, anyOf: [str, int], $defs: { s: str } } },
  ],
  invalid: [
    { name: "oneOf → anyOf over overlapping branches", previous: either("oneOf"), current: either("anyOf"), expected: [{ rule: "combinator-changed", pointer: "/anyOf", severity: "off" }] },
    { name: "branch removed from anyOf", previous: either("anyOf", 3), current: either("anyOf"), expected: [{ rule: "combinator-changed", pointer: "/anyOf", severity: "error" }] },
    { name: "allOf → anyOf", previous: either("allOf"), current: either("anyOf"), expected: [{ rule: "combinator-changed", pointer: "/anyOf", severity: "off" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

const int = { type: "integer" };

export default {
  valid: [{ name: "unchanged", previous: obj({}, [], { patternProperties: { "^x-": str } }), current: obj({}, [], { patternProperties: { "^x-": str } }) }],
  invalid: [
    { name: "pattern added to an open object", previous: obj({}), current: obj({}, [], { patternProperties: { "^x-": str } }), expected: [{ rule: "pattern-properties-changed", pointer: "/patternProperties", severity: "error" }] },
    {
      name: "pattern removed from a closed object",
      previous: obj({}, [], { patternProperties: { "^x-": str }, additionalProperties: false }), current: obj({}, [], { additionalProperties: false }),
      expected: [{ rule: "pattern-properties-changed", pointer: "", severity: "error" }],
    },
    {
      name: "a second, disjoint pattern added to a closed object",
      previous: obj({}, [], { patternProperties: { "^a_": str }, additionalProperties: false }), current: obj({}, [], { patternProperties: { "^a_": str, "^b_": int }, additionalProperties: false }),
      expected: [{ rule: "pattern-properties-changed", pointer: "/patternProperties", severity: "off" }],
    },
  ],
} satisfies RuleCases;

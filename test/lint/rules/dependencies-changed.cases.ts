import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

const D07 = "http://json-schema.org/draft-07/schema#";

export default {
  valid: [{ name: "unchanged", previous: obj({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } }), current: obj({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } }) }],
  invalid: [
    { name: "dependentRequired added", previous: obj({ a: str, b: str }), current: obj({ a: str, b: str }, [], { dependentRequired: { a: ["b"] } }), expected: [{ rule: "dependencies-changed", pointer: "/dependentRequired", severity: "error" }] },
    { name: "dependentSchemas removed", previous: obj({}, [], { dependentSchemas: { a: { required: ["b"] } } }), current: obj({}), expected: [{ rule: "dependencies-changed", pointer: "", severity: "off" }] },
    {
      name: "draft-07 dependencies rewritten as dependentRequired (same data)",
      previous: { ...obj({}, [], { dependencies: { a: ["b"] } }), $schema: D07 }, current: obj({}, [], { dependentRequired: { a: ["b"] } }),
      expected: [{ rule: "dependencies-changed", pointer: "/dependentRequired", severity: "off" }],
    },
  ],
} satisfies RuleCases;

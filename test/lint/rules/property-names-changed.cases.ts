import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [{ name: "unchanged", previous: obj({}, [], { propertyNames: { maxLength: 3 } }), current: obj({}, [], { propertyNames: { maxLength: 3 } }) }],
  invalid: [
    { name: "propertyNames added", previous: obj({}), current: obj({}, [], { propertyNames: { maxLength: 3 } }), expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "error" }] },
    { name: "propertyNames widened", previous: obj({}, [], { propertyNames: { maxLength: 3 } }), current: obj({}, [], { propertyNames: { maxLength: 5 } }), expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "off" }] },
    {
      name: "added to a closed object whose names all fit",
      previous: obj({ ab: str }, [], { additionalProperties: false }), current: obj({ ab: str }, [], { additionalProperties: false, propertyNames: { maxLength: 2 } }),
      expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "off" }],
    },
  ],
} satisfies RuleCases;

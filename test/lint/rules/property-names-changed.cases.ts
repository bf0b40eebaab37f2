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
    {
      // Only the names are judged: {"n":0} breaks through the property's type (type-narrowed), not through propertyNames.
      name: "widened beside a property narrowed",
      previous: obj({ n: { type: ["string", "integer"] } }, [], { propertyNames: { maxLength: 3 } }), current: obj({ n: str }, [], { propertyNames: { maxLength: 5 } }),
      expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "off" }],
    },
    {
      name: "added to a closed object whose names all fit, beside a property narrowed",
      previous: obj({ ab: { type: ["string", "integer"] } }, [], { additionalProperties: false }), current: obj({ ab: str }, [], { additionalProperties: false, propertyNames: { maxLength: 2 } }),
      expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "off" }],
    },
    {
      name: "narrowed beside a property widened",
      previous: obj({ n: str }, [], { propertyNames: { maxLength: 5 } }), current: obj({ n: { type: ["string", "integer"] } }, [], { propertyNames: { maxLength: 3 } }),
      expected: [{ rule: "property-names-changed", pointer: "/propertyNames", severity: "error" }],
    },
  ],
} satisfies RuleCases;

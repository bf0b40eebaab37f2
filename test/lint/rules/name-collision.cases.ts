import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "distinct names", current: obj({ first_name: str, last_name: str }) },
    { name: "distinct enum values", current: obj({ s: { enum: ["in-progress", "done"] } }) },
  ],
  invalid: [
    { name: "firstName and first_name", current: obj({ firstName: str, first_name: str }), expected: [{ rule: "name-collision", pointer: "/properties/first_name" }] },
    { name: "enum values that collide", current: obj({ s: { enum: ["in-progress", "in_progress"] } }), expected: [{ rule: "name-collision", pointer: "/properties/s/enum/1" }] },
    {
      name: "two definitions named alike: the one with punctuation gets the suffix",
      current: obj({ a: { $ref: "#/$defs/user_address" }, b: { $ref: "#/$defs/UserAddress" } }, [], { $defs: { user_address: { type: "object", properties: { x: str } }, UserAddress: { type: "object", properties: { y: str } } } }),
      expected: [{ rule: "name-collision", pointer: "/$defs/user_address" }],
    },
  ],
} satisfies RuleCases;

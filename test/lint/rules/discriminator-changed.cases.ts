import type { RuleCases } from "../rule-tester.js";
import { S, obj, str, tagged } from "./schema.js";

export default {
  valid: [
    { name: "same tag", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["a", "b", "c"]) },
    { name: "one variant left is not a discriminator change", previous: tagged("kind", ["a", "b"]), current: tagged("kind", ["b"]) },
    { name: "a plain object stays plain", previous: obj({ a: str }), current: obj({ a: str, b: str }) },
  ],
  invalid: [
    { name: "tag property renamed", previous: tagged("kind", ["a", "b"]), current: tagged("type", ["a", "b"]), expected: [{ rule: "discriminator-changed", pointer: "/oneOf" }] },
    { name: "an object became a discriminated union", previous: { $schema: S, type: "object", properties: { kind: str } }, current: tagged("kind", ["a", "b"]), expected: [{ rule: "discriminator-changed", pointer: "/oneOf" }] },
  ],
} satisfies RuleCases;

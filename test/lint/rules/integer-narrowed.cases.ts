import type { RuleCases } from "../rule-tester.js";
import { int, obj } from "./schema.js";

export default {
  valid: [
    { name: "int64 stays int64", previous: obj({ a: { ...int, format: "int64" } }), current: obj({ a: { ...int, format: "int64", description: "d" } }) },
    { name: "widening int32 → int64 is type-widened's", previous: obj({ a: { ...int, format: "int32" } }), current: obj({ a: int }) },
  ],
  invalid: [
    { name: "int64 → int32 by format", previous: obj({ a: { ...int, format: "int64" } }), current: obj({ a: { ...int, format: "int32" } }), expected: [{ rule: "integer-narrowed", pointer: "/properties/a/format" }] },
    { name: "number → integer", previous: obj({ a: { type: "number" } }), current: obj({ a: int }), expected: [{ rule: "integer-narrowed", pointer: "/properties/a" }] },
    { name: "bounds that fit 32 bits make the IR type int32", previous: obj({ a: int }), current: obj({ a: { ...int, minimum: 0, maximum: 100 } }), expected: [{ rule: "integer-narrowed", pointer: "/properties/a" }] },
  ],
} satisfies RuleCases;

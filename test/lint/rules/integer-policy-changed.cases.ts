import type { RuleCases } from "../rule-tester.js";
import { int, obj } from "./schema.js";

const i64 = { ...int, format: "int64" };
const asString = { ...i64, "x-lockstep-int64": "string" };
const lossy = { ...i64, "x-lockstep-int64": "number-lossy" };

export default {
  valid: [
    { name: "string policy kept", previous: obj({ a: asString }), current: obj({ a: { ...asString, description: "d" } }) },
    { name: "the default policy stated", previous: obj({ a: i64 }), current: obj({ a: { ...i64, "x-lockstep-int64": "number" } }) },
    { name: "a bounded integer is a number under every policy", previous: obj({ a: { ...int, minimum: 0, maximum: 100 } }), current: obj({ a: { ...int, minimum: 0, maximum: 100, "x-lockstep-int64": "string" } }) },
    { name: "same width, other bounds", previous: obj({ a: { ...int, minimum: 0, maximum: 100 } }), current: obj({ a: { ...int, minimum: 0, maximum: 200 } }) },
    { name: "int32 → int64 is type-widened's", previous: obj({ a: { ...int, format: "int32" } }), current: obj({ a: i64 }) },
  ],
  invalid: [
    { name: "number → string", previous: obj({ a: i64 }), current: obj({ a: asString }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a/x-lockstep-int64", severity: "error" }] },
    { name: "string → number", previous: obj({ a: asString }), current: obj({ a: i64 }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a", severity: "error" }] },
    { name: "number → number-lossy", previous: obj({ a: i64 }), current: obj({ a: lossy }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a/x-lockstep-int64" }] },
    { name: "u8 → u16", previous: obj({ a: { ...int, minimum: 0, maximum: 255 } }), current: obj({ a: { ...int, minimum: 0, maximum: 1000 } }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a", severity: "error" }] },
    { name: "i16 → u16 by format", previous: obj({ a: { ...int, format: "int16" } }), current: obj({ a: { ...int, format: "uint16" } }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a/format", severity: "error" }] },
    { name: "bounds within 2^53 make an i64 a number in TypeScript", previous: obj({ a: { ...int, minimum: 0 } }), current: obj({ a: { ...int, minimum: 0, maximum: 9007199254740991 } }), expected: [{ rule: "integer-policy-changed", pointer: "/properties/a", severity: "error" }] },
  ],
} satisfies RuleCases;

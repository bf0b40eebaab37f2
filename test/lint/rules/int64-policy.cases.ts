import type { RuleCases } from "../rule-tester.js";
import { int, obj } from "./schema.js";

export default {
  valid: [
    { name: "int64 as a JSON number", current: obj({ n: { ...int, format: "int64" } }) },
    { name: "int32 within its range", current: obj({ n: { ...int, format: "int32", minimum: 0, maximum: 1000 } }) },
    { name: "unbounded integer (int64 by policy)", current: obj({ n: int }) },
    { name: "int64 as a string", current: obj({ n: { ...int, format: "int64", "x-lockstep-int64": "string" } }) },
    { name: "number-lossy on a bounded integer (a number anyway)", current: obj({ n: { ...int, minimum: 0, maximum: 10, "x-lockstep-int64": "number-lossy" } }) },
  ],
  invalid: [
    { name: "number-lossy", current: obj({ n: { ...int, "x-lockstep-int64": "number-lossy" } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/x-lockstep-int64", severity: "warning" }] },
    { name: "a policy that is none", current: obj({ n: { ...int, "x-lockstep-int64": "bigint" } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/x-lockstep-int64", severity: "error" }] },
    { name: "uint64", current: obj({ n: { ...int, format: "uint64" } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/format", severity: "error" }] },
    { name: "bounds beyond int64", current: obj({ n: { ...int, maximum: 1e20 } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/maximum", severity: "error" }] },
    { name: "int64 spelled as a string", current: obj({ n: { type: "string", format: "int64" } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/format", severity: "warning" }] },
    { name: "number with an integer format", current: obj({ n: { type: "number", format: "int64" } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/format", severity: "warning" }] },
    { name: "int32 with bounds beyond int32", current: obj({ n: { ...int, format: "int32", maximum: 4294967295 } }), expected: [{ rule: "int64-policy", pointer: "/properties/n/format", severity: "error" }] },
  ],
} satisfies RuleCases;

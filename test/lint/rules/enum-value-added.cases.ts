import type { RuleCases } from "../rule-tester.js";
import { obj } from "./schema.js";

export default {
  valid: [
    { name: "unchanged", previous: obj({ s: { enum: ["a", "b"] } }), current: obj({ s: { enum: ["a", "b"] } }) },
    { name: "value removed", previous: obj({ s: { enum: ["a", "b"] } }), current: obj({ s: { enum: ["a"] } }) },
  ],
  invalid: [
    {
      name: "a value added to enums two allOf members intersect: placed at the value in the first member's list",
      previous: obj({ a: { allOf: [{ enum: ["a", "b", "c"] }, { enum: ["c", "b"] }] } }),
      current: obj({ a: { allOf: [{ enum: ["a", "b", "c", "d"] }, { enum: ["d", "c", "b"] }] } }),
      expected: [{ rule: "enum-value-added", pointer: "/properties/a/allOf/0/enum/3", at: "12:13", old: { pointer: "/properties/a/allOf/0/enum", at: "8:11" } }],
    },
    { name: "value added to an open enum: a note", previous: obj({ s: { type: "string", enum: ["a"] } }), current: obj({ s: { type: "string", enum: ["a", "b"] } }), expected: [{ rule: "enum-value-added", pointer: "/properties/s/enum/1", severity: "info" }] },
    { name: "forward mode: old validators reject it", previous: obj({ s: { enum: ["a"] } }), current: obj({ s: { enum: ["a", "b"] } }), mode: "forward", expected: [{ rule: "enum-value-added", pointer: "/properties/s/enum/1", severity: "error" }] },
    {
      name: "forward mode counting only generated readers: compatible (open enums)",
      previous: obj({ s: { enum: ["a"] } }), current: obj({ s: { enum: ["a", "b"] } }), mode: "forward", config: { targets: ["rust", "go", "typescript"] },
      expected: [{ rule: "enum-value-added", pointer: "/properties/s/enum/1", severity: "info" }],
    },
    { name: "enum lifted to a plain string", previous: obj({ s: { type: "string", enum: ["a"] } }), current: obj({ s: { type: "string" } }), expected: [{ rule: "enum-value-added", pointer: "/properties/s", severity: "warning" }] },
  ],
} satisfies RuleCases;

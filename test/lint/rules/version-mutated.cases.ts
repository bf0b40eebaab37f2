import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

const v1 = obj({ a: str });

export default {
  valid: [
    { name: "released version unchanged", released: { "e/v1.json": v1 }, files: { "e/v1.json": v1, "e/v2.json": obj({ a: str, b: str }) } },
    { name: "formatting does not matter (canonical form)", released: { "e/v1.json": v1 }, files: { "e/v1.json": JSON.stringify(v1) } },
    { name: "the newest version at the --against revision may be edited in place", before: { "e/v1.json": v1 }, files: { "e/v1.json": obj({ a: str, b: str }) } },
  ],
  invalid: [
    { name: "released version edited", released: { "e/v1.json": v1 }, files: { "e/v1.json": obj({ a: str, b: str }) }, expected: [{ rule: "version-mutated", pointer: "", file: "e/v1.json" }] },
    {
      name: "a shared file the version references changed",
      released: { "e/v1.json": obj({ a: { $ref: "../_common/a.json" } }), "_common/a.json": str },
      files: { "e/v1.json": obj({ a: { $ref: "../_common/a.json" } }), "_common/a.json": { type: "integer" } },
      expected: [{ rule: "version-mutated", pointer: "/properties/a/$ref", file: "e/v1.json" }],
    },
    { name: "released version deleted", released: { "e/v1.json": v1, "e/v2.json": v1 }, files: { "e/v1.json": v1 }, expected: [{ rule: "version-mutated", pointer: "/entities/e/v2", file: "lockstep.lock.json" }] },
    { name: "an older version differs from the --against revision", before: { "e/v1.json": v1, "e/v2.json": v1 }, files: { "e/v1.json": obj({ a: str, z: str }), "e/v2.json": v1 }, expected: [{ rule: "version-mutated", pointer: "", file: "e/v1.json" }] },
  ],
} satisfies RuleCases;

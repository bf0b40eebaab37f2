import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "entity still there", before: { "e/v1.json": obj({ a: str }) }, files: { "e/v1.json": obj({ a: str }) } },
  ],
  invalid: [
    { name: "gone compared with the --against revision", before: { "e/v1.json": obj({ a: str }), "gone/v1.json": obj({ a: str }) }, files: { "e/v1.json": obj({ a: str }) }, expected: [{ rule: "entity-removed", pointer: "", file: "gone/v1.json" }] },
    { name: "released in the lock file, directory gone", released: { "e/v1.json": obj({ a: str }), "gone/v1.json": obj({ a: str }) }, files: { "e/v1.json": obj({ a: str }) }, expected: [{ rule: "entity-removed", pointer: "/entities/gone", file: "lockstep.lock.json" }] },
  ],
} satisfies RuleCases;

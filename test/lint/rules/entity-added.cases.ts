import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [{ name: "no new entity", before: { "e/v1.json": obj({ a: str }) }, files: { "e/v1.json": obj({ a: str }) } }],
  invalid: [{ name: "new entity compared with the --against revision", before: { "e/v1.json": obj({ a: str }) }, files: { "e/v1.json": obj({ a: str }), "n/v1.json": obj({ a: str }) }, expected: [{ rule: "entity-added", pointer: "", file: "n/v1.json", severity: "off" }] }],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [{ name: "v1, v2, v3", files: { "e/v1.json": obj({ a: str }), "e/v2.json": obj({ a: str }), "e/v3.json": obj({ a: str }) } }],
  invalid: [
    { name: "v1, v3", files: { "e/v1.json": obj({ a: str }), "e/v3.json": obj({ a: str }) }, expected: [{ rule: "version-gap", pointer: "", file: "e/v3.json", severity: "error" }] },
    { name: "starts at v2", files: { "e/v2.json": obj({ a: str }) }, expected: [{ rule: "version-gap", pointer: "", file: "e/v2.json" }] },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "still required", previous: obj({ a: str }, ["a"]), current: obj({ a: str, b: str }, ["a"]) },
    { name: "removed entirely is property-removed's", previous: obj({ a: str, b: str }, ["a", "b"]), current: obj({ a: str }, ["a"]) },
  ],
  invalid: [
    { name: "required → optional", previous: obj({ a: str }, ["a"]), current: obj({ a: str }), expected: [{ rule: "required-removed", pointer: "/properties/a", severity: "error" }] },
    { name: "a backward-only check does not protect old readers: a note", previous: obj({ a: str }, ["a"]), current: obj({ a: str }), mode: "backward", expected: [{ rule: "required-removed", pointer: "/properties/a", severity: "info" }] },
    { name: "forward mode: old readers reject the absence", previous: obj({ a: str }, ["a"]), current: obj({ a: str }), mode: "forward", expected: [{ rule: "required-removed", pointer: "/properties/a", severity: "error" }] },
  ],
} satisfies RuleCases;

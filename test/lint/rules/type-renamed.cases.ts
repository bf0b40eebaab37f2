import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "a prose title is not a name", previous: obj({ a: str }, [], { title: "A user" }), current: obj({ a: str }, [], { title: "A registered user" }) },
    { name: "same pinned name", previous: obj({ a: str }, [], { title: "User" }), current: obj({ a: str }, [], { "x-lockstep-name": "user" }) },
  ],
  invalid: [
    { name: "identifier title changed", previous: obj({ a: str }, [], { title: "User" }), current: obj({ a: str }, [], { title: "Account" }), expected: [{ rule: "type-renamed", pointer: "/title", severity: "info" }] },
    { name: "x-lockstep-name changed", previous: obj({ a: { type: "object", "x-lockstep-name": "Address" } }), current: obj({ a: { type: "object", "x-lockstep-name": "PostalAddress" } }), expected: [{ rule: "type-renamed", pointer: "/properties/a/x-lockstep-name" }] },
  ],
} satisfies RuleCases;

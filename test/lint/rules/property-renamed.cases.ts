import type { RuleCases } from "../rule-tester.js";
import { int, obj, str } from "./schema.js";

export default {
  valid: [
    { name: "no rename", previous: obj({ a: str }), current: obj({ a: str }) },
    { name: "removal plus addition of a different schema is not a rename", previous: obj({ a: str }), current: obj({ b: int }) },
    { name: "ambiguous: two candidates with the same schema", previous: obj({ a: str }), current: obj({ b: str, c: str }) },
  ],
  invalid: [
    { name: "undeclared rename: error with the fix", previous: obj({ email: str }, ["email"]), current: obj({ mail: str }, ["mail"]), expected: [{ rule: "property-renamed", pointer: "/properties/mail", severity: "error" }] },
    {
      name: "declared rename of an optional property: a note",
      previous: obj({ email: str }),
      current: obj({ mail: { ...str, "x-lockstep-renamed-from": "email" } }),
      expected: [{ rule: "property-renamed", pointer: "/properties/mail", severity: "info" }],
    },
    {
      name: "declared rename of a required property breaks old readers in forward mode",
      previous: obj({ email: str }, ["email"]),
      current: obj({ mail: { ...str, "x-lockstep-renamed-from": ["email"] } }, ["mail"]),
      mode: "forward",
      expected: [{ rule: "property-renamed", pointer: "/properties/mail", severity: "error" }],
    },
    {
      name: "declared rename is compatible in backward mode (new readers accept the old name)",
      previous: obj({ email: str }, ["email"]),
      current: obj({ mail: { ...str, "x-lockstep-renamed-from": "email" } }, ["mail"]),
      mode: "backward",
      expected: [{ rule: "property-renamed", pointer: "/properties/mail", severity: "info" }],
    },
  ],
} satisfies RuleCases;

import type { RuleCases } from "../rule-tester.js";
import { obj, str } from "./schema.js";

export default {
  valid: [
    { name: "a pattern every engine runs", current: obj({ code: { ...str, pattern: "^[A-Z]{2}-\\d+$" } }) },
    { name: "Unicode properties Go knows by their short name", current: obj({ name: { ...str, pattern: "^\\p{Letter}+$" } }) },
    { name: "a portable patternProperties key", current: obj({}, [], { patternProperties: { "^x-": str } }) },
  ],
  invalid: [
    {
      name: "lookahead: neither Rust nor Go",
      current: obj({ password: { ...str, pattern: "^(?=.*\\d).{8,}$" } }),
      expected: [{ rule: "pattern-portability", pointer: "/properties/password/pattern", severity: "warning" }],
    },
    {
      name: "a backreference in a patternProperties key",
      current: obj({}, [], { patternProperties: { "^(a)\\1$": str } }),
      expected: [{ rule: "pattern-portability", pointer: "/patternProperties/^(a)\\1$", severity: "warning" }],
    },
    {
      name: "a repetition count above Go's limit of 1000",
      current: obj({ id: { ...str, pattern: "^a{2000}$" } }),
      expected: [{ rule: "pattern-portability", pointer: "/properties/id/pattern", severity: "warning" }],
    },
    {
      name: "not a valid ECMAScript regular expression",
      current: obj({ id: { ...str, pattern: "^(a$" } }),
      expected: [{ rule: "pattern-portability", pointer: "/properties/id/pattern", severity: "warning" }],
    },
  ],
} satisfies RuleCases;

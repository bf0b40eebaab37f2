/**
 * A `pattern` (or a `patternProperties` key) that one of the three validators cannot run: an
 * ECMAScript syntax error (ajv rejects the schema), or a construct Rust's `regex` or Go's `regexp`
 * (RE2) lacks, such as lookaround and backreferences. The translation is src/regex/translate.ts,
 * the one the generated validators use, so lint and validators agree on what is portable.
 */
import { translatePattern } from "../../regex/translate.js";
import { defineRule } from "../rule.js";

const ENGINES = { rust: "Rust (regex crate)", go: "Go (regexp, RE2)" } as const;

/** Why `pattern` is not portable, or undefined when all three run it. */
function problem(pattern: string): string | undefined {
  const t = translatePattern(pattern);
  if (t.invalid) return `is ${t.invalid}`;
  const failing = (["rust", "go"] as const).flatMap((e) => (t[e].ok ? [] : [`${ENGINES[e]}: ${(t[e] as { reason: string }).reason}`]));
  return failing.length > 0 ? `cannot be checked in ${failing.join("; ")}; the generated validator there reports a pattern error for every string it checks` : undefined;
}

export default defineRule({
  meta: {
    id: "pattern-portability",
    description: "A pattern that ECMAScript, Rust's regex or Go's regexp cannot compile (lookaround, backreferences, syntax errors).",
    severity: "warning",
    breaks: [],
    targets: { rust: ["wire"], go: ["wire"], validators: ["wire"] },
    kind: "hazard",
  },
  version(v, ctx) {
    for (const { node, origin } of v.nodes()) {
      const report = (at: string, message: string) =>
        ctx.report({ entity: v.entity, tree: v.side.tree, origin: { file: origin.file, pointer: origin.pointer + at }, to: v.side.version, message, subject: at });
      if (typeof node.pattern === "string") {
        const why = problem(node.pattern);
        if (why) report("/pattern", `pattern ${JSON.stringify(node.pattern)} ${why}`);
      }
      const props = node.patternProperties;
      if (props !== null && typeof props === "object" && !Array.isArray(props)) {
        for (const key of Object.keys(props)) {
          const why = problem(key);
          if (why) report(`/patternProperties/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, `patternProperties key ${JSON.stringify(key)} ${why}`);
        }
      }
    }
  },
});

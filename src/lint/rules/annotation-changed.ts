/** title, description, examples, $comment, deprecated, readOnly/writeOnly changed: no effect on data. Listed by `lockstep diff`. */
import { defineRule } from "../rule.js";
import type { RuleContext } from "../rule.js";
import { isObject } from "../resolver.js";
import { canon } from "../values.js";

const KEYWORDS = ["title", "description", "examples", "$comment", "deprecated", "readOnly", "writeOnly"];

function compare(a: unknown, b: unknown, label: string, ctx: RuleContext): void {
  if (!isObject(a) || !isObject(b)) return;
  for (const k of KEYWORDS) {
    if (canon(a[k]) === canon(b[k])) continue;
    const how = !(k in a) ? "added" : !(k in b) ? "removed" : "changed";
    ctx.report({
      at: k in b ? `/${k}` : "",
      oldAt: k in a ? `/${k}` : "",
      message: k === "deprecated" && b[k] === true ? `marked deprecated in ${label}` : `${k} ${how} in ${label}`,
      impacts: [],
      subject: k,
    });
  }
}

export default defineRule({
  meta: {
    id: "annotation-changed",
    description: "An annotation (title, description, examples, $comment, deprecated) changed; no effect on data.",
    severity: "off",
    breaks: [],
    targets: {},
    kind: "pair",
  },
  content(pair, ctx) {
    if (ctx.quiet) return;
    compare(pair.a.schema, pair.b.schema, pair.new.label, ctx);
  },
  entry(pair, ctx) {
    if (ctx.quiet) return;
    if (pair.level === "ref") compare(pair.a.raw, pair.b.raw, pair.new.label, ctx);
  },
});

/**
 * Default output: per entity, one line per finding (file:line:col  severity  rule  pointer
 * message), the old side's position where there is one, a code frame, then a summary line.
 */
import { codeFrame } from "../../errors.js";
import type { LintResult } from "../engine.js";
import { byEntity, summaryLine, SEVERITY_WORD, versions, type FormatContext } from "./common.js";

export interface TextOptions {
  frames?: boolean;
  /** Also list suppressed findings. */
  showSuppressed?: boolean;
}

export function formatText(result: LintResult, ctx: FormatContext, options: TextOptions = {}): string {
  const out: string[] = [];
  const shown = result.findings.filter((f) => options.showSuppressed || !f.suppressed);
  for (const [entity, findings] of byEntity(shown)) {
    out.push(`${entity}`);
    for (const f of findings) {
      const loc = f.location;
      const sev = f.suppressed ? "allowed" : SEVERITY_WORD[f.severity];
      out.push(`${loc.file}:${loc.line}:${loc.column}  ${sev}  ${f.rule}  ${f.pointer || "#"}  ${f.message}`);
      const notes: string[] = [];
      const v = versions(f);
      if (v) notes.push(v);
      if (f.old) notes.push(`was ${f.old.file}:${f.old.line}:${f.old.column}`);
      if (f.suppressed) notes.push(`allowed: ${f.suppressed.reason}`);
      if (notes.length > 0) out.push(`    (${notes.join("; ")})`);
      const text = options.frames === false ? undefined : ctx.textOf(loc.file);
      if (text !== undefined) out.push(indent(codeFrame(text, loc.line, loc.column), "    "));
    }
    out.push("");
  }
  out.push(summaryLine(result));
  return `${out.join("\n")}\n`;
}

function indent(text: string, by: string): string {
  return text.split("\n").map((l) => by + l).join("\n");
}

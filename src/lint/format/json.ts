/** --format json: the full result, stable field names (documented in docs/lint.md). */
import type { LintResult } from "../engine.js";
import { summarize, type FormatContext } from "./common.js";

export function formatJson(result: LintResult, ctx: FormatContext): string {
  const body = {
    lockstep: ctx.toolVersion,
    modes: result.modes,
    ...(result.against ? { against: result.against } : {}),
    comparisons: result.comparisons,
    summary: summarize(result.findings),
    findings: result.findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      entity: f.entity,
      ...(f.from !== undefined ? { from: f.from } : {}),
      ...(f.to !== undefined ? { to: f.to } : {}),
      ...(f.against ? { against: f.against } : {}),
      ...(f.alsoFrom ? { alsoFrom: f.alsoFrom } : {}),
      pointer: f.pointer,
      anchor: f.anchor,
      file: f.location.file,
      line: f.location.line,
      column: f.location.column,
      ...(f.old ? { old: { file: f.old.file, line: f.old.line, column: f.old.column, pointer: f.old.pointer } } : {}),
      impacts: f.impacts,
      ...(f.suppressed ? { suppressed: { kind: f.suppressed.kind, reason: f.suppressed.reason } } : {}),
    })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** --format markdown: a pull-request comment (summary, then a table per entity). */
import type { LintResult } from "../engine.js";
import type { Finding } from "../types.js";
import { byEntity, summaryLine, SEVERITY_WORD, versions } from "./common.js";

const ICON: Record<string, string> = { error: "❌", warning: "⚠️", info: "ℹ️" };

/** Text safe inside a table cell. */
export function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function code(s: string): string {
  return s === "" ? "`#`" : `\`${s.replace(/`/g, "'").replace(/\|/g, "\\|")}\``;
}

export function formatMarkdown(result: LintResult): string {
  const out = [`### ${cell(summaryLine(result))}`, ""];
  const shown = result.findings.filter((f) => !f.suppressed);
  for (const [entity, findings] of byEntity(shown)) {
    out.push(`#### ${cell(entity)}`, "", "| | Rule | Where | Versions | Change |", "|---|---|---|---|---|");
    for (const f of findings) out.push(row(f));
    out.push("");
  }
  const suppressed = result.findings.filter((f) => f.suppressed);
  if (suppressed.length > 0) {
    out.push("<details><summary>Allowed on purpose</summary>", "", "| Rule | Where | Reason |", "|---|---|---|");
    for (const f of suppressed) out.push(`| ${code(f.rule)} | ${code(`${f.location.file}:${f.location.line}`)} ${code(f.pointer)} | ${cell(f.suppressed!.reason)} |`);
    out.push("", "</details>", "");
  }
  return `${out.join("\n")}\n`;
}

function row(f: Finding): string {
  const sev = `${ICON[f.severity] ?? ""} ${SEVERITY_WORD[f.severity]}`;
  return `| ${sev} | ${code(f.rule)} | ${code(`${f.location.file}:${f.location.line}:${f.location.column}`)} ${code(f.pointer)} | ${cell(versions(f))} | ${cell(f.message)} |`;
}

/** --format markdown: a pull-request comment (summary, then per entity and version pair a one-line summary and a table). */
import type { LintResult } from "../engine.js";
import type { Finding } from "../types.js";
import { byPair, pairSummary, summaryLine, SEVERITY_WORD } from "./common.js";

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
  for (const [group, findings] of byPair(shown)) {
    out.push(`#### ${cell(group)}`, "", cell(pairSummary(findings)), "", "| | Rule | Where | Change |", "|---|---|---|---|");
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
  const also = f.alsoFrom ? ` (also from ${f.alsoFrom.map((n) => `v${n}`).join(", ")})` : "";
  return `| ${sev} | ${code(f.rule)} | ${code(`${f.location.file}:${f.location.line}:${f.location.column}`)} ${code(f.pointer)} | ${cell(f.message + also)} |`;
}

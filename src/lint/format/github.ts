/** --format github: workflow commands, so findings show as annotations on the pull request diff. */
import type { LintResult } from "../engine.js";
import type { Severity } from "../types.js";
import { summaryLine } from "./common.js";

const COMMAND: Record<Severity, string | undefined> = { error: "error", warning: "warning", info: "notice", off: undefined };

/** Escaping of the GitHub Actions toolkit (issueCommand): data and property values differ. */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function formatGithub(result: LintResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    const cmd = COMMAND[f.severity];
    if (!cmd || f.suppressed) continue;
    const props = [`file=${escapeProperty(f.location.file)}`, `line=${f.location.line}`, `col=${f.location.column}`, `title=${escapeProperty(`lockstep ${f.rule}`)}`];
    lines.push(`::${cmd} ${props.join(",")}::${escapeData(`${f.pointer || "#"}: ${f.message}`)}`);
  }
  lines.push(summaryLine(result));
  return `${lines.join("\n")}\n`;
}

/**
 * `lockstep diff`: every change between two versions, classified as breaking (an error in the
 * mode), warning, or compatible (notes, and what lint does not report at all), grouped by class
 * under a one-line summary, as text, markdown (for changelogs) or json.
 */
import type { Finding, Mode } from "../types.js";
import { cell, code } from "./markdown.js";

export const DIFF_FORMATS = ["text", "markdown", "json"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

type Class = "breaking" | "warning" | "compatible";

const classOf = (f: Finding): Class => (f.severity === "error" ? "breaking" : f.severity === "warning" ? "warning" : "compatible");
const HEADINGS: Record<Class, string> = { breaking: "Breaking changes", warning: "Changes to review", compatible: "Compatible changes" };

export function formatDiff(kind: DiffFormat, entity: string, d: { findings: Finding[]; from: number; to: number; mode: Mode }): string {
  const title = `${entity} v${d.from} → v${d.to}`;
  if (kind === "json") {
    const changes = d.findings.map((f) => ({
      class: classOf(f), rule: f.rule, severity: f.severity, pointer: f.pointer, message: f.message,
      file: f.location.file, line: f.location.line, column: f.location.column, ...(f.old ? { old: f.old } : {}), impacts: f.impacts,
    }));
    return `${JSON.stringify({ entity, from: d.from, to: d.to, mode: d.mode, changes }, null, 2)}\n`;
  }
  const groups = new Map<Class, Finding[]>([["breaking", []], ["warning", []], ["compatible", []]]);
  for (const f of d.findings) groups.get(classOf(f))!.push(f);
  const n = (c: Class) => groups.get(c)!.length;
  const counts = `${n("breaking")} breaking, ${n("warning")} to review, ${n("compatible")} compatible`;
  const rules = [...new Set([...groups.values()].flat().map((f) => f.rule))];
  // The one line a reviewer reads first: the verdict, the counts and which rules.
  const summary = `${n("breaking") > 0 ? "breaking" : n("warning") > 0 ? "to review" : "compatible"}: ${counts}${rules.length > 0 ? ` (${rules.join(", ")})` : ""}`;
  if (kind === "markdown") {
    const out = [`## ${cell(title)}`, "", `**${cell(summary)}** (mode ${d.mode})`, ""];
    if (d.findings.length === 0) out.push("No changes.", "");
    for (const [c, list] of groups) {
      if (list.length === 0) continue;
      out.push(`### ${HEADINGS[c]}`, "");
      for (const f of list) out.push(`- ${code(f.pointer)}: ${cell(f.message)} (${code(f.rule)})`);
      out.push("");
    }
    return `${out.join("\n")}\n`;
  }
  const out = [`${title} (mode ${d.mode}): ${summary}`];
  if (d.findings.length === 0) out.push("  no changes");
  for (const [c, list] of groups) for (const f of list) out.push(`  ${c.padEnd(10)}  ${f.rule.padEnd(28)}  ${f.pointer || "#"}  ${f.message}`);
  return `${out.join("\n")}\n`;
}

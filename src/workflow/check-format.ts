/** How `lockstep check` prints: text (file: message), GitHub annotations, markdown (job summary), JSON. */
import type { FormatContext } from "../lint/format/common.js";
import { plural } from "../lint/format/common.js";
import { escapeData, escapeProperty } from "../lint/format/github.js";
import { cell, code } from "../lint/format/markdown.js";
import { passed, type CheckResult, type ProblemKind } from "./check.js";

export const CHECK_FORMATS = ["text", "github", "markdown", "json"] as const;
export type CheckFormat = (typeof CHECK_FORMATS)[number];

const WORD: Record<ProblemKind, string> = { "schema-changed": "changed since the last generate",  "hand-edit": "edited by hand", deleted: "deleted", "out-of-date": "out of date", stale: "stale" };

/** One line: what was checked and what failed. */
export function summary(result: CheckResult): string {
  const errors = (result.lint?.findings ?? []).filter((f) => f.severity === "error" && !f.suppressed).length;
  const counts = new Map<ProblemKind, number>();
  for (const p of result.problems) counts.set(p.kind, (counts.get(p.kind) ?? 0) + 1);
  const generated = result.problems.length === 0
    ? `${plural(result.files, "generated file")} up to date`
    : [...counts].map(([k, n]) => `${n} ${k === "schema-changed" ? "schema" : "generated"} ${n === 1 ? "file" : "files"} ${WORD[k]}`).join(", ");
  const linted = result.lint ? `${plural(errors, "lint error")} in ${result.linted.length} ${result.linted.length === 1 ? "entity" : "entities"}` : "no entity to lint";
  return `lockstep check: ${passed(result) ? "ok" : "failed"}: ${generated}; ${linted} (${result.scope})`;
}

export async function formatCheck(name: CheckFormat, result: CheckResult, ctx: FormatContext): Promise<string> {
  const lint = result.lint && result.lint.findings.length > 0;
  // The lint formatters (and what they load) only when there is something to format.
  const formatLint = lint ? (await import("../lint/format/index.js")).format : () => "";
  switch (name) {
    case "text": {
      const lines = shown(result).map((p) => `${p.file}:${p.line ?? 1}:1: error: ${p.kind}: ${p.message}`);
      const out = lines.length > 0 ? `${lines.join("\n")}\n` : "";
      return `${out}${lint ? formatLint("text", result.lint!, ctx) : ""}${summary(result)}\n`;
    }
    case "github": {
      const lines = shown(result).map((p) => `::error file=${escapeProperty(p.file)},line=${p.line ?? 1},title=${escapeProperty(`lockstep ${p.kind}`)}::${escapeData(p.message)}`);
      const out = lines.length > 0 ? `${lines.join("\n")}\n` : "";
      return `${out}${lint ? formatLint("github", result.lint!, ctx) : ""}${summary(result)}\n`;
    }
    case "markdown":
      return markdown(result, formatLint);
    case "json":
      return `${JSON.stringify({ ok: passed(result), summary: summary(result), problems: result.problems, files: result.files, linted: result.linted, scope: result.scope, findings: result.lint?.findings ?? [] }, null, 2)}\n`;
  }
}

/** Every problem, but at most SHOWN out-of-date files: after a schema change every file's header changes. */
const SHOWN = 10;

function shown(result: CheckResult): Array<{ kind: string; file: string; line?: number; message: string }> {
  const stale = result.problems.filter((p) => p.kind === "out-of-date");
  if (stale.length <= SHOWN) return result.problems;
  const rest = stale.slice(SHOWN);
  const more = { kind: "out-of-date", file: rest[0]!.file, message: `… and ${rest.length - 1} more generated files out of date (--format json lists all); run \`lockstep generate\`` };
  return [...result.problems.filter((p) => !rest.includes(p)), ...(rest.length > 1 ? [more] : [rest[0]!])];
}

function markdown(result: CheckResult, formatLint: (name: "markdown", result: NonNullable<CheckResult["lint"]>, ctx: FormatContext) => string): string {
  const out = [`## ${passed(result) ? "✅" : "❌"} ${cell(summary(result))}`, ""];
  if (result.problems.length > 0) {
    out.push("| Generated file | Problem |", "|---|---|");
    for (const p of shown(result)) out.push(`| ${code(p.file)} | ${cell(p.message)} |`);
    out.push("");
  }
  if (result.lint && result.lint.findings.length > 0) out.push(formatLint("markdown", result.lint, { toolVersion: "", cwd: "", textOf: () => undefined }));
  return `${out.join("\n")}\n`;
}

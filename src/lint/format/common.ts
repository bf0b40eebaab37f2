/** What every output format needs: counts, severity words, and the text behind a location. */
import type { LintResult } from "../engine.js";
import type { Finding, Severity } from "../types.js";

export interface FormatContext {
  /** lockstep's version, for SARIF's tool.driver. */
  toolVersion: string;
  /** Absolute working directory (SARIF's %SRCROOT%). */
  cwd: string;
  /** The text of the file a location points into, for code frames. */
  textOf(file: string): string | undefined;
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  suppressed: number;
}

export function summarize(findings: Finding[]): Summary {
  const s: Summary = { errors: 0, warnings: 0, infos: 0, suppressed: 0 };
  for (const f of findings) {
    if (f.suppressed) s.suppressed++;
    else if (f.severity === "error") s.errors++;
    else if (f.severity === "warning") s.warnings++;
    else if (f.severity === "info") s.infos++;
  }
  return s;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summaryLine(result: LintResult): string {
  const s = summarize(result.findings);
  const modes = [...new Set(Object.values(result.modes))].join("/") || "additive";
  const scope = `${plural(result.comparisons.length, "comparison")}, ${result.entities.length} ${result.entities.length === 1 ? "entity" : "entities"}; mode ${modes}${result.against ? `; against ${result.against}` : ""}`;
  const counts = [plural(s.errors, "error"), plural(s.warnings, "warning"), plural(s.infos, "note")];
  if (s.suppressed > 0) counts.push(`${s.suppressed} suppressed`);
  return `lockstep lint: ${s.errors + s.warnings + s.infos === 0 ? "no problems" : counts.join(", ")} (${scope})`;
}

export const SEVERITY_WORD: Record<Severity, string> = { error: "error", warning: "warning", info: "note", off: "off" };

/** Findings grouped by entity, in order. */
export function byEntity(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.entity) ?? [];
    list.push(f);
    out.set(f.entity, list);
  }
  return out;
}

export function versions(f: Finding): string {
  if (f.from !== undefined && f.to !== undefined) return `v${f.from}${f.against ? ` at ${f.against}` : ""} → v${f.to}${f.alsoFrom ? ` (also from ${f.alsoFrom.map((n) => `v${n}`).join(", ")})` : ""}`;
  return f.to !== undefined ? `v${f.to}` : "";
}

/** Findings grouped by entity and version pair ("user v1 → v2"; "user v3" for the newest version alone), in order. */
export function byPair(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const pair = f.from !== undefined && f.to !== undefined ? `v${f.from}${f.against ? ` at ${f.against}` : ""} → v${f.to}` : f.to !== undefined ? `v${f.to}` : "";
    const key = pair ? `${f.entity} ${pair}` : f.entity;
    const list = out.get(key) ?? [];
    list.push(f);
    out.set(key, list);
  }
  return out;
}

/** One line a reviewer reads first: counts by severity and the rules involved. */
export function pairSummary(findings: Finding[]): string {
  const s = summarize(findings);
  const counts = [s.errors > 0 ? plural(s.errors, "error") : "", s.warnings > 0 ? plural(s.warnings, "warning") : "", s.infos > 0 ? plural(s.infos, "note") : ""].filter((x) => x !== "");
  const rules = [...new Set(findings.map((f) => f.rule))];
  const verdict = s.errors > 0 ? "breaking" : s.warnings > 0 ? "to review" : "compatible";
  return `${verdict}: ${counts.join(", ") || "no findings"} (${rules.join(", ")})`;
}

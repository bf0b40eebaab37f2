/** The `lockstep test` report: a table of entity × language × check, then every failure. */
import type { Outcome } from "./compare.js";
import type { TestResult } from "./run.js";
import { maxOf } from "../arrays.js";

export interface Row {
  entity: string;
  language: string;
  check: string;
  passed: number;
  failed: number;
}

export function rows(outcomes: Outcome[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const o of outcomes) {
    const key = `${o.entity}\0${o.language}\0${o.check}`;
    const row = byKey.get(key) ?? { entity: o.entity, language: o.language, check: o.check, passed: 0, failed: 0 };
    if (o.ok) row.passed++;
    else row.failed++;
    byKey.set(key, row);
  }
  return [...byKey.values()].sort((a, b) => a.entity.localeCompare(b.entity) || a.check.localeCompare(b.check) || a.language.localeCompare(b.language));
}

/** True when the run proves nothing is wrong: every language ran and every outcome passed. */
export function passed(result: TestResult, missingIsFailure: boolean): boolean {
  const runsOk = result.runs.every((r) => r.status === "ran" || (r.status === "missing" && !missingIsFailure));
  const harnessOk = result.runs.every((r) => r.status !== "ran" || r.message === undefined || result.outcomes.some((o) => !o.ok && o.language === r.language));
  return runsOk && harnessOk && result.outcomes.every((o) => o.ok);
}

export function formatText(result: TestResult, missingIsFailure: boolean): string {
  const lines: string[] = [];
  for (const run of result.runs) {
    if (run.status === "missing") lines.push(`${run.language}: ${run.message}${missingIsFailure ? " (a failure with CI=true)" : "; skipped"}`);
    if (run.status === "broken") lines.push(`${run.language}: the generated code did not build:\n${indent(run.message ?? "")}`);
  }
  const table = rows(result.outcomes);
  const widths = [6, 8, 5].map((w, i) => maxOf(table.map((r) => [r.entity, r.language, r.check][i]!.length), w));
  const pad = (cells: string[]): string => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(6))).join("  ").trimEnd();
  lines.push(pad(["entity", "language", "check", "passed", "failed"]));
  for (const r of table) lines.push(pad([r.entity, r.language, r.check, String(r.passed), String(r.failed)]));
  const failures = result.outcomes.filter((o) => !o.ok);
  if (failures.length > 0) {
    lines.push("", "failures:");
    for (const f of failures.slice(0, 50)) lines.push(`  ${f.language} ${f.check} fixtures/${f.fixture}: ${f.detail ?? "failed"}`);
    if (failures.length > 50) lines.push(`  … and ${failures.length - 50} more (--format json lists all)`);
  }
  for (const run of result.runs) {
    if (run.status === "ran" && run.message && !failures.some((f) => f.language === run.language)) {
      lines.push("", `${run.language} harness failed:`, indent(run.message));
    }
  }
  if (result.findings.length > 0) {
    lines.push("", "not tested fully:");
    for (const f of result.findings) lines.push(indent(f.format()));
  }
  const t = result.runs.map((r) => `${r.language} compile ${secs(r.compileMs)} run ${secs(r.runMs)}`).join(", ");
  const total = result.outcomes.length;
  lines.push("", `${total - failures.length} passed, ${failures.length} failed (${result.fixtures} fixtures; generate ${secs(result.timings.generateMs)}; ${t})`);
  return `${lines.join("\n")}\n`;
}

export function formatJson(result: TestResult, missingIsFailure: boolean): string {
  return `${JSON.stringify({ ok: passed(result, missingIsFailure), runs: result.runs, rows: rows(result.outcomes), failures: result.outcomes.filter((o) => !o.ok), timings: result.timings, fixtures: result.fixtures, findings: result.findings.map((f) => ({ message: f.message, ...f.location })) }, null, 2)}\n`;
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)}s`;
const indent = (text: string): string => text.split("\n").map((l) => `    ${l}`).join("\n");

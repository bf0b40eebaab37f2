/**
 * What the HTML report shows, computed from the schemas: per entity its versions, the lint
 * findings of each step (the config's mode), every change of each step, a version × version
 * matrix per reader, and the line diff of each step; plus the last `lockstep test` run, if saved.
 */
import type { Config } from "../config.js";
import { diffVersions, lint } from "../lint/engine.js";
import { fsTree } from "../lint/tree.js";
import { TARGETS, type Finding, type Target } from "../lint/types.js";
import type { TestSummary } from "../testing/summary.js";
import { lineDiff, type DiffLine } from "./line-diff.js";

/** ok: reads it as written; degrades: reads it, but a value differs or lockstep cannot prove it; breaks: fails or loses data. */
export type Verdict = "same" | "ok" | "degrades" | "breaks";

export interface Cell {
  writer: number;
  reader: number;
  verdict: Verdict;
  /** Why, one line per change that matters to this reader. */
  reasons: string[];
}

export interface Step {
  from: number;
  to: number;
  /** Findings of `lockstep lint` for this step (severity from the mode; suppressed ones marked). */
  findings: Finding[];
  /** Every change, including those lint does not report in this mode. */
  changes: Finding[];
  /** Line diff of the two files as written; undefined when too large to show. */
  diff?: DiffLine[];
}

export interface EntityReport {
  name: string;
  versions: Array<{ version: number; file: string; findings: Finding[] }>;
  steps: Step[];
  /** Per reader: rows are the version that wrote the data, columns the version whose code reads it. */
  matrix: Array<{ reader: Target; cells: Cell[][] }>;
}

export interface ReportData {
  entities: EntityReport[];
  mode: string;
  test?: TestSummary;
}

export function collect(config: Config, cwd: string, test?: TestSummary): ReportData {
  const tree = fsTree(config.schemas, cwd);
  const base = { cwd, schemas: config.schemas, lint: config.lint, int64: config.int64, tree, ...(config.file ? { configFile: config.file } : {}) };
  const linted = lint(base);
  const readers = TARGETS.filter((t) => config.lint.targets.includes(t));
  const entities: EntityReport[] = [];
  for (const [name, files] of tree.entities) {
    const versions = files.map((v) => v.version);
    const own = linted.findings.filter((f) => f.entity === name);
    const changes = new Map<string, Finding[]>();
    for (let i = 0; i < versions.length; i++) {
      for (let j = i + 1; j < versions.length; j++) changes.set(`${versions[i]}>${versions[j]}`, diffVersions(base, name, versions[i], versions[j]).findings);
    }
    const steps: Step[] = [];
    for (let i = 1; i < files.length; i++) {
      const [a, b] = [files[i - 1]!, files[i]!];
      const diff = lineDiff(tree.text(a.rel) ?? "", tree.text(b.rel) ?? "");
      steps.push({
        from: a.version, to: b.version,
        findings: own.filter((f) => f.from === a.version && f.to === b.version),
        changes: changes.get(`${a.version}>${b.version}`) ?? [],
        ...(diff ? { diff } : {}),
      });
    }
    const matrix = readers.map((reader) => ({
      reader,
      cells: versions.map((w) => versions.map((r) => cell(reader, w, r, changes.get(`${Math.min(w, r)}>${Math.max(w, r)}`) ?? []))),
    }));
    entities.push({
      name,
      versions: files.map((v) => ({ version: v.version, file: tree.display(v.rel), findings: own.filter((f) => f.from === undefined && f.to === v.version) })),
      steps,
      matrix,
    });
  }
  const mode = [...new Set(Object.values(linted.modes))].join("/") || config.lint.mode;
  return { entities, mode, ...(test ? { test } : {}) };
}

/** Data written by `writer`, read by code generated from `readerVersion`: the changes between them, on the reader's side. */
function cell(reader: Target, writer: number, readerVersion: number, changes: Finding[]): Cell {
  if (writer === readerVersion) return { writer, reader: readerVersion, verdict: "same", reasons: [] };
  const side = writer < readerVersion ? "new-readers" : "old-readers";
  let verdict: Verdict = "ok";
  const reasons: string[] = [];
  for (const f of changes) {
    for (const impact of f.impacts) {
      if (impact.side !== side || !impact.targets.includes(reader)) continue;
      const breaks = impact.fails && !impact.unproven;
      if (breaks) verdict = "breaks";
      else if (verdict === "ok") verdict = "degrades";
      reasons.push(`${breaks ? "breaks" : impact.unproven ? "unproven" : "differs"}: ${f.pointer || "#"}: ${impact.why} (${f.rule})`);
    }
  }
  return { writer, reader: readerVersion, verdict, reasons: [...new Set(reasons)] };
}

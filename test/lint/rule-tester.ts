/**
 * RuleTester in the style of ESLint's: a table of valid and invalid cases per rule, each a
 * previous and a current schema (entity "e", v1 → v2) or a whole tree, and the expected findings
 * of that rule as {rule, pointer}. Every finding must carry a position.
 */
import { expect } from "vitest";
import { lintDefaults, type LintConfig } from "../../src/config.js";
import { lint, type LintResult } from "../../src/lint/engine.js";
import { fingerprint, renderLock, LOCK_FILE, type LockEntry } from "../../src/lint/lock.js";
import { memoryTree } from "../../src/lint/tree.js";
import type { Mode, Severity } from "../../src/lint/types.js";

export interface Expected {
  rule: string;
  pointer: string;
  severity?: Severity;
  /** File relative to the schemas root (default: the newest version of "e"). */
  file?: string;
  /** "line:column" of the finding, when the table asserts it. */
  at?: string;
  /** The old side's place, when the table asserts it ("line:column" in the previous version). */
  old?: { pointer: string; at: string; file?: string };
}

export interface Case {
  name: string;
  previous?: unknown;
  current?: unknown;
  /** Further files (or, without previous/current, the whole tree), relative to the schemas root. */
  files?: Record<string, unknown>;
  /** The tree of the --against revision. */
  before?: Record<string, unknown>;
  /** Versions recorded in the lock file, as they were released ("e/v1.json": schema). */
  released?: Record<string, unknown>;
  mode?: Mode;
  transitive?: boolean;
  config?: Partial<LintConfig>;
  expected?: Expected[];
}

export interface RuleCases {
  valid: Case[];
  invalid: Case[];
}

const text = (v: unknown): string => (typeof v === "string" ? v : `${JSON.stringify(v, null, 2)}\n`);

export function runCase(c: Case): LintResult {
  const files: Record<string, string> = {};
  if (c.previous !== undefined) files["e/v1.json"] = text(c.previous);
  if (c.current !== undefined) files[c.previous !== undefined ? "e/v2.json" : "e/v1.json"] = text(c.current);
  for (const [k, v] of Object.entries(c.files ?? {})) files[k] = text(v);
  if (c.released) {
    const rel = memoryTree(Object.fromEntries(Object.entries(c.released).map(([k, v]) => [k, text(v)])));
    const lock = new Map<string, Map<number, LockEntry>>();
    for (const [entity, versions] of rel.entities) lock.set(entity, new Map(versions.map((v) => [v.version, fingerprint(rel, v.rel)])));
    files[LOCK_FILE] = renderLock(lock);
  }
  const tree = memoryTree(files);
  const before = c.before ? memoryTree(Object.fromEntries(Object.entries(c.before).map(([k, v]) => [k, text(v)])), "main") : undefined;
  const config: LintConfig = { ...lintDefaults(), ...c.config };
  return lint({
    cwd: "/", schemas: "/schemas", lint: config, tree, keepOff: true, ...(before ? { before } : {}),
    ...(c.mode ? { mode: c.mode } : {}), ...(c.transitive !== undefined ? { transitive: c.transitive } : {}),
  });
}

function newest(c: Case): string {
  return c.previous !== undefined ? "e/v2.json" : "e/v1.json";
}

/** Checks one rule's table; called inside a vitest `it`. */
export function checkCase(ruleId: string, c: Case, valid: boolean): void {
  const result = runCase(c);
  for (const f of result.all) {
    expect(f.rule, "every finding has a rule id").toMatch(/^[a-z0-9-]+$/);
    expect(f.location.line, `${f.rule} has a line`).toBeGreaterThanOrEqual(1);
    expect(f.location.column, `${f.rule} has a column`).toBeGreaterThanOrEqual(1);
  }
  const seen = result.all.filter((f) => f.rule === ruleId);
  if (valid) {
    expect(seen.map((f) => `${f.pointer}: ${f.message}`), `${c.name}: no ${ruleId} findings`).toEqual([]);
    return;
  }
  const got = seen.map((f) => ({ rule: f.rule, pointer: f.pointer, file: f.location.rel, severity: f.severity }));
  const want = (c.expected ?? []).map((e) => ({ rule: e.rule, pointer: e.pointer, file: e.file ?? newest(c), ...(e.severity ? { severity: e.severity } : {}) }));
  const shape = (list: Array<Record<string, unknown>>, keys: string[]) =>
    list.map((x) => Object.fromEntries(keys.filter((k) => k in x).map((k) => [k, x[k]]))).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  expect(shape(got, ["rule", "pointer", "file"]), c.name).toEqual(shape(want, ["rule", "pointer", "file"]));
  for (const w of want) {
    if (!w.severity) continue;
    const f = got.find((g) => g.pointer === w.pointer && g.file === w.file);
    expect(f?.severity, `${c.name}: severity at ${w.pointer}`).toBe(w.severity);
  }
  for (const e of c.expected ?? []) {
    const f = seen.find((g) => g.pointer === e.pointer && g.location.rel === (e.file ?? newest(c)));
    if (e.at) expect(`${f?.location.line}:${f?.location.column}`, `${c.name}: position of ${e.pointer}`).toBe(e.at);
    if (e.old) {
      const old = f?.old && { pointer: f.old.pointer, at: `${f.old.line}:${f.old.column}`, file: f.old.rel };
      expect(old, `${c.name}: old side of ${e.pointer}`).toEqual({ file: "e/v1.json", ...e.old });
    }
  }
}

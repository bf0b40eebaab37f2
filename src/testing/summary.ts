/**
 * The summary of the last `lockstep test` run, saved next to its build cache, for `lockstep
 * report`: when it finished, whether it passed, and the entity × language × check table.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { passed, rows, type Row } from "./report.js";
import type { TestResult } from "./run.js";

export interface TestSummary {
  finishedAt: string;
  ok: boolean;
  rows: Row[];
  runs: Array<{ language: string; status: string }>;
}

const FILE = "last-run.json";

export function saveTestSummary(cache: string, result: TestResult, strict: boolean, now = new Date()): void {
  const summary: TestSummary = { finishedAt: now.toISOString(), ok: passed(result, strict), rows: rows(result.outcomes), runs: result.runs.map((r) => ({ language: r.language, status: r.status })) };
  mkdirSync(cache, { recursive: true });
  writeFileSync(join(cache, FILE), `${JSON.stringify(summary, null, 2)}\n`);
}

/** The saved summary, if there is a readable one. */
export function readTestSummary(cache: string): TestSummary | undefined {
  const path = join(cache, FILE);
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, "utf8")) as TestSummary;
    return typeof value.finishedAt === "string" && Array.isArray(value.rows) && Array.isArray(value.runs) ? value : undefined;
  } catch {
    return undefined; // an unreadable summary is left out of the report, not fatal
  }
}

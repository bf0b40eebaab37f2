/**
 * What a warm `lockstep test` reuses from the previous run: when the schemas, the config, the
 * options and lockstep itself hash the same (the fingerprint, as `generate` keys its manifest) and
 * the fixtures and generated code on disk are still what that run wrote (src/write.ts upToDate:
 * a stat per file, a hash when the stat changed), loading, fixture synthesis and code generation
 * are skipped. The record keeps what those stages gave besides files: the fixture list, the
 * findings, and the verdicts on upgrade outputs (ajv's, which would need the schemas loaded).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { LockstepError, type Location } from "../errors.js";
import { upToDate } from "../write.js";

const FILE = "warm.json";

export interface WarmRecord {
  fingerprint: string;
  /** Fixture paths relative to the fixtures directory, in the order the run made them. */
  fixtures: string[];
  findings: Array<{ message: string; location?: Location; frame?: string }>;
  /** ajv's errors for an upgrade output, by verdictKey(); valid while the fingerprint holds. */
  verdicts: Record<string, string[]>;
}

export const verdictKey = (entity: string, version: number, json: string): string => `${entity}\0${version}\0${json}`;

/** The previous run's record, when it was made from these inputs and its output is untouched. */
export function readWarm(cache: string, fingerprint: string, dirs: string[]): WarmRecord | undefined {
  const path = join(cache, FILE);
  if (!existsSync(path)) return undefined;
  let record: WarmRecord;
  try {
    record = JSON.parse(readFileSync(path, "utf8")) as WarmRecord;
  } catch {
    return undefined; // unreadable: the run redoes everything and writes a new one
  }
  if (record.fingerprint !== fingerprint || !Array.isArray(record.fixtures) || !Array.isArray(record.findings) || typeof record.verdicts !== "object") return undefined;
  return upToDate(dirs, fingerprint) === undefined ? undefined : record;
}

/** Replaces the record in one rename (a killed run leaves the old one or none). */
export function writeWarm(cache: string, record: WarmRecord): void {
  mkdirSync(cache, { recursive: true });
  const tmp = join(cache, `${FILE}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(record));
  renameSync(tmp, join(cache, FILE));
}

/** No record: the next run redoes everything (a run whose output is not the options' own). */
export function dropWarm(cache: string): void {
  rmSync(join(cache, FILE), { force: true });
}

export function findingsOf(record: WarmRecord): LockstepError[] {
  return record.findings.map((f) => new LockstepError(f.message, f.location, f.frame));
}

export function recordFindings(findings: readonly LockstepError[]): WarmRecord["findings"] {
  return findings.map((f) => ({ message: f.message, ...(f.location ? { location: f.location } : {}), ...(f.frame ? { frame: f.frame } : {}) }));
}

/**
 * The fingerprint and diff checks of `lockstep test`: which fixture pairs each language's
 * fingerprint harness gets, and what it must write for them (src/fingerprint.ts is the reference).
 * Every fixture is fingerprinted under its own version's types and diffed with the next fixture of
 * that version (the last with the first), so every fixture is one side of a diff.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../emit/types.js";
import { changesJson, diffJson, fingerprintJson } from "../fingerprint.js";
import { wireFixture, type Outcome, type readEmitted } from "./compare.js";

/** Read by the harnesses from $LOCKSTEP_OUT. */
export const CASES_FILE = "fingerprint-cases.jsonl";
/** Written by the harnesses to $LOCKSTEP_OUT. */
export const FINGERPRINT_RESULTS_FILE = "fingerprints.jsonl";

export interface FingerprintCase {
  entity: string;
  version: number;
  /** Fixture paths relative to the fixtures directory. */
  fixture: string;
  other: string;
}

export function fingerprintCases(fixtures: readonly GeneratedFile[]): FingerprintCase[] {
  const byVersion = new Map<string, string[]>();
  for (const f of fixtures) {
    // A lenient-* fixture is the value of the fixture it spells differently (its text is not
    // what the value encodes to): fingerprinted once, as that fixture.
    if (wireFixture(f.path) !== f.path) continue;
    const dir = f.path.slice(0, f.path.lastIndexOf("/"));
    byVersion.set(dir, [...(byVersion.get(dir) ?? []), f.path]);
  }
  const cases: FingerprintCase[] = [];
  for (const [dir, paths] of [...byVersion].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const m = /^(.+)\/v(\d+)$/.exec(dir);
    if (!m) continue;
    paths.sort();
    paths.forEach((fixture, i) => cases.push({ entity: m[1]!, version: Number(m[2]), fixture, other: paths[(i + 1) % paths.length]! }));
  }
  return cases;
}

export function writeCases(out: string, cases: readonly FingerprintCase[]): void {
  writeFileSync(join(out, CASES_FILE), cases.map((c) => `${JSON.stringify(c)}\n`).join(""));
}

/** What each case's checks must write, by `<check>/<fixture>`; a fixture that is not JSON is left out (its round trip reports it). */
export function expectedOutputs(cases: readonly FingerprintCase[], texts: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cases) {
    const a = texts.get(c.fixture);
    const b = texts.get(c.other);
    if (a === undefined || b === undefined) continue;
    try {
      out.set(`fingerprint/${c.fixture}`, JSON.stringify(fingerprintJson(a)));
      out.set(`diff/${c.fixture}`, changesJson(diffJson(a, b)));
    } catch {
      continue;
    }
  }
  return out;
}

const short = (text: string): string => (text.length > 200 ? `${text.slice(0, 197)}...` : text);

/** One outcome per expected output: the language wrote exactly that, or why not. */
export function judgeFingerprints(language: string, emitted: ReturnType<typeof readEmitted>, expected: ReadonlyMap<string, string>): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const [key, want] of expected) {
    const check = key.slice(0, key.indexOf("/")) as "fingerprint" | "diff";
    const fixture = key.slice(check.length + 1);
    const base = { entity: fixture.slice(0, fixture.indexOf("/")), language, check, fixture };
    const got = emitted.get(key);
    if (got === undefined) outcomes.push({ ...base, ok: false, detail: "no result: the fingerprint harness did not run this case" });
    else if (got.error !== undefined) outcomes.push({ ...base, ok: false, detail: got.error });
    else if (got.json !== want) outcomes.push({ ...base, ok: false, detail: `expected ${short(want)}, got ${short(got.json ?? "")}` });
    else outcomes.push({ ...base, ok: true });
  }
  return outcomes;
}

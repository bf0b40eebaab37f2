/**
 * Reads what each language's harness wrote in emit mode and compares it with the fixtures and
 * across languages. Each outcome names the fixture, the language and the check.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isLosslessNumber, parse } from "lossless-json";
import { canonicalNumber, canonicalize } from "../canonical.js";

export type Check = "roundtrip" | "new-reads-old" | "old-reads-new" | "fingerprint" | "diff" | `upgrade-to-v${number}`;
/** The checks judge() compares with the fixtures (fingerprint and diff: src/testing/fingerprint.ts). */
export const CHECKS: Check[] = ["roundtrip", "new-reads-old", "old-reads-new"];

export interface Outcome {
  entity: string;
  language: string;
  check: Check;
  /** Fixture file relative to the fixtures directory: user/v2/cover-03.json */
  fixture: string;
  ok: boolean;
  /** Why it failed: an error from the harness, or a minimal diff. */
  detail?: string;
}

/**
 * What a harness wrote in emit mode: one JSON line per result in `<dir>/results.jsonl`, by
 * `<check>/<entity>/v<N>/<name>.json`. A line cut short (a harness killed mid-write) is skipped;
 * the run's own status reports the failure.
 */
export function readEmitted(dir: string, file = RESULTS_FILE): Map<string, { json?: string; error?: string }> {
  const out = new Map<string, { json?: string; error?: string }>();
  const path = join(dir, file);
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (line === "") continue;
    let result: { check?: unknown; fixture?: unknown; output?: unknown; error?: unknown };
    try {
      result = JSON.parse(line) as typeof result;
    } catch {
      continue;
    }
    if (typeof result.check !== "string" || typeof result.fixture !== "string") continue;
    const key = `${result.check}/${result.fixture}`;
    if (typeof result.error === "string") out.set(key, { error: result.error.trim() });
    else if (typeof result.output === "string") out.set(key, { json: result.output });
  }
  return out;
}

/**
 * The fixture whose text a fixture's decoding must re-encode to: itself, except that
 * lenient-<name>.json (integers spelled as numbers, read leniently) must come back as <name>.json.
 */
export function wireFixture(path: string): string {
  return path.replace(/\/lenient-([^/]*)$/, "/$1");
}

/** The file each harness writes its results to in emit mode (LOCKSTEP_OUT). */
export const RESULTS_FILE = "results.jsonl";

/**
 * Outcomes for one language. `expected` decides whether a check must reproduce its input:
 * roundtrip and old-reads-new must; new-reads-old must only decode (defaults may be added).
 * `known`: fixture texts already in memory, by path relative to the fixtures directory.
 */
export function judge(language: string, emitted: ReturnType<typeof readEmitted>, fixturesDir: string, known?: ReadonlyMap<string, string>, canon: Canonicalizer = canonicalize): Outcome[] {
  const outcomes: Outcome[] = [];
  for (const [key, result] of [...emitted].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [check, entity, ...rest] = key.split("/");
    if (!CHECKS.includes(check as Check)) continue;
    const fixture = [entity, ...rest].join("/");
    const base = { entity: entity!, language, check: check as Check, fixture };
    if (result.error !== undefined) {
      outcomes.push({ ...base, ok: false, detail: result.error });
      continue;
    }
    if (check === "new-reads-old") {
      outcomes.push({ ...base, ok: true });
      continue;
    }
    const expected = wireFixture(fixture);
    const input = known?.get(expected) ?? readFileSync(join(fixturesDir, expected), "utf8");
    const diff = jsonDiff(input, result.json!, canon);
    outcomes.push(diff ? { ...base, ok: false, detail: diff } : { ...base, ok: true });
  }
  return outcomes;
}

/** Where two languages wrote different bytes for the same fixture and check. */
export function crossCheck(byLanguage: Map<string, ReturnType<typeof readEmitted>>, canon: Canonicalizer = canonicalize): Outcome[] {
  const outcomes: Outcome[] = [];
  const languages = [...byLanguage.keys()];
  const keys = new Set(languages.flatMap((l) => [...byLanguage.get(l)!.keys()]));
  for (const key of [...keys].sort()) {
    const [check, entity, ...rest] = key.split("/");
    const written = languages
      .map((l) => ({ l, json: byLanguage.get(l)!.get(key)?.json }))
      .filter((x): x is { l: string; json: string } => x.json !== undefined);
    for (let i = 1; i < written.length; i++) {
      const diff = jsonDiff(written[0]!.json, written[i]!.json, canon);
      if (diff) {
        outcomes.push({
          entity: entity!, language: `${written[0]!.l}≠${written[i]!.l}`, check: check as Check, fixture: [entity, ...rest].join("/"), ok: false,
          detail: `${written[0]!.l} and ${written[i]!.l} wrote different JSON: ${diff}`,
        });
      }
    }
  }
  return outcomes;
}

/** Canonical JSON of a text (src/canonical.ts), possibly remembered: see canonicalizer(). */
export type Canonicalizer = (text: string) => string;

/**
 * canonicalize() remembering each text's result: a run compares every fixture with what three
 * languages wrote for it in several checks, and the languages mostly write the same bytes.
 */
export function canonicalizer(): Canonicalizer {
  const known = new Map<string, string>();
  return (text) => {
    let c = known.get(text);
    if (c === undefined) known.set(text, (c = canonicalize(text)));
    return c;
  };
}

/** A minimal description of how `actual` differs from `expected`, or undefined when equal. */
export function jsonDiff(expected: string, actual: string, canon: Canonicalizer = canonicalize): string | undefined {
  if (expected === actual || canon(expected) === canon(actual)) return undefined;
  const lines: string[] = [];
  diffValues(parse(expected), parse(actual), "", lines);
  return lines.slice(0, 5).join("; ") + (lines.length > 5 ? `; … ${lines.length - 5} more` : "");
}

function show(v: unknown): string {
  const text = canonicalize(JSON.stringify(v, (_k, x) => (isLosslessNumber(x) ? Number(x.value) : x)) ?? "null");
  return isLosslessNumber(v) ? canonicalNumber(v.value) : text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function diffValues(a: unknown, b: unknown, at: string, out: string[]): void {
  const pointer = at || "/";
  if (isLosslessNumber(a) && isLosslessNumber(b)) {
    if (canonicalNumber(a.value) !== canonicalNumber(b.value)) out.push(`${pointer}: expected ${canonicalNumber(a.value)}, got ${canonicalNumber(b.value)}`);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${pointer}: expected ${a.length} items, got ${b.length}`);
    for (let i = 0; i < Math.min(a.length, b.length); i++) diffValues(a[i], b[i], `${at}/${i}`, out);
    return;
  }
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b) && !isLosslessNumber(a) && !isLosslessNumber(b)) {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    for (const k of Object.keys(ao)) {
      const p = `${at}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`;
      if (!(k in bo)) out.push(`${p}: missing (expected ${show(ao[k])})`);
      else diffValues(ao[k], bo[k], p, out);
    }
    for (const k of Object.keys(bo)) if (!(k in ao)) out.push(`${at}/${k}: unexpected ${show(bo[k])}`);
    return;
  }
  if (JSON.stringify(show(a)) !== JSON.stringify(show(b))) out.push(`${pointer}: expected ${show(a)}, got ${show(b)}`);
}

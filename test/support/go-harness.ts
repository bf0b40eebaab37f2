/**
 * The Go round-trip harness under test: the bundled schemas (all versions) emitted with the
 * harness as a standalone Go module, next to the fixtures buildFixtures writes, all under
 * .cache/go-harness/. The Go build cache and flags are the ones every Go test shares (GO_ENV).
 *
 *   .cache/go-harness/fixtures/<entity>/v<N>/<name>.json   buildFixtures, fixed seed
 *   .cache/go-harness/<module>/                            generated modules (harness: "../fixtures")
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { GeneratedFile } from "../../src/emit/types.js";
import { GO_ENV, REPO } from "./go-module.js";

export const HARNESS_DIR = join(REPO, ".cache/go-harness");
export const FIXTURES_DIR = join(HARNESS_DIR, "fixtures");
/** The harness option as the emitter gets it: the fixtures directory relative to a module directory. */
export const FIXTURES_REL = "../fixtures";
export const SEED = 20240601;

function writeIfChanged(path: string, contents: string): void {
  if (existsSync(path) && readFileSync(path, "utf8") === contents) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}

/** Every file under dir, as POSIX paths relative to it. */
export function listFiles(dir: string, rel = ""): string[] {
  if (!existsSync(join(dir, rel))) return [];
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const path = rel === "" ? e.name : `${rel}/${e.name}`;
    return e.isDirectory() ? listFiles(dir, path) : [path];
  });
}

/** Makes dir hold exactly `files` (unchanged files keep their timestamps). */
export function writeTree(dir: string, files: readonly { path: string; contents: string }[]): void {
  const wanted = new Set(files.map((f) => f.path));
  for (const old of listFiles(dir)) if (!wanted.has(old)) rmSync(join(dir, old));
  for (const f of files) writeIfChanged(join(dir, f.path), f.contents);
}

export interface FixtureFile {
  entity: string;
  version: number;
  name: string;
  /** <entity>/v<N>/<name>.json */
  rel: string;
  json: string;
  future: boolean;
}

/** Fixture files in the layout `lockstep fixtures` writes. */
export function fixtureFiles(sets: readonly { entity: string; version: number; fixtures: { name: string; json: string; future?: boolean }[] }[]): FixtureFile[] {
  return sets.flatMap((s) =>
    s.fixtures.map((f) => ({
      entity: s.entity,
      version: s.version,
      name: f.name,
      rel: `${s.entity}/v${s.version}/${f.name}.json`,
      json: f.json,
      future: f.future === true,
    })),
  );
}

export function writeModule(name: string, files: readonly GeneratedFile[]): string {
  const dir = join(HARNESS_DIR, name);
  writeTree(dir, files);
  return dir;
}

export interface GoRun {
  status: number | null;
  output: string;
}

/** Runs a go command (or gofmt) in dir; never throws on a non-zero exit. */
export function go(dir: string, args: string[], env: Record<string, string> = {}, cmd = "go"): GoRun {
  const res = spawnSync(cmd, args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, LOCKSTEP_OUT: "", LOCKSTEP_FIXTURES: "", ...GO_ENV, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: res.status, output: `${res.stdout ?? ""}${res.stderr ?? ""}${res.error ? String(res.error) : ""}` };
}

/** `go test` results are never taken from Go's test cache: every run here is a real one. */
export const goTest = (dir: string, env: Record<string, string> = {}, ...args: string[]): GoRun =>
  go(dir, ["test", "-count=1", ...args, "./..."], env);

/** Failing fixtures named by the harness in go test output, by test ("TestRoundtrip/user" → files). */
export function failures(output: string): Map<string, string[]> {
  const byTest = new Map<string, string[]>();
  let current = "";
  for (const line of output.split("\n")) {
    const run = /^\s*--- FAIL: (\S+)/.exec(line);
    if (run) {
      current = run[1]!;
      continue;
    }
    const named = /^\s+lockstep_roundtrip_test\.go:\d+: (\S+\.json): /.exec(line);
    if (named) byTest.set(current, [...(byTest.get(current) ?? []), named[1]!]);
  }
  return byTest;
}

/**
 * An extra test file for a generated module (package <pkg>_test, next to the harness): the
 * harness's canonical comparison on chosen pairs, with the difference it must report ("" = equal).
 */
export function compareCheckFile(pkg: string): GeneratedFile {
  const cases: [string, string, string][] = [
    ["2", "2.0", ""],
    ["1e3", "1000", ""],
    ["-9223372036854775808", "-9223372036854775808.0", ""],
    ["9007199254740993", "9007199254740992", "/: expected 9007199254740993, got 9007199254740992"],
    ["123456789012345678901234567890", "123456789012345678901234567891", "/: expected 123456789012345678901234567890, got 123456789012345678901234567891"],
    ["0.1", "0.1000000000000000055511151231257827", ""],
    ["0.1", "0.10000000000000002", "/: expected 0.1, got 0.10000000000000002"],
    ["-0", "0", ""],
    ["-0.0", "0", ""],
    ["1.5e300", "15e299", ""],
    ["1e-7", "0.0000001", ""],
    ['{"a":1,"b":[1,2]}', '{"b":[1,2.0],"a":1}', ""],
    ['{"a":1}', '{"a":1,"b":null}', "/b: unexpected null"],
    ['{"a/b":{"c~":1}}', '{"a/b":{}}', "/a~1b/c~0: missing (expected 1)"],
    ["[1,2]", "[1]", "/: expected 2 items, got 1"],
    ['{"a":"1"}', '{"a":1}', '/a: expected "1", got 1'],
    ["null", "false", "/: expected null, got false"],
    ['"\\u00e9"', '"é"', ""],
  ];
  const rows = cases.map(([a, b, d]) => `\t\t{${goString(a)}, ${goString(b)}, ${goString(d)}},`).join("\n");
  return {
    path: "lockstep_compare_check_test.go",
    contents: `package ${pkg}_test

import "testing"

func TestLockstepCompareCheck(t *testing.T) {
\tfor _, c := range []struct{ want, got, diff string }{
${rows}
\t} {
\t\tdiff, err := lockstepCompare([]byte(c.want), []byte(c.got))
\t\tif err != nil || diff != c.diff {
\t\t\tt.Errorf("lockstepCompare(%s, %s) = %q, %v; want %q", c.want, c.got, diff, err, c.diff)
\t\t}
\t}
}
`,
  };
}

/** A Go raw string literal (the texts here hold no backquote). */
const goString = (s: string): string => `\`${s}\``;

/**
 * The round-trip test harness (docs/testing.md): lockstep_roundtrip_test.go in the module root,
 * run by `go test ./...`. An external test package (<pkg>_test) importing the root package and
 * every older version package by module path, so none of its names can meet a generated one.
 * Decisions live here (which types, import aliases, the fixtures path); the template holds the
 * fixed Go code: fixture discovery, the three checks, canonical comparison, emit mode.
 */
import type { Module } from "../../ir/types.js";
import type { GeneratedFile, HarnessOptions } from "../types.js";
import { declGoNames } from "./emit.js";
import { GO_KEYWORDS, GO_PREDECLARED } from "./keywords.js";
import { claimName } from "./naming.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";

export const HARNESS_FILE = "lockstep_roundtrip_test.go";

/** One generated Go package: its IR module, directory in the module ("" or "user/v1/") and package name. */
export interface GoPackage {
  module: Module;
  dir: string;
  pkg: string;
}

/** Names declared at file or package level by harness.go.hbs; an import alias must not take one. */
export const HARNESS_NAMES = [
  // standard library imports
  "bytes", "json", "errors", "fmt", "io", "fs", "big", "os", "filepath", "slices", "strconv", "strings", "testing",
  // package level
  "lockstepFixturesDir", "lockstepCodec", "lockstepType", "lockstepTypes", "lockstepCodecOf", "lockstepEntities",
  "lockstepNewest", "lockstepCodecFor", "lockstepFixture", "lockstepRoot", "lockstepList", "lockstepRun", "lockstepEmit",
  "lockstepResult", "lockstepResults",
  "TestRoundtrip", "TestNewReadsOld", "TestOldReadsNew", "lockstepCompare", "lockstepParse", "lockstepDiff",
  "lockstepKeys", "lockstepPointer", "lockstepShow", "lockstepSameNumber", "lockstepNumber",
  // the fingerprint harness in the same test package (fingerprint.ts)
  "lockstepFpDecoder", "lockstepFpDecode", "lockstepFpTypes", "lockstepFpRun", "TestFingerprintAndDiff",
];

export function emitHarness(packages: readonly GoPackage[], modulePath: string, rootPkg: string, harness: HarnessOptions, header: string[]): GeneratedFile {
  if (rootPkg === "main") throw new Error('Go harness: the root package is "main", which a test package cannot import; choose another package name');
  const taken = new Set<string>([...GO_KEYWORDS, ...GO_PREDECLARED, ...HARNESS_NAMES]);
  const imports: { alias: string; path: string }[] = [];
  const codecs: { entity: string; version: number; line: string }[] = [];
  // Root first: it keeps its own package name as alias whenever it can.
  for (const p of [...packages].sort((a, b) => (a.dir === "" ? -1 : b.dir === "" ? 1 : 0))) {
    const alias = claimName(p.pkg, taken, "pkg");
    const path = p.dir === "" ? modulePath : `${modulePath}/${p.dir.replace(/\/$/, "")}`;
    imports.push({ alias, path });
    const names = declGoNames(p.module);
    for (const e of p.module.entities) {
      const type = `${alias}.${names.get(e.root)!}`;
      codecs.push({
        entity: e.entity,
        version: e.version,
        line: `{entity: ${goQuote(e.entity)}, version: ${e.version}, codec: lockstepCodecOf[${type}]},`,
      });
    }
  }
  imports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  codecs.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.version - b.version));
  const seen = new Set<string>();
  for (const c of codecs) {
    const key = `${c.entity}\u0000${c.version}`;
    if (seen.has(key)) throw new Error(`Go harness: two packages hold ${c.entity} v${c.version}`);
    seen.add(key);
  }
  const contents = render("harness.go", {
    header,
    pkg: `${rootPkg}_test`,
    imports: imports.map((i) => `${i.alias} ${goQuote(i.path)}`),
    fixtures: goQuote(harness.fixtures),
    codecs: codecs.map((c) => c.line),
  });
  return { path: HARNESS_FILE, contents };
}

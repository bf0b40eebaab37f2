/**
 * Fingerprints and diffs in the generated Go module: package canonical (canonical/canonical.go,
 * from templates/go/canonical.go.hbs) for every type json.Marshal encodes, and with
 * options.harness lockstep_fingerprint_test.go beside the round-trip harness (same test package),
 * which lockstep test runs with a list of fixture pairs (src/testing/fingerprint.ts). Decided
 * here: the import aliases and the table of entity versions.
 */
import type { GeneratedFile } from "../types.js";
import { declGoNames } from "./emit.js";
import { HARNESS_NAMES, type GoPackage } from "./harness.js";
import { GO_KEYWORDS, GO_PREDECLARED } from "./keywords.js";
import { claimName } from "./naming.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";

export const CANONICAL_DIR = "canonical";
export const FINGERPRINT_HARNESS_FILE = "lockstep_fingerprint_test.go";

/** Standard library packages the fingerprint harness imports (HARNESS_NAMES lists its package-level names). */
const IMPORTS = ["json", "fmt", "os", "filepath", "strings", "testing"];

export function emitCanonical(header: string[]): GeneratedFile {
  return { path: `${CANONICAL_DIR}/canonical.go`, contents: render("canonical.go", { header }) };
}

export function emitFingerprintHarness(packages: readonly GoPackage[], modulePath: string, rootPkg: string, header: string[]): GeneratedFile {
  const taken = new Set<string>([...GO_KEYWORDS, ...GO_PREDECLARED, ...HARNESS_NAMES, ...IMPORTS]);
  const canonical = claimName("canonical", taken, "pkg");
  const imports = [{ alias: canonical, path: `${modulePath}/${CANONICAL_DIR}` }];
  const codecs: Array<{ entity: string; version: number; line: string }> = [];
  for (const p of [...packages].sort((a, b) => (a.dir === "" ? -1 : b.dir === "" ? 1 : 0))) {
    if (p.module.entities.length === 0) continue;
    const alias = claimName(p.pkg, taken, "pkg");
    imports.push({ alias, path: p.dir === "" ? modulePath : `${modulePath}/${p.dir.replace(/\/$/, "")}` });
    const names = declGoNames(p.module);
    for (const e of p.module.entities) {
      codecs.push({ entity: e.entity, version: e.version, line: `{entity: ${goQuote(e.entity)}, version: ${e.version}, decode: lockstepFpDecode[${alias}.${names.get(e.root)!}]},` });
    }
  }
  imports.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  codecs.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.version - b.version));
  return {
    path: FINGERPRINT_HARNESS_FILE,
    contents: render("fingerprint_test.go", { header, pkg: `${rootPkg}_test`, imports: imports.map((i) => `${i.alias} ${goQuote(i.path)}`), codecs: codecs.map((c) => c.line), canonical }),
  };
}

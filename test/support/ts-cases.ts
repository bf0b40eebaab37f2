/**
 * The shared cases (test/cases/<case>/) as the TypeScript emitter sees them: IR via loadModules,
 * generated files, golden comparison, and the instance files to round-trip.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { loadModules } from "../../src/pipeline.js";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import type { GeneratedFile } from "../../src/emit/types.js";
import type { Module } from "../../src/ir/types.js";
import { REPO } from "./ts-harness.js";

export const CASES_DIR = join(REPO, "test", "cases");
/** Fixed so goldens don't change with lockstep's version. */
export const TEST_HEADER = { toolVersion: "0.0.0-test" };

export interface TsCase {
  name: string;
  /** Where its generated files go, below the single tsconfig's directory. */
  outDir: string;
  /** Golden directory, or undefined for the bundled schemas (no goldens). */
  expectedDir: string | undefined;
  instancesDir: string | undefined;
  modules: Module[];
  files: GeneratedFile[];
}

export function caseNames(): string[] {
  return readdirSync(CASES_DIR)
    .filter((n) => existsSync(join(CASES_DIR, n, "schemas")))
    .sort();
}

export async function loadCase(name: string, schemasDir: string, outRoot: string, golden: boolean): Promise<TsCase> {
  const { modules } = await loadModules(schemasDir, { allVersions: true, cwd: REPO });
  const caseDir = dirname(schemasDir);
  return {
    name,
    outDir: join(outRoot, name),
    expectedDir: golden ? join(caseDir, "expected", "typescript") : undefined,
    instancesDir: golden && existsSync(join(caseDir, "instances")) ? join(caseDir, "instances") : undefined,
    modules,
    files: emitTypeScript(modules, { header: TEST_HEADER, harness: { fixtures: "../fixtures" } }),
  };
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const path = join(dir, n);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Differences between generated files and the goldens (missing, extra, changed paths). With
 * UPDATE_GOLDEN=1 the goldens are rewritten instead and nothing is reported.
 */
export function goldenDiff(dir: string, files: readonly GeneratedFile[]): string[] {
  if (process.env.UPDATE_GOLDEN === "1") {
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      mkdirSync(dirname(join(dir, f.path)), { recursive: true });
      writeFileSync(join(dir, f.path), f.contents);
    }
    return [];
  }
  const problems: string[] = [];
  const generated = new Set(files.map((f) => f.path));
  for (const f of files) {
    const path = join(dir, f.path);
    if (!existsSync(path)) problems.push(`missing golden ${f.path}`);
    else if (readFileSync(path, "utf8") !== f.contents) problems.push(`changed ${f.path}`);
  }
  for (const path of listFiles(dir)) {
    const rel = relative(dir, path).split("\\").join("/");
    if (!generated.has(rel)) problems.push(`golden no longer generated: ${rel}`);
  }
  return problems;
}

export interface Instance {
  entity: string;
  file: string;
  text: string;
}

export function instancesOf(c: TsCase): Instance[] {
  if (!c.instancesDir) return [];
  return readdirSync(c.instancesDir).flatMap((entity) =>
    readdirSync(join(c.instancesDir!, entity))
      .filter((f) => f.endsWith(".json"))
      .sort()
      .map((f) => ({ entity, file: join(c.instancesDir!, entity, f), text: readFileSync(join(c.instancesDir!, entity, f), "utf8") })),
  );
}

/**
 * Lays out a case's instances as harness fixtures, <dir>/<entity>/v<newest>/<name>.json, and
 * returns the paths relative to dir.
 */
export function writeFixtures(c: TsCase, dir: string): string[] {
  rmSync(dir, { recursive: true, force: true });
  const written: string[] = [];
  for (const inst of instancesOf(c)) {
    const root = c.modules[0]!.entities.find((e) => e.entity === inst.entity);
    if (!root) continue;
    const rel = `${inst.entity}/v${root.version}/${inst.file.split(/[\\/]/).pop()!}`;
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), inst.text);
    written.push(rel);
  }
  return written;
}

/**
 * Generation over the SchemaStore corpus (../shared/corpus), one project per schema, in process,
 * and the compile of many outputs at once (one tsconfig, one go.work, one cargo workspace, build
 * caches under .cache/). Shared by the sample in `npm test` (test/corpus-generate.test.ts) and the
 * whole corpus in `npm run corpus` (test/corpus/compile.test.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { emitGo } from "../../src/emit/go/index.js";
import { emitRust } from "../../src/emit/rust/index.js";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import type { GeneratedFile } from "../../src/emit/types.js";
import { LockstepError } from "../../src/errors.js";
import { loadModules } from "../../src/pipeline.js";
import { SCHEMASTORE } from "./corpus-fixtures.js";
import { run } from "./toolchains.js";

const REPO = join(import.meta.dirname, "..", "..");

export interface Generated {
  file: string;
  name: string;
  ts: GeneratedFile[];
  rust: GeneratedFile[];
  go: GeneratedFile[];
}

export interface GenerateResults {
  /** Generated as the corpus has them (files beside each other, found by path or `$id`). */
  ok: Generated[];
  /** Of those, the ones that needed SchemaStore URLs vendored (`remotes` → the corpus file). */
  vendored: Set<string>;
  /** Still refused with the remotes vendored: file → message. */
  refused: Map<string, string>;
  /** Anything but a LockstepError: file → stack. */
  crashed: Map<string, string>;
  warnings: number;
}

/** SchemaStore's own hosts: a `$ref` to `https://json.schemastore.org/<x>.json` names the corpus file `<x>.json`. */
const SCHEMASTORE_HOSTS = new Set(["json.schemastore.org", "www.schemastore.org", "schemastore.org"]);

/**
 * What a user would put in lockstep.config.json `remotes`: every SchemaStore URL a corpus schema
 * refers to whose document is in the corpus, mapped to that file (paths under `dir`).
 */
export function schemastoreRemotes(files: string[], dir: string): Record<string, string> {
  const present = new Set(files);
  const remotes: Record<string, string> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== "object") return;
    for (const [k, v] of Object.entries(node)) {
      if (k !== "$ref" || typeof v !== "string") {
        visit(v);
        continue;
      }
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        continue;
      }
      if (!SCHEMASTORE_HOSTS.has(url.host)) continue;
      const base = url.pathname.replace(/^\/(schemas\/json\/)?/, "");
      const file = base.endsWith(".json") ? base : `${base}.json`;
      if (present.has(file)) remotes[`${url.origin}${url.pathname}`] = join(dir, file);
    }
  };
  for (const f of files) {
    try {
      visit(JSON.parse(readFileSync(join(SCHEMASTORE, f), "utf8").replace(/^\uFEFF/, "")));
    } catch {
      // Not JSON: the generation itself reports it.
    }
  }
  return remotes;
}

const header = { toolVersion: "corpus" };

/** Generates every corpus schema on its own (v1.json of one entity, the corpus files beside it). */
export async function generateEach(): Promise<GenerateResults> {
  const files = readdirSync(SCHEMASTORE).filter((f) => f.endsWith(".json")).sort();
  const results: GenerateResults = { ok: [], vendored: new Set(), refused: new Map(), crashed: new Map(), warnings: 0 };
  // One entity directory holding links to every corpus file, so relative $refs between them
  // resolve; v1.json is each schema in turn.
  const root = mkdtempSync(join(tmpdir(), "lockstep-corpus-"));
  const entity = join(root, "schemas", "s");
  mkdirSync(entity, { recursive: true });
  for (const f of files) symlinkSync(join(SCHEMASTORE, f), join(entity, f));
  const remotes = schemastoreRemotes(files, entity);
  const attempt = async (f: string, withRemotes: boolean): Promise<string | undefined> => {
    try {
      const { modules } = await loadModules(join(root, "schemas"), { cwd: root, ...(withRemotes ? { remotes } : {}) });
      const name = f.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
      results.ok.push({
        file: f,
        name,
        ts: emitTypeScript(modules, { header }),
        rust: emitRust(modules, { header, crate: `c_${name}` }),
        go: emitGo(modules, { header, module: `corpus/${name}`, package: "schemas" }),
      });
      results.warnings += modules[0]!.warnings.length;
      return undefined;
    } catch (err) {
      if (err instanceof LockstepError) return err.message;
      results.crashed.set(f, err instanceof Error ? (err.stack ?? err.message) : String(err));
      return undefined;
    }
  };
  try {
    for (const f of files) {
      rmSync(join(entity, "v1.json"), { force: true });
      copyFileSync(join(SCHEMASTORE, f), join(entity, "v1.json"));
      if ((await attempt(f, false)) === undefined) continue;
      const refused = await attempt(f, true);
      if (refused === undefined) {
        if (!results.crashed.has(f)) results.vendored.add(f);
      } else results.refused.set(f, refused);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return results;
}

function writeFiles(dir: string, files: GeneratedFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
}

/** All the TypeScript outputs under one tsconfig, checked by tsc --strict. */
export function compileTypeScript(dir: string, chosen: Generated[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const g of chosen) writeFiles(join(dir, g.name), g.ts);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true, noUnusedLocals: true }, include: ["**/*.ts"], exclude: ["**/*.test.ts"] }));
  run(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", dir], dir);
}

/** All the Go outputs as modules of one go.work: go build and go vet. */
export function compileGo(dir: string, chosen: Generated[]): void {
  rmSync(dir, { recursive: true, force: true });
  const work = ["go 1.22", ""];
  for (const g of chosen) {
    writeFiles(join(dir, g.name), g.go);
    work.push(`use ./${g.name}`);
  }
  writeFileSync(join(dir, "go.work"), `${work.join("\n")}\n`);
  const pkgs = chosen.map((g) => `corpus/${g.name}/...`);
  run("go", ["build", ...pkgs], dir, { GOFLAGS: "" });
  run("go", ["vet", ...pkgs], dir, { GOFLAGS: "" });
}

/** All the Rust outputs as crates of one workspace (its target dir kept): clippy -D warnings on all targets. */
export function compileRust(dir: string, chosen: Generated[]): void {
  mkdirSync(dir, { recursive: true });
  for (const d of readdirSync(dir)) if (d !== "target" && d !== "Cargo.lock") rmSync(join(dir, d), { recursive: true, force: true });
  for (const g of chosen) writeFiles(join(dir, g.name), g.rust);
  writeFileSync(join(dir, "Cargo.toml"), `[workspace]\nresolver = "2"\nmembers = [${chosen.map((g) => JSON.stringify(g.name)).join(", ")}]\n`);
  run("cargo", ["clippy", "--quiet", "--workspace", "--all-targets", "--", "-D", "warnings"], dir, { CARGO_TARGET_DIR: join(dir, "target") });
}

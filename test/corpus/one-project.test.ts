/**
 * Every SchemaStore schema that generates on its own (../shared/corpus/schemastore, when present),
 * together as ONE project, one entity each (`<name>/v1.json`): one `lockstep generate` succeeds
 * (entities that define the same type names get entity-qualified names), and the output compiles
 * with tsc --strict, cargo clippy -D warnings and go vet. Schemas refer to each other by sibling
 * file name; each entity's copy points those references at one shared copy under `_shared/`, so a
 * definition reached from several entities stays one type.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitGo } from "../../src/emit/go/index.js";
import { emitRust } from "../../src/emit/rust/index.js";
import { emitTypeScript } from "../../src/emit/typescript/index.js";
import { splitWords } from "../../src/ir/casing.js";
import { loadModules } from "../../src/pipeline.js";
import { runCli } from "../support/cli.js";
import { itWithTool, run } from "../support/toolchains.js";

const REPO = join(import.meta.dirname, "..", "..");
const CORPUS = join(REPO, "..", "shared", "corpus", "schemastore");
const present = existsSync(CORPUS);
if (!present) console.warn(`[lockstep tests] ${CORPUS} not found: skipping the one-project corpus test`);

const header = { toolVersion: "corpus" };

/** A relative file reference (`base.json#/definitions/x`, `./a.json`), not a fragment or a URI. */
const isFileRef = (ref: string): boolean => !ref.startsWith("#") && !/^[a-z][a-z0-9+.-]*:/i.test(ref);

/** The schema with sibling-file references pointed at `../_shared/`. */
function pointAtShared(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pointAtShared);
  if (node === null || typeof node !== "object") return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = k === "$ref" && typeof v === "string" && isFileRef(v) ? `../_shared/${v.replace(/^\.\//, "")}` : pointAtShared(v);
  }
  return out;
}

/** A project: `schemas/_shared/` links to every corpus file; `schemas/<entity>/v1.json` per schema. */
function project(files: Array<{ file: string; entity: string }>): string {
  const root = mkdtempSync(join(tmpdir(), "lockstep-one-"));
  const shared = join(root, "schemas", "_shared");
  mkdirSync(shared, { recursive: true });
  for (const f of readdirSync(CORPUS)) if (f.endsWith(".json") && !/^v\d+\.json$/.test(f)) symlinkSync(join(CORPUS, f), join(shared, f));
  for (const { file, entity } of files) {
    mkdirSync(join(root, "schemas", entity), { recursive: true });
    const schema = JSON.parse(readFileSync(join(CORPUS, file), "utf8").replace(/^\uFEFF/, "")) as unknown;
    writeFileSync(join(root, "schemas", entity, "v1.json"), `${JSON.stringify(pointAtShared(schema), null, 2)}\n`);
  }
  return root;
}

/** Entity directory names: letters, digits, - and _, distinct as type names too. */
function entities(files: string[]): Array<{ file: string; entity: string }> {
  const seen = new Set<string>();
  return files.map((file) => {
    let entity = file.replace(/\.json$/, "").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^[^A-Za-z]+/, "");
    if (entity === "") entity = "schema";
    let n = 1;
    while (seen.has(splitWords(n === 1 ? entity : `${entity}-${n}`).join("_"))) n++;
    if (n > 1) entity = `${entity}-${n}`;
    seen.add(splitWords(entity).join("_"));
    return { file, entity };
  });
}

const state = { ok: [] as Array<{ file: string; entity: string }>, alone: new Map<string, string>(), root: "" };

describe.runIf(present)("SchemaStore corpus as one project", () => {
  it("every schema that generates on its own also generates with all the others, in one run", async () => {
    const all = entities(readdirSync(CORPUS).filter((f) => f.endsWith(".json")).sort());
    for (const e of all) {
      const root = project([e]);
      try {
        const { modules } = await loadModules(join(root, "schemas"), { cwd: root });
        emitTypeScript(modules, { header });
        emitRust(modules, { header, crate: "one" });
        emitGo(modules, { header, module: "corpus/one", package: "schemas" });
        state.ok.push(e);
      } catch (err) {
        state.alone.set(e.file, (err as Error).message.split("\n")[0]!);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    }
    console.log(`[one project] ${state.ok.length} of ${all.length} generate on their own; refused alone:\n${[...state.alone].map(([f, m]) => `  ${f}: ${m}`).join("\n")}`);
    expect(state.ok.length).toBeGreaterThan(400);
    state.root = project(state.ok);
    const res = await runCli(["generate", "-C", state.root, "-q"]);
    expect(res.code, res.stderr.split("\n").filter((l) => !/: warning: /.test(l)).join("\n")).toBe(0);
    expect(existsSync(join(state.root, "generated", "typescript", "index.ts"))).toBe(true);
  });

  it("its TypeScript compiles with tsc --strict", () => {
    const dir = join(state.root, "generated", "typescript");
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true, noUnusedLocals: true }, include: ["**/*.ts"], exclude: ["**/*.test.ts"] }));
    run(process.execPath, [join(REPO, "node_modules", "typescript", "bin", "tsc"), "-p", dir], dir);
  });

  itWithTool("go")("its Go builds and vets", () => {
    const dir = join(state.root, "generated", "go");
    run("go", ["build", "./..."], dir, { GOFLAGS: "" });
    run("go", ["vet", "./..."], dir, { GOFLAGS: "" });
  });

  // Incremental state for one crate this size costs memory and disk and is never reused.
  itWithTool("cargo")("its Rust passes clippy -D warnings", () => {
    const dir = join(state.root, "generated", "rust");
    run("cargo", ["clippy", "--quiet", "--all-targets", "--", "-D", "warnings"], dir, { CARGO_TARGET_DIR: join(REPO, ".cache", "corpus", "one-project-target"), CARGO_INCREMENTAL: "0" });
    rmSync(state.root, { recursive: true, force: true });
  });
});

/**
 * Real-world schemas (SchemaStore, in ../shared/corpus when present): generation never crashes.
 * Each schema either generates all three targets, saying what it typed as raw JSON, or is refused
 * with a LockstepError. Every refusal is listed below with its reason: a remote document (lockstep
 * never uses the network); names never refuse one. A sample of the outputs is compiled with the real
 * toolchains.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitGo } from "../src/emit/go/index.js";
import { emitRust } from "../src/emit/rust/index.js";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import type { GeneratedFile } from "../src/emit/types.js";
import { LockstepError } from "../src/errors.js";
import { loadModules } from "../src/pipeline.js";
import { itWithTool, run } from "./support/toolchains.js";

const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus", "schemastore");
const present = existsSync(CORPUS);
if (!present) console.warn(`[lockstep tests] ${CORPUS} not found: skipping the SchemaStore corpus tests`);

interface Generated {
  name: string;
  ts: GeneratedFile[];
  rust: GeneratedFile[];
  go: GeneratedFile[];
}

/**
 * Schemas that refer to a document outside the corpus by absolute URI (after $id resolution), and
 * that URI. Everything else a schema refers to resolves: `$id`s, anchors, files beside it.
 */
const REMOTE: Record<string, string> = {
  "base-04.json": "osi-license",
  "block.json": "https://raw.githubusercontent.com/WordPress/gutenberg/trunk/schemas/json/block.json",
  "cargo.json": "https://www.schemastore.org/cargo-lints-rust.json",
  "circleciconfig.json": "https://raw.githubusercontent.com/CircleCI-Public/circleci-yaml-language-server/refs/heads/main/schema.json",
  "clasp.json": "osi-license",
  "databricks-asset-bundles.json": "https://github.com/databricks/cli/releases/latest/download/jsonschema.json",
  "declarative-automation-bundles.json": "https://github.com/databricks/cli/releases/latest/download/jsonschema.json",
  "geojson.json": "https://geojson.org/schema/GeoJSON.json",
  "gitversion.json": "https://gitversion.net/schemas/6.8/GitVersion.configuration.json",
  "golangci-lint.json": "https://golangci-lint.run/jsonschema/golangci.jsonschema.json",
  "grunt-clean-task.json": "grunt-task#/definitions/fileFormat",
  "grunt-copy-task.json": "grunt-task#/additionalProperties",
  "grunt-cssmin-task.json": "grunt-task#/additionalProperties",
  "grunt-jshint-task.json": "grunt-task#/definitions/fileFormat",
  "haxelib.json": "https://raw.githubusercontent.com/HaxeFoundation/haxelib/master/schema.json",
  "jsbeautifyrc-nested.json": "jsbeautifyrc#/definitions/CHJProperties",
  "ksp-avc.json": "https://raw.githubusercontent.com/linuxgurugamer/KSPAddonVersionChecker/master/KSP-AVC.schema.json",
  "ksp-ckan.json": "https://raw.githubusercontent.com/KSP-CKAN/CKAN/master/CKAN.schema",
  "lazygit.json": "https://raw.githubusercontent.com/jesseduffield/lazygit/master/schema/config.json",
  "markdownlint.json": "https://raw.githubusercontent.com/DavidAnson/markdownlint/main/schema/markdownlint-config-schema.json",
  "neoload.json": "https://raw.githubusercontent.com/Neotys-Labs/neoload-cli/master/resources/as-code.latest.schema.json",
  "ogen.json": "https://raw.githubusercontent.com/ogen-go/ogen/main/schemas/ogen.jsonschema.json",
  "openapi-3.X.json": "https://spec.openapis.org/oas/3.0/schema/2024-10-18",
  "openapi-arazzo-1.X.json": "https://spec.openapis.org/arazzo/1.0/schema/2025-10-15",
  "openapi-overlay-1.X.json": "https://spec.openapis.org/overlay/1.0/schema/2026-04-01",
  "problem_package_generators.json": "https://raw.githubusercontent.com/RagnarGrootKoerkamp/BAPCtools/refs/heads/main/bapctools/resources/support/schemas/generators_yaml_schema.json",
  "renovate-global-schema.json": "https://docs.renovatebot.com/renovate-global-schema.json",
  "renovate-inherited-schema.json": "https://docs.renovatebot.com/renovate-inherited-schema.json",
  "renovate.json": "https://docs.renovatebot.com/renovate-schema.json",
  "semgrep.json": "https://raw.githubusercontent.com/returntocorp/semgrep-interfaces/main/rule_schema_v1.yaml",
  "taskfile.json": "https://taskfile.dev/schema.json",
  "theme-v1.json": "https://raw.githubusercontent.com/WordPress/gutenberg/b40b61fabf13a6229c616527689d9a7024f81535/schemas/json/theme.json",
  "tsoa.json": "tsconfig#/definitions/compilerOptionsDefinition",
  "xunit-2.2.json": "https://xunit.net/schema/v2.2/xunit.runner.schema.json",
  "xunit-2.3.json": "https://xunit.net/schema/v2.3/xunit.runner.schema.json",
  "xunit.runner.schema.json": "https://xunit.net/schema/current/xunit.runner.schema.json",
};

const header = { toolVersion: "corpus" };
const results = { ok: [] as Generated[], refused: new Map<string, string>(), crashed: new Map<string, string>(), warnings: 0 };

async function generateAll(): Promise<void> {
  const files = readdirSync(CORPUS).filter((f) => f.endsWith(".json")).sort();
  // One entity directory holding links to every corpus file, so relative $refs between them
  // resolve; v1.json is each schema in turn.
  const root = mkdtempSync(join(tmpdir(), "lockstep-corpus-"));
  const entity = join(root, "schemas", "s");
  mkdirSync(entity, { recursive: true });
  for (const f of files) symlinkSync(join(CORPUS, f), join(entity, f));
  for (const f of files) {
    rmSync(join(entity, "v1.json"), { force: true });
    copyFileSync(join(CORPUS, f), join(entity, "v1.json"));
    try {
      const { modules } = await loadModules(join(root, "schemas"), { cwd: root });
      const name = f.replace(/\.json$/, "").replace(/[^A-Za-z0-9]+/g, "_").toLowerCase();
      results.ok.push({
        name,
        ts: emitTypeScript(modules, { header }),
        rust: emitRust(modules, { header, crate: `c_${name}` }),
        go: emitGo(modules, { header, module: `corpus/${name}`, package: "schemas" }),
      });
      results.warnings += modules[0]!.warnings.length;
    } catch (err) {
      if (err instanceof LockstepError) results.refused.set(f, err.message);
      else results.crashed.set(f, err instanceof Error ? (err.stack ?? err.message) : String(err));
    }
  }
  rmSync(root, { recursive: true, force: true });
}

function writeFiles(dir: string, files: GeneratedFile[]): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.contents);
  }
}

/**
 * Every n-th generated schema: a deterministic sample for the compile tests.
 * LOCKSTEP_CORPUS_EVERY=1 compiles all of them (minutes, not for every run).
 */
const sample = (n: number): Generated[] => {
  const every = Number(process.env.LOCKSTEP_CORPUS_EVERY ?? n);
  return results.ok.filter((_, i) => i % every === 0);
};

describe.runIf(present)("SchemaStore corpus", () => {
  it("generates or refuses every schema, never crashes", async () => {
    await generateAll();
    expect([...results.crashed.entries()]).toEqual([]);
    expect(results.ok.length).toBeGreaterThanOrEqual(532);
    const unexplained: string[] = [];
    for (const [file, message] of results.refused) {
      const uri = REMOTE[file];
      if (uri !== undefined) expect(message, file).toContain(`remote $ref "${uri}" is not allowed: lockstep reads only files under the schemas root (no network)`);
      // Names never refuse a schema: colliding names are told apart (src/ir/disambiguate.ts).
      else unexplained.push(`${file}: ${message}`);
    }
    console.log(`SchemaStore: ${results.ok.length} of ${results.ok.length + results.refused.size} generate; ${results.refused.size} refused (remote documents)`);
    expect(unexplained).toEqual([]);
    // The list is exact: a schema that stops being refused leaves it.
    expect(Object.keys(REMOTE).filter((f) => !results.refused.has(f))).toEqual([]);
    expect(results.warnings).toBeGreaterThan(0);
  });

  it("TypeScript output of a sample compiles with tsc --strict", () => {
    const dir = join(import.meta.dirname, "..", ".cache", "corpus", "ts");
    rmSync(dir, { recursive: true, force: true });
    const chosen = sample(8);
    for (const g of chosen) writeFiles(join(dir, g.name), g.ts);
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", skipLibCheck: true, noUnusedLocals: true }, include: ["**/*.ts"], exclude: ["**/*.test.ts"] }));
    run(process.execPath, [join(import.meta.dirname, "..", "node_modules", "typescript", "bin", "tsc"), "-p", dir], dir);
    expect(chosen.length).toBeGreaterThan(10);
  });

  itWithTool("go")("Go output of a sample builds and vets", () => {
    const dir = join(import.meta.dirname, "..", ".cache", "corpus", "go");
    rmSync(dir, { recursive: true, force: true });
    const chosen = sample(8);
    const work = ["go 1.22", ""];
    for (const g of chosen) {
      writeFiles(join(dir, g.name), g.go);
      work.push(`use ./${g.name}`);
    }
    writeFileSync(join(dir, "go.work"), `${work.join("\n")}\n`);
    const pkgs = chosen.map((g) => `corpus/${g.name}/...`);
    run("go", ["build", ...pkgs], dir, { GOFLAGS: "" });
    run("go", ["vet", ...pkgs], dir, { GOFLAGS: "" });
  });

  itWithTool("cargo")("Rust output of a sample builds without warnings", () => {
    const dir = join(import.meta.dirname, "..", ".cache", "corpus", "rust");
    const chosen = sample(25);
    for (const g of chosen) {
      rmSync(join(dir, g.name), { recursive: true, force: true });
      writeFiles(join(dir, g.name), g.rust);
    }
    writeFileSync(join(dir, "Cargo.toml"), `[workspace]\nresolver = "2"\nmembers = [${chosen.map((g) => JSON.stringify(g.name)).join(", ")}]\n`);
    run("cargo", ["clippy", "--quiet", "--workspace", "--", "-D", "warnings"], dir, { CARGO_TARGET_DIR: join(dir, "target") });
  });
});

/**
 * Real-world schemas (SchemaStore, in ../shared/corpus when present): generation never crashes.
 * Each schema either generates all three targets, saying what it typed as raw JSON, or is refused
 * with a LockstepError. Every refusal is listed below with its reason: a remote document (lockstep
 * never uses the network); names never refuse one. A sample of the outputs is compiled with the real
 * toolchains (all of them in `npm run corpus`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileGo, compileRust, compileTypeScript, generateEach, type GenerateResults, type Generated } from "./support/corpus-generate.js";
import { itWithTool } from "./support/toolchains.js";

const CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus", "schemastore");
const present = existsSync(CORPUS);
if (!present) console.warn(`[lockstep tests] ${CORPUS} not found: skipping the SchemaStore corpus tests`);

/**
 * Schemas that refer to a document outside the corpus by absolute URI (after $id resolution), and
 * that URI. Everything else a schema refers to resolves: `$id`s, anchors, files beside it, the
 * dialects' meta-schemas, and SchemaStore URLs of corpus files (vendored as a user would, with
 * `remotes`). None of these documents is in ../shared/corpus.
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

let results: GenerateResults | undefined;

/**
 * Every n-th generated schema: a deterministic sample for the compile tests.
 * LOCKSTEP_CORPUS_EVERY=1 compiles all of them (`npm run corpus` does: test/corpus/compile.test.ts).
 */
const sample = (n: number): Generated[] => {
  const every = Number(process.env.LOCKSTEP_CORPUS_EVERY ?? n);
  return (results?.ok ?? []).filter((_, i) => i % every === 0);
};

describe.runIf(present)("SchemaStore corpus", () => {
  it("generates or refuses every schema, never crashes", async () => {
    const r = (results = await generateEach());
    expect([...r.crashed.entries()]).toEqual([]);
    expect(r.ok.length).toBeGreaterThanOrEqual(532);
    const unexplained: string[] = [];
    for (const [file, message] of r.refused) {
      const uri = REMOTE[file];
      if (uri !== undefined) expect(message, file).toContain(`remote $ref "${uri}" is not allowed: lockstep reads only files under the schemas root (no network)`);
      // Names never refuse a schema: colliding names are told apart (src/ir/disambiguate.ts).
      else unexplained.push(`${file}: ${message}`);
    }
    const total = r.ok.length + r.refused.size;
    console.log(`SchemaStore: ${r.ok.length - r.vendored.size} of ${total} generate as they are; ${r.ok.length} with SchemaStore URLs vendored (remotes); ${r.refused.size} refused (remote documents)`);
    expect(unexplained).toEqual([]);
    // The list is exact: a schema that stops being refused leaves it.
    expect(Object.keys(REMOTE).filter((f) => !r.refused.has(f))).toEqual([]);
    expect(r.warnings).toBeGreaterThan(0);
  });

  it("TypeScript output of a sample compiles with tsc --strict", () => {
    const chosen = sample(8);
    compileTypeScript(join(import.meta.dirname, "..", ".cache", "corpus", "ts"), chosen);
    expect(chosen.length).toBeGreaterThan(10);
  });

  itWithTool("go")("Go output of a sample builds and vets", () => {
    compileGo(join(import.meta.dirname, "..", ".cache", "corpus", "go"), sample(8));
  });

  itWithTool("cargo")("Rust output of a sample builds without warnings", () => {
    compileRust(join(import.meta.dirname, "..", ".cache", "corpus", "rust"), sample(25));
  });
});

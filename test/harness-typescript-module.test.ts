/**
 * The generated TypeScript harness in either module system: it type-checks in a CommonJS package
 * (`module: commonjs`, and `node16` without "type": "module") as well as in an ES module one, and
 * run as CommonJS or as ESM it finds the fixtures relative to itself (no LOCKSTEP_FIXTURES).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTypeScript } from "../src/emit/typescript/index.js";
import { HARNESS_FILE } from "../src/emit/typescript/harness.js";
import type { GeneratedFile } from "../src/emit/types.js";
import { buildFixtures } from "../src/fixtures/index.js";
import { loadModules } from "../src/pipeline.js";
import { REPO, writeTree } from "./support/ts-harness.js";
import { run } from "./support/toolchains.js";

const WORK = join(REPO, ".cache", "ts-module-systems");
const SEED = 20261204;

/** What a CommonJS project would have: ES-style imports compiled to require, no verbatimModuleSyntax. */
const base = { target: "ES2022", lib: ["ES2022"], types: ["node"], typeRoots: [join(REPO, "node_modules/@types")], strict: true, noEmit: true, skipLibCheck: true };
const CONFIGS: Record<string, object> = {
  commonjs: { ...base, module: "commonjs", moduleResolution: "node10" },
  node16: { ...base, module: "node16", moduleResolution: "node16" },
  esm: { ...base, module: "node16", moduleResolution: "node16", verbatimModuleSyntax: true },
};

let files: GeneratedFile[] = [];
let fixtures: GeneratedFile[] = [];

beforeAll(async () => {
  const loaded = await loadModules(join(REPO, "schemas"), { allVersions: true, cwd: REPO });
  files = emitTypeScript(loaded.modules, { header: { toolVersion: "0.0.0-test" }, harness: { fixtures: "../fixtures" } });
  fixtures = buildFixtures(loaded, SEED).flatMap((set) =>
    set.fixtures.map((f) => ({ path: `${set.entity}/v${set.version}/${f.name}.json`, contents: f.json })),
  );
});

function project(name: string, packageType: "commonjs" | "module" | undefined): string {
  const dir = join(WORK, name, "generated");
  writeTree(dir, files);
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(packageType ? { type: packageType } : {})}\n`);
  writeTree(join(WORK, name, "fixtures"), fixtures);
  return dir;
}

describe("the TypeScript harness in CommonJS and ES module packages", () => {
  it.each([
    ["commonjs", undefined],
    ["node16", "commonjs"],
    ["esm", "module"],
  ] as const)("type-checks with module %s (package type %s)", (config, packageType) => {
    const dir = project(`check-${config}`, packageType);
    writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify({ compilerOptions: CONFIGS[config], include: ["**/*.ts"] }, null, 2)}\n`);
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], dir);
  }, 120_000);

  it.each([
    ["CommonJS", ts.ModuleKind.CommonJS, "commonjs"],
    ["ES modules", ts.ModuleKind.ESNext, "module"],
  ] as const)("runs as %s and finds the fixtures relative to itself", (_, kind, packageType) => {
    const work = join(WORK, `run-${packageType}`);
    const js = join(work, "generated");
    rmSync(js, { recursive: true, force: true });
    for (const f of files.filter((x) => x.path.endsWith(".ts"))) {
      const out = ts.transpileModule(f.contents, { compilerOptions: { module: kind, target: ts.ScriptTarget.ES2022 }, fileName: f.path });
      mkdirSync(dirname(join(js, f.path)), { recursive: true });
      writeFileSync(join(js, f.path.replace(/\.ts$/, ".js")), out.outputText);
    }
    writeFileSync(join(js, "package.json"), `${JSON.stringify({ type: packageType })}\n`);
    writeTree(join(work, "fixtures"), fixtures);
    const env = { ...process.env };
    delete env["LOCKSTEP_FIXTURES"];
    delete env["LOCKSTEP_OUT"];
    const r = spawnSync(process.execPath, ["--test", HARNESS_FILE.replace(/\.ts$/, ".js")], { cwd: js, encoding: "utf8", env });
    const output = `${r.stdout}${r.stderr}`;
    expect(r.status, output).toBe(0);
    // Each entity's roundtrip subtest saw fixtures: the directory was found, not skipped as missing.
    expect(output).not.toMatch(/# fail [1-9]/);
    expect(output).toMatch(/# pass [1-9]/);
  }, 120_000);
});

/**
 * Helpers for testing the TypeScript emitter against the real compiler: write generated files
 * under .cache/, type-check them with one strict tsconfig, import them for round trips.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Project } from "ts-morph";
import ts from "typescript";
import type { GeneratedFile } from "../../src/emit/types.js";
import { run } from "./toolchains.js";

export const REPO = resolve(import.meta.dirname, "../..");

/** The strictest settings a user might compile generated code with. */
export const STRICT_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    lib: ["ES2020"],
    types: [],
    strict: true,
    noEmit: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    noImplicitReturns: true,
    noImplicitOverride: true,
    noFallthroughCasesInSwitch: true,
    noPropertyAccessFromIndexSignature: true,
    verbatimModuleSyntax: true,
    erasableSyntaxOnly: true,
    isolatedModules: true,
    forceConsistentCasingInFileNames: true,
    declaration: true,
    isolatedDeclarations: true,
  },
  include: ["**/*.ts"],
};

/** Empties dir and writes files under it. */
export function writeTree(dir: string, files: readonly GeneratedFile[]): void {
  rmSync(dir, { recursive: true, force: true });
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents);
  }
}

/** Writes the strict tsconfig at dir and runs tsc over every .ts below it; throws with tsc's output. */
export function typecheck(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "tsconfig.json"), `${JSON.stringify(STRICT_TSCONFIG, null, 2)}\n`);
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], dir);
}

/** A generated module's exports, by name. */
export type ModuleExports = Record<string, unknown>;

export async function importGenerated(file: string): Promise<ModuleExports> {
  return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as ModuleExports;
}

/** An exported function of a generated module. */
export function fn<A extends unknown[], R>(mod: ModuleExports, name: string): (...args: A) => R {
  const f = mod[name];
  if (typeof f !== "function") throw new Error(`generated module has no function ${name}`);
  return f as (...args: A) => R;
}

/** Paths of files that TypeScript's formatter would change (the output should be a fixed point). */
export function notFormatted(files: readonly GeneratedFile[]): string[] {
  const project = new Project({ useInMemoryFileSystem: true });
  return files
    .filter((f) => {
      const sf = project.createSourceFile(f.path, f.contents, { overwrite: true });
      sf.formatText({ indentSize: 2, tabSize: 2, convertTabsToSpaces: true, semicolons: ts.SemicolonPreference.Ignore });
      return sf.getFullText() !== f.contents;
    })
    .map((f) => f.path);
}

/**
 * Runs the generated lockstep.roundtrip.test.ts as users without a TypeScript loader would: each
 * file transpiled to ESM JavaScript (no type check), then `node --test`. Returns the exit status
 * and output.
 */
export function runHarness(files: readonly GeneratedFile[], work: string, env: NodeJS.ProcessEnv): { ok: boolean; output: string } {
  const js = join(work, "js");
  rmSync(js, { recursive: true, force: true });
  for (const f of files) {
    if (!f.path.endsWith(".ts")) continue;
    const out = ts.transpileModule(f.contents, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: f.path,
    });
    const dest = join(js, f.path.replace(/\.ts$/, ".js"));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, out.outputText);
  }
  writeFileSync(join(js, "package.json"), '{ "type": "module" }\n');
  const r = spawnSync(process.execPath, ["--test", "lockstep.roundtrip.test.js"], {
    cwd: js, encoding: "utf8", env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024,
  });
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

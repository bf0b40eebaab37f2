/**
 * Building and running each language's generated harness with the real toolchain, caches kept
 * between runs (cargo target dir, Go build cache, transpiled JavaScript). Each step's wall time
 * is measured, so the report can split compile from run.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export type Language = "typescript" | "rust" | "go";

export interface LanguageRun {
  language: Language;
  /** ran: the harness ran (it may have failed checks); missing: no toolchain; broken: did not build. */
  status: "ran" | "missing" | "broken";
  message?: string;
  compileMs: number;
  runMs: number;
}

export interface RunInput {
  /** Generated code of this language. */
  dir: string;
  /** Cache directory for this language's build products. */
  cache: string;
  /** Absolute fixtures directory. */
  fixtures: string;
  /** Where the harness writes its re-encodings. */
  out: string;
}

function exec(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): { ok: boolean; output: string; ms: number; missing: boolean } {
  const start = performance.now();
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, ...env }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  return { ok: r.status === 0, output: `${r.stdout ?? ""}${r.stderr ?? ""}`, ms: performance.now() - start, missing };
}

function tail(text: string, lines = 40): string {
  const all = text.trimEnd().split("\n");
  return all.slice(-lines).join("\n");
}

export function runRust(input: RunInput): LanguageRun {
  const env = { CARGO_TARGET_DIR: join(input.cache, "target"), LOCKSTEP_FIXTURES: input.fixtures, LOCKSTEP_OUT: input.out, CARGO_TERM_COLOR: "never" };
  // Every generated harness: tests/lockstep_*.rs (lockstep_roundtrip first, always there).
  const harnesses = ["lockstep_roundtrip", ...(existsSync(join(input.dir, "tests")) ? readdirSync(join(input.dir, "tests")) : [])
    .filter((f) => /^lockstep_\w+\.rs$/.test(f) && f !== "lockstep_roundtrip.rs").sort().map((f) => f.slice(0, -3))];
  const tests = harnesses.flatMap((h) => ["--test", h]);
  const build = exec("cargo", ["test", "--quiet", "--no-run", ...tests], input.dir, env);
  if (build.missing) return { language: "rust", status: "missing", message: "cargo not found on PATH", compileMs: 0, runMs: 0 };
  if (!build.ok) return { language: "rust", status: "broken", message: tail(build.output), compileMs: build.ms, runMs: 0 };
  const run = exec("cargo", ["test", "--quiet", "--no-fail-fast", ...tests], input.dir, env);
  return { language: "rust", status: "ran", ...(run.ok ? {} : { message: tail(run.output) }), compileMs: build.ms, runMs: run.ms };
}

export function runGo(input: RunInput): LanguageRun {
  const binary = join(input.cache, "harness.test");
  mkdirSync(input.cache, { recursive: true });
  const env = { LOCKSTEP_FIXTURES: input.fixtures, LOCKSTEP_OUT: input.out, GOFLAGS: "-mod=mod", GOWORK: "off" };
  const build = exec("go", ["test", "-c", "-o", binary, "."], input.dir, env);
  if (build.missing) return { language: "go", status: "missing", message: "go not found on PATH", compileMs: 0, runMs: 0 };
  if (!build.ok) return { language: "go", status: "broken", message: tail(build.output), compileMs: build.ms, runMs: 0 };
  const run = exec(binary, ["-test.count=1"], input.dir, env);
  return { language: "go", status: "ran", ...(run.ok ? {} : { message: tail(run.output) }), compileMs: build.ms, runMs: run.ms };
}

/**
 * Transpiles the generated TypeScript (type checking is the compile tests' job) and runs its
 * node:test harnesses. The JavaScript is kept between runs with the hash of the source it came from: only
 * changed files are transpiled again, and ts-morph (the whole compiler) loads only for them.
 */
export async function runTypeScript(input: RunInput): Promise<LanguageRun> {
  const start = performance.now();
  const js = join(input.cache, "js");
  const record = join(js, ".sources.json");
  let before: Record<string, string> = {};
  try {
    before = JSON.parse(readFileSync(record, "utf8")) as Record<string, string>;
    rmSync(record); // written again at the end: a run stopped half-way leaves none
  } catch {
    rmSync(js, { recursive: true, force: true }); // no record: nothing there can be trusted
  }
  const files = listTs(input.dir);
  const after: Record<string, string> = {};
  let ts: typeof import("ts-morph").ts | undefined;
  for (const rel of files) {
    const source = readFileSync(join(input.dir, rel), "utf8");
    const hash = createHash("sha256").update(source).digest("hex");
    after[rel] = hash;
    const dest = join(js, rel.replace(/\.ts$/, ".js"));
    if (before[rel] === hash && existsSync(dest)) continue;
    ts ??= (await import("ts-morph")).ts;
    const out = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
      fileName: rel,
    });
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, out.outputText);
  }
  for (const rel of Object.keys(before)) if (!(rel in after)) rmSync(join(js, rel.replace(/\.ts$/, ".js")), { force: true });
  mkdirSync(js, { recursive: true });
  writeFileSync(join(js, "package.json"), '{ "type": "module" }\n');
  writeFileSync(record, `${JSON.stringify(after)}\n`);
  const compileMs = performance.now() - start;
  const harness = files.find((f) => f.endsWith("lockstep.roundtrip.test.ts"));
  if (!harness) return { language: "typescript", status: "broken", message: "no lockstep.roundtrip.test.ts in the generated TypeScript", compileMs, runMs: 0 };
  // Every generated harness at the root: lockstep.<name>.test.ts.
  const harnesses = [harness, ...files.filter((f) => /^lockstep\.[\w-]+\.test\.ts$/.test(f) && f !== harness).sort()];
  // One process imports every harness: node --test would start one per file, each loading all
  // the generated modules again (node:test runs a file's tests and sets the exit code without it).
  const entry = join(js, ENTRY);
  writeFileSync(entry, harnesses.map((h) => `import ${JSON.stringify(`./${h.replace(/\.ts$/, ".js")}`)};\n`).join(""));
  const run = exec(process.execPath, [entry], js, { LOCKSTEP_FIXTURES: input.fixtures, LOCKSTEP_OUT: input.out });
  return { language: "typescript", status: "ran", ...(run.ok ? {} : { message: tail(run.output) }), compileMs, runMs: run.ms };
}

/** Imports the harnesses; .mjs, so no generated file (.ts made .js) can have its name. */
const ENTRY = "lockstep-harnesses.mjs";

function listTs(dir: string, prefix = ""): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) => {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) return listTs(dir, rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}

export const RUNNERS: Record<Language, (input: RunInput) => LanguageRun | Promise<LanguageRun>> = {
  typescript: runTypeScript,
  rust: runRust,
  go: runGo,
};


/**
 * `lockstep test`: fixtures → generated code with its harness (every version) → each language's
 * real toolchain → compare what every language wrote with the fixtures and with each other.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Config } from "../config.js";
import type { LockstepError } from "../errors.js";
import { emitGo } from "../emit/go/index.js";
import { emitRust } from "../emit/rust/index.js";
import { emitTypeScript } from "../emit/typescript/index.js";
import type { GeneratedFile } from "../emit/types.js";
import { buildFixtures } from "../fixtures/index.js";
import { loadModules } from "../pipeline.js";
import { writeOutputs } from "../write.js";
import { crossCheck, judge, readEmitted, type Outcome } from "./compare.js";
import { expectedOutputs, fingerprintCases, FINGERPRINT_RESULTS_FILE, judgeFingerprints, writeCases } from "./fingerprint.js";
import { RUNNERS, type Language, type LanguageRun } from "./languages.js";
import { append } from "../arrays.js";
import { UPGRADES_FILE, judgeUpgrades, prepareUpgrades } from "./upgrades.js";

export interface TestOptions {
  config: Config;
  /** Project directory (where node_modules/.cache lives). */
  cwd: string;
  languages: Language[];
  seed: number;
  /** At most this many coverage fixtures per entity version (default 64). */
  maxFixtures?: number;
  toolVersion: string;
  /**
   * Test seam: these instances (`<entity>/v<N>/<name>.json` → JSON text) are the fixtures, instead
   * of synthesized ones (differential tests feed what another validator accepts).
   */
  instances?: GeneratedFile[];
  /** Called as each stage starts, for a progress line (src/progress.ts). */
  onStep?: (label: string) => void;
  /** Test seam: change the generated files of a language before they are built (fault injection). */
  mutate?: (language: Language, files: GeneratedFile[]) => GeneratedFile[];
}

export interface TestResult {
  runs: LanguageRun[];
  outcomes: Outcome[];
  timings: { generateMs: number };
  fixtures: number;
  /** Entity versions that could not be tested fully (no fixture, a rejected example), at file:line:col. */
  findings: LockstepError[];
}

const posix = (p: string): string => p.split(sep).join("/");

/** Where builds are cached between runs. */
export function cacheDir(cwd: string): string {
  return existsSync(join(cwd, "node_modules")) ? join(cwd, "node_modules", ".cache", "lockstep", "test") : join(cwd, ".lockstep-cache", "test");
}

export async function runTests(options: TestOptions): Promise<TestResult> {
  const started = performance.now();
  const { config, cwd } = options;
  const step = options.onStep ?? (() => undefined);
  step("loading schemas");
  const loaded = await loadModules(config.schemas, { allVersions: true, cwd, remotes: config.remotes, int64: config.int64 });
  step("building fixtures");
  const fixtures = options.instances ? [] : buildFixtures(loaded, options.seed, options.maxFixtures);
  const fixtureFiles: GeneratedFile[] = options.instances ?? fixtures.flatMap((v) => v.fixtures.map((f) => ({ path: `${v.entity}/v${v.version}/${f.name}.json`, contents: f.json })));
  writeOutputs([{ dir: config.fixtures, files: fixtureFiles }], cwd);
  const fixtureTexts = new Map(fixtureFiles.map((f) => [f.path, f.contents]));
  const cases = fingerprintCases(fixtureFiles);
  const expected = expectedOutputs(cases, fixtureTexts);

  // Upgrade tests ship with the harnesses when some entity has older versions.
  const upgrades = prepareUpgrades(loaded, options.seed);
  const hookValues = upgrades.steps.length > 0 ? { hookValues: upgrades.hookValues } : {};
  const cache = cacheDir(cwd);
  const header = { toolVersion: options.toolVersion };
  const code = (language: Language): GeneratedFile[] => {
    const dir = join(cache, language, "src");
    const harness = { fixtures: posix(relative(dir, config.fixtures)), ...hookValues };
    if (language === "typescript") return emitTypeScript(loaded.modules, { header, harness });
    if (language === "rust") return emitRust(loaded.modules, { header, crate: config.rust ? config.rust.crate : "lockstep_schemas", harness });
    return emitGo(loaded.modules, { header, module: config.go ? config.go.module : "example.com/lockstep/schemas", package: config.go ? config.go.package : "schemas", harness });
  };
  const mutate = options.mutate ?? ((_l: Language, files: GeneratedFile[]) => files);
  step("generating code");
  writeOutputs(options.languages.map((l) => ({ dir: join(cache, l, "src"), files: mutate(l, code(l)) })), cwd);
  const generateMs = performance.now() - started;

  const runs: LanguageRun[] = [];
  const emitted = new Map<string, ReturnType<typeof readEmitted>>();
  const outcomes: Outcome[] = [];
  for (const language of options.languages) {
    const out = join(cache, language, "out");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeCases(out, cases);
    step(`building and running ${language} (${options.languages.indexOf(language) + 1} of ${options.languages.length})`);
    const run = await RUNNERS[language]({ dir: join(cache, language, "src"), cache: join(cache, language, "build"), fixtures: config.fixtures, out });
    runs.push(run);
    if (run.status !== "ran") continue;
    const written = readEmitted(out);
    append(outcomes, judge(language, written, config.fixtures, fixtureTexts));
    const fingerprints = readEmitted(out, FINGERPRINT_RESULTS_FILE);
    append(outcomes, judgeFingerprints(language, fingerprints, expected));
    for (const [key, result] of fingerprints) written.set(key, result);
    const upgraded = readEmitted(out, UPGRADES_FILE);
    append(outcomes, judgeUpgrades(language, upgraded, upgrades.oracle, upgrades.steps));
    for (const [key, result] of upgraded) written.set(key, result);
    emitted.set(language, written);
  }
  append(outcomes, crossCheck(emitted));
  return { runs, outcomes, timings: { generateMs }, fixtures: fixtureFiles.length, findings: fixtures.flatMap((v) => v.findings) };
}

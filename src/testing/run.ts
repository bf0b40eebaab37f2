/**
 * `lockstep test`: fixtures → generated code with its harness (every version) → each language's
 * real toolchain → compare what every language wrote with the fixtures and with each other.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Config } from "../config.js";
import type { LockstepError } from "../errors.js";
import { emitGo } from "../emit/go/index.js";
import { emitRust } from "../emit/rust/index.js";
import { emitTypeScript } from "../emit/typescript/index.js";
import type { GeneratedFile } from "../emit/types.js";
import { buildFixtures } from "../fixtures/index.js";
import { makeOracle } from "../fixtures/oracle.js";
import { loadModules, type Loaded } from "../pipeline.js";
import { writeOutputs } from "../write.js";
import { canonicalizer, crossCheck, judge, readEmitted, type Outcome } from "./compare.js";
import { expectedOutputs, fingerprintCases, FINGERPRINT_RESULTS_FILE, judgeFingerprints, writeCases } from "./fingerprint.js";
import { RUNNERS, type Language, type LanguageRun } from "./languages.js";
import { append } from "../arrays.js";
import { UPGRADES_FILE, judgeUpgrades, prepareUpgrades, upgradeOutputs, upgradeValidator, type UpgradeValidate } from "./upgrades.js";
import { dropWarm, findingsOf, readWarm, recordFindings, verdictKey, writeWarm, type WarmRecord } from "./warm.js";
import { inputsFingerprint } from "../generate.js";
import { planUpgrades } from "../ir/upgrade.js";

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
  /** Entity versions that could not be tested fully (no fixture, a rejected example, an upgrade hook without a test value), at file:line:col. */
  findings: LockstepError[];
}

const posix = (p: string): string => p.split(sep).join("/");

/** Where builds are cached between runs. */
export function cacheDir(cwd: string): string {
  return existsSync(join(cwd, "node_modules")) ? join(cwd, "node_modules", ".cache", "lockstep", "test") : join(cwd, ".lockstep-cache", "test");
}

/** What the generate stage gives the rest of a run. */
interface Prepared {
  fixtureTexts: Map<string, string>;
  findings: LockstepError[];
  /** Judges upgrade outputs; loads the schemas the first time when the run reused the last one's output. */
  validate: () => Promise<UpgradeValidate>;
}

export async function runTests(options: TestOptions): Promise<TestResult> {
  const started = performance.now();
  const { config, cwd } = options;
  const cache = cacheDir(cwd);
  // The test seams make output that is not the options' own: never reused, never recorded.
  const seams = options.instances !== undefined || options.mutate !== undefined;
  const print = inputsFingerprint({ test: 1, toolVersion: options.toolVersion, config, seed: options.seed, maxFixtures: options.maxFixtures ?? null, cache }, config.schemas);
  const dirs = [config.fixtures, ...options.languages.map((l) => join(cache, l, "src"))];
  const record = seams ? undefined : readWarm(cache, print, dirs);
  const prepared = record ? reuse(record, config.fixtures, () => load(options)) : await prepare(options, cache, seams ? undefined : print);
  const { fixtureTexts } = prepared;
  const cases = fingerprintCases([...fixtureTexts].map(([path, contents]) => ({ path, contents })));
  const expected = expectedOutputs(cases, fixtureTexts);
  const generateMs = performance.now() - started;

  const verdicts: WarmRecord["verdicts"] = {};
  let validate: UpgradeValidate | undefined;
  const runs: LanguageRun[] = [];
  const emitted = new Map<string, ReturnType<typeof readEmitted>>();
  const outcomes: Outcome[] = [];
  const canon = canonicalizer();
  for (const language of options.languages) {
    const out = join(cache, language, "out");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    writeCases(out, cases);
    options.onStep?.(`building and running ${language} (${options.languages.indexOf(language) + 1} of ${options.languages.length})`);
    const run = await RUNNERS[language]({ dir: join(cache, language, "src"), cache: join(cache, language, "build"), fixtures: config.fixtures, out });
    runs.push(run);
    if (run.status !== "ran") continue;
    const written = readEmitted(out);
    append(outcomes, judge(language, written, config.fixtures, fixtureTexts, canon));
    const fingerprints = readEmitted(out, FINGERPRINT_RESULTS_FILE);
    append(outcomes, judgeFingerprints(language, fingerprints, expected));
    for (const [key, result] of fingerprints) written.set(key, result);
    const upgraded = readEmitted(out, UPGRADES_FILE);
    // ajv's verdicts of the last run stand while its fingerprint does; new outputs are judged.
    for (const { entity, version, json } of upgradeOutputs(upgraded)) {
      const key = verdictKey(entity, version, json);
      verdicts[key] ??= record?.verdicts[key] ?? (validate ??= await prepared.validate())(entity, version, json);
    }
    append(outcomes, judgeUpgrades(language, upgraded, (entity, version, json) => verdicts[verdictKey(entity, version, json)]!));
    for (const [key, result] of upgraded) written.set(key, result);
    emitted.set(language, written);
  }
  append(outcomes, crossCheck(emitted, canon));
  if (!seams) writeWarm(cache, { fingerprint: print, fixtures: [...fixtureTexts.keys()], findings: recordFindings(prepared.findings), verdicts });
  return { runs, outcomes, timings: { generateMs }, fixtures: fixtureTexts.size, findings: prepared.findings };
}

function load(options: TestOptions): Promise<Loaded> {
  options.onStep?.("loading schemas");
  const { config, cwd } = options;
  return loadModules(config.schemas, { allVersions: true, cwd, remotes: config.remotes, int64: config.int64 });
}

/** The last run's fixtures and findings, its generated code left in place. */
function reuse(record: WarmRecord, fixturesDir: string, loading: () => Promise<Loaded>): Prepared {
  const fixtureTexts = new Map(record.fixtures.map((path) => [path, readFileSync(join(fixturesDir, path), "utf8")]));
  const validate = async (): Promise<UpgradeValidate> => {
    const loaded = await loading();
    return upgradeValidator(makeOracle(loaded.history), planUpgrades(loaded.modules));
  };
  return { fixtureTexts, findings: findingsOf(record), validate };
}

/** Loads, synthesizes fixtures and generates every language's code with its harnesses; writes them. */
async function prepare(options: TestOptions, cache: string, print: string | undefined): Promise<Prepared> {
  const { config, cwd } = options;
  const step = options.onStep ?? (() => undefined);
  // Written again below: a run stopped half-way leaves no record to trust.
  dropWarm(cache);
  const loaded = await load(options);
  step("building fixtures");
  // One oracle for fixtures and upgrades: ajv compiles each schema once.
  const oracle = makeOracle(loaded.history);
  const fixtures = options.instances ? [] : buildFixtures(loaded, options.seed, options.maxFixtures, oracle);
  const fixtureFiles: GeneratedFile[] = options.instances ?? fixtures.flatMap((v) => v.fixtures.map((f) => ({ path: `${v.entity}/v${v.version}/${f.name}.json`, contents: f.json })));
  writeOutputs([{ dir: config.fixtures, files: fixtureFiles }], cwd, print);

  // Upgrade tests ship with the harnesses when some entity has older versions.
  const upgrades = prepareUpgrades(loaded, options.seed, oracle);
  const hookValues = upgrades.steps.length > 0 ? { hookValues: upgrades.hookValues } : {};
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
  writeOutputs(options.languages.map((l) => ({ dir: join(cache, l, "src"), files: mutate(l, code(l)) })), cwd, print);
  const validate = upgradeValidator(oracle, upgrades.steps);
  const findings = [...fixtures.flatMap((v) => v.findings), ...upgrades.findings];
  return { fixtureTexts: new Map(fixtureFiles.map((f) => [f.path, f.contents])), findings, validate: () => Promise.resolve(validate) };
}

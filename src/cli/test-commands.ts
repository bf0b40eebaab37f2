/** `lockstep fixtures` and `lockstep test`. */
import type { CommandModule } from "yargs";
import { LockstepError } from "../errors.js";
import type { Language } from "../testing/languages.js";
import { VERSION, common, configFor, setExitCode, type Common } from "./common.js";

const LANGUAGES: Language[] = ["typescript", "rust", "go"];

type FixturesArgs = Common & { schemas?: string; seed: number };
type TestArgs = FixturesArgs & { language?: string[]; format: string; quiet?: boolean };

export const fixturesCommand: CommandModule<object, FixturesArgs> = {
  command: "fixtures",
  describe: "Write deterministic test fixtures for every version of every entity",
  builder: (y) =>
    common(y)
      .option("schemas", { type: "string", describe: "Schemas directory", requiresArg: true })
      .option("seed", { type: "number", default: 1, describe: "Seed: the same seed writes the same files" }) as never,
  handler: async (argv) => {
    const { cwd, config } = configFor(argv);
    const [{ loadModules }, { buildFixtures }, { writeOutputs }] = await Promise.all([import("../pipeline.js"), import("../fixtures/index.js"), import("../write.js")]);
    const loaded = await loadModules(config.schemas, { allVersions: true, cwd, remotes: config.remotes, int64: config.int64 });
    const all = buildFixtures(loaded, argv.seed);
    const files = all.flatMap((v) => v.fixtures.map((f) => ({ path: `${v.entity}/v${v.version}/${f.name}.json`, contents: f.json })));
    const [report] = writeOutputs([{ dir: config.fixtures, files }], cwd);
    process.stdout.write(`fixtures: ${files.length} for ${all.length} entity versions (${report!.written.length} written, ${report!.removed.length} removed)\n`);
    const findings = all.flatMap((v) => v.findings);
    for (const f of findings) process.stderr.write(`${f.format()}\n`);
    if (findings.length > 0) setExitCode(2);
  },
};

export const testCommand: CommandModule<object, TestArgs> = {
  command: "test",
  describe: "Prove Go, Rust and TypeScript read and write every fixture the same way, across versions",
  builder: (y) =>
    common(y)
      .option("schemas", { type: "string", describe: "Schemas directory", requiresArg: true })
      .option("seed", { type: "number", default: 1, describe: "Fixture seed" })
      .option("language", { type: "string", array: true, describe: `Only these languages: ${LANGUAGES.join(", ")}` })
      .option("format", { choices: ["text", "json"], default: "text", describe: "Output format" })
      .option("quiet", { alias: "q", type: "boolean", describe: "No progress line (there is none in CI or when stderr is not a terminal)" }) as never,
  handler: async (argv) => {
    const { cwd, config } = configFor(argv);
    const languages = (argv.language?.flatMap((l) => l.split(",")) ?? LANGUAGES) as Language[];
    for (const l of languages) if (!LANGUAGES.includes(l)) throw new LockstepError(`unknown language "${l}" (expected ${LANGUAGES.join(", ")})`);
    const [{ runTests, cacheDir }, { formatJson, formatText, passed }, { saveTestSummary }, { progress }] = await Promise.all([
      import("../testing/run.js"), import("../testing/report.js"), import("../testing/summary.js"), import("../progress.js"),
    ]);
    const line = progress({ quiet: argv.quiet ?? false, delayMs: 0 });
    let result: Awaited<ReturnType<typeof runTests>>;
    try {
      result = await runTests({ config, cwd, languages, seed: argv.seed, toolVersion: VERSION, onStep: (label) => line.step(label) });
    } finally {
      line.end();
    }
    const strict = process.env.CI === "true";
    saveTestSummary(cacheDir(cwd), result, strict); // for `lockstep report`
    process.stdout.write(argv.format === "json" ? formatJson(result, strict) : formatText(result, strict));
    setExitCode(passed(result, strict) ? 0 : 1);
    // Findings (an entity version without fixtures, a rejected example) are input errors.
    if (result.findings.length > 0) setExitCode(2);
  },
};

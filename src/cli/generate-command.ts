/** `lockstep generate`. */
import { resolve } from "node:path";
import type { CommandModule } from "yargs";
import { LockstepError } from "../errors.js";
import { TARGETS, type Target } from "../emit/types.js";
import { VERSION, common, configFor, setExitCode, type Common } from "./common.js";

type GenerateArgs = Common & { "strict-names"?: boolean; "all-versions"?: boolean; schemas?: string; target?: string[]; check?: boolean; quiet?: boolean };

export const generateCommand: CommandModule<object, GenerateArgs> = {
  command: "generate",
  describe: "Generate TypeScript, Rust and Go from schemas/<entity>/v<N>.json",
  builder: (y) =>
    common(y)
      .option("all-versions", { type: "boolean", describe: "Also emit every older version in its own module (v1, v2, ...)" })
      .option("strict-names", { type: "boolean", describe: "Names that collide after case conversion are errors, not told apart with a suffix" })
      .option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true })
      .option("target", { type: "string", array: true, describe: `Only these targets: ${TARGETS.join(", ")}` })
      .option("check", { type: "boolean", describe: "Write nothing; exit 1 if the generated code is out of date" })
      .option("quiet", { type: "boolean", alias: "q", describe: "Print only warnings and errors" }) as never,
  handler: async (argv) => {
    setExitCode(await runGenerate(argv));
  },
};

async function runGenerate(argv: GenerateArgs): Promise<number> {
  const { cwd, config } = configFor(argv);
  if (argv["all-versions"]) config.allVersions = true;
  if (argv["strict-names"]) config.strictNames = true;
  const targets = argv.target?.flatMap((t) => t.split(",")) as Target[] | undefined;
  for (const t of targets ?? []) {
    if (!TARGETS.includes(t)) throw new LockstepError(`unknown target "${t}" (expected ${TARGETS.join(", ")})`);
  }
  const [{ generate }, { progress }] = await Promise.all([import("../generate.js"), import("../progress.js")]);
  const line = progress({ quiet: argv.quiet ?? false });
  let result: Awaited<ReturnType<typeof generate>>;
  try {
    result = await generate({ config, ...(targets ? { targets } : {}), check: argv.check ?? false, cwd, toolVersion: VERSION, onStep: (label) => line.step(label) });
  } finally {
    line.end();
  }
  for (const w of result.warnings) process.stderr.write(`${w.display}: warning: ${w.message} (at #${w.pointer})\n`);
  const changed = result.reports.filter((r) => r.written.length > 0 || r.removed.length > 0);
  const total = result.reports.reduce((n, r) => n + r.written.length + r.unchanged, 0);
  if (argv.check) {
    for (const r of changed) {
      for (const f of r.written) process.stdout.write(`out of date: ${r.target}: ${f}\n`);
      for (const f of r.removed) process.stdout.write(`stale: ${r.target}: ${f}\n`);
    }
    if (changed.length > 0) {
      process.stdout.write("lockstep: generated code is out of date; run `lockstep generate`\n");
      return 1;
    }
    if (!argv.quiet) process.stdout.write(`lockstep: generated code is up to date (${total} files)\n`);
    return 0;
  }
  if (argv.quiet) return 0;
  if (changed.length === 0) {
    process.stdout.write(`lockstep: up to date (${total} files)\n`);
    return 0;
  }
  for (const r of result.reports) {
    const parts = [`${r.written.length} written`, `${r.unchanged} unchanged`];
    if (r.removed.length > 0) parts.push(`${r.removed.length} removed`);
    process.stdout.write(`${r.target.padEnd(10)} ${parts.join(", ").padEnd(32)} ${resolve(r.dir).replace(`${cwd}/`, "")}\n`);
  }
  return 0;
}


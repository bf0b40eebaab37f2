/**
 * Command line: `lockstep <command>`. Every command takes -C <dir> (work as if started there)
 * and --help. Exit codes: 0 success, 1 findings (lint) or out-of-date output (--check),
 * 2 usage or input errors.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import yargs, { type Argv } from "yargs";
import { hideBin } from "yargs/helpers";
import { loadConfig } from "../config.js";
import { LockstepError } from "../errors.js";
import { TARGETS, generate, type Target } from "../generate.js";

export const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

interface Common {
  C?: string;
  config?: string;
}

function common<T>(y: Argv<T>): Argv<T & Common> {
  return y
    .option("C", { type: "string", describe: "Run as if lockstep was started in <dir>", requiresArg: true })
    .option("config", { type: "string", describe: "Directory holding lockstep.config.json (default: the working directory)", requiresArg: true }) as Argv<T & Common>;
}

function workDir(argv: Common): string {
  return resolve(argv.C ?? ".");
}

async function runGenerate(argv: Common & { "all-versions"?: boolean; schemas?: string; target?: string[]; check?: boolean; quiet?: boolean }): Promise<number> {
  const cwd = workDir(argv);
  const config = loadConfig(argv.config ? resolve(cwd, argv.config) : cwd, cwd);
  if (argv.schemas) config.schemas = resolve(cwd, argv.schemas);
  if (argv["all-versions"]) config.allVersions = true;
  const targets = argv.target?.flatMap((t) => t.split(",")) as Target[] | undefined;
  for (const t of targets ?? []) {
    if (!TARGETS.includes(t)) throw new LockstepError(`unknown target "${t}" (expected ${TARGETS.join(", ")})`);
  }
  const result = await generate({ config, ...(targets ? { targets } : {}), check: argv.check ?? false, cwd, toolVersion: VERSION });
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

export async function main(args: string[]): Promise<number> {
  let code = 0;
  const parser = yargs()
    .scriptName("lockstep")
    .usage("$0 <command> [options]\n\nKeep Go, Rust and TypeScript in lockstep with versioned JSON Schemas.")
    .command(
      "generate",
      "Generate TypeScript, Rust and Go from schemas/<entity>/v<N>.json",
      (y) =>
        common(y)
          .option("all-versions", { type: "boolean", describe: "Also emit every older version in its own module (v1, v2, ...)" })
          .option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true })
          .option("target", { type: "string", array: true, describe: `Only these targets: ${TARGETS.join(", ")}` })
          .option("check", { type: "boolean", describe: "Write nothing; exit 1 if the generated code is out of date" })
          .option("quiet", { type: "boolean", alias: "q", describe: "Print only warnings and errors" }),
      async (argv) => {
        code = await runGenerate(argv);
      },
    )
    .demandCommand(1, "Name a command; see --help.")
    .strict()
    .version(VERSION)
    .help()
    .alias("h", "help")
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageError(msg);
    });
  try {
    let printed = "";
    await parser.parseAsync(args, {}, (_err, _argv, output) => {
      printed = output;
    });
    if (printed) process.stdout.write(printed.endsWith("\n") ? printed : `${printed}\n`);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`lockstep: ${err.message}\n(see lockstep --help)\n`);
      return 2;
    }
    if (err instanceof LockstepError) {
      process.stderr.write(`${err.format()}\n`);
      return 2;
    }
    throw err;
  }
  return code;
}

class UsageError extends Error {}

export function cliArgs(): string[] {
  return hideBin(process.argv);
}

/** What every command shares: -C, --config, the version, loading the config. */
import { resolve } from "node:path";
import type { Argv } from "yargs";
import { loadConfig, type Config } from "../config.js";
import { setMaxDepth } from "../load/limits.js";
import { packageVersion } from "../paths.js";

export const VERSION = packageVersion();

/** The exit code a command asks for; main() returns it (commands never touch process.exitCode). */
let exitCode = 0;

export function setExitCode(code: number): void {
  exitCode = Math.max(exitCode, code);
}

export function takeExitCode(): number {
  const code = exitCode;
  exitCode = 0;
  return code;
}

export interface Common {
  C?: string;
  config?: string;
}

export function common<T>(y: Argv<T>): Argv<T & Common> {
  return y
    .option("C", { type: "string", describe: "Run as if lockstep was started in <dir>", requiresArg: true })
    .option("config", { type: "string", describe: "Directory holding lockstep.config.json (default: the working directory)", requiresArg: true }) as Argv<T & Common>;
}

export function workDir(argv: Common): string {
  return resolve(argv.C ?? ".");
}

/** The config for a command, with --schemas applied. */
export function configFor(argv: Common & { schemas?: string }): { cwd: string; config: Config } {
  const cwd = workDir(argv);
  setMaxDepth(undefined); // the config file itself is read under the default limit
  const config = loadConfig(argv.config ? resolve(cwd, argv.config) : cwd, cwd);
  if (argv.schemas) config.schemas = resolve(cwd, argv.schemas);
  setMaxDepth(config.maxDepth);
  return { cwd, config };
}

/**
 * Command line: `lockstep <command>`. Every command takes -C <dir> (work as if started there)
 * and --help. Exit codes: 0 success, 1 findings (lint) or out-of-date output (--check),
 * 2 usage or input errors.
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { LockstepError } from "../errors.js";
import { VERSION, takeExitCode } from "./common.js";
import { generateCommand } from "./generate-command.js";
import { lintCommands } from "./lint-commands.js";
import { fixturesCommand, testCommand } from "./test-commands.js";

export async function main(args: string[]): Promise<number> {
  takeExitCode();
  const parser = yargs()
    .scriptName("lockstep")
    .usage("$0 <command> [options]\n\nKeep Go, Rust and TypeScript in lockstep with versioned JSON Schemas.")
    .command(generateCommand)
    .command(fixturesCommand)
    .command(testCommand)
    .command(lintCommands)
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
    const limit = resourceLimit(err);
    if (limit) {
      process.stderr.write(`lockstep: the input is too large or too deeply nested (${limit}); nothing was written\n`);
      return 2;
    }
    throw err;
  }
  return takeExitCode();
}

class UsageError extends Error {}

/**
 * JavaScript's own limits (call stack, string and array sizes). Input nesting is bounded when a
 * file is read (src/load/limits.ts), but references can chain further than any stack; such input
 * is refused like any other bad input, not reported as a crash.
 */
export function resourceLimit(err: unknown): string | undefined {
  if (!(err instanceof RangeError)) return undefined;
  return /call stack|string length|array length|allocation failed/i.test(err.message) ? err.message : undefined;
}

export function cliArgs(): string[] {
  return hideBin(process.argv);
}

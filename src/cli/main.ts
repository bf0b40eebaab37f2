/**
 * Command line: `lockstep <command>`. Every command takes -C <dir> (work as if started there)
 * and --help. Exit codes: 0 success, 1 findings (lint) or out-of-date output (--check),
 * 2 usage or input errors.
 */
import { LockstepError } from "../errors.js";
import { packageVersion } from "../paths.js";

export async function main(args: string[]): Promise<number> {
  // The version is all `--version` needs: answered before loading anything else.
  if (args.length === 1 && args[0] === "--version") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  // The argument parser and the commands' options; each handler imports what it runs on first
  // use (see ./*-command*.ts), so a command loads only its own stages.
  const [{ default: yargs }, { VERSION, takeExitCode }, { generateCommand }, { lintCommands }, { fixturesCommand, testCommand }, { workflowCommands }] = await Promise.all([
    import("yargs"),
    import("./common.js"),
    import("./generate-command.js"),
    import("./lint-commands.js"),
    import("./test-commands.js"),
    import("./workflow-commands.js"),
  ]);
  takeExitCode();
  const parser = yargs()
    .scriptName("lockstep")
    .usage("$0 <command> [options]\n\nKeep Go, Rust and TypeScript in lockstep with versioned JSON Schemas.")
    .command(generateCommand)
    .command(fixturesCommand)
    .command(testCommand)
    .command(lintCommands)
    .command(workflowCommands)
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

/** The arguments after `node bin/lockstep.js`. */
export function cliArgs(): string[] {
  return process.argv.slice(2);
}

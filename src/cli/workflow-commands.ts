/**
 * The daily workflow: `lockstep init`, `check`, `watch` and `report`. Each handler imports its
 * stage on first use (src/workflow/*, src/report/*), so start-up stays small.
 */
import { appendFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import type { CommandModule } from "yargs";
import { VERSION, common, configFor, setExitCode, workDir, type Common } from "./common.js";

type InitArgs = Common & { yes?: boolean };
type WatchArgs = Common & { schemas?: string; debounce: number; quiet?: boolean };
type CheckArgs = Common & { schemas?: string; against?: string; format?: string; summary?: string; quiet?: boolean };

const initCommand: CommandModule<object, InitArgs> = {
  command: "init",
  describe: "Set up a repository: lockstep.config.json, an example schema, pre-commit hook, GitHub workflow, .gitignore",
  builder: (y) => common(y).option("yes", { alias: "y", type: "boolean", describe: "Do not ask; write every file that does not exist yet" }) as never,
  handler: async (argv) => {
    const cwd = workDir(argv);
    const { planInit, applyInit, PRE_COMMIT } = await import("../workflow/init.js");
    const steps = planInit(cwd);
    const todo = steps.filter((s) => s.action !== "skip");
    for (const s of steps) {
      const what = s.action === "create" ? "create" : s.action === "append" ? `append ${s.note}` : `skip (${s.note})`;
      process.stdout.write(`  ${s.path.padEnd(34)} ${what}\n`);
    }
    if (todo.length === 0) {
      process.stdout.write("lockstep init: nothing to do\n");
      return;
    }
    if (!argv.yes && process.stdin.isTTY && !(await confirm(`Write ${todo.length} file${todo.length === 1 ? "" : "s"}? [Y/n] `))) {
      process.stdout.write("lockstep init: nothing written\n");
      return;
    }
    applyInit(cwd, steps);
    if (steps.some((s) => s.path === ".pre-commit-config.yaml" && s.action === "skip")) {
      process.stdout.write(`\n.pre-commit-config.yaml exists: add this hook to its repos:\n${PRE_COMMIT.split("\n").slice(2).join("\n")}\n`);
    }
    process.stdout.write("lockstep init: done. Next: npx lockstep generate && npx lockstep check (and `pre-commit install`)\n");
  },
};

async function confirm(question: string): Promise<boolean> {
  const { createInterface } = await import("node:readline/promises");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

const checkCommand: CommandModule<object, CheckArgs> = {
  command: "check",
  describe: "For pre-commit and CI: generated code up to date and untouched, lock file consistent, changed entities lint clean",
  builder: (y) =>
    common(y)
      .option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true })
      .option("against", { type: "string", requiresArg: true, describe: "Lint the entities changed since this git revision against it (default: config check.against; else the entities with unreleased versions)" })
      .option("format", { alias: "f", type: "string", choices: ["text", "github", "markdown", "json"], default: "text", describe: "Output format (github: annotations on the pull request)" })
      .option("summary", { type: "string", requiresArg: true, describe: "Also append the markdown report to this file (e.g. $GITHUB_STEP_SUMMARY)" })
      .option("quiet", { alias: "q", type: "boolean", describe: "Print nothing when everything passes" }) as never,
  handler: async (argv) => {
    const { cwd, config } = configFor(argv);
    const [{ check, passed }, { formatCheck }] = await Promise.all([import("../workflow/check.js"), import("../workflow/check-format.js")]);
    const result = await check({ config, cwd, toolVersion: VERSION, ...(argv.against ? { against: argv.against } : {}) });
    const ok = passed(result);
    const ctx = { toolVersion: VERSION, cwd, textOf: result.lint?.textOf ?? (() => undefined) };
    if (!(ok && argv.quiet)) process.stdout.write(await formatCheck((argv.format ?? "text") as never, result, ctx));
    if (argv.summary) appendFileSync(resolve(cwd, argv.summary), await formatCheck("markdown", result, ctx));
    setExitCode(ok ? 0 : 1);
  },
};

const watchCommand: CommandModule<object, WatchArgs> = {
  command: "watch",
  describe: "Regenerate whenever a schema or the config changes (Ctrl-C to stop)",
  builder: (y) =>
    common(y)
      .option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true })
      .option("debounce", { type: "number", default: 150, describe: "Milliseconds to wait for more changes before a run" })
      .option("quiet", { alias: "q", type: "boolean", describe: "Print only errors and runs that wrote something" }) as never,
  handler: async (argv) => {
    const { watch } = await import("../workflow/watch.js");
    await watch({ load: () => configFor(argv), toolVersion: VERSION, debounceMs: argv.debounce, quiet: argv.quiet ?? false });
  },
};

type ReportArgs = Common & { schemas?: string; out: string };

const reportCommand: CommandModule<object, ReportArgs> = {
  command: "report",
  describe: "Write a self-contained HTML report: versions, lint findings, compatibility matrix, diffs, test results",
  builder: (y) =>
    common(y)
      .option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true })
      .option("out", { alias: "o", type: "string", default: "lockstep-report.html", describe: "The HTML file to write" }) as never,
  handler: async (argv) => {
    const { cwd, config } = configFor(argv);
    const { buildReport } = await import("../report/index.js");
    const html = buildReport({ config, cwd, toolVersion: VERSION });
    const path = resolve(cwd, argv.out);
    writeFileSync(path, html.text);
    const shown = relative(cwd, path).startsWith("..") ? path : relative(cwd, path);
    process.stdout.write(`lockstep report: wrote ${shown} (${html.entities} entities, ${html.breaking} breaking step${html.breaking === 1 ? "" : "s"})\n`);
  },
};

export const workflowCommands = [initCommand, checkCommand, watchCommand, reportCommand] as CommandModule[];

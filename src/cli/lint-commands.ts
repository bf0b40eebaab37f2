/**
 * `lockstep lint`, `diff`, `release` and `new-version`, wired into the CLI by main.ts with
 * `.command(lintCommands)` (registerLintCommands(y) does the same for another Argv).
 * Exit codes: 0 no error findings, 1 error findings (or a refused release), 2 usage/input errors
 * (thrown as LockstepError, which main() turns into 2).
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { applyEdits, modify } from "jsonc-parser";
import type { Argv, CommandModule } from "yargs";
import { LockstepError } from "../errors.js";
import type { LintResult } from "../lint/engine.js";
import { formatDiff, DIFF_FORMATS, type DiffFormat } from "../lint/format/diff.js";
import type { LockEntry } from "../lint/lock.js";
import { isObject } from "../lint/resolver.js";
import { ALLOW_KEYWORD } from "../lint/suppress.js";
import { fsTree } from "../lint/tree.js";
import { FORMATS, MODES, TARGETS, type Format, type Mode, type Target } from "../lint/types.js";
import { VERSION, common as commonBase, configFor, setExitCode, type Common as CommonBase } from "./common.js";

type Common = CommonBase & { schemas?: string };

function common<T>(y: Argv<T>): Argv<T & Common> {
  return commonBase(y).option("schemas", { type: "string", describe: "Schemas directory (default: from config, else ./schemas)", requiresArg: true }) as Argv<T & Common>;
}

const setup = configFor;

function parseTargets(list: string[] | undefined): Target[] | undefined {
  if (!list) return undefined;
  const out = list.flatMap((t) => t.split(",")).map((t) => t.trim()).filter((t) => t !== "");
  for (const t of out) if (!(TARGETS as readonly string[]).includes(t)) throw new LockstepError(`unknown target "${t}" (expected ${TARGETS.join(", ")})`);
  return out as Target[];
}

function parseVersion(v: string | number | undefined, what: string): number | undefined {
  if (v === undefined) return undefined;
  const m = /^v?([1-9]\d*)$/.exec(String(v));
  if (!m) throw new LockstepError(`${what}: expected a version like 3 or v3, got "${v}"`);
  return Number(m[1]);
}

type LintArgs = Common & { entities?: string[]; mode?: string; strict?: boolean; transitive?: boolean; against?: string; format?: string; output?: string; targets?: string[]; quiet?: boolean; frames?: boolean };

export async function runLint(argv: LintArgs): Promise<number> {
  const { cwd, config } = setup(argv);
  // The lint engine and formatters load only for the commands that use them.
  const [{ lint }, { format }] = await Promise.all([import("../lint/engine.js"), import("../lint/format/index.js")]);
  const result = lint({
    cwd, schemas: config.schemas, lint: config.lint, int64: config.int64, ...(config.file ? { configFile: config.file } : {}),
    ...(argv.mode ? { mode: argv.mode as Mode } : {}),
    ...(argv.transitive !== undefined ? { transitive: argv.transitive } : {}),
    ...(argv.strict ? { strict: true } : {}),
    ...(argv.against ? { against: argv.against } : {}),
    ...(argv.entities && argv.entities.length > 0 ? { entities: argv.entities.map(String) } : {}),
    ...(parseTargets(argv.targets) ? { targets: parseTargets(argv.targets)! } : {}),
  });
  const shown: LintResult = argv.quiet ? { ...result, findings: result.findings.filter((f) => f.severity === "error") } : result;
  const out = format((argv.format ?? "text") as Format, shown, { toolVersion: VERSION, cwd, textOf: result.textOf }, { frames: argv.frames !== false });
  if (argv.output) {
    const path = resolve(cwd, argv.output);
    writeFileSync(path, out);
    const errors = result.findings.filter((f) => f.severity === "error" && !f.suppressed).length;
    process.stderr.write(`lockstep lint: wrote ${relative(cwd, path) || path} (${errors} error${errors === 1 ? "" : "s"})\n`);
  } else process.stdout.write(out);
  return result.findings.some((f) => f.severity === "error" && !f.suppressed) ? 1 : 0;
}

export async function runDiff(argv: Common & { entity: string; from?: string; to?: string; format?: string; mode?: string }): Promise<number> {
  const { cwd, config } = setup(argv);
  const { diffVersions } = await import("../lint/engine.js");
  const from = parseVersion(argv.from, "diff <from>");
  const to = parseVersion(argv.to, "diff <to>");
  const d = diffVersions({ cwd, schemas: config.schemas, lint: config.lint, int64: config.int64, ...(argv.mode ? { mode: argv.mode as Mode } : {}) }, argv.entity, from, to);
  process.stdout.write(formatDiff((argv.format ?? "text") as DiffFormat, argv.entity, d));
  return 0;
}

export async function runRelease(argv: Common & { entities?: string[]; all?: boolean }): Promise<number> {
  const { cwd, config } = setup(argv);
  const { fingerprint, readLock, writeLock } = await import("../lint/lock.js");
  const tree = fsTree(config.schemas, cwd);
  const names = argv.all ? [...tree.entities.keys()] : (argv.entities ?? []).map(String);
  if (names.length === 0) throw new LockstepError("name the entities to release, or use --all");
  for (const n of names) if (!tree.entities.has(n)) throw new LockstepError(`unknown entity "${n}" (entities: ${[...tree.entities.keys()].join(", ")})`);
  for (const gap of tree.gaps) {
    if (names.includes(gap.entity)) throw new LockstepError(`${gap.entity}: version gap (no ${gap.missing.map((m) => `v${m}.json`).join(", ")}); fix it before releasing`, { file: tree.display(gap.next.rel) });
  }
  const lock = readLock(tree)?.entities ?? new Map<string, Map<number, LockEntry>>();
  const refused: string[] = [];
  const recorded: string[] = [];
  for (const entity of names) {
    const versions = lock.get(entity) ?? new Map<number, LockEntry>();
    for (const v of tree.entities.get(entity)!) {
      const now = fingerprint(tree, v.rel);
      const was = versions.get(v.version);
      if (!was) {
        versions.set(v.version, now);
        recorded.push(`${entity} v${v.version}`);
      } else if (was.sha256 !== now.sha256 || Object.entries(was.refs).some(([r, h]) => now.refs[r] !== h)) {
        refused.push(`${tree.display(v.rel)}:1:1: version-mutated: ${entity} v${v.version} was changed after its release; revert it, or make the change in a new version`);
      }
    }
    lock.set(entity, versions);
  }
  if (refused.length > 0) {
    process.stderr.write(`${refused.join("\n")}\nlockstep release: nothing written\n`);
    return 1;
  }
  const path = writeLock(config.schemas, lock);
  process.stdout.write(recorded.length > 0 ? `released ${recorded.join(", ")} → ${relative(cwd, path) || path}\n` : "lockstep release: already up to date\n");
  return 0;
}

export async function runNewVersion(argv: Common & { entity: string }): Promise<number> {
  const { cwd, config } = setup(argv);
  const { readLock } = await import("../lint/lock.js");
  const tree = fsTree(config.schemas, cwd);
  const versions = tree.entities.get(argv.entity);
  if (!versions) throw new LockstepError(`unknown entity "${argv.entity}" (entities: ${[...tree.entities.keys()].join(", ") || "none"})`);
  const newest = versions[versions.length - 1]!;
  const next = newest.version + 1;
  const dest = join(config.schemas, argv.entity, `v${next}.json`);
  if (existsSync(dest)) throw new LockstepError(`${relative(cwd, dest)} already exists`);
  let text = tree.text(newest.rel)!;
  // The allowances were for the change into the copied version; they would be stale in the copy.
  const paths = allowPaths(tree.file(newest.rel)!.value);
  for (const p of paths.reverse()) text = applyEdits(text, modify(text, p, undefined, {}));
  writeFileSync(dest, text);
  const released = readLock(tree)?.entities.get(argv.entity)?.has(newest.version);
  process.stdout.write(`created ${relative(cwd, dest)} from v${newest.version}${paths.length > 0 ? ` (${paths.length} ${ALLOW_KEYWORD} dropped)` : ""}\n`);
  if (!released) process.stderr.write(`note: v${newest.version} is not in ${relative(cwd, join(dirname(dest), "..", "lockstep.lock.json"))}: if it was never released, you could edit it in place instead\n`);
  return 0;
}

function allowPaths(value: unknown, path: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) value.forEach((v, i) => allowPaths(v, [...path, i], out));
  else if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === ALLOW_KEYWORD) out.push([...path, k]);
      else if (!["const", "default", "enum", "examples"].includes(k)) allowPaths(v, [...path, k], out);
    }
  }
  return out;
}

const modes = MODES as unknown as string[];
const onExit = setExitCode;

/** The four commands as yargs modules. */
export const lintCommands: CommandModule[] = [
  {
    command: "lint [entities..]",
    describe: "Check schema versions for changes that break readers or generated code",
    builder: (y: Argv) =>
      common(y)
        .positional("entities", { type: "string", array: true, describe: "Only these entities (default: all)" })
        .option("mode", { type: "string", choices: modes, describe: "additive (default), backward, forward or full (see docs/lint.md)" })
        .option("transitive", { type: "boolean", describe: "Also compare every earlier version with the newest" })
        .option("strict", { type: "boolean", describe: "A change lockstep cannot prove compatible (two different patterns or formats) fails the mode" })
        .option("against", { type: "string", requiresArg: true, describe: "Compare the working tree's schemas with those at a git revision (e.g. origin/main)" })
        .option("format", { alias: "f", type: "string", choices: [...FORMATS], default: "text", describe: "Output format" })
        .option("output", { alias: "o", type: "string", requiresArg: true, describe: "Write the report to a file" })
        .option("targets", { type: "string", array: true, describe: `Readers that count: ${TARGETS.join(", ")} (default: config, else all)` })
        .option("frames", { type: "boolean", default: true, describe: "Code frames under text findings (--no-frames to omit)" })
        .option("quiet", { alias: "q", type: "boolean", describe: "Only error findings" }),
    handler: async (argv) => onExit(await runLint(argv as unknown as LintArgs)),
  },
  {
    command: "diff <entity> [from] [to]",
    describe: "List every change between two versions of an entity, classified (default: the newest two)",
    builder: (y: Argv) =>
      common(y)
        .positional("entity", { type: "string", demandOption: true })
        .positional("from", { type: "string", describe: "Old version (3 or v3)" })
        .positional("to", { type: "string", describe: "New version (default: the newest)" })
        .option("format", { alias: "f", type: "string", choices: [...DIFF_FORMATS], default: "text", describe: "text, markdown (changelogs) or json" })
        .option("mode", { type: "string", choices: modes, describe: "Mode used to classify changes" }),
    handler: async (argv) => onExit(await runDiff(argv as never)),
  },
  {
    command: "release [entities..]",
    describe: "Record the SHA-256 of every version of the entities in schemas/lockstep.lock.json",
    builder: (y: Argv) =>
      common(y)
        .positional("entities", { type: "string", array: true })
        .option("all", { type: "boolean", describe: "Release every entity" }),
    handler: async (argv) => onExit(await runRelease(argv as never)),
  },
  {
    command: "new-version <entity>",
    describe: "Copy the newest version of an entity to the next number, for editing",
    builder: (y: Argv) => common(y).positional("entity", { type: "string", demandOption: true }),
    handler: async (argv) => onExit(await runNewVersion(argv as never)),
  },
];

export function registerLintCommands(y: Argv): Argv {
  return y.command(lintCommands);
}

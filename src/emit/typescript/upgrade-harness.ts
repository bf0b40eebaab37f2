/**
 * The upgrade test shipped with the generated TypeScript when lockstep test gives hook values:
 * lockstep.upgrade.test.ts runs every upgrade (each step, each chain to the newest) over the
 * older version's fixtures and, in emit mode, writes each result to $LOCKSTEP_OUT/upgrades.jsonl.
 * Its hooks answer the values lockstep test computed from the newer schema.
 */
import { snakeCase, toWords } from "../../ir/casing.js";
import type { Module } from "../../ir/types.js";
import { hookKey, needsHooks, testedRuns, type Step } from "../../ir/upgrade.js";
import type { GeneratedFile, HeaderInfo } from "../types.js";
import { header, modulePath } from "./emit.js";
import { decodeTextName, encodeTextName, tsString } from "./naming.js";
import { decodeNewer, hookMethod, hooksInterface, upgradeFunction, upgradePath } from "./upgrade.js";

export const UPGRADE_HARNESS_FILE = "lockstep.upgrade.test.ts";

const BODY = String.raw`/** The fixtures directory: LOCKSTEP_FIXTURES, or FIXTURES relative to this file's directory. */
function fixturesRoot(): string {
  const prepare = Error.prepareStackTrace;
  let file = "";
  try {
    Error.prepareStackTrace = (_error, sites) => sites;
    const sites = new Error().stack as unknown as NodeJS.CallSite[];
    file = sites[0]?.getFileName() ?? "";
  } finally {
    Error.prepareStackTrace = prepare;
  }
  const here = dirname(file.startsWith("file:") ? fileURLToPath(file) : file);
  return process.env["LOCKSTEP_FIXTURES"] ?? resolve(here, FIXTURES);
}

let results: number | undefined;

function emit(line: object): void {
  const out = process.env["LOCKSTEP_OUT"];
  if (out === undefined || out === "") return;
  if (results === undefined) {
    mkdirSync(out, { recursive: true });
    results = openSync(join(out, "upgrades.jsonl"), "w");
  }
  writeSync(results, JSON.stringify(line) + "\n");
}

test("upgrade", async (t) => {
  const root = fixturesRoot();
  for (const u of UPGRADES) {
    await t.test(u.entity + " v" + String(u.from) + " to v" + String(u.to), () => {
      const rel = u.entity + "/v" + String(u.from);
      const dir = join(root, rel);
      if (!existsSync(dir)) return;
      const failures: string[] = [];
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".json") && !n.startsWith("future-")).sort()) {
        const fixture = rel + "/" + name;
        const check = "upgrade-to-v" + String(u.to);
        try {
          emit({ check, fixture, output: u.run(readFileSync(join(dir, name), "utf8")) });
        } catch (e) {
          const error = e instanceof Error ? e.name + ": " + e.message : String(e);
          emit({ check, fixture, error });
          failures.push(fixture + ": " + error);
        }
      }
      if (failures.length > 0) throw new Error(failures.join("\n"));
    });
  }
});
`;

function alias(module: Module): string {
  return `m_${module.path.length === 0 ? "index" : snakeCase(module.path.flatMap((p) => toWords(p, "x")))}`;
}

export function emitUpgradeHarness(modules: readonly Module[], steps: readonly Step[], fixtures: string, hookValues: Record<string, string>, info: HeaderInfo): GeneratedFile | undefined {
  if (steps.length === 0) return undefined;
  const imports = new Map<string, string>();
  const use = (module: Module): string => {
    const a = alias(module);
    imports.set(a, `import * as ${a} from ${tsString(`./${modulePath(module).replace(/\.ts$/, ".js")}`)};`);
    return a;
  };
  const hooks: string[] = [];
  const hooksOf = (s: Step): string => {
    const name = `HOOKS_${snakeCase(toWords(s.entity, "x"))}_${s.from}_${s.to}`;
    if (hooks.some((h) => h.startsWith(`const ${name}:`))) return name;
    const u = `u_${snakeCase(toWords(s.entity, "x"))}`;
    const ns = use(s.newModule);
    const value = (key: string, type: Parameters<typeof decodeNewer>[1]): string => decodeNewer(s, type, ns, hookValues[key]!);
    const methods: string[] = [];
    if (s.rootHook) methods.push(`  ${hookMethod(s.rootHook)}: () => ${value(hookKey(s, s.rootHook.name), { kind: "ref", target: s.newRoot, indirect: false })},`);
    for (const h of s.hooks) methods.push(`  ${hookMethod(h)}: () => ${value(hookKey(s, h.name), h.field.type)},`);
    hooks.push(`const ${name}: ${u}.${hooksInterface(s)} = {`, ...methods, "};");
    return name;
  };
  const runs: string[] = [];
  for (const run of testedRuns(steps, hookValues).runs) {
    const first = run.steps[0]!;
    const last = run.steps[run.steps.length - 1]!;
    const u = `u_${snakeCase(toWords(run.entity, "x"))}`;
    imports.set(u, `import * as ${u} from ${tsString(`./${upgradePath(run.entity).replace(/\.ts$/, ".js")}`)};`);
    const from = use(first.oldModule);
    const to = use(last.newModule);
    const oldRoot = first.oldModule.decls.find((d) => d.id === first.oldRoot)!;
    const newRoot = last.newModule.decls.find((d) => d.id === last.newRoot)!;
    const args = run.steps.filter(needsHooks).map(hooksOf);
    const call = `${u}.${upgradeFunction(run.from, run.to)}(${[`${from}.${decodeTextName(oldRoot.name)}(text)`, ...args].join(", ")})`;
    runs.push(`  { entity: ${tsString(run.entity)}, from: ${run.from}, to: ${run.to}, run: (text) => ${to}.${encodeTextName(newRoot.name)}(${call}) },`);
  }
  const lines = [
    ...header(modules, info),
    '/// <reference types="node" />',
    "",
    "// Upgrade tests for node --test: every upgrade over every older fixture (future-* aside); the hooks",
    "// answer values lockstep test derived from the newer schema. Emit mode: LOCKSTEP_OUT/upgrades.jsonl.",
    "",
    'import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from "node:fs";',
    'import { dirname, join, resolve } from "node:path";',
    'import { test } from "node:test";',
    'import { fileURLToPath } from "node:url";',
    ...(hooks.some((h) => h.includes("rt.")) ? ['import * as rt from "./runtime.js";'] : []),
    ...[...imports.values()].sort(),
    "",
    `const FIXTURES = ${tsString(fixtures)};`,
    "",
    ...(hooks.length > 0 ? [...hooks, ""] : []),
    "const UPGRADES: Array<{ entity: string; from: number; to: number; run(text: string): string }> = [",
    ...runs,
    "];",
    "",
    BODY,
  ];
  return { path: UPGRADE_HARNESS_FILE, contents: lines.join("\n") };
}

/**
 * The upgrade test shipped next to the Go round-trip harness when lockstep test gives hook values:
 * lockstep_upgrade_test.go (same external test package) runs every upgrade (each step, each chain
 * to the newest) over the older version's fixtures; its hooks answer the values lockstep test
 * computed from the newer schema.
 */
import type { Module } from "../../ir/types.js";
import { hookKey, needsHooks, testedRuns, type Step } from "../../ir/upgrade.js";
import type { GeneratedFile } from "../types.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";
import { hookMethod, qualified, upgradeFunction, upgradePackage } from "./upgrade.js";

export const UPGRADE_HARNESS_FILE = "lockstep_upgrade_test.go";

export function emitUpgradeHarness(steps: readonly Step[], importPath: (module: Module) => string, modulePath: string, rootPkg: string, hookValues: Record<string, string>, header: string[]): GeneratedFile | undefined {
  if (steps.length === 0) return undefined;
  // Import aliases lockstepM<N>: the round-trip harness in the same package declares only other names.
  const imports = new Map<string, string>();
  const use = (path: string): string => {
    if (!imports.has(path)) imports.set(path, `lockstepM${imports.size}`);
    return imports.get(path)!;
  };
  const blocks: string[] = [];
  const hookTypes = new Map<Step, string>();
  const { runs, hooked } = testedRuns(steps, hookValues);
  for (const s of hooked) {
    const name = `lockstepUpgradeHooks${hookTypes.size}`;
    hookTypes.set(s, name);
    const oldQ = qualified(s.oldModule, use(importPath(s.oldModule)));
    const newQ = qualified(s.newModule, use(importPath(s.newModule)));
    const lines = [`// ${name} answers the hooks of ${s.entity} v${s.from} to v${s.to}.`.replace(/[\r\n]/g, " "), `type ${name} struct{}`];
    const method = (hook: { name: readonly string[] }, input: string, ret: string): void => {
      const key = hookKey(s, hook.name);
      const json = hookValues[key]!;
      lines.push("", `func (${name}) ${hookMethod(hook)}(${input}) ${ret} {`, `\tvar value ${ret}`, `\tlockstepUpgradeValue(${goQuote(json)}, &value)`, "\treturn value", "}");
    };
    if (s.rootHook) method(s.rootHook, oldQ.names.get(s.oldRoot)!, newQ.names.get(s.newRoot)!);
    for (const h of s.hooks) method(h, oldQ.names.get(h.oldDecl)!, newQ.types.go(h.field.type));
    blocks.push(lines.join("\n"));
  }
  const rows: string[] = [];
  for (const run of runs) {
    const first = run.steps[0]!;
    const last = run.steps[run.steps.length - 1]!;
    const oldType = qualified(first.oldModule, use(importPath(first.oldModule))).names.get(first.oldRoot)!;
    void last;
    const pkg = use(`${modulePath}/${upgradePackage(run.entity).dir}`);
    const hooks = run.steps.filter(needsHooks).map((s) => `, ${hookTypes.get(s)!}{}`).join("");
    rows.push(
      `\t{${goQuote(run.entity)}, ${run.from}, ${run.to}, func(text string) (string, error) {`,
      `\t\tvar old ${oldType}`,
      "\t\tif err := json.Unmarshal([]byte(text), &old); err != nil {",
      '\t\t\treturn "", fmt.Errorf("decode: %w", err)',
      "\t\t}",
      `\t\tupgraded, err := ${pkg}.${upgradeFunction(run.from, run.to)}(old${hooks})`,
      "\t\tif err != nil {",
      '\t\t\treturn "", fmt.Errorf("upgrade: %w", err)',
      "\t\t}",
      "\t\tout, err := json.Marshal(upgraded)",
      "\t\treturn string(out), err",
      "\t}},",
    );
  }
  blocks.push(["// lockstepUpgrades lists every upgrade: entity, from, to, and the run over one fixture's text.", "var lockstepUpgrades = []struct {", "\tentity   string", "\tfrom, to int", "\trun      func(string) (string, error)", "}{", ...rows, "}"].join("\n"));
  // A hook's type may be a builtin (int64): its module's alias is then never spelled, and Go refuses an unused import.
  const body = blocks.join("\n");
  const spelled = [...imports].filter(([, alias]) => body.includes(`${alias}.`));
  const importLines = spelled.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, alias]) => `${alias} ${goQuote(path)}`);
  return { path: UPGRADE_HARNESS_FILE, contents: render("upgrade-test.go", { header, pkg: `${rootPkg}_test`, imports: importLines, blocks }) };
}

/**
 * Upgrade functions (src/ir/upgrade.ts plans) as Go: one package per entity with older versions,
 * `<entity>/upgrade` (package `<entity>upgrade`), with UpgradeV1ToV2 … and chains to the newest.
 * The older value is marshalled, its JSON tree rewritten by the plan and unmarshalled as the newer
 * type; hooks are the methods of one interface per step.
 */
import { goPascalCase } from "../../ir/casing.js";
import type { Module } from "../../ir/types.js";
import { needsHooks, type DeclFunction, type Hook, type Step, type ValuePlan } from "../../ir/upgrade.js";
import type { GeneratedFile } from "../types.js";
import { declGoNames } from "./emit.js";
import { TypeMapper } from "./gotypes.js";
import { claimName, pathElement, versionPackageName } from "./naming.js";
import { render } from "./render.js";
import { goQuote } from "./text.js";

const alias = (version: number): string => `v${version}`;
export const hookMethod = (hook: { name: readonly string[] }): string => goPascalCase(hook.name);
export const hooksInterface = (step: { from: number; to: number }): string => `V${step.from}ToV${step.to}Hooks`;
export const upgradeFunction = (from: number, to: number): string => `UpgradeV${from}ToV${to}`;

/** Package directory and name of an entity's upgrades. */
export function upgradePackage(entity: string): { dir: string; pkg: string } {
  return { dir: `${pathElement(entity)}/upgrade`, pkg: versionPackageName(entity, "upgrade") };
}

/** Go names of a module's declarations, behind the import alias `ns`, and a type mapper using them. */
export function qualified(module: Module, ns: string): { names: Map<string, string>; types: TypeMapper } {
  const taken = new Set<string>();
  const bare = declGoNames(module, taken);
  const names = new Map([...bare].map(([id, n]) => [id, `${ns}.${n}`]));
  // The package claims helper names (Nullable, TupleN) after its declarations, as emitPackage does.
  const helpers = new Map<string, string>();
  const helper = (base: string): string => {
    if (!helpers.has(base)) helpers.set(base, claimName(base, taken, "Value"));
    return `${ns}.${helpers.get(base)!}`;
  };
  return { names, types: new TypeMapper(new Map(module.decls.map((d) => [d.id, d])), names, helper) };
}

function emitStep(step: Step): string[] {
  const oldQ = qualified(step.oldModule, alias(step.from));
  const newQ = qualified(step.newModule, alias(step.to));
  const oldType = oldQ.names.get(step.oldRoot)!;
  const newType = newQ.names.get(step.newRoot)!;
  const iface = hooksInterface(step);
  const hooked = needsHooks(step);
  const lines: string[] = [];
  if (hooked) {
    lines.push(`// ${iface} gives what lockstep cannot derive when upgrading v${step.from} data to v${step.to}: your code.`, `type ${iface} interface {`);
    if (step.rootHook) lines.push(`\t// ${hookMethod(step.rootHook)}: ${oneLine(step.rootHook.reason)}.`, `\t${hookMethod(step.rootHook)}(old ${oldType}) ${newType}`);
    for (const h of step.hooks) {
      lines.push(`\t// ${hookMethod(h)}: ${oneLine(h.reason)}.`, `\t${hookMethod(h)}(old ${oldQ.names.get(h.oldDecl)!}) ${newQ.types.go(h.field.type)}`);
    }
    lines.push("}", "");
  }
  const fnName = (id: string): string => `v${step.from}ToV${step.to}Part${step.functions.findIndex((f) => f.id === id)}`;
  const hooksArg = (id: string): string => (step.hookUsers.has(id) ? ", hooks" : "");
  const apply = (plan: ValuePlan, x: string, depth: number): string => {
    const y = `x${depth}`;
    const lambda = (p: ValuePlan): string => `func(${y} any) (any, error) { return ${apply(p, y, depth + 1)} }`;
    switch (plan.kind) {
      case "call":
        return `${fnName(plan.fn)}(${x}${hooksArg(plan.fn)})`;
      case "array":
        return `lockstepArray(${x}, ${lambda(plan.items)})`;
      case "map":
        return `lockstepMap(${x}, ${lambda(plan.values)})`;
      case "nullable":
        return `lockstepNullable(${x}, ${lambda(plan.inner)})`;
      case "tuple":
        return `lockstepTuple(${x}, []func(any) (any, error){${plan.items.map((p) => (p ? lambda(p) : "nil")).join(", ")}})`;
    }
  };
  const params = [`old ${oldType}`, ...(hooked ? [`hooks ${iface}`] : [])];
  lines.push(`// ${upgradeFunction(step.from, step.to)} upgrades v${step.from} data to v${step.to} (see docs/migrations.md).`, `func ${upgradeFunction(step.from, step.to)}(${params.join(", ")}) (${newType}, error) {`);
  if (step.rootHook) lines.push(`\treturn hooks.${hookMethod(step.rootHook)}(old), nil`);
  else {
    lines.push(`\tvar out ${newType}`, "\ttree, err := lockstepTree(old)", "\tif err != nil {", "\t\treturn out, err", "\t}");
    if (step.root) lines.push(`\tif tree, err = ${apply(step.root, "tree", 0)}; err != nil {`, "\t\treturn out, err", "\t}");
    lines.push("\terr = lockstepFromTree(tree, &out)", "\treturn out, err");
  }
  lines.push("}");
  for (const fn of step.functions) {
    const fnParams = ["v any", ...(step.hookUsers.has(fn.id) ? [`hooks ${iface}`] : [])];
    lines.push("", `func ${fnName(fn.id)}(${fnParams.join(", ")}) (any, error) {`, ...body(fn, oldQ.names, apply, fnName, hooksArg), "}");
  }
  return lines;
}

const oneLine = (text: string): string => text.replace(/[\r\n\u2028\u2029]+/g, " ");

function body(fn: DeclFunction, oldNames: Map<string, string>, apply: (p: ValuePlan, x: string, d: number) => string, fnName: (id: string) => string, hooksArg: (id: string) => string): string[] {
  switch (fn.kind) {
    case "alias":
      return [`\treturn ${apply(fn.plan, "v", 0)}`];
    case "kind-union":
      return [
        ...fn.variants.flatMap((variant) => [`\tif _, ok := v.(${variant.kind === "array" ? "[]any" : "map[string]any"}); ok {`, `\t\treturn ${apply(variant.plan, "v", 0)}`, "\t}"]),
        "\treturn v, nil",
      ];
    case "tagged-union":
      return [
        "\to, ok := v.(map[string]any)",
        "\tif !ok {",
        "\t\treturn v, nil",
        "\t}",
        `\tswitch o[${goQuote(fn.tag)}] {`,
        ...fn.variants.flatMap((variant) => [`\tcase ${goQuote(variant.tagValue)}:`, `\t\treturn ${fnName(variant.fn)}(v${hooksArg(variant.fn)})`]),
        "\t}",
        "\treturn v, nil",
      ];
    case "object": {
      const lines = ["\to, ok := v.(map[string]any)", "\tif !ok {", "\t\treturn v, nil", "\t}"];
      if (fn.steps.some((s) => s.hookWhenPresent || s.fillHook)) {
        // A variant's type does not read its union's tag: a typed additionalProperties would refuse it.
        const fields = fn.variantTag === undefined ? "o" : `lockstepWithout(o, ${goQuote(fn.variantTag)})`;
        lines.push(`\tvar before ${oldNames.get(fn.oldDecl)!}`, `\tif err := lockstepFromTree(${fields}, &before); err != nil {`, "\t\treturn v, err", "\t}");
      }
      const set = (key: string, expr: string, pad: string): string[] => [
        `${pad}value, err := ${expr}`,
        `${pad}if err != nil {`,
        `${pad}\treturn v, err`,
        `${pad}}`,
        `${pad}o[${key}] = value`,
      ];
      const hookValue = (h: Hook): string => `lockstepEncode(hooks.${hookMethod(h)}(before))`;
      for (const s of fn.steps) {
        const key = goQuote(s.wire);
        if (s.from !== undefined) lines.push(`\tif moved, ok := o[${goQuote(s.from)}]; ok {`, `\t\to[${key}] = moved`, `\t\tdelete(o, ${goQuote(s.from)})`, "\t}");
        const present = s.hookWhenPresent ? set(key, hookValue(s.hookWhenPresent), "\t\t") : s.value ? set(key, apply(s.value, "x", 0), "\t\t") : undefined;
        const absent = s.fillDefault !== undefined ? [`\t\to[${key}] = json.RawMessage(${goQuote(s.fillDefault)})`] : s.fillHook ? set(key, hookValue(s.fillHook), "\t\t") : undefined;
        const head = `\tif ${present && !s.hookWhenPresent ? "x" : "_"}, ok := o[${key}]; ${present ? "ok" : "!ok"} {`;
        if (present && absent) lines.push(head, ...present, "\t} else {", ...absent, "\t}");
        else if (present) lines.push(head, ...present, "\t}");
        else if (absent) lines.push(head, ...absent, "\t}");
      }
      if (fn.keep) {
        lines.push("\tfor key := range o {", "\t\tswitch key {", `\t\tcase ${fn.keep.map(goQuote).join(", ")}:`, "\t\tdefault:", "\t\t\tdelete(o, key)", "\t\t}", "\t}");
      }
      lines.push("\treturn o, nil");
      return lines;
    }
  }
}

function emitChain(steps: Step[]): string[] {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const oldType = qualified(first.oldModule, alias(first.from)).names.get(first.oldRoot)!;
  const newType = qualified(last.newModule, alias(last.to)).names.get(last.newRoot)!;
  const params = [`old ${oldType}`, ...steps.filter(needsHooks).map((s) => `hooksV${s.from}ToV${s.to} ${hooksInterface(s)}`)];
  const name = upgradeFunction(first.from, last.to);
  const lines = [`// ${name} upgrades v${first.from} data to v${last.to}, one step after the other.`, `func ${name}(${params.join(", ")}) (${newType}, error) {`];
  steps.forEach((s, i) => {
    const input = i === 0 ? "old" : `atV${s.from}`;
    const call = `${upgradeFunction(s.from, s.to)}(${input}${needsHooks(s) ? `, hooksV${s.from}ToV${s.to}` : ""})`;
    if (i === steps.length - 1) lines.push(`\treturn ${call}`);
    else lines.push(`\tatV${s.to}, err := ${call}`, "\tif err != nil {", `\t\tvar zero ${newType}`, "\t\treturn zero, err", "\t}");
  });
  lines.push("}");
  return lines;
}

/** One package per entity with steps: upgrade.go. `importPath` maps a module to its import path. */
export function emitUpgrades(steps: readonly Step[], importPath: (module: Module) => string, header: (modules: Module[]) => string[]): GeneratedFile[] {
  const byEntity = new Map<string, Step[]>();
  for (const s of steps) byEntity.set(s.entity, [...(byEntity.get(s.entity) ?? []), s]);
  const files: GeneratedFile[] = [];
  for (const [entity, list] of byEntity) {
    const { dir, pkg } = upgradePackage(entity);
    const modules = new Map<number, Module>();
    for (const s of list) modules.set(s.from, s.oldModule).set(s.to, s.newModule);
    const blocks: string[] = [];
    for (const s of list) blocks.push(emitStep(s).join("\n"));
    for (let i = 0; i + 1 < list.length; i++) blocks.push(emitChain(list.slice(i)).join("\n"));
    const text = blocks.join("\n");
    const imports = [...modules]
      .filter(([v]) => text.includes(`${alias(v)}.`))
      .map(([v, m]) => ({ path: importPath(m), line: `${alias(v)} ${goQuote(importPath(m))}` }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map((i) => i.line);
    const helpers = ["lockstepArray", "lockstepMap", "lockstepNullable", "lockstepTuple", "lockstepEncode", "lockstepWithout"].filter((h) => text.includes(`${h}(`));
    files.push({
      path: `${dir}/upgrade.go`,
      contents: render("upgrade.go", { header: header([...modules.values()]), pkg, imports, blocks, helpers: Object.fromEntries(helpers.map((h) => [h, true])), json: text.includes("json.") || helpers.includes("lockstepEncode") }),
    });
  }
  return files;
}

/**
 * Upgrade functions (src/ir/upgrade.ts plans) as Rust: `src/<entity>/upgrade.rs` per entity with
 * older versions. The older value is serialized, its JSON rewritten in place by the plan, and
 * deserialized as the newer type; hooks are the methods of one trait per step. Lines are kept the
 * way rustfmt prints them (the crate passes rustfmt --check).
 */
import type { Decl, Module } from "../../ir/types.js";
import { needsHooks, type DeclFunction, type Hook, type Step, type ValuePlan } from "../../ir/upgrade.js";
import { ModuleContext } from "./context.js";
import { MAX_WIDTH } from "./layout.js";
import { moduleName, snakeName, typeName } from "./naming.js";
import { render } from "./render.js";
import { ifCall, insertCall, letValue, removeCall, tagArm, tagOf, traitMethod } from "./upgrade-layout.js";
import { lineComments, rustString } from "./text.js";

/** Rust path prefix of a module's types from `crate::<entity>::upgrade`. */
function prefix(module: Module): string {
  return module.path.length === 0 ? "crate" : moduleName(module.path[1]!);
}

/** Types of a module spelled with their module prefix (`v2::Address`, `crate::User`). */
class QualifiedContext extends ModuleContext {
  constructor(module: Module, runtime: string, private readonly at: string) {
    super(module, runtime);
  }

  override name(id: string): string {
    return `${this.at}::${super.name(id)}`;
  }

  /** From a test crate (`::<crate>::v1`), runtime helpers (Int64AsString) are the crate's too. */
  override helper(name: string): string {
    const root = this.at.startsWith("::") ? this.at.split("::")[1] : undefined;
    return root ? `::${root}::${this.runtime}::${name}` : super.helper(name);
  }
}

export const hookMethod = (hook: { name: readonly string[] }): string => snakeName(hook.name);
export const hooksTrait = (step: { from: number; to: number }): string => `V${step.from}ToV${step.to}Hooks`;
export const upgradeFunction = (from: number, to: number): string => `upgrade_v${from}_to_v${to}`;

const declOf = (module: Module, id: string): Decl => module.decls.find((d) => d.id === id)!;

/** `fn name(params) -> ret {` on one line when it fits, else one parameter per line (rustfmt). */
function signature(indent: string, head: string, params: string[], ret: string): string[] {
  const one = `${indent}${head}(${params.join(", ")}) -> ${ret} {`;
  if (one.length <= MAX_WIDTH) return [one];
  return [`${indent}${head}(`, ...params.map((p) => `${indent}    ${p},`), `${indent}) -> ${ret} {`];
}

/** A statement `lhs = call(arg)?;` style line broken the way rustfmt breaks a long call argument. */
function fits(line: string, broken: () => string[]): string[] {
  return line.length <= MAX_WIDTH ? [line] : broken();
}

/** The hook methods of a step's trait: name, input and return types (modules spelled by `at`). */
export function hookSignatures(step: Step, runtime: string, at: (module: Module) => string): Array<{ name: string; doc: string; input: string; ret: string; hook: { name: readonly string[] } }> {
  const newCtx = new QualifiedContext(step.newModule, runtime, at(step.newModule));
  const oldType = (id: string): string => `${at(step.oldModule)}::${typeName(declOf(step.oldModule, id).name)}`;
  const out: Array<{ name: string; doc: string; input: string; ret: string; hook: { name: readonly string[] } }> = [];
  if (step.rootHook) out.push({ name: hookMethod(step.rootHook), doc: `${step.rootHook.reason}.`, input: oldType(step.oldRoot), ret: `${at(step.newModule)}::${typeName(declOf(step.newModule, step.newRoot).name)}`, hook: step.rootHook });
  for (const h of step.hooks) {
    const target = `${typeName(declOf(step.newModule, h.newDecl).name)}.${h.field.wireName}`;
    out.push({ name: hookMethod(h), doc: `${h.reason} (${target}).`, input: oldType(h.oldDecl), ret: newCtx.rust(h.field.type), hook: h });
  }
  return out;
}

function emitStep(step: Step, runtime: string): string[] {
  const oldAt = prefix(step.oldModule);
  const oldType = `${oldAt}::${typeName(declOf(step.oldModule, step.oldRoot).name)}`;
  const newType = `${prefix(step.newModule)}::${typeName(declOf(step.newModule, step.newRoot).name)}`;
  const trait = hooksTrait(step);
  const lines: string[] = [];
  const hooked = needsHooks(step);
  if (hooked) {
    lines.push(`/// What lockstep cannot derive when upgrading v${step.from} data to v${step.to}: your code gives these values.`, `pub trait ${trait} {`);
    for (const m of hookSignatures(step, runtime, prefix)) {
      lines.push(...lineComments(m.doc).map((l) => `    /${l}`));
      lines.push(...traitMethod("    ", `fn ${m.name}`, ["&self", `old: &${m.input}`], m.ret));
    }
    lines.push("}", "");
  }
  const fnName = (id: string): string => `v${step.from}_to_v${step.to}_part${step.functions.findIndex((f) => f.id === id)}`;
  const hooksArg = (id: string): string => (step.hookUsers.has(id) ? ", hooks" : "");
  const params = [`old: &${oldType}`, ...(hooked ? [`hooks: &impl ${trait}`] : [])];
  lines.push(`/// Upgrades v${step.from} data to v${step.to} (see docs/migrations.md).`, ...signature("", `pub fn ${upgradeFunction(step.from, step.to)}`, params, `Result<${newType}, serde_json::Error>`));
  if (step.rootHook) lines.push(`    Ok(hooks.${hookMethod(step.rootHook)}(old))`);
  else {
    lines.push(`    ${step.root ? "let mut" : "let"} json = serde_json::to_value(old)?;`);
    if (step.root) lines.push(...apply(step.root, "&mut json", 0, "    ", fnName, hooksArg));
    lines.push("    serde_json::from_value(json)");
  }
  lines.push("}");
  for (const fn of step.functions) {
    const fnParams = ["v: &mut Value", ...(step.hookUsers.has(fn.id) ? [`hooks: &impl ${trait}`] : [])];
    lines.push("", ...signature("", `fn ${fnName(fn.id)}`, fnParams, "Result<(), serde_json::Error>"), ...body(fn, step, oldAt, fnName, hooksArg), "}");
  }
  return lines;
}

/** Statements rewriting `x` (an expression of type &mut Value) by plan. */
function apply(plan: ValuePlan, x: string, depth: number, indent: string, fnName: (id: string) => string, hooksArg: (id: string) => string): string[] {
  const inner = `${indent}    `;
  const item = `x${depth}`;
  const rec = (p: ValuePlan, at: string, pad: string): string[] => apply(p, at, depth + 1, pad, fnName, hooksArg);
  switch (plan.kind) {
    case "call":
      return [`${indent}${fnName(plan.fn)}(${x}${hooksArg(plan.fn)})?;`];
    case "array":
      return [`${indent}if let Value::Array(items${depth}) = ${x} {`, `${inner}for ${item} in items${depth} {`, ...rec(plan.items, item, `${inner}    `), `${inner}}`, `${indent}}`];
    case "map":
      return [`${indent}if let Value::Object(map${depth}) = ${x} {`, `${inner}for ${item} in map${depth}.values_mut() {`, ...rec(plan.values, item, `${inner}    `), `${inner}}`, `${indent}}`];
    case "nullable":
      return [`${indent}if !Value::is_null(${x}) {`, ...rec(plan.inner, x, inner), `${indent}}`];
    case "tuple":
      return [
        `${indent}if let Value::Array(items${depth}) = ${x} {`,
        ...plan.items.flatMap((p, i) => (p ? [`${inner}if let Some(${item}) = items${depth}.get_mut(${i}) {`, ...rec(p, item, `${inner}    `), `${inner}}`] : [])),
        `${indent}}`,
      ];
  }
}

function body(fn: DeclFunction, step: Step, oldAt: string, fnName: (id: string) => string, hooksArg: (id: string) => string): string[] {
  switch (fn.kind) {
    case "alias":
      return [...apply(fn.plan, "v", 0, "    ", fnName, hooksArg), "    Ok(())"];
    case "kind-union":
      return [
        ...fn.variants.flatMap((variant) => {
          const test = variant.kind === "array" ? "v.is_array()" : "v.is_object()";
          return [`    if ${test} {`, ...apply(variant.plan, "&mut *v", 0, "        ", fnName, hooksArg), "    }"];
        }),
        "    Ok(())",
      ];
    case "tagged-union":
      return [
        ...tagOf(rustString(fn.tag)),
        "    match tag.as_deref() {",
        ...fn.variants.flatMap((variant) => tagArm(rustString(variant.tagValue), `${fnName(variant.fn)}(v${hooksArg(variant.fn)})`)),
        "        _ => Ok(()),",
        "    }",
      ];
    case "object": {
      const lines = ["    let Value::Object(o) = v else {", "        return Ok(());", "    };"];
      if (fn.steps.some((s) => s.hookWhenPresent || s.fillHook)) {
        const type = `${oldAt}::${typeName(declOf(step.oldModule, fn.oldDecl).name)}`;
        // A variant's type does not read its union's tag: a typed additionalProperties would refuse it.
        const fields = fn.variantTag === undefined ? "o.clone()" : "fields";
        if (fn.variantTag !== undefined) lines.push("    let mut fields = o.clone();", ...removeCall("    ", "fields", rustString(fn.variantTag)));
        lines.push(...fits(`    let before: ${type} = serde_json::from_value(Value::Object(${fields}))?;`, () => [`    let before: ${type} =`, `        serde_json::from_value(Value::Object(${fields}))?;`]));
      }
      const hookValue = (h: Hook, pad: string): string[] => letValue(pad, "serde_json::to_value", `hooks.${hookMethod(h)}(&before)`);
      for (const s of fn.steps) {
        const key = rustString(s.wire);
        if (s.from !== undefined) lines.push(...ifCall("    ", "if let Some(moved) = ", "o", "remove", rustString(s.from)), ...insertCall("        ", "o", key, "moved"), "    }");
        const present = s.hookWhenPresent ? [...hookValue(s.hookWhenPresent, "        "), "        *x = value;"] : s.value ? apply(s.value, "x", 0, "        ", fnName, hooksArg) : undefined;
        const absent = s.fillDefault !== undefined
          ? [...letValue("        ", "serde_json::from_str", rustString(s.fillDefault)), ...insertCall("        ", "o", key, "value")]
          : s.fillHook ? [...hookValue(s.fillHook, "        "), ...insertCall("        ", "o", key, "value")] : undefined;
        const getMut = (): string[] => ifCall("    ", "if let Some(x) = ", "o", "get_mut", key);
        if (present && absent) lines.push(...getMut(), ...present, "    } else {", ...absent, "    }");
        else if (present) lines.push(...getMut(), ...present, "    }");
        else if (absent) lines.push(...ifCall("    ", "if !", "o", "contains_key", key), ...absent, "    }");
      }
      if (fn.keep) {
        // One fixed-shape statement per kept key: no list whose layout rustfmt would choose.
        lines.push("    let mut kept = serde_json::Map::new();");
        for (const k of fn.keep) lines.push(...ifCall("    ", "if let Some(value) = ", "o", "remove", rustString(k)), ...insertCall("        ", "kept", rustString(k), "value"), "    }");
        lines.push("    *o = kept;");
      }
      lines.push("    Ok(())");
      return lines;
    }
  }
}

function emitChain(steps: Step[]): string[] {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const oldType = `${prefix(first.oldModule)}::${typeName(declOf(first.oldModule, first.oldRoot).name)}`;
  const newType = `${prefix(last.newModule)}::${typeName(declOf(last.newModule, last.newRoot).name)}`;
  const params = [`old: &${oldType}`, ...steps.filter(needsHooks).map((s) => `hooks_v${s.from}_to_v${s.to}: &impl ${hooksTrait(s)}`)];
  const lines = [`/// Upgrades v${first.from} data to v${last.to}, one step after the other.`, ...signature("", `pub fn ${upgradeFunction(first.from, last.to)}`, params, `Result<${newType}, serde_json::Error>`)];
  steps.forEach((s, i) => {
    const input = i === 0 ? "old" : `&v${s.from}`;
    const call = `${upgradeFunction(s.from, s.to)}(${input}${needsHooks(s) ? `, hooks_v${s.from}_to_v${s.to}` : ""})`;
    lines.push(i === steps.length - 1 ? `    ${call}` : `    let v${s.to} = ${call}?;`);
  });
  lines.push("}");
  return lines;
}

/** `src/<entity dir>/upgrade.rs` for every entity with steps, by the entity's module name. */
export function emitUpgrades(steps: readonly Step[], runtime: string, header: (modules: Module[]) => string[]): Map<string, string> {
  const byEntity = new Map<string, Step[]>();
  for (const s of steps) byEntity.set(s.entity, [...(byEntity.get(s.entity) ?? []), s]);
  const out = new Map<string, string>();
  for (const [entity, list] of byEntity) {
    const modules = [...new Set(list.flatMap((s) => [s.oldModule, s.newModule]))];
    const versions = modules.filter((m) => m.path.length > 0).map((m) => moduleName(m.path[1]!));
    const blocks: string[][] = [];
    for (const s of list) blocks.push(emitStep(s, runtime));
    for (let i = 0; i + 1 < list.length; i++) blocks.push(emitChain(list.slice(i)));
    const text = blocks.map((b) => b.join("\n")).join("\n\n");
    const imports = [versions.length === 1 ? `use super::${versions[0]};` : `use super::{${versions.join(", ")}};`];
    if (/\bValue\b/.test(text)) imports.push("use serde_json::Value;");
    if (/\bBTreeMap\b/.test(text)) imports.push("use std::collections::BTreeMap;");
    out.set(moduleName(entity), render("upgrade.rs", { header: header(modules), imports, items: text }));
  }
  return out;
}

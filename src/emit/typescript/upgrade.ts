/**
 * Upgrade functions (src/ir/upgrade.ts plans) as TypeScript: `<entity>/upgrade.ts` per entity with
 * older versions, exporting upgradeV1ToV2(old, hooks) … and chains to the newest version. The
 * older value is encoded, its JSON rewritten by the plan, and the result decoded as the newer type.
 * Hooks are methods of one interface per step, passed as a parameter.
 */
import { camelCase } from "../../ir/casing.js";
import type { Decl, Module, TypeExpr } from "../../ir/types.js";
import { needsHooks, type DeclFunction, type Hook, type Step, type ValuePlan } from "../../ir/upgrade.js";
import { decodeCall, encodeExpr, tsType, type DeclIndex } from "./codec.js";
import { decoderName, encoderName, lineCommentText, tsString, typeName } from "./naming.js";

/** Output path of an entity's upgrades. */
export const upgradePath = (entity: string): string => `${entity}/upgrade.ts`;

const alias = (version: number): string => `v${version}`;

/** Import specifier of a module from `<entity>/upgrade.ts`. */
function importOf(module: Module): string {
  return module.path.length === 0 ? "../index.js" : `./${module.path[1]}.js`;
}

/**
 * The codec helpers print a module's own names bare; here they live behind a namespace import,
 * so each generated name (type, decoder, encoder) gets the prefix. Other identifiers in that text
 * are rt.*, keywords and lambda parameters, which no declaration name can equal.
 */
function qualifier(module: Module, ns: string): (text: string) => string {
  const names = new Set(module.decls.flatMap((d) => [typeName(d.name), decoderName(d.name), encoderName(d.name)]));
  return (text) => text.replace(/(?<![.\w$])[A-Za-z_$][\w$]*/g, (id) => (names.has(id) ? `${ns}.${id}` : id));
}

export const hookMethod = (hook: { name: readonly string[] }): string => camelCase(hook.name);
export const hooksInterface = (step: Step): string => `V${step.from}ToV${step.to}Hooks`;
export const upgradeFunction = (from: number, to: number): string => `upgradeV${from}ToV${to}`;

function declOf(module: Module, id: string): Decl {
  return module.decls.find((d) => d.id === id)!;
}

/** One step: the hooks interface, the exported function and its private rewrite functions. */
function emitStep(step: Step): string[] {
  const oldNs = alias(step.from);
  const newNs = alias(step.to);
  const newDecls: DeclIndex = new Map(step.newModule.decls.map((d) => [d.id, d]));
  const q = qualifier(step.newModule, newNs);
  const oldRoot = declOf(step.oldModule, step.oldRoot);
  const newRoot = declOf(step.newModule, step.newRoot);
  const oldType = `${oldNs}.${typeName(oldRoot.name)}`;
  const newType = `${newNs}.${typeName(newRoot.name)}`;
  const iface = hooksInterface(step);
  const hooked = needsHooks(step);
  const lines: string[] = [];
  if (hooked) {
    lines.push(`/** What lockstep cannot derive when upgrading ${lineCommentText(step.entity)} v${step.from} data to v${step.to}: your code gives these values. */`, `export interface ${iface} {`);
    if (step.rootHook) lines.push(`  /** ${lineCommentText(step.rootHook.reason)}. */`, `  ${hookMethod(step.rootHook)}(old: ${oldType}): ${newType};`);
    for (const h of step.hooks) {
      const input = `${oldNs}.${typeName(declOf(step.oldModule, h.oldDecl).name)}`;
      lines.push(`  /** ${lineCommentText(`${h.reason} (${h.field.wireName} of ${typeName(declOf(step.newModule, h.newDecl).name)})`)}. */`, `  ${hookMethod(h)}(old: ${input}): ${q(tsType(h.field.type, newDecls))};`);
    }
    lines.push("}", "");
  }
  const fnName = (id: string): string => `v${step.from}ToV${step.to}Part${step.functions.findIndex((f) => f.id === id)}`;
  const hooksArg = (id: string): string => (step.hookUsers.has(id) ? ", hooks" : "");
  /** An expression: the rewrite of `value` (a rt.JsonValue expression) by plan. */
  const apply = (plan: ValuePlan, value: string, depth: number): string => {
    const x = `x${depth}`;
    switch (plan.kind) {
      case "call":
        return `${fnName(plan.fn)}(${value}${hooksArg(plan.fn)})`;
      case "array":
        return `lockstepArray(${value}, (${x}) => ${apply(plan.items, x, depth + 1)})`;
      case "map":
        return `lockstepMap(${value}, (${x}) => ${apply(plan.values, x, depth + 1)})`;
      case "nullable":
        return `lockstepNullable(${value}, (${x}) => ${apply(plan.inner, x, depth + 1)})`;
      case "tuple":
        return `lockstepTuple(${value}, [${plan.items.map((i) => (i ? `(${x}) => ${apply(i, x, depth + 1)}` : "undefined")).join(", ")}])`;
    }
  };
  // The hook's answer is bound once: an encoder may name its value twice (a nullable one tests it
  // for null first), and a hook is your code, to be called once.
  const hookValue = (h: Hook, local: string): Put => {
    const call = `hooks.${hookMethod(h)}(before)`;
    const inline = q(encodeExpr(h.field.type, call, newDecls));
    if (inline.split(call).length <= 2) return { value: inline };
    return { setup: `const ${local} = ${call};`, value: q(encodeExpr(h.field.type, local, newDecls)) };
  };
  const sig = hooked ? `old: ${oldType}, hooks: ${iface}` : `old: ${oldType}`;
  lines.push(`/** Upgrades ${lineCommentText(step.entity)} v${step.from} data to v${step.to} (see docs/migrations.md). */`, `export function ${upgradeFunction(step.from, step.to)}(${sig}): ${newType} {`);
  if (step.rootHook) lines.push(`  return hooks.${hookMethod(step.rootHook)}(old);`);
  else {
    lines.push(`  const json = rt.parseJson(rt.stringifyJson(${oldNs}.${encoderName(oldRoot.name)}(old)));`);
    lines.push(`  return ${newNs}.${decoderName(newRoot.name)}(${step.root ? apply(step.root, "json", 0) : "json"});`);
  }
  lines.push("}");
  for (const fn of step.functions) {
    const hooksParam = step.hookUsers.has(fn.id) ? `, hooks: ${iface}` : "";
    lines.push("", `function ${fnName(fn.id)}(v: rt.JsonValue${hooksParam}): rt.JsonValue {`, ...functionBody(fn, step, apply, hookValue), "}");
  }
  return lines;
}

/** A value to put: an expression, after a statement that binds what it names. */
interface Put {
  setup?: string;
  value: string;
}

/** `if (cond) rt.put(v, key, value);`, as a block when the value needs its setup statement. */
function putIf(keyword: string, cond: string | undefined, key: string, put: Put): string[] {
  const head = `  ${keyword}${cond === undefined ? "" : `if (${cond}) `}`;
  const stmt = `rt.put(v, ${key}, ${put.value});`;
  return put.setup === undefined ? [`${head}${stmt}`] : [`${head}{`, `    ${put.setup}`, `    ${stmt}`, "  }"];
}

function functionBody(fn: DeclFunction, step: Step, apply: (p: ValuePlan, v: string, d: number) => string, hookValue: (h: Hook, local: string) => Put): string[] {
  switch (fn.kind) {
    case "alias":
      return [`  return ${apply(fn.plan, "v", 0)};`];
    case "tagged-union":
      return [
        "  if (!lockstepIsObject(v)) return v;",
        `  const tag = rt.get(v, ${tsString(fn.tag)});`,
        ...fn.variants.map((variant) => `  if (tag === ${tsString(variant.tagValue)}) return ${apply({ kind: "call", fn: variant.fn }, "v", 0)};`),
        "  return v;",
      ];
    case "kind-union":
      return [...fn.variants.map((variant) => `  if (rt.kindOf(v) === ${tsString(variant.kind)}) return ${apply(variant.plan, "v", 0)};`), "  return v;"];
    case "object": {
      const lines = ["  if (!lockstepIsObject(v)) return v;"];
      if (fn.steps.some((s) => s.hookWhenPresent || s.fillHook)) {
        lines.push(`  const before = v${step.from}.${decoderName(declOf(step.oldModule, fn.oldDecl).name)}(v);`);
      }
      fn.steps.forEach((s, i) => {
        const key = tsString(s.wire);
        if (s.from !== undefined) {
          const from = tsString(s.from);
          lines.push(`  if (rt.get(v, ${from}) !== undefined) {`, `    rt.put(v, ${key}, rt.get(v, ${from})!);`, `    delete v[${from}];`, "  }");
        }
        const present: Put | undefined = s.hookWhenPresent ? hookValue(s.hookWhenPresent, `h${i}`) : s.value ? { value: apply(s.value, `f${i}`, 0) } : undefined;
        const absent: Put | undefined = s.fillDefault !== undefined ? { value: `rt.parseJson(${tsString(s.fillDefault)})` } : s.fillHook ? hookValue(s.fillHook, `h${i}`) : undefined;
        if (present || absent) lines.push(`  const f${i} = rt.get(v, ${key});`);
        if (present) lines.push(...putIf("", `f${i} !== undefined`, key, present));
        if (absent && !present) lines.push(...putIf("", `f${i} === undefined`, key, absent));
        else if (absent) {
          const orElse = putIf("else ", undefined, key, absent);
          // `} else` on one line, as formatters print it.
          if (lines[lines.length - 1] === "  }") orElse[0] = `${lines.pop()} ${orElse[0]!.trimStart()}`;
          lines.push(...orElse);
        }
      });
      if (fn.keep) {
        lines.push(`  const keep = new Set<string>([${fn.keep.map(tsString).join(", ")}]);`, "  for (const key of Object.keys(v)) if (!keep.has(key)) delete v[key];");
      }
      lines.push("  return v;");
      return lines;
    }
  }
}

/** Helpers every upgrade file shares; the `lockstep` prefix keeps them apart from imports. */
const HELPERS: Array<{ name: string; lines: string[] }> = [
  {
    name: "lockstepIsObject",
    lines: [
      "function lockstepIsObject(v: rt.JsonValue): v is rt.JsonObject {",
      '  return typeof v === "object" && v !== null && !Array.isArray(v);',
      "}",
    ],
  },
  {
    name: "lockstepArray",
    lines: [
      "function lockstepArray(v: rt.JsonValue, f: (x: rt.JsonValue) => rt.JsonValue): rt.JsonValue {",
      "  return Array.isArray(v) ? v.map(f) : v;",
      "}",
    ],
  },
  {
    name: "lockstepMap",
    lines: [
      "function lockstepMap(v: rt.JsonValue, f: (x: rt.JsonValue) => rt.JsonValue): rt.JsonValue {",
      "  if (!lockstepIsObject(v)) return v;",
      "  for (const key of Object.keys(v)) rt.put(v, key, f(v[key]!));",
      "  return v;",
      "}",
    ],
  },
  {
    name: "lockstepNullable",
    lines: [
      "function lockstepNullable(v: rt.JsonValue, f: (x: rt.JsonValue) => rt.JsonValue): rt.JsonValue {",
      "  return v === null ? null : f(v);",
      "}",
    ],
  },
  {
    name: "lockstepTuple",
    lines: [
      "function lockstepTuple(v: rt.JsonValue, fs: Array<((x: rt.JsonValue) => rt.JsonValue) | undefined>): rt.JsonValue {",
      "  return Array.isArray(v) ? v.map((x, i) => fs[i]?.(x) ?? x) : v;",
      "}",
    ],
  },
];

/** A chain vA → vB through every step in between; each step with hooks adds its parameter. */
function emitChain(steps: Step[]): string[] {
  const first = steps[0]!;
  const last = steps[steps.length - 1]!;
  const oldRoot = declOf(first.oldModule, first.oldRoot);
  const newRoot = declOf(last.newModule, last.newRoot);
  const params = [`old: ${alias(first.from)}.${typeName(oldRoot.name)}`, ...steps.filter(needsHooks).map((s) => `hooksV${s.from}ToV${s.to}: ${hooksInterface(s)}`)];
  let value = "old";
  for (const s of steps) value = `${upgradeFunction(s.from, s.to)}(${value}${needsHooks(s) ? `, hooksV${s.from}ToV${s.to}` : ""})`;
  return [
    `/** Upgrades ${lineCommentText(first.entity)} v${first.from} data to v${last.to}, one step after the other. */`,
    `export function ${upgradeFunction(first.from, last.to)}(${params.join(", ")}): ${alias(last.to)}.${typeName(newRoot.name)} {`,
    `  return ${value};`,
    "}",
  ];
}

/** `<entity>/upgrade.ts` for every entity with consecutive steps. */
export function emitUpgrades(steps: readonly Step[], header: (modules: Module[]) => string[]): Array<{ path: string; contents: string }> {
  const byEntity = new Map<string, Step[]>();
  for (const s of steps) byEntity.set(s.entity, [...(byEntity.get(s.entity) ?? []), s]);
  const files: Array<{ path: string; contents: string }> = [];
  for (const [entity, list] of byEntity) {
    const modules = new Map<number, Module>();
    for (const s of list) modules.set(s.from, s.oldModule).set(s.to, s.newModule);
    const blocks: string[][] = [[
      ...[...modules].sort(([a], [b]) => a - b).map(([v, m]) => `import * as ${alias(v)} from ${tsString(importOf(m))};`),
    ]];
    for (const s of list) blocks.push(emitStep(s));
    for (let i = 0; i + 1 < list.length; i++) {
      // Chains to the newest version, from every version but the last step's own.
      if (list[i]!.from + 1 === list[i + 1]!.from) blocks.push(emitChain(list.slice(i)));
    }
    const text = blocks.slice(1).map((b) => b.join("\n")).join("\n\n");
    // Steps that only call your hooks use no runtime (an unused import fails strict tsconfigs).
    if (/(?<![\w$.])rt\./.test(text)) blocks[0]!.unshift('import * as rt from "../runtime.js";');
    // Only the helpers this file calls (unused functions fail strict tsconfigs).
    const helpers = HELPERS.filter((h) => h.name === "lockstepIsObject" ? /lockstepIsObject\(/.test(text) || /lockstepMap\(/.test(text) : text.includes(`${h.name}(`));
    blocks.unshift(header([...new Set(list.flatMap((s) => [s.oldModule, s.newModule]))]));
    files.push({ path: upgradePath(entity), contents: `${[...blocks.map((b) => b.join("\n")), ...helpers.map((h) => h.lines.join("\n"))].join("\n\n")}\n` });
  }
  return files;
}

/** An expression decoding JSON text as a value of `type` of the step's newer module, behind `ns`. */
export function decodeNewer(step: Step, type: TypeExpr, ns: string, json: string): string {
  const newDecls: DeclIndex = new Map(step.newModule.decls.map((d) => [d.id, d]));
  return qualifier(step.newModule, ns)(decodeCall(type, `rt.parseJson(${tsString(json)})`, '""', newDecls));
}

/**
 * Upgrade plans: what turns data of one entity version into data of the next, derived from the
 * two IR modules alone. The plan works on the JSON of the older version (so unknown properties,
 * unknown enum values and unknown union tags carry over untouched) and names a hook wherever the
 * change cannot be derived: the emitters turn each hook into a trait / interface / parameter
 * method the user must implement, so a hole is a compile error, never a silent default.
 */
import type { Checks, Decl, Field, JsonKind, Module, ObjectDecl, TypeExpr, Words } from "./types.js";

/** How one JSON value is rewritten; `undefined` in a plan means "unchanged". */
export type ValuePlan =
  | { kind: "array"; items: ValuePlan }
  | { kind: "map"; values: ValuePlan }
  /** null stays null; any other value follows `inner`. */
  | { kind: "nullable"; inner: ValuePlan }
  | { kind: "tuple"; items: Array<ValuePlan | undefined> }
  /** The function of a declaration pair (by its id in Step.functions). */
  | { kind: "call"; fn: string };

/** A change lockstep cannot derive: the user's code gives the new property's value. */
export interface Hook {
  /** Unique within its step: the new object's name, then the property's ("user first name"). */
  name: Words;
  /** Why lockstep cannot derive it, for the doc comment. */
  reason: string;
  /** The older object the hook reads (its declaration id in the older module). */
  oldDecl: string;
  /** The property of the newer object it writes; its type is the hook's return type. */
  field: Field;
  /** Id of the newer object declaring `field`. */
  newDecl: string;
}

/** What happens to one property of the newer object. */
export interface FieldStep {
  /** Wire name in the newer version. */
  wire: string;
  /** Wire name in the older data when it differs (a declared rename): the value moves. */
  from?: string;
  /** Rewrites the value when present (types compatible). */
  value?: ValuePlan;
  /** Present values cannot be carried (the type changed): the hook gives the new one. */
  hookWhenPresent?: Hook;
  /** Absent but required in the newer version: this default (canonical JSON text), or the hook. */
  fillDefault?: string;
  fillHook?: Hook;
}

export type DeclFunction =
  | {
      kind: "object";
      id: string;
      oldDecl: string;
      newDecl: string;
      steps: FieldStep[];
      /** The newer object is closed: properties it does not declare (removed ones) are dropped. */
      keep?: string[];
      /**
       * The older object is a tagged union's variant: its data holds this tag, which is not a field
       * of the variant's type (the union reads it), so what the hooks are given is decoded without it.
       */
      variantTag?: string;
    }
  | { kind: "tagged-union"; id: string; tag: string; variants: Array<{ tagValue: string; fn: string }> }
  | { kind: "kind-union"; id: string; variants: Array<{ kind: JsonKind; plan: ValuePlan }> }
  | { kind: "alias"; id: string; plan: ValuePlan };

/** One upgrade step: entity vFrom → vTo. */
export interface Step {
  entity: string;
  from: number;
  to: number;
  oldModule: Module;
  newModule: Module;
  oldRoot: string;
  newRoot: string;
  /** The root's rewrite; undefined when the JSON carries over unchanged. */
  root?: ValuePlan;
  /** The whole entity changed beyond derivation: the hook gives the newer value (field unset). */
  rootHook?: { name: Words; reason: string };
  /** Functions of the declaration pairs that need one, in a stable order. */
  functions: DeclFunction[];
  hooks: Hook[];
  /** Ids of the functions that call a hook, themselves or through a function they call. */
  hookUsers: Set<string>;
}

/** The steps of one entity, in order, and where a step's hooks parameter is needed. */
export function needsHooks(step: Step): boolean {
  return step.hooks.length > 0 || step.rootHook !== undefined;
}

type Outcome = ValuePlan | undefined | "incompatible";

class Planner {
  private readonly oldDecls: Map<string, Decl>;
  private readonly newDecls: Map<string, Decl>;
  /** Declaration pairs met: their function (once planned) or "incompatible". */
  private readonly pairs = new Map<string, DeclFunction | "incompatible" | "pending">();
  readonly hooks: Hook[] = [];
  private readonly hookNames = new Set<string>();

  constructor(readonly oldModule: Module, readonly newModule: Module) {
    this.oldDecls = new Map(oldModule.decls.map((d) => [d.id, d]));
    this.newDecls = new Map(newModule.decls.map((d) => [d.id, d]));
  }

  /** The plan of a declaration pair; "incompatible" when data of one cannot be carried to the other. */
  pair(oldId: string, newId: string): Outcome {
    const key = `${oldId}\0${newId}`;
    const known = this.pairs.get(key);
    if (known === "incompatible") return "incompatible";
    if (known !== undefined) return { kind: "call", fn: key };
    this.pairs.set(key, "pending");
    const fn = this.planPair(key, this.oldDecls.get(oldId)!, this.newDecls.get(newId)!);
    this.pairs.set(key, fn);
    return fn === "incompatible" ? "incompatible" : { kind: "call", fn: key };
  }

  private planPair(id: string, a: Decl, b: Decl): DeclFunction | "incompatible" {
    if (a.kind === "alias" && b.kind === "alias") {
      const plan = this.value(a.type, b.type);
      return plan === "incompatible" ? plan : { kind: "alias", id, plan: plan ?? { kind: "tuple", items: [] } };
    }
    if (a.kind === "alias") {
      const plan = this.value(a.type, { kind: "ref", target: b.id, indirect: false });
      return plan === "incompatible" ? plan : { kind: "alias", id, plan: plan ?? { kind: "tuple", items: [] } };
    }
    if (b.kind === "alias") {
      const plan = this.value({ kind: "ref", target: a.id, indirect: false }, b.type);
      return plan === "incompatible" ? plan : { kind: "alias", id, plan: plan ?? { kind: "tuple", items: [] } };
    }
    if (a.kind !== b.kind) return "incompatible";
    if (a.kind === "object" && b.kind === "object") return this.object(id, a, b);
    if (a.kind === "enum" && b.kind === "enum") {
      const values = new Set(b.members.map((m) => m.value));
      return a.members.every((m) => values.has(m.value)) ? { kind: "alias", id, plan: { kind: "tuple", items: [] } } : "incompatible";
    }
    if (a.kind === "tagged-union" && b.kind === "tagged-union") {
      if (a.tag !== b.tag) return "incompatible";
      const variants: Array<{ tagValue: string; fn: string }> = [];
      for (const v of a.variants) {
        const w = b.variants.find((x) => x.tagValue === v.tagValue);
        if (!w) return "incompatible";
        const plan = this.pair(v.target, w.target);
        if (plan === "incompatible") return plan;
        if (plan?.kind === "call") variants.push({ tagValue: v.tagValue, fn: plan.fn });
      }
      return { kind: "tagged-union", id, tag: b.tag, variants };
    }
    if (a.kind === "kind-union" && b.kind === "kind-union") {
      const variants: Array<{ kind: JsonKind; plan: ValuePlan }> = [];
      for (const v of a.variants) {
        const w = b.variants.find((x) => x.kind === v.kind) ?? (v.kind === "integer" ? b.variants.find((x) => x.kind === "number") : undefined);
        if (!w) return "incompatible";
        const plan = this.value(v.type, w.type);
        if (plan === "incompatible") return plan;
        if (plan) variants.push({ kind: v.kind, plan });
      }
      return { kind: "kind-union", id, variants };
    }
    return "incompatible";
  }

  private object(id: string, a: ObjectDecl, b: ObjectDecl): DeclFunction {
    const steps: FieldStep[] = [];
    const newWire = new Set(b.fields.map((f) => f.wireName));
    for (const field of b.fields) {
      const old = a.fields.find((f) => f.wireName === field.wireName) ?? a.fields.find((f) => field.aliases.includes(f.wireName) && !newWire.has(f.wireName));
      const step: FieldStep = { wire: field.wireName };
      if (old && old.wireName !== field.wireName) step.from = old.wireName;
      if (old) {
        const plan = this.value(old.type, field.type);
        if (plan === "incompatible") step.hookWhenPresent = this.hook(a, b, field, `the type of ${JSON.stringify(field.wireName)} changed`);
        else if (plan) step.value = plan;
      }
      if (field.required && !(old?.required && !step.hookWhenPresent)) {
        if (field.defaultJson !== undefined) step.fillDefault = field.defaultJson;
        else step.fillHook = step.hookWhenPresent ?? this.hook(a, b, field, old ? `${JSON.stringify(field.wireName)} became required and has no default` : `new required property ${JSON.stringify(field.wireName)} has no default`);
      }
      if (step.from || step.value || step.hookWhenPresent || step.fillDefault !== undefined || step.fillHook) steps.push(step);
    }
    const fn: DeclFunction = { kind: "object", id, oldDecl: a.id, newDecl: b.id, steps };
    const oldUnion = a.variantOf === undefined ? undefined : this.oldDecls.get(a.variantOf);
    if (oldUnion?.kind === "tagged-union") fn.variantTag = oldUnion.tag;
    // Properties of the older data that the newer object has no place for (closed): dropped.
    // Only older data that may hold other properties needs them dropped.
    const moved = new Set(steps.map((s) => s.from));
    const extra = a.additional.kind !== "closed" || a.fields.some((f) => !newWire.has(f.wireName) && !moved.has(f.wireName));
    if (b.additional.kind === "closed" && extra) {
      const union = b.variantOf === undefined ? undefined : this.newDecls.get(b.variantOf);
      fn.keep = [...(union?.kind === "tagged-union" ? [union.tag] : []), ...b.fields.map((f) => f.wireName)];
    }
    return fn;
  }

  private hook(a: ObjectDecl, b: ObjectDecl, field: Field, reason: string): Hook {
    const base = [...b.name, ...field.name];
    let name: Words = base;
    for (let i = 2; this.hookNames.has(name.join("_")); i++) name = [...base, String(i)];
    this.hookNames.add(name.join("_"));
    const hook: Hook = { name, reason, oldDecl: a.id, field, newDecl: b.id };
    this.hooks.push(hook);
    return hook;
  }

  /** Follows non-recursive aliases of the older side for a plain comparison. */
  private unalias(t: TypeExpr, decls: Map<string, Decl>): TypeExpr {
    const seen = new Set<string>();
    let current = t;
    while (current.kind === "ref" && !seen.has(current.target)) {
      seen.add(current.target);
      const d = decls.get(current.target)!;
      if (d.kind !== "alias") break;
      current = d.type;
    }
    return current;
  }

  /** How a value of type `a` (older) becomes one of type `b` (newer). */
  value(a: TypeExpr, b: TypeExpr): Outcome {
    if (a.kind === "ref" && b.kind === "ref") return this.pair(a.target, b.target);
    const ua = this.unalias(a, this.oldDecls);
    const ub = this.unalias(b, this.newDecls);
    if (ua.kind === "ref" && ub.kind === "ref") return this.pair(ua.target, ub.target);
    if (ub.kind === "raw") return ua.kind === "raw" || ub.at === undefined ? undefined : "incompatible";
    if (ua.kind === "nullable") {
      if (ub.kind !== "nullable") return "incompatible";
      const inner = this.value(ua.inner, ub.inner);
      return inner === "incompatible" || inner === undefined ? inner : { kind: "nullable", inner };
    }
    if (ub.kind === "nullable") {
      const inner = this.value(ua, ub.inner);
      return inner === "incompatible" || inner === undefined ? inner : { kind: "nullable", inner };
    }
    if (ub.kind === "ref") {
      // A plain older value into a newer kind union or enum.
      const d = this.newDecls.get(ub.target)!;
      if (d.kind === "kind-union") {
        const kind = ua.kind === "ref" ? undefined : ua.kind;
        const v = d.variants.find((x) => x.kind === kind) ?? (kind === "integer" ? d.variants.find((x) => x.kind === "number") : undefined);
        return v ? this.value(ua, v.type) : "incompatible";
      }
      return "incompatible";
    }
    if (ua.kind === "ref") {
      // An older enum read as a plain string stays as it is.
      const d = this.oldDecls.get(ua.target)!;
      return d.kind === "enum" && ub.kind === "string" && looser(undefined, ub.checks) && ub.format === undefined ? undefined : "incompatible";
    }
    switch (ub.kind) {
      case "string":
        return ua.kind === "string" && (ub.format === undefined || ub.format === ua.format) && looser(ua.checks, ub.checks) ? undefined : "incompatible";
      case "integer":
        return ua.kind === "integer" && integerFits(ua, ub) && looser(ua.checks, ub.checks) ? undefined : "incompatible";
      case "number":
        return (ua.kind === "number" || (ua.kind === "integer" && wire(ua) === "number")) && looser(ua.checks, ub.checks) ? undefined : "incompatible";
      case "boolean":
        return ua.kind === "boolean" && looser(ua.checks, ub.checks) ? undefined : "incompatible";
      case "array": {
        if (ua.kind !== "array" || !looser(ua.checks, ub.checks)) return "incompatible";
        const items = this.value(ua.items, ub.items);
        return items === "incompatible" || items === undefined ? items : { kind: "array", items };
      }
      case "map": {
        if (ua.kind !== "map" || !looser(ua.checks, ub.checks)) return "incompatible";
        const values = this.value(ua.values, ub.values);
        return values === "incompatible" || values === undefined ? values : { kind: "map", values };
      }
      case "tuple": {
        if (ua.kind !== "tuple" || ua.items.length !== ub.items.length) return "incompatible";
        const items = ua.items.map((t, i) => this.value(t, ub.items[i]!));
        if (items.includes("incompatible")) return "incompatible";
        return items.every((i) => i === undefined) ? undefined : { kind: "tuple", items: items as Array<ValuePlan | undefined> };
      }
    }
  }

  /** Functions that do something (directly or through a function they call), the rest dropped. */
  functions(): DeclFunction[] {
    const fns = new Map<string, DeclFunction>();
    for (const [key, fn] of this.pairs) if (typeof fn === "object") fns.set(key, fn);
    const live = new Set<string>();
    const planLive = (p: ValuePlan | undefined): boolean => {
      if (!p) return false;
      switch (p.kind) {
        case "array":
          return planLive(p.items);
        case "map":
          return planLive(p.values);
        case "nullable":
          return planLive(p.inner);
        case "tuple":
          return p.items.some(planLive);
        case "call":
          return live.has(p.fn);
      }
    };
    const fnLive = (fn: DeclFunction): boolean => {
      switch (fn.kind) {
        case "object":
          return fn.keep !== undefined || fn.steps.some((s) => s.from || s.hookWhenPresent || s.fillHook || s.fillDefault !== undefined || planLive(s.value));
        case "tagged-union":
          return fn.variants.some((v) => live.has(v.fn));
        case "kind-union":
          return fn.variants.some((v) => planLive(v.plan));
        case "alias":
          return planLive(fn.plan);
      }
    };
    for (let changed = true; changed; ) {
      changed = false;
      for (const [key, fn] of fns) {
        if (!live.has(key) && fnLive(fn)) {
          live.add(key);
          changed = true;
        }
      }
    }
    // Plans only keep what is live, so the emitters never print a call to a dropped function.
    const prune = (p: ValuePlan | undefined): ValuePlan | undefined => {
      if (!p) return undefined;
      switch (p.kind) {
        case "array": {
          const items = prune(p.items);
          return items && { kind: "array", items };
        }
        case "map": {
          const values = prune(p.values);
          return values && { kind: "map", values };
        }
        case "nullable": {
          const inner = prune(p.inner);
          return inner && { kind: "nullable", inner };
        }
        case "tuple": {
          const items = p.items.map(prune);
          return items.some((i) => i) ? { kind: "tuple", items } : undefined;
        }
        case "call":
          return live.has(p.fn) ? p : undefined;
      }
    };
    const out: DeclFunction[] = [];
    for (const [key, fn] of fns) {
      if (!live.has(key)) continue;
      if (fn.kind === "object") out.push({ ...fn, steps: fn.steps.map((s) => ({ ...s, value: prune(s.value) })).filter((s) => s.from || s.value || s.hookWhenPresent || s.fillHook || s.fillDefault !== undefined) });
      else if (fn.kind === "tagged-union") out.push({ ...fn, variants: fn.variants.filter((v) => live.has(v.fn)) });
      else if (fn.kind === "kind-union") out.push({ ...fn, variants: fn.variants.flatMap((v) => { const plan = prune(v.plan); return plan ? [{ ...v, plan }] : []; }) });
      else out.push({ ...fn, plan: prune(fn.plan)! });
    }
    this.prune = prune;
    return out;
  }

  prune: (p: ValuePlan | undefined) => ValuePlan | undefined = (p) => p;
}

function calls(p: ValuePlan | undefined, out: string[]): string[] {
  if (!p) return out;
  if (p.kind === "call") out.push(p.fn);
  else if (p.kind === "array") calls(p.items, out);
  else if (p.kind === "map") calls(p.values, out);
  else if (p.kind === "nullable") calls(p.inner, out);
  else for (const i of p.items) calls(i, out);
  return out;
}

function hookUsers(functions: DeclFunction[]): Set<string> {
  const users = new Set<string>();
  const callees = (fn: DeclFunction): string[] => {
    switch (fn.kind) {
      case "object":
        return fn.steps.flatMap((s) => calls(s.value, []));
      case "tagged-union":
        return fn.variants.map((v) => v.fn);
      case "kind-union":
        return fn.variants.flatMap((v) => calls(v.plan, []));
      case "alias":
        return calls(fn.plan, []);
    }
  };
  for (const fn of functions) if (fn.kind === "object" && fn.steps.some((s) => s.hookWhenPresent || s.fillHook)) users.add(fn.id);
  for (let changed = true; changed; ) {
    changed = false;
    for (const fn of functions) {
      if (!users.has(fn.id) && callees(fn).some((c) => users.has(c))) {
        users.add(fn.id);
        changed = true;
      }
    }
  }
  return users;
}

type IntegerType = Extract<TypeExpr, { kind: "integer" }>;

/** How an integer is written: a JSON number, or a string (int64 policy "string"). */
const wire = (t: IntegerType): "string" | "number" => ((t as { policy?: string }).policy === "string" ? "string" : "number");

/** Every value of the older integer type is one of the newer type, written the same way. */
function integerFits(a: IntegerType, b: IntegerType): boolean {
  const unsigned = (t: IntegerType): boolean => (t as { unsigned?: boolean }).unsigned === true;
  const width = unsigned(b) ? unsigned(a) && a.bits <= b.bits : unsigned(a) ? a.bits < b.bits : a.bits <= b.bits;
  return width && wire(a) === wire(b);
}

/** True when every value the older checks allow, the newer ones allow too. */
function looser(a: Checks | undefined, b: Checks | undefined): boolean {
  if (!b) return true;
  const x = a ?? {};
  const atLeast = (key: "minimum" | "exclusiveMinimum" | "minLength" | "minItems" | "minProperties"): boolean => b[key] === undefined || (x[key] !== undefined && x[key]! >= b[key]!);
  const atMost = (key: "maximum" | "exclusiveMaximum" | "maxLength" | "maxItems" | "maxProperties"): boolean => b[key] === undefined || (x[key] !== undefined && x[key]! <= b[key]!);
  const same = (key: "pattern" | "multipleOf" | "uniqueItems"): boolean => b[key] === undefined || b[key] === x[key];
  const values = b.values === undefined || (x.values !== undefined && x.values.every((v) => b.values!.some((w) => JSON.stringify(w) === JSON.stringify(v))));
  return atLeast("minimum") && atLeast("exclusiveMinimum") && atLeast("minLength") && atLeast("minItems") && atLeast("minProperties") &&
    atMost("maximum") && atMost("exclusiveMaximum") && atMost("maxLength") && atMost("maxItems") && atMost("maxProperties") &&
    same("pattern") && same("multipleOf") && same("uniqueItems") && values;
}

/** The step from the module holding `entity` v`from` to the one holding v`to`. */
export function planStep(entity: string, from: number, to: number, oldModule: Module, newModule: Module): Step {
  const oldRoot = oldModule.entities.find((e) => e.entity === entity && e.version === from)!.root;
  const newRoot = newModule.entities.find((e) => e.entity === entity && e.version === to)!.root;
  const planner = new Planner(oldModule, newModule);
  const outcome = planner.pair(oldRoot, newRoot);
  const functions = planner.functions();
  const step: Step = { entity, from, to, oldModule, newModule, oldRoot, newRoot, functions, hookUsers: hookUsers(functions), hooks: planner.hooks.filter((h) => functions.some((f) => f.kind === "object" && f.steps.some((s) => s.hookWhenPresent === h || s.fillHook === h))) };
  if (outcome === "incompatible") {
    const root = newModule.decls.find((d) => d.id === newRoot)!;
    return { ...step, functions: [], hooks: [], hookUsers: new Set(), rootHook: { name: root.name, reason: `the ${entity} schema changed beyond what lockstep derives` } };
  }
  return { ...step, root: planner.prune(outcome) };
}

/** Every entity's consecutive steps, for modules of every version (--all-versions). */
export function planUpgrades(modules: readonly Module[]): Step[] {
  const at = new Map<string, Module>();
  for (const m of modules) for (const e of m.entities) at.set(`${e.entity}\0${e.version}`, m);
  const steps: Step[] = [];
  const entities = [...new Set(modules.flatMap((m) => m.entities.map((e) => e.entity)))].sort();
  for (const entity of entities) {
    for (let v = 1; at.has(`${entity}\0${v + 1}`); v++) {
      const a = at.get(`${entity}\0${v}`);
      if (a) steps.push(planStep(entity, v, v + 1, a, at.get(`${entity}\0${v + 1}`)!));
    }
  }
  return steps;
}

/** What a test runs per entity: every step, and every chain from an older version to the newest. */
export function upgradeRuns(steps: readonly Step[]): Array<{ entity: string; from: number; to: number; steps: Step[] }> {
  const runs: Array<{ entity: string; from: number; to: number; steps: Step[] }> = [];
  const entities = [...new Set(steps.map((s) => s.entity))];
  for (const entity of entities) {
    const list = steps.filter((s) => s.entity === entity);
    for (const s of list) runs.push({ entity, from: s.from, to: s.to, steps: [s] });
    for (let i = 0; i + 1 < list.length; i++) runs.push({ entity, from: list[i]!.from, to: list[list.length - 1]!.to, steps: list.slice(i) });
  }
  return runs;
}

/** Key of a hook's test value: `<entity>/v<from>/<hook words joined by _>`. */
export function hookKey(step: Step, name: Words): string {
  return `${step.entity}/v${step.from}/${name.join("_")}`;
}

/** The test-value keys of a step's hooks (root hook first). */
export function hookKeys(step: Step): string[] {
  return [...(step.rootHook ? [hookKey(step, step.rootHook.name)] : []), ...step.hooks.map((h) => hookKey(step, h.name))];
}

/**
 * The runs an upgrade test can exercise with these hook values (by hookKey): those whose every
 * step has a value for each of its hooks (lockstep test reports the others), and the steps among
 * them that take hooks.
 */
export function testedRuns(steps: readonly Step[], hookValues: Readonly<Record<string, string>>): { runs: ReturnType<typeof upgradeRuns>; hooked: Step[] } {
  const valued = (s: Step): boolean => hookKeys(s).every((k) => hookValues[k] !== undefined);
  const runs = upgradeRuns(steps).filter((r) => r.steps.every(valued));
  return { runs, hooked: steps.filter((s) => needsHooks(s) && runs.some((r) => r.steps.includes(s))) };
}

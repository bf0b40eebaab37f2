/**
 * Set comparison of the keywords the generated types do not model: the keywords of a rule, with
 * the context that changes their meaning, are cut out of both nodes and compared as JSON Schema
 * sets in each direction (backward: every old instance valid under the new schema; forward: the
 * reverse). A rule reports what broke, with data that shows it; what lockstep can neither prove nor
 * refute is reported as not-comparable, with the reason.
 */
import { impact } from "./effects.js";
import { governing } from "./inclusion/families.js";
import { Judge, type Node, type Verdict } from "./inclusion/judge.js";
import { buildValid } from "./inclusion/build.js";
import { shrink } from "./inclusion/mutate.js";
import { validate } from "./inclusion/validate.js";
import { patternsOf, regex } from "./inclusion/keywords.js";
import { isObject, isUnresolved, type Resolver, type Schema } from "./resolver.js";
import type { ContentPair, RuleContext } from "./rule.js";
import type { Impact, Severity } from "./types.js";
import type { View } from "./view.js";
import { canon } from "./values.js";

export interface SetChange {
  /** Every old instance is valid under the new schema. */
  backward: Verdict;
  /** Every new instance is valid under the old schema. */
  forward: Verdict;
}

function pick(s: Schema, keys: readonly string[]): Schema {
  const out: Schema = {};
  for (const k of keys) if (k in s) out[k] = s[k];
  return out;
}

/** True when the keywords hold the same values on both sides. */
export function sameKeywords(pair: ContentPair, keywords: readonly string[]): boolean {
  return keywords.every((k) => canon(pair.a.schema[k]) === canon(pair.b.schema[k]));
}

/**
 * Compares the nodes cut down to `keywords` + `context`, both ways; `shape` may keep less of the
 * context (only what it says about the keywords), so that data shown is the keywords' difference.
 */
export function setChange(pair: ContentPair, keywords: readonly string[], context: readonly string[] = ["type"], shape: (cut: Schema) => Schema = (c) => c): SetChange {
  const keys = [...keywords, ...context];
  const whole = provedWhole(pair);
  const yes = { kind: "yes" } as const;
  if (whole.backward && whole.forward) return { backward: yes, forward: yes };
  const cutA = shape(pick(pair.a.schema, keys));
  const cutB = shape(pick(pair.b.schema, keys));
  const cut = compareSchemas(pair, cutA, cutB);
  // The keywords read alone may look different while the nodes as a whole accept the same data.
  return {
    backward: whole.backward ? yes : inContext(cut.backward, { s: pair.a.node, r: pair.old.resolver }, { s: cutB, r: pair.new.resolver }),
    forward: whole.forward ? yes : inContext(cut.forward, { s: pair.b.node, r: pair.new.resolver }, { s: cutA, r: pair.old.resolver }),
  };
}

/**
 * A witness found for the keywords alone must also be data of the whole node (`from`); else one is
 * searched among the whole node's data for a value the other side's keywords (`toKeywords`, a
 * part of the other whole node) reject, so the break shown is still theirs. Where none is found,
 * or the keywords alone could not be compared, the whole node may still be proved to meet them:
 * the change is then no change for the node's instances.
 */
function inContext(v: Verdict, from: Node, toKeywords: Node): Verdict {
  if (v.kind === "unknown") return new Judge().prove(from, toKeywords, 0) === true ? { kind: "yes" } : v;
  if (v.kind !== "no") return v;
  const shows = (w: unknown) => validate(w, from.s, from.r).valid === true && validate(w, toKeywords.s, toKeywords.r).valid === false;
  if (shows(v.witness)) return v;
  // Most often the witness is a part of valid data: laid over whole instances, it becomes one.
  for (const base of buildValid(from.s, from.r)) {
    const w = overlay(base, v.witness);
    if (shows(w)) return { kind: "no", witness: shrink(w, shows) };
  }
  const found = new Judge().includes(from, toKeywords);
  if (found.kind === "yes" || (found.kind === "no" && shows(found.witness))) return found;
  return { kind: "unknown", why: `the keywords alone reject ${witnessText(v.witness)}, which the whole schema does not accept, and no data of the whole schema was found that they reject` };
}

/** `top` laid over `base`: objects merged by name and arrays by position, `top` winning elsewhere. */
function overlay(base: unknown, top: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(top)) return top.length === 0 ? top : top.map((t, i) => (i < base.length ? overlay(base[i], t) : t));
  if (!isObject(base) || !isObject(top)) return top;
  const out: Record<string, unknown> = { ...base };
  for (const k of Object.keys(top)) Object.defineProperty(out, k, { value: Object.hasOwn(base, k) ? overlay(base[k], top[k]) : top[k], writable: true, enumerable: true, configurable: true });
  return out;
}

/** Whole nodes proved equal or included, without searching data (cached per pair). */
const proved = new WeakMap<ContentPair, { backward: boolean; forward: boolean }>();
export function provedWhole(pair: ContentPair): { backward: boolean; forward: boolean } {
  let out = proved.get(pair);
  if (!out) {
    const judge = new Judge();
    const old = { s: pair.a.node, r: pair.old.resolver };
    const now = { s: pair.b.node, r: pair.new.resolver };
    out = { backward: judge.prove(old, now, 0) === true, forward: judge.prove(now, old, 0) === true };
    proved.set(pair, out);
  }
  return out;
}

export function compareSchemas(pair: ContentPair, a: unknown, b: unknown): SetChange {
  const judge = new Judge();
  const old = { s: a, r: pair.old.resolver };
  const now = { s: b, r: pair.new.resolver };
  return { backward: judge.includes(old, now), forward: judge.includes(now, old) };
}

/** Every instance of the side's node has the property (it was required under every condition). */
export function alwaysHas(pair: ContentPair, side: "old" | "new", name: string): boolean {
  const node = side === "old" ? pair.a.node : pair.b.node;
  const r = side === "old" ? pair.old.resolver : pair.new.resolver;
  return new Judge().prove({ s: node, r }, { s: { required: [name] }, r }, 0) === true;
}

/** Witnesses are shrunk (mutate.ts), so most fit whole; a whole instance needs more than a line. */
export function witnessText(v: unknown): string {
  const t = canon(v);
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

export interface SetReport {
  /** "`not` changed", "patternProperties changed": the start of the message. */
  what: string;
  at: string;
  subject: string;
  /** Extra impacts (generated code, source) the rule knows about. */
  code?: Impact[];
  /** Additive severity when only old readers break (a relaxation); default off. */
  relaxed?: Severity;
}

/** Reports a set change: one finding for what is decided, a not-comparable one for what is not. */
export function reportSetChange(pair: ContentPair, ctx: RuleContext, change: SetChange, r: SetReport): void {
  const { backward: bw, forward: fw } = change;
  const impacts: Impact[] = [...(r.code ?? [])];
  if (bw.kind === "no") impacts.push(impact("new-readers", ["validators"], `reject ${pair.old.label} data such as ${witnessText(bw.witness)}`));
  if (fw.kind === "no") impacts.push(impact("old-readers", ["validators"], `reject ${pair.new.label} data such as ${witnessText(fw.witness)}`));
  const breaksNew = impacts.some((i) => i.side === "new-readers" && i.fails);
  const breaksOld = impacts.some((i) => i.side === "old-readers");
  const how = breaksNew && breaksOld ? "accepts different data" : breaksNew ? "tighter" : breaksOld ? "looser" : bw.kind === "yes" && fw.kind === "yes" ? "accepts the same data" : "";
  if (how !== "" && (impacts.length > 0 || !ctx.quiet)) {
    ctx.report({
      at: r.at, message: `${r.what} in ${pair.new.label} (${how})`, impacts, subject: r.subject,
      severity: breaksNew ? "error" : breaksOld ? (r.relaxed ?? "off") : "off",
    });
  }
  const open = [bw.kind === "unknown" ? { side: "new-readers" as const, data: pair.old.label, why: bw.why } : undefined, fw.kind === "unknown" ? { side: "old-readers" as const, data: pair.new.label, why: fw.why } : undefined].filter((x) => x !== undefined);
  if (open.length === 0) return;
  const why = [...new Set(open.map((o) => o.why))].join("; ");
  ctx.report({
    rule: "not-comparable", at: r.at, subject: r.subject, severity: "warning",
    message: `${r.what} in ${pair.new.label}: cannot prove ${open.length === 2 ? "either direction" : open[0]!.side === "new-readers" ? "that old data stays valid" : "that new data is valid for old validators"}: ${why}`,
    impacts: open.map((o) => ({ ...impact(o.side, ["validators"], `may reject ${o.data} data`), unproven: true })),
  });
}

/** "not added", "if/then/else changed": which of the keywords appeared, went or changed. */
export function describeChange(pair: ContentPair, keywords: readonly string[]): { what: string; at: string } {
  const changed = keywords.filter((k) => canon(pair.a.schema[k]) !== canon(pair.b.schema[k]));
  const inA = changed.some((k) => k in pair.a.schema);
  const inB = changed.some((k) => k in pair.b.schema);
  const how = !inA ? "added" : !inB ? "removed" : "changed";
  const at = changed.find((k) => k in pair.b.schema) ?? changed[0]!;
  return { what: `${changed.join(", ")} ${how}`, at: inB ? `/${at}` : "" };
}

/** The whole of a keyword rule: skip when unchanged, compare as sets, report. */
export function keywordRule(pair: ContentPair, ctx: RuleContext, keywords: readonly string[], context: readonly string[] = ["type"], shape?: (cut: Schema) => Schema): void {
  if (sameKeywords(pair, keywords)) return;
  const { what, at } = describeChange(pair, keywords);
  reportSetChange(pair, ctx, setChange(pair, keywords, context, shape), { what, at, subject: keywords[0]! });
}

/** An object whose undeclared properties are unconstrained (no patterns, no unevaluatedProperties). */
export function plainOpen(v: View): boolean {
  return v.additional.kind === "open" && !("patternProperties" in v.schema) && !("unevaluatedProperties" in v.schema);
}

/**
 * Validators reading a property one side's plain open object does not declare: when that side's
 * conditionals, unions or dependent schemas still declare or require the name (`cronjob` under
 * `then`), its data may carry the name, so its whole node is judged against the other side's
 * property, and data it finds that breaks is reported. Otherwise nothing: an undeclared name of a
 * fully open object (docs/lint.md).
 * `backward`: old data under the new property; `forward`: new data under the old one.
 */
export function governedValidators(pair: ContentPair, name: string, direction: "backward" | "forward"): Impact[] {
  const [from, fromR, prop, propR] = direction === "backward"
    ? [pair.a.node, pair.old.resolver, pair.b.properties.get(name), pair.new.resolver]
    : [pair.b.node, pair.new.resolver, pair.a.properties.get(name), pair.old.resolver];
  if (prop === undefined || !mentionedBelow(from, fromR, name)) return [];
  const v = new Judge().includes({ s: from, r: fromR }, { s: { properties: { [name]: prop } }, r: propR });
  const side = direction === "backward" ? "new-readers" : "old-readers";
  const data = direction === "backward" ? pair.old.label : pair.new.label;
  // Only data that shows the break overrides the open object's leniency; "cannot prove" keeps it.
  return v.kind === "no" ? [impact(side, ["validators"], `reject ${data} data such as ${witnessText(v.witness)}`)] : [];
}

/** The node's subschemas for the same instance (allOf/anyOf/oneOf, if/then/else, dependent schemas) declare, require or match the name. */
function mentionedBelow(node: unknown, r: Resolver, name: string, depth = 0): boolean {
  const s = r.deref(node);
  if (!isObject(s) || isUnresolved(s) || depth > 8) return false;
  const subs: unknown[] = [];
  for (const k of ["allOf", "anyOf", "oneOf"]) if (Array.isArray(s[k])) subs.push(...(s[k] as unknown[]));
  for (const k of ["if", "then", "else"]) if (k in s) subs.push(s[k]);
  for (const k of ["dependentSchemas", "dependencies"]) if (isObject(s[k])) subs.push(...Object.values(s[k] as Schema).filter((v) => !Array.isArray(v)));
  return subs.some((x) => {
    const t = r.deref(x);
    if (!isObject(t) || isUnresolved(t)) return false;
    const declares = (isObject(t.properties) && Object.hasOwn(t.properties, name)) || (Array.isArray(t.required) && t.required.includes(name)) || patternsOf(t).some(([p]) => regex(p)?.test(name));
    return declares || mentionedBelow(t, r, name, depth + 1);
  });
}

/**
 * Validators reading a property one side declares and the other does not: the other side judges
 * its value by the patternProperties that match the name, else additionalProperties (a partially
 * open object). `backward`: old values under the new schema; `forward`: new values under the old.
 */
export function undeclaredValidators(pair: ContentPair, oldName: string, newName: string, direction: "backward" | "forward"): Impact[] {
  const judge = new Judge();
  const old = { s: governing(pair.a.schema, oldName), r: pair.old.resolver };
  const now = { s: governing(pair.b.schema, newName), r: pair.new.resolver };
  const [from, to] = direction === "backward" ? [old, now] : [now, old];
  const v = judge.includes(from, to);
  const side = direction === "backward" ? "new-readers" : "old-readers";
  const data = direction === "backward" ? pair.old.label : pair.new.label;
  const name = JSON.stringify(direction === "backward" ? oldName : newName);
  if (v.kind === "yes") return [];
  if (v.kind === "no") return [impact(side, ["validators"], `reject ${data} data such as {${name}:${witnessText(v.witness)}}`)];
  return [{ ...impact(side, ["validators"], `may reject ${data} data with ${name} (cannot prove: ${v.why})`), unproven: true }];
}

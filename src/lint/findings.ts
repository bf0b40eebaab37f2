/** Turns what rules report into positioned findings: file:line:col on both sides, effect text, severity. */
import { positionIn } from "../errors.js";
import { nodeAt, pointerSegments, pointerFrom, type JsonFile } from "../load/json-file.js";
import type { Origin } from "../load/resolve.js";
import { describeImpacts } from "./describe.js";
import type { PlacedReport, RuleModule } from "./rule.js";
import { isObject, Resolver } from "./resolver.js";
import { writtenAt } from "./written.js";
import { forTargets, severityIn } from "./severity.js";
import type { SchemaTree } from "./tree.js";
import type { Finding, FindingLocation, Mode, Severity, Target } from "./types.js";
import type { Emitted } from "./walk.js";

export interface Policy {
  mode(entity: string): Mode;
  targets: readonly Target[];
  overrides: Record<string, Severity>;
  against?: string;
  /** Also build findings whose severity is off (diff, tests). */
  keepOff?: boolean;
  /** "Cannot prove" fails the mode (--strict). */
  strict?: boolean;
}

/** Resolvers for reports placed without one (version and history rules). */
const resolvers = new WeakMap<SchemaTree, Resolver>();

/**
 * A finding's location: where the keyword is written (written.ts: rules read allOf members merged,
 * so `/items/maxLength` may be `/allOf/1/items/maxLength`, or in the file a member's $ref names).
 */
export function place(tree: SchemaTree, origin: Origin, at = "", resolver?: Resolver): FindingLocation {
  let r = resolver;
  if (!r && !(r = resolvers.get(tree))) resolvers.set(tree, (r = new Resolver(tree)));
  const written = tree.file(origin.file) ? writtenAt(r, origin, at) : { file: origin.file, pointer: origin.pointer + at };
  const { pointer } = written;
  const file = tree.file(written.file);
  const ref = tree.isRef ? { ref: tree.label } : {};
  if (!file) return { file: tree.display(written.file), line: 1, column: 1, pointer, rel: written.file, ...ref };
  return { file: file.display, ...position(file, pointer), pointer, rel: written.file, ...ref };
}

/** Line starts of each file, so positions cost a binary search (large files, many findings). */
const lineStarts = new WeakMap<JsonFile, number[]>();

/**
 * The position locate() gives (the start of the property holding the pointer's value, or of the
 * deepest existing ancestor), with the offset → line:column step done on a cached line index.
 */
export function position(file: JsonFile, pointer: string): { line: number; column: number } {
  const node = nodeAt(file, pointer);
  const offset = (node.parent?.type === "property" ? node.parent : node).offset;
  let starts = lineStarts.get(file);
  if (!starts) {
    starts = [0];
    for (let i = 0; i < file.text.length; i++) if (file.text.charCodeAt(i) === 10) starts.push(i + 1);
    lineStarts.set(file, starts);
  }
  return positionIn(starts, offset);
}

/** The nearest enclosing object of a pointer (the schema node a suppression sits on). */
export function anchorOf(tree: SchemaTree, origin: Origin): string {
  const value = tree.file(origin.file)?.value;
  const segs = pointerSegments(origin.pointer);
  let best = 0;
  let node: unknown = value;
  for (let i = 0; i < segs.length; i++) {
    node = node !== null && typeof node === "object" ? (node as Record<string, unknown>)[segs[i]!] : undefined;
    if (isObject(node)) best = i + 1;
    if (node === undefined) break;
  }
  return pointerFrom(segs.slice(0, best));
}

export function fromEmitted(e: Emitted, policy: Policy): Finding | undefined {
  const { report, rule } = e;
  const all = report.impacts ?? [];
  const kept = forTargets(all, policy.targets);
  const id = report.rule ?? rule.meta.id;
  const severity = severityIn(rule, report.severity ?? rule.meta.severity, all, kept, policy.mode(e.entity), policy.overrides[id], policy.strict);
  if (severity === "off" && !policy.keepOff) return undefined; // not shown: not worth positioning
  const at = report.at ?? "";
  const location = place(e.side.tree, e.origin, at, e.side.resolver);
  const old = e.oldSide && e.oldOrigin ? place(e.oldSide.tree, e.oldOrigin, report.oldAt ?? at, e.oldSide.resolver) : undefined;
  const effect = kept.length > 0 ? `; ${describeImpacts(kept, e.oldSide?.label ?? "old", e.side.label)}` : "";
  return {
    rule: id, severity, message: report.message + effect, entity: e.entity,
    ...(e.oldSide ? { from: e.oldSide.version } : {}), to: e.side.version,
    ...(e.oldSide?.tree.isRef ? { against: e.oldSide.tree.label } : {}),
    pointer: location.pointer, anchor: e.anchor.pointer, location, ...(old ? { old } : {}), impacts: kept,
    ...(report.subject !== undefined ? { subject: report.subject } : {}),
  };
}

export function fromPlaced(rule: RuleModule, r: PlacedReport, policy: Policy): Finding {
  const location = place(r.tree, r.origin, r.at ?? "");
  const old = r.oldTree && r.oldOrigin ? place(r.oldTree, r.oldOrigin, r.oldAt ?? r.at ?? "") : undefined;
  const all = r.impacts ?? [];
  const kept = forTargets(all, policy.targets);
  const id = r.rule ?? rule.meta.id;
  const severity = severityIn(rule, r.severity ?? rule.meta.severity, all, kept, policy.mode(r.entity), policy.overrides[id], policy.strict);
  return {
    rule: id, severity, message: r.message, entity: r.entity,
    ...(r.from !== undefined ? { from: r.from } : {}), ...(r.to !== undefined ? { to: r.to } : {}),
    ...(r.tree.isRef ? { against: r.tree.label } : {}),
    pointer: location.pointer, anchor: anchorOf(r.tree, { file: location.rel, pointer: location.pointer }), location, ...(old ? { old } : {}), impacts: kept,
    ...(r.subject !== undefined ? { subject: r.subject } : {}),
  };
}

/** One finding per rule, place and subject; with --transitive the other old versions are listed. */
export function dedupe(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const key = `${f.rule}|${f.location.rel}#${f.pointer}|${f.subject ?? ""}|${f.against ?? ""}`;
    const first = byKey.get(key);
    if (!first) byKey.set(key, f);
    else if (f.from !== undefined && f.from !== first.from) (first.alsoFrom ??= []).push(f.from);
  }
  return [...byKey.values()];
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.entity < b.entity ? -1 : a.entity > b.entity ? 1
    : a.location.file < b.location.file ? -1 : a.location.file > b.location.file ? 1
    : a.location.line - b.location.line || a.location.column - b.location.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

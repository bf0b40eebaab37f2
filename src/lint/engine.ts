/**
 * `lockstep lint` as a function: which version pairs to compare (consecutive, --transitive,
 * --against), the single-version hazards of the newest versions, the lock file, suppressions and
 * severities. The CLI only parses options and prints; tests call this directly.
 */
import { readFileSync } from "node:fs";
import { lintDefaults, type LintConfig } from "../config.js";
import { LockstepError } from "../errors.js";
import { dedupe, fromEmitted, fromPlaced, sortFindings, type Policy } from "./findings.js";
import { gitTree } from "./git.js";
import { irPerEntity, type IrResult } from "./ir.js";
import { readLock } from "./lock.js";
import { schemaNodes } from "./nodes.js";
import { Resolver } from "./resolver.js";
import type { PlacedReport, RuleModule, Side, VersionContext } from "./rule.js";
import { RULES, RULES_BY_ID } from "./rules/index.js";
import { ALLOW_KEYWORD, applySuppressions, fromConfig, inSource, type Suppression } from "./suppress.js";
import { fsTree, type SchemaTree, type VersionFile } from "./tree.js";
import type { Finding, Mode, Target } from "./types.js";
import { Walker, type Emitted } from "./walk.js";
import { append } from "../arrays.js";
import type { IntegerPolicy } from "../ir/types.js";

export interface LintOptions {
  cwd: string;
  /** Absolute schemas directory (ignored when `tree` is given). */
  schemas: string;
  lint?: LintConfig;
  /** lockstep.config.json, for positions of config suppressions. */
  configFile?: string;
  /** Command-line overrides of the config. */
  mode?: Mode;
  transitive?: boolean;
  targets?: Target[];
  against?: string;
  entities?: string[];
  /** In-memory trees (tests, API). */
  tree?: SchemaTree;
  before?: SchemaTree;
  rules?: readonly RuleModule[];
  /** Also return findings whose severity is off (what `diff` lists). */
  keepOff?: boolean;
  /** A change lockstep cannot prove safe fails the mode (--strict). */
  strict?: boolean;
  /** The project's integer policy (config "int64"; default "number"). */
  int64?: IntegerPolicy;
}

export interface Comparison {
  entity: string;
  from: number;
  to: number;
  against?: string;
}

export interface LintResult {
  /** Every finding whose severity is not off (suppressed ones included, marked). */
  findings: Finding[];
  /** Including severity off, when asked for with keepOff (what `diff` lists). */
  all: Finding[];
  entities: string[];
  comparisons: Comparison[];
  modes: Record<string, Mode>;
  against?: string;
  /** The text of a file a finding points into (by its display path), for code frames. */
  textOf(file: string): string | undefined;
}

function textLookup(trees: SchemaTree[], extra: Record<string, string> = {}): (file: string) => string | undefined {
  let index: Map<string, () => string | undefined> | undefined;
  return (file) => {
    if (file in extra) return extra[file];
    if (!index) {
      index = new Map();
      for (const t of trees) for (const rel of t.paths) index.set(t.display(rel), () => t.text(rel));
    }
    return index.get(file)?.();
  };
}

export function lint(options: LintOptions): LintResult {
  const config = options.lint ?? lintDefaults();
  const rules = options.rules ?? RULES;
  const tree = options.tree ?? fsTree(options.schemas, options.cwd);
  const before = options.before ?? (options.against ? gitTree(options.cwd, options.against, options.schemas) : undefined);
  for (const e of options.entities ?? []) {
    if (!tree.entities.has(e)) throw new LockstepError(`unknown entity "${e}" (entities: ${[...tree.entities.keys()].join(", ") || "none"})`);
  }
  const selected = (e: string) => !options.entities || options.entities.length === 0 || options.entities.includes(e);
  const entities = [...tree.entities.keys()].filter(selected);
  const modeOf = (e: string): Mode => options.mode ?? config.entities[e]?.mode ?? config.mode;
  const transitiveOf = (e: string): boolean => options.transitive ?? config.entities[e]?.transitive ?? config.transitive;
  const policy: Policy = { mode: modeOf, targets: options.targets ?? config.targets, overrides: config.rules, keepOff: options.keepOff ?? false, strict: options.strict ?? false, ...(before ? { against: before.label } : {}) };

  const quiet = (id: string) => !policy.keepOff && (config.rules[id] ?? "off") === "off";
  const resolver = new Resolver(tree);
  const beforeResolver = before ? new Resolver(before) : undefined;
  const findings: Finding[] = [];
  const emit = (e: Emitted) => {
    const f = fromEmitted(e, policy);
    if (f) findings.push(f);
  };
  const placedCtx = (rule: RuleModule) => ({ report: (r: PlacedReport) => findings.push(fromPlaced(rule, r, policy)) });
  const lock = readLock(tree);

  for (const rule of rules) rule.history?.({ tree, ...(before ? { before } : {}), ...(lock ? { lock } : {}), selected }, placedCtx(rule));

  const side = (t: SchemaTree, r: Resolver, v: VersionFile, label?: string): Side => ({ tree: t, resolver: r, version: v.version, rel: v.rel, label: label ?? `v${v.version}`, int64: options.int64 ?? "number" });
  const comparisons: Comparison[] = [];
  const newSides: Side[] = [];
  for (const entity of entities) {
    const versions = tree.entities.get(entity)!;
    const newest = versions[versions.length - 1]!;
    const pairs: Array<[Side, Side]> = [];
    if (before && beforeResolver) {
      const was = before.entities.get(entity);
      if (was) {
        const last = was[was.length - 1]!;
        pairs.push([side(before, beforeResolver, last, `v${last.version} at ${before.label}`), side(tree, resolver, newest)]);
      }
    } else {
      for (let i = 1; i < versions.length; i++) pairs.push([side(tree, resolver, versions[i - 1]!), side(tree, resolver, versions[i]!)]);
    }
    if (transitiveOf(entity)) {
      const done = new Set(pairs.map(([a, b]) => `${a.tree.label}:${a.version}>${b.version}`));
      for (const v of versions.slice(0, -1)) {
        if (!done.has(`${tree.label}:${v.version}>${newest.version}`)) pairs.push([side(tree, resolver, v), side(tree, resolver, newest)]);
      }
    }
    for (const [a, b] of pairs) {
      new Walker(entity, a, b, rules, emit, quiet).run();
      comparisons.push({ entity, from: a.version, to: b.version, ...(a.tree.isRef ? { against: a.tree.label } : {}) });
      newSides.push(b);
    }
    newSides.push(side(tree, resolver, newest));
  }

  const versionContexts = hazards(tree, resolver, entities, rules, placedCtx, options.int64 ?? "number");
  const known = (id: string) => RULES_BY_ID.has(id);
  const suppressions: Suppression[] = [...fromConfig(config.suppressions, options.configFile, options.cwd, known)];
  const scanned = new Set<string>();
  for (const s of newSides) {
    if (scanned.has(s.rel) || !s.tree.text(s.rel)?.includes(ALLOW_KEYWORD)) continue;
    scanned.add(s.rel);
    const nodes = versionContexts.get(s.rel)?.nodes() ?? schemaNodes(s.resolver, s.rel);
    append(suppressions, inSource(s.tree, nodes, s.rel.split("/")[0]!, known));
  }
  const unique = dedupe(findings);
  for (const extra of applySuppressions(unique, suppressions.filter((s) => s.kind === "inSource" || selected(s.entity) || s.problem))) {
    const rule = RULES_BY_ID.get(extra.rule)!;
    const severity = config.rules[extra.rule] ?? rule.meta.severity;
    unique.push({
      rule: extra.rule, severity, message: extra.message, entity: extra.s.entity || "(config)", pointer: extra.s.location.pointer,
      anchor: extra.s.location.pointer, location: extra.s.location, impacts: [], subject: `${extra.s.location.rel}#${extra.s.location.pointer}`,
    });
  }
  const all = sortFindings(unique);
  return {
    findings: all.filter((f) => f.severity !== "off"),
    all,
    entities,
    comparisons,
    modes: Object.fromEntries(entities.map((e) => [e, modeOf(e)])),
    ...(before ? { against: before.label } : {}),
    textOf: textLookup(before ? [tree, before] : [tree], configText(suppressions, options.configFile)),
  };
}

/** The config file's text under its display name, when a finding points into it. */
function configText(suppressions: Suppression[], configFile: string | undefined): Record<string, string> {
  const s = suppressions.find((x) => x.kind === "external");
  if (!s || !configFile) return {};
  try {
    return { [s.location.file]: readFileSync(configFile, "utf8") };
  } catch {
    return {};
  }
}

/** Runs the single-version rules on the newest version of each entity. */
function hazards(
  tree: SchemaTree, resolver: Resolver, entities: string[], rules: readonly RuleModule[],
  placedCtx: (rule: RuleModule) => { report: (r: PlacedReport) => void }, int64: IntegerPolicy,
): Map<string, VersionContext> {
  const newest = entities.map((e) => tree.entities.get(e)!).map((vs) => vs[vs.length - 1]!);
  let irs: Map<string, IrResult> | undefined;
  const ir = (entity: string): IrResult => (irs ??= irPerEntity(resolver, newest)).get(entity)!;
  const out = new Map<string, VersionContext>();
  for (const v of newest) {
    let nodes: ReturnType<VersionContext["nodes"]> | undefined;
    const ctx: VersionContext = {
      entity: v.entity,
      side: { tree, resolver, version: v.version, rel: v.rel, label: `v${v.version}`, int64 },
      nodes: () => (nodes ??= schemaNodes(resolver, v.rel)),
      module: () => ir(v.entity).module,
      irError: () => ir(v.entity).error,
    };
    out.set(v.rel, ctx);
    for (const rule of rules) rule.version?.(ctx, placedCtx(rule));
  }
  return out;
}

/** Every change between two versions of one entity, all severities (for `lockstep diff`). */
export function diffVersions(options: LintOptions, entity: string, from?: number, to?: number): { findings: Finding[]; from: number; to: number; mode: Mode } {
  const config = options.lint ?? lintDefaults();
  const tree = options.tree ?? fsTree(options.schemas, options.cwd);
  const versions = tree.entities.get(entity);
  if (!versions) throw new LockstepError(`unknown entity "${entity}" (entities: ${[...tree.entities.keys()].join(", ") || "none"})`);
  const newest = versions[versions.length - 1]!.version;
  const b = to ?? newest;
  const a = from ?? (to !== undefined ? b - 1 : versions.length > 1 ? versions[versions.length - 2]!.version : b);
  const vf = (n: number) => {
    const v = versions.find((x) => x.version === n);
    if (!v) throw new LockstepError(`${entity} has no v${n} (versions: ${versions.map((x) => `v${x.version}`).join(", ")})`, { file: tree.display(`${entity}/v${n}.json`) });
    return v;
  };
  const [va, vb] = [vf(a), vf(b)];
  const resolver = new Resolver(tree);
  const mode = options.mode ?? config.entities[entity]?.mode ?? config.mode;
  const policy: Policy = { mode: () => mode, targets: options.targets ?? config.targets, overrides: config.rules, keepOff: true, strict: options.strict ?? false };
  const findings: Finding[] = [];
  const mk = (v: VersionFile): Side => ({ tree, resolver, version: v.version, rel: v.rel, label: `v${v.version}`, int64: options.int64 ?? "number" });
  new Walker(entity, mk(va), mk(vb), options.rules ?? RULES, (e) => {
    const f = fromEmitted(e, policy);
    if (f) findings.push(f);
  }).run();
  return { findings: sortFindings(dedupe(findings)), from: a, to: b, mode };
}

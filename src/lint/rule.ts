/**
 * What a rule sees. A rule is one file with a `meta` and one hook; the framework (walk.ts,
 * engine.ts) decides which pairs exist and calls the hook once per pair.
 */
import type { Module } from "../ir/types.js";
import type { Origin } from "../load/resolve.js";
import type { Lock } from "./lock.js";
import type { Resolver } from "./resolver.js";
import type { SchemaTree, VersionFile } from "./tree.js";
import type { Report, RuleMeta } from "./types.js";
import type { View } from "./view.js";
import type { IntegerPolicy } from "../ir/types.js";

/** One side of a comparison: a tree, one entity version in it, and its resolver. */
export interface Side {
  tree: SchemaTree;
  resolver: Resolver;
  version: number;
  /** The entity version file, relative to the schemas root. */
  rel: string;
  /** How messages name this side: "v2", or "v3 at origin/main". */
  label: string;
  /** The project's integer policy (config "int64"); a node's `x-lockstep-int64` overrides it. */
  int64?: IntegerPolicy;
}

export interface PropertyInfo {
  name: string;
  required: boolean;
  hasDefault: boolean;
}

/** How a node pair was reached from its parent; effects depend on it. */
export type Via =
  | { kind: "root" }
  | { kind: "def"; name: string }
  | { kind: "property"; old: PropertyInfo; new: PropertyInfo }
  | { kind: "items" }
  | { kind: "additional" }
  | { kind: "variant"; name: string };

export interface PropertyMatch {
  /** Pairs present on both sides (renamed: matched through x-lockstep-renamed-from). */
  both: Array<{ oldName: string; newName: string; renamed: boolean }>;
  removed: string[];
  added: string[];
  /** A removed and an added property with the same schema and no declared rename. */
  undeclared: Array<{ oldName: string; newName: string }>;
}

interface PairBase {
  entity: string;
  old: Side;
  new: Side;
  via: Via;
}

/** Two schema nodes at the same location, after $ref resolution. */
export interface ContentPair extends PairBase {
  a: View;
  b: View;
  /** Properties matched by name and declared renames (computed once). */
  properties(): PropertyMatch;
  /** A child schema of either side, read as a View. */
  viewOld(raw: unknown, at: string): View;
  viewNew(raw: unknown, at: string): View;
  /** The `default` of a property schema (following $ref), if it has one. */
  defaultOld(name: string): { value: unknown } | undefined;
  defaultNew(name: string): { value: unknown } | undefined;
}

/** The same location on both sides before unwrapping: where nullability and defaults belong. */
export interface EntryPair extends PairBase {
  /** "ref": both sides are plain $refs (only their own annotations are compared here). */
  level: "ref" | "node";
  a: { origin: Origin; raw: unknown; nullable: boolean; default?: { value: unknown }; view: View };
  b: { origin: Origin; raw: unknown; nullable: boolean; default?: { value: unknown }; view: View };
}

/** The two entity version documents (for their definitions). */
export interface DocumentPair extends PairBase {
  a: unknown;
  b: unknown;
}

/** The newest version of an entity, alone. */
export interface VersionContext {
  entity: string;
  side: Side;
  /** Every schema node reachable from the version file, once each, with where it is written. */
  nodes(): Array<{ node: Record<string, unknown>; origin: Origin }>;
  /** The IR module built from the newest versions (undefined when building it failed). */
  module(): Module | undefined;
  /** A LockstepError message from building the IR, if it failed. */
  irError(): { message: string } | undefined;
}

/** Whole trees, for rules about entities and versions. */
export interface HistoryContext {
  tree: SchemaTree;
  /** The tree compared against (--against), if any. */
  before?: SchemaTree;
  /** schemas/lockstep.lock.json of the working tree, if present. */
  lock?: Lock;
  /** Entities being linted (all unless named on the command line). */
  selected(entity: string): boolean;
}

export interface RuleContext {
  report(r: Report): void;
  /** True when a report with severity off and no impacts would be dropped (lint, not diff): rules may skip building it. */
  quiet: boolean;
}

/** A report positioned by the rule itself (history and version rules). */
export interface PlacedReport extends Report {
  entity: string;
  tree: SchemaTree;
  origin: Origin;
  oldTree?: SchemaTree;
  oldOrigin?: Origin;
  from?: number;
  to?: number;
}

export interface PlacedContext {
  report(r: PlacedReport): void;
}

export interface RuleModule {
  meta: RuleMeta;
  content?(pair: ContentPair, ctx: RuleContext): void;
  entry?(pair: EntryPair, ctx: RuleContext): void;
  documents?(pair: DocumentPair, ctx: RuleContext): void;
  version?(v: VersionContext, ctx: PlacedContext): void;
  history?(h: HistoryContext, ctx: PlacedContext): void;
}

export function defineRule(rule: RuleModule): RuleModule {
  return rule;
}

export type { VersionFile };

/**
 * The vocabulary of lint: findings, their impact on generated readers and source, modes, and the
 * shape of a rule. Rules live one per file under rules/; the framework (walk.ts) pairs nodes.
 */
import type { Location } from "../errors.js";

export type Severity = "error" | "warning" | "info" | "off";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info", "off"];

/** Compatibility modes, as Confluent Schema Registry and Avro define them, plus lockstep's whitelist. */
export type Mode = "additive" | "backward" | "forward" | "full";
export const MODES: readonly Mode[] = ["additive", "backward", "forward", "full"];

/** Who reads: the generated code of each language, or a JSON Schema validator using the schema. */
export type Target = "rust" | "go" | "typescript" | "validators";
export const TARGETS: readonly Target[] = ["rust", "go", "typescript", "validators"];
export const CODE_TARGETS: readonly Target[] = ["rust", "go", "typescript"];

/** Report formats of `lockstep lint` (format/index.ts prints them). */
export const FORMATS = ["text", "json", "sarif", "github", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Which side a change breaks. old-readers: code built from the old version reading data written
 * with the new one (forward compatibility). new-readers: code built from the new version reading
 * old data (backward compatibility). source: code compiled against the generated types.
 */
export type Side = "old-readers" | "new-readers" | "source";

export interface Impact {
  side: Side;
  targets: Target[];
  /** What happens, short: "reject a missing required property". */
  why: string;
  /** true: readers fail or lose data; false: they read a different but valid value. */
  fails: boolean;
  /** Lockstep could not prove these readers are safe, nor find data that breaks them. */
  unproven?: boolean;
}

/** Where a finding is: the new side (always) and the old side (where it exists). */
export interface FindingLocation extends Location {
  line: number;
  column: number;
  pointer: string;
  /** Relative to the schemas root (or the config file for config suppressions). */
  rel: string;
  /** The git revision the file was read from (--against); `file` is then `<ref>:<path>`. */
  ref?: string;
}

export interface Finding {
  rule: string;
  /** Severity after mode, target filter, config override and suppression. */
  severity: Severity;
  message: string;
  entity: string;
  /** Versions compared (from undefined for single-version checks). */
  from?: number;
  to?: number;
  /** Label of the old tree when it is not the working tree (a git ref). */
  against?: string;
  /** JSON pointer in the new file (may name something that exists only in the old one). */
  pointer: string;
  /** Pointer of the schema node whose pair produced the finding; x-lockstep-allow goes here. */
  anchor: string;
  location: FindingLocation;
  old?: FindingLocation;
  impacts: Impact[];
  /** Distinguishes findings of one rule at one pointer (an enum value, a keyword). */
  subject?: string;
  suppressed?: { kind: "inSource" | "external"; reason: string; location?: FindingLocation };
  /** Other old versions giving the same finding (with --transitive). */
  alsoFrom?: number[];
}

/** Static description of a rule, for the registry, docs, SARIF and --help. */
export interface RuleMeta {
  id: string;
  description: string;
  /** Severity under the additive policy (the default mode). */
  severity: Severity;
  /** Which sides the change can break. */
  breaks: Side[];
  /** For each target, whether wire compatibility, source compatibility or both are concerned. */
  targets: Partial<Record<Target, Array<"wire" | "source">>>;
  /**
   * pair: compares a pair of schema nodes; hazard: looks at the newest version alone; history:
   * looks at an entity's versions or trees; framework: reported by the lint machinery itself.
   */
  kind: "pair" | "hazard" | "history" | "framework";
}

/** What a rule reports; the framework adds positions, versions and the effect text. */
export interface Report {
  /** Pointer relative to the new node (e.g. "/maxLength", "/properties/email"); "" for the node. */
  at?: string;
  /** Pointer relative to the old node, when it differs from `at`. */
  oldAt?: string;
  /** Report at the old node only (the thing exists only there). */
  message: string;
  impacts?: Impact[];
  subject?: string;
  /** Overrides the rule's additive severity for this finding. */
  severity?: Severity;
  /** Overrides the rule id (a rule module that owns related ids). */
  rule?: string;
}

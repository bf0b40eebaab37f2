/**
 * Suppressions: `x-lockstep-allow: [{rule, reason}]` on the changed node in the new version, or a
 * config entry {rule, entity, pointer, reason}. Matched on rule id and location only, never on
 * message text. A suppression needs a reason; one that matches nothing is reported as unused.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { locate, parseJsonFile, pointerFrom, type JsonFile } from "../load/json-file.js";
import type { Origin } from "../load/resolve.js";
import { isObject, type Schema } from "./resolver.js";
import type { SchemaTree } from "./tree.js";
import type { Finding, FindingLocation } from "./types.js";

export const ALLOW_KEYWORD = "x-lockstep-allow";

export interface Suppression {
  kind: "inSource" | "external";
  entity: string;
  rule?: string;
  reason?: string;
  pointer?: string;
  version?: number;
  /** For inSource: the node it sits on. */
  anchor?: Origin;
  location: FindingLocation;
  problem?: string;
  used: boolean;
}

function where(file: JsonFile, rel: string, pointer: string): FindingLocation {
  const loc = locate(file, pointer);
  return { file: loc.file, line: loc.line!, column: loc.column!, pointer, rel };
}

function problemOf(entry: unknown, known: (id: string) => boolean): string | undefined {
  if (!isObject(entry)) return "an entry must be an object {rule, reason}";
  if (typeof entry.rule !== "string") return "an entry needs a rule id";
  if (!known(entry.rule)) return `unknown rule id ${JSON.stringify(entry.rule)} (see docs/rules/)`;
  if (typeof entry.reason !== "string" || entry.reason.trim() === "") return `the suppression of ${entry.rule} has no reason: add "reason" saying why the change is acceptable`;
  return undefined;
}

/** x-lockstep-allow entries on the given schema nodes of the new tree. */
export function inSource(tree: SchemaTree, nodes: Array<{ node: Schema; origin: Origin }>, entity: string, known: (id: string) => boolean): Suppression[] {
  const out: Suppression[] = [];
  for (const { node, origin } of nodes) {
    if (!(ALLOW_KEYWORD in node)) continue;
    const file = tree.file(origin.file)!;
    const list = node[ALLOW_KEYWORD];
    const base = origin.pointer + pointerFrom([ALLOW_KEYWORD]);
    if (!Array.isArray(list)) {
      out.push({ kind: "inSource", entity, anchor: origin, location: where(file, origin.file, base), problem: `${ALLOW_KEYWORD} must be an array of {rule, reason}`, used: false });
      continue;
    }
    list.forEach((entry, i) => {
      const e = isObject(entry) ? entry : {};
      out.push({
        kind: "inSource", entity, anchor: origin, location: where(file, origin.file, `${base}/${i}`), used: false,
        ...(typeof e.rule === "string" ? { rule: e.rule } : {}),
        ...(typeof e.reason === "string" ? { reason: e.reason } : {}),
        ...(problemOf(entry, known) ? { problem: problemOf(entry, known)! } : {}),
      });
    });
  }
  return out;
}

/** Entries of the config's lint.suppressions, positioned in the config file. */
export function fromConfig(entries: unknown[], configPath: string | undefined, cwd: string, known: (id: string) => boolean): Suppression[] {
  if (entries.length === 0) return [];
  const file = configPath ? parseJsonFile(configPath, relative(cwd, configPath) || configPath, readFileSync(configPath, "utf8")) : undefined;
  return entries.map((entry, i) => {
    const e = isObject(entry) ? entry : {};
    const pointer = `/lint/suppressions/${i}`;
    const location: FindingLocation = file ? where(file, "lockstep.config.json", pointer) : { file: "lockstep.config.json", line: 1, column: 1, pointer, rel: "lockstep.config.json" };
    return {
      kind: "external" as const, entity: typeof e.entity === "string" ? e.entity : "", location, used: false,
      ...(typeof e.rule === "string" ? { rule: e.rule } : {}),
      ...(typeof e.reason === "string" ? { reason: e.reason } : {}),
      ...(typeof e.pointer === "string" ? { pointer: e.pointer } : {}),
      ...(typeof e.version === "number" ? { version: e.version } : {}),
      ...(problemOf(entry, known) ? { problem: problemOf(entry, known)! } : {}),
    };
  });
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.problem || s.rule !== f.rule) return false;
  if (s.kind === "inSource") return s.anchor!.file === f.location.rel && s.anchor!.pointer === f.anchor && s.entity === f.entity;
  return s.entity === f.entity && (s.pointer === f.pointer || s.pointer === f.anchor) && (s.version === undefined || s.version === f.to);
}

/** Marks suppressed findings; returns the findings about the suppressions themselves. */
export function applySuppressions(findings: Finding[], suppressions: Suppression[]): Array<{ rule: string; s: Suppression; message: string }> {
  for (const f of findings) {
    const s = suppressions.find((x) => matches(x, f));
    if (!s) continue;
    s.used = true;
    f.suppressed = { kind: s.kind, reason: s.reason!, location: s.location };
  }
  const out: Array<{ rule: string; s: Suppression; message: string }> = [];
  for (const s of suppressions) {
    const what = s.kind === "inSource" ? ALLOW_KEYWORD : "config suppression";
    if (s.problem) out.push({ rule: "suppression-invalid", s, message: `${what}: ${s.problem}` });
    else if (!s.used) {
      const at = s.kind === "inSource" ? `on #${s.anchor!.pointer}` : `for ${s.entity} #${s.pointer}${s.version ? ` (v${s.version})` : ""}`;
      out.push({ rule: "suppression-unused", s, message: `${what} of ${s.rule} ${at} matches no finding: remove it (the change it allowed is gone, or it is on the wrong node)` });
    }
  }
  return out;
}

/**
 * Severity of a finding in a mode. The additive policy (default) is a whitelist: each rule's own
 * severity applies. backward / forward / full protect one or both reader directions, as Confluent
 * and Avro define them: a change that makes protected readers fail is an error, one that makes
 * them read a different value a warning, anything else a note. Source-only changes are notes
 * outside additive mode. A change lockstep can neither prove safe nor show breaking ("cannot
 * prove") is a warning for the readers it may break, an error with --strict. A per-rule severity in the config overrides all of this.
 */
import type { RuleModule } from "./rule.js";
import type { Impact, Mode, Severity, Side, Target } from "./types.js";

const PROTECTS: Record<Exclude<Mode, "additive">, Side[]> = {
  backward: ["new-readers"],
  forward: ["old-readers"],
  full: ["old-readers", "new-readers"],
};

/** Impacts narrowed to the targets the project cares about (empty ones dropped). */
export function forTargets(impacts: Impact[], targets: readonly Target[]): Impact[] {
  return impacts.map((i) => ({ ...i, targets: i.targets.filter((t) => targets.includes(t)) })).filter((i) => i.targets.length > 0);
}

export function severityIn(rule: RuleModule, base: Severity, all: Impact[], kept: Impact[], mode: Mode, override?: Severity, strict = false): Severity {
  if (override) return override;
  if (rule.meta.kind !== "pair") return base;
  const unproven = kept.length > 0 && kept.every((i) => i.unproven);
  if (mode === "additive") return base !== "off" && all.length > 0 && kept.length === 0 ? "info" : unproven && strict && base !== "off" ? "error" : base;
  const sides = PROTECTS[mode];
  // "Cannot prove" fails a mode only with --strict; otherwise it asks for a review.
  if (kept.some((i) => sides.includes(i.side) && i.fails && (!i.unproven || strict))) return "error";
  if (kept.some((i) => sides.includes(i.side))) return "warning";
  return base === "off" ? "off" : "info";
}

export const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, off: 0 };

/**
 * What the generated code does, as rules need it for their verdicts (see docs/semantics.md and
 * docs/lint.md). Decoders of all three targets: reject a missing required property unless the
 * schema gives a default (then they fill it); keep unknown properties of open objects and drop
 * those of closed ones; keep unknown enum values and unknown union tags; enforce no constraint
 * (minimum, pattern, format, ...). A JSON Schema validator enforces everything and nothing else.
 */
import type { Via } from "./rule.js";
import { CODE_TARGETS, type Impact, type Side, type Target } from "./types.js";

export const CODE: Target[] = [...CODE_TARGETS];
export const ALL: Target[] = [...CODE_TARGETS, "validators"];

export function impact(side: Side, targets: Target[], why: string, fails = true): Impact {
  return { side, targets, why, fails };
}

export const source = (why: string, targets: Target[] = CODE): Impact => impact("source", targets, why, true);

/** Readers of a version that see JSON null where their type has no null. */
export function nullReaders(side: Side, via: Via, who: "old" | "new"): Impact[] {
  const prop = via.kind === "property" ? via[who] : undefined;
  if (prop && !prop.required) {
    return [
      impact(side, ["typescript"], "reject null for this optional property"),
      impact(side, ["rust", "go"], "read null as absent", false),
      impact(side, ["validators"], "reject null"),
    ];
  }
  return [
    impact(side, ["rust", "typescript", "validators"], "reject null"),
    impact(side, ["go"], "read null as the zero value"),
  ];
}

/** Readers of a version whose schema requires `name`, reading data without it. */
export function missingRequired(side: Side, name: string, hasDefault: boolean): Impact[] {
  const quoted = JSON.stringify(name);
  if (hasDefault) {
    return [
      impact(side, CODE, `fill in the default for a missing ${quoted}`, false),
      impact(side, ["validators"], `reject data without ${quoted}`),
    ];
  }
  return [impact(side, ALL, `reject data without ${quoted}`)];
}

/** Readers of an object schema reading a property it does not declare. */
export function undeclaredProperty(side: Side, name: string, additional: "open" | "closed" | "typed"): Impact[] {
  const quoted = JSON.stringify(name);
  if (additional === "closed") {
    return [impact(side, CODE, `drop ${quoted} (closed object), so a rewrite loses it`, false), impact(side, ["validators"], `reject ${quoted} (additionalProperties: false)`)];
  }
  if (additional === "typed") return [impact(side, CODE, `read ${quoted} with the additionalProperties schema and may reject it`), impact(side, ["validators"], `read ${quoted} with the additionalProperties schema and may reject it`)];
  return [];
}

/** Human list of targets: "rust, go, typescript". */
export function targetList(targets: readonly Target[]): string {
  return targets.join(", ");
}

/** Quoted property path for messages. */
export function q(name: string): string {
  return JSON.stringify(name);
}

/** Variant-level comparison of two unions of the same kind, shared by the union rules. */
import { pointerFrom } from "../load/json-file.js";
import { isObject } from "./resolver.js";
import { canon } from "./values.js";
import type { Union, View } from "./view.js";

/** Pointer of a tagged variant (the node itself for a one-variant stand-in). */
function at(u: Extract<Union, { kind: "tagged" }>, tag: string): string {
  const i = u.index.get(tag)!;
  return i < 0 ? "" : pointerFrom([u.key, i]);
}

export interface UnionDelta {
  kind: "tagged" | "kinds" | "other";
  key: string;
  /** Pointer of the new side's union keyword ("" when the new side is a single variant). */
  at: string;
  tag?: string;
  removed: Array<{ label: string; oldAt: string }>;
  added: Array<{ label: string; at: string }>;
}

/** The tag value of an object that is a single variant of a union discriminated by `tag`. */
export function singleVariant(v: View, tag: string): string | undefined {
  if (v.union || !v.required.has(tag)) return undefined;
  const p = v.properties.get(tag);
  if (!isObject(p)) return undefined;
  if (typeof p.const === "string") return p.const;
  return Array.isArray(p.enum) && p.enum.length === 1 && typeof p.enum[0] === "string" ? p.enum[0] : undefined;
}

/** A view's union, or the one-variant tagged union an object is when the other side is tagged on the same property. */
function unionOf(v: View, other: View): Union | undefined {
  if (v.union) return v.union;
  const o = other.union;
  if (o?.kind !== "tagged") return undefined;
  const value = singleVariant(v, o.tag);
  if (value === undefined) return undefined;
  return { kind: "tagged", key: o.key, tag: o.tag, variants: new Map([[value, v.schema]]), index: new Map([[value, -1]]) };
}

export function unionDelta(a: View, b: View): UnionDelta | undefined {
  const ua = unionOf(a, b);
  const ub = unionOf(b, a);
  if (!ua || !ub || ua.kind !== ub.kind) return undefined;
  if (ua.kind === "tagged" && ub.kind === "tagged") {
    if (ua.tag !== ub.tag) return undefined; // discriminator-changed
    const oldTags = [...ua.variants.keys()];
    const newTags = [...ub.variants.keys()];
    return {
      kind: "tagged", key: ub.key, at: b.union ? `/${ub.key}` : "", tag: `${JSON.stringify(ub.tag)}:`,
      removed: oldTags.filter((t) => !ub.variants.has(t)).map((t) => ({ label: JSON.stringify(t), oldAt: at(ua, t) })),
      added: newTags.filter((t) => !ua.variants.has(t)).map((t) => ({ label: JSON.stringify(t), at: at(ub, t) })),
    };
  }
  if (ua.kind === "kinds" && ub.kind === "kinds") {
    const oldKinds = [...ua.variants.keys()];
    const newKinds = [...ub.variants.keys()];
    return {
      kind: "kinds", key: ub.key, at: `/${ub.key}`,
      removed: oldKinds.filter((k) => !ub.variants.has(k)).map((k) => ({ label: k, oldAt: pointerFrom([ua.key, ua.index.get(k)!]) })),
      added: newKinds.filter((k) => !ua.variants.has(k)).map((k) => ({ label: k, at: pointerFrom([ub.key, ub.index.get(k)!]) })),
    };
  }
  if (ua.kind === "other" && ub.kind === "other") {
    // Same number of branches: paired by position, and what changed inside is reported there.
    if (ua.branches.length === ub.branches.length) return undefined;
    const sa = ua.branches.map(canon);
    const sb = ub.branches.map(canon);
    return {
      kind: "other", key: ub.key, at: `/${ub.key}`,
      removed: sa.flatMap((s, i) => (sb.includes(s) ? [] : [{ label: `#${ua.index[i]}`, oldAt: pointerFrom([ua.key, ua.index[i]!]) }])),
      added: sb.flatMap((s, i) => (sa.includes(s) ? [] : [{ label: `#${ub.index[i]}`, at: pointerFrom([ub.key, ub.index[i]!]) }])),
    };
  }
  return undefined;
}

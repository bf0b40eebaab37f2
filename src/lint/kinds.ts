/** Kind-set comparison shared by the type rules: which JSON kinds each side admits. */
import { ALL, impact } from "./effects.js";
import type { Impact, Side, Target } from "./types.js";
import { accepts, type Kind, type View } from "./view.js";

const ALL_KINDS: Kind[] = ["boolean", "integer", "number", "string", "array", "object"];

export interface KindDelta {
  /** Kinds old data may have that the new schema rejects. */
  removed: Kind[];
  /** Kinds new data may have that the old schema rejects. */
  added: Kind[];
}

/** undefined when the rules about types have nothing to say (both unions, unknown, or equal). */
export function kindDelta(a: View, b: View): KindDelta | undefined {
  if (a.union && b.union) return undefined; // the union rules compare variants
  if (a.never || b.never) return undefined;
  const ka = a.kinds;
  const kb = b.kinds;
  if (ka === undefined && kb === undefined) return undefined;
  const removed = (ka ? [...ka] : ALL_KINDS).filter((k) => !accepts(kb, k));
  const added = (kb ? [...kb] : ALL_KINDS).filter((k) => !accepts(ka, k));
  return { removed, added };
}

/** The generated type is raw JSON (accepts any value) for these views. */
export function codeAcceptsAll(v: View): boolean {
  return v.kinds === undefined || v.union?.kind === "other";
}

/** Readers (of the version `v`) rejecting values of `kinds`. */
export function rejectKinds(side: Side, v: View, kinds: Kind[], what?: string): Impact[] {
  if (kinds.length === 0) return [];
  const targets: Target[] = codeAcceptsAll(v) ? ["validators"] : ALL;
  return [impact(side, targets, `reject ${what ?? kinds.map(article).join(" and ")} values`)];
}

function article(k: Kind): string {
  return k === "integer" ? "integer" : k === "number" ? "non-integral number" : k;
}

export function kindsText(v: View): string {
  if (v.kinds === undefined) return "any";
  const base = [...v.kinds].map((k) => (k === "integer" && v.intBits ? `integer (int${v.intBits})` : k));
  return base.length === 0 ? "nothing" : base.join(" | ");
}

/**
 * Old/new schema pairs with the verdict JSON Schema's set semantics gives in each direction:
 * backward = every instance the old schema accepts is valid under the new one (new readers of old
 * data), forward = the reverse (old readers of new data). "ok" passes the mode, "break" fails it,
 * "unproven" is "cannot prove" (passes, fails with --strict). Where lockstep deliberately differs
 * from pure set semantics (docs/lint.md, "Where lockstep differs"), `note` says so.
 */
import type { Target } from "../../../src/lint/types.js";

export type Verdict = "ok" | "break" | "unproven";

export interface Pair {
  name: string;
  old: unknown;
  new: unknown;
  backward: Verdict;
  forward: Verdict;
  /** Readers that count (default: all). */
  targets?: Target[];
  /** No finding at all, not even one `diff` would list. */
  silent?: boolean;
  note?: string;
}

export const D2020 = "https://json-schema.org/draft/2020-12/schema";
export const D07 = "http://json-schema.org/draft-07/schema#";
export const D04 = "http://json-schema.org/draft-04/schema#";

/** An object schema (2020-12 unless `$schema` is given in extra). */
export function o(properties: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $schema: D2020, type: "object", properties, ...extra };
}

export function arr(extra: Record<string, unknown>, dialect = D2020): Record<string, unknown> {
  return { $schema: dialect, type: "array", ...extra };
}

export const s = { type: "string" };
export const i = { type: "integer" };
export const b = { type: "boolean" };

export function pair(name: string, old: unknown, now: unknown, backward: Verdict, forward: Verdict, more: Partial<Pair> = {}): Pair {
  return { name, old, new: now, backward, forward, ...more };
}

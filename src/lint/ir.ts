/**
 * Builds the IR of the newest versions with the lint resolver (so it works on any tree), for the
 * single-version hazards: name collisions the IR refuses and constructs it types as raw JSON.
 */
import { LockstepError } from "../errors.js";
import { buildModule } from "../ir/module.js";
import type { Module } from "../ir/types.js";
import { textAt } from "../load/json-file.js";
import type { ResolvedUnit } from "../load/resolve.js";
import { isUnresolved, type Resolver } from "./resolver.js";
import { referencedFiles } from "./lock.js";
import type { VersionFile } from "./tree.js";

export interface IrResult {
  module?: Module;
  error?: { message: string };
}

export function buildIr(resolver: Resolver, versions: VersionFile[]): IrResult {
  const tree = resolver.tree;
  // The IR names types by where they are written: every object of every input needs its origin.
  for (const v of versions) for (const rel of [v.rel, ...referencedFiles(tree, v.rel)]) resolver.registerAll(rel);
  const unit: ResolvedUnit = {
    roots: versions.map((v) => ({ version: { entity: v.entity, version: v.version, rel: v.rel, path: tree.display(v.rel), file: tree.file(v.rel)! }, schema: resolver.doc(v.rel) })),
    origins: resolver.origins,
    // A $ref lint could not follow is typed as raw JSON here; unresolved-ref reports it.
    deref: (schema) => {
      const t = resolver.deref(schema);
      return isUnresolved(t) ? true : resolver.normalized(t);
    },
    inputs: [],
  };
  const entityOfFile = (file: string): string | undefined => {
    const m = /^([^/]+)\/v\d+\.json$/.exec(file);
    return m && tree.entities.has(m[1]!) ? m[1] : undefined;
  };
  try {
    const module = buildModule({
      // No inputs: their hash is for generated headers, and canonicalizing them is not free.
      unit, path: [], entityOfFile, inputs: [],
      textAt: (file, pointer) => {
        const f = tree.file(file);
        return f && textAt(f, pointer);
      },
    });
    return { module };
  } catch (err) {
    if (err instanceof LockstepError) return { error: { message: err.message } };
    return { error: { message: `the IR builder failed: ${(err as Error).message}` } };
  }
}

/** Builds all newest versions together (as `generate` does), else each one alone. */
export function irPerEntity(resolver: Resolver, versions: VersionFile[]): Map<string, IrResult> {
  const out = new Map<string, IrResult>();
  const all = buildIr(resolver, versions);
  if (all.module) {
    for (const v of versions) out.set(v.entity, all);
    return out;
  }
  for (const v of versions) {
    const one = buildIr(resolver, [v]);
    out.set(v.entity, one.error ? one : { ...one, error: all.error! });
  }
  return out;
}

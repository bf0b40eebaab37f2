/**
 * A built module with its type names decided (src/ir/type-names.ts) turned into what building it
 * again with those names would give, without building again: the build's shape does not depend
 * on type names, only the names do. Every claim is made again in the build's order, a name made
 * from another type's name remade from that type's new name (src/ir/derive.ts), then the
 * declarations are renamed in place. When a name did decide the shape (Builder.nameChecks) or a
 * union's variant names would come out otherwise than plain, this says so and the module is
 * built again.
 */
import { pascalCase } from "./casing.js";
import { applySteps } from "./derive.js";
import { freeName, resolveNames, Taken, type Candidate } from "./disambiguate.js";
import type { Builder } from "./build.js";
import { renameDecls } from "./rename.js";
import type { EntityRoot, KindUnionDecl, Words } from "./types.js";

/** Renames `b`'s declarations as a build with `overrides` would name them; false when it cannot. */
export function renameAsRebuilt(b: Builder, entities: EntityRoot[], overrides: ReadonlyMap<string, Words>): boolean {
  const kept = new Set(b.typeClaims);
  const taken = new Taken();
  const counts = new Map<string, number>();
  const renames = new Map<string, Words>();
  // The same steps as Builder.claimType, with the names each claim's hint is made from now.
  for (const { claim, place, from } of b.claimLog) {
    const words = from?.owner ? applySteps(from.owner.actual, from.steps) : claim.words;
    let key = `${place}|${words.join("_")}`;
    const n = (counts.get(key) ?? 0) + 1;
    counts.set(key, n);
    if (n > 1) key += `|${n}`;
    const text = claim.rank === 2 ? pascalCase(words) : claim.text;
    const made = { ...claim, key, words, text };
    let name = overrides.get(key) ?? words;
    if (taken.clash(name)) name = freeName({ ...made, words: name }, taken);
    taken.add(name, made);
    const old = claim.actual.join("_");
    if (kept.has(claim) && old !== name.join("_")) renames.set(old, name);
    Object.assign(claim, { key, words, text, actual: [...name] });
  }
  if (renames.size === 0) return true;
  renameDecls(b.decls, entities, renames);
  const renamed = new Set([...renames.values()].map((w) => w.join("_")));
  const rename = (id: string): string => renames.get(id)?.join("_") ?? id;
  if (!b.nameChecks.every((check) => check(rename))) return false;
  for (const decl of b.decls.values()) {
    if (decl.kind === "kind-union" && decl.variants.some((v) => v.type.kind === "ref" && renamed.has(v.type.target)) && !renameVariants(b, decl)) return false;
  }
  for (const write of b.namedWarnings) write();
  // Type names are recorded again by the next resolution, under the claims' new keys.
  for (const key of [...b.record.keys()]) if (key.startsWith("type ")) b.record.delete(key);
  return true;
}

/**
 * A union by kind names a variant that is a reference after its declaration (build-union.ts
 * addVariants). Names them again from the renamed declarations; false unless every variant gets
 * its plain name both before and after (what a build would do otherwise is left to a build).
 */
function renameVariants(b: Builder, decl: KindUnionDecl): boolean {
  const keyOf = (kind: string): string => `variant ${b.stablePlace(decl.source)} ${JSON.stringify(kind)}`;
  const candidates = decl.variants.map((v): Candidate => {
    const words = v.type.kind === "ref" ? (b.decls.get(v.type.target)?.name ?? v.type.target.split("_")) : [v.kind];
    return { key: v.kind, words, text: v.kind, at: decl.source };
  });
  for (const c of candidates) {
    const before = b.record.get(keyOf(c.key));
    if (!before || before.base.join("_") !== before.final.join("_")) return false;
    const prev = b.inherited.get(keyOf(c.key));
    if (prev && prev.base.join("_") === c.words.join("_")) c.keep = prev.final;
  }
  const { names, collisions } = resolveNames(candidates, "upper");
  if (collisions.length > 0 || candidates.some((c) => names.get(c.key)!.join("_") !== c.words.join("_"))) return false;
  decl.variants.forEach((v, i) => {
    const words = candidates[i]!.words;
    v.name = words;
    b.record.set(keyOf(v.kind), { base: words, final: words });
  });
  return true;
}

/**
 * A module's type names, decided as a whole. Entities share one namespace; a type written in one
 * entity's file whose name another entity (or a shared file) also uses is qualified with its
 * entity's name (`Configuration` → `UserConfiguration`, `OrderConfiguration`), so names stay as
 * they were until such a clash exists (a name the previous version gave is kept against a shared
 * file's type added since). Entity roots keep their names; two entity directories
 * that spell the same type name are an error. What still collides goes through the rule of
 * src/ir/disambiguate.ts, after the names the previous version gave.
 */
import { LockstepError } from "../errors.js";
import { TARGET_CASINGS, toWords } from "./casing.js";
import { castKeys, resolveNames, type Candidate, type Resolution } from "./disambiguate.js";
import type { NameRecord, Words } from "./types.js";

export interface TypeClaim extends Candidate {
  /** Entity whose version file the type is written in (undefined: a shared file). */
  entity?: string;
  /** The entity's root type. */
  root: boolean;
  /** The name it got in the build that made this claim. */
  actual: Words;
}

const recordKey = (claimKey: string): string => `type ${claimKey}`;
const same = (a: Words, b: Words): boolean => a.join("_") === b.join("_");

/** Final names by claim key; records them in `record`. */
export function resolveTypeNames(claims: TypeClaim[], inherited: NameRecord, record: NameRecord): Resolution {
  const byName = new Map<string, TypeClaim[]>();
  for (const c of claims) {
    for (const k of castKeys(c.words)) {
      const list = byName.get(k);
      if (list) list.push(c);
      else byName.set(k, [c]);
    }
  }
  const clashing = (c: TypeClaim): TypeClaim[] => {
    const keys = castKeys(c.words);
    // Most names are their claim's alone (each list holds the claim itself).
    if (keys.every((k) => byName.get(k)!.length === 1)) return [];
    const out = new Set<TypeClaim>();
    for (const k of keys) for (const d of byName.get(k) ?? []) if (d.key !== c.key) out.add(d);
    return [...out];
  };
  const candidates = claims.map((c): Candidate => {
    const others = clashing(c);
    if (c.root) {
      // Roots pinned to the same name (two entities titled alike) take their entities' names.
      const own = toWords(c.entity!, "type");
      const pinned = others.some((d) => d.root && d.entity !== c.entity) && !same(c.words, own);
      const root = others.find((d) => d.root && d.entity !== c.entity && TARGET_CASINGS.some(({ convert }) => convert(toWords(d.entity!, "type")) === convert(own)));
      if (pinned && !root) return { ...c, words: own, rank: -1 };
      if (root) {
        const target = TARGET_CASINGS.find(({ convert }) => convert(root.words) === convert(c.words))!;
        const [a, b] = [c, root].sort((x, y) => (x.at.file < y.at.file ? -1 : 1));
        throw new LockstepError(
          `two types get the same name ${target.convert(c.words)} in ${target.target}: ${a!.at.file}#${a!.at.pointer} and ${b!.at.file}#${b!.at.pointer}; rename one entity directory`,
        );
      }
      return { ...c, rank: -1 };
    }
    const prev = inherited.get(recordKey(c.key));
    // A name the previous version gave is kept against a shared file's type added since; another
    // entity's type still qualifies it (the previous version was built without other entities).
    const kept = prev !== undefined && same(prev.base, c.words);
    const otherEntity = others.some((d) => d.entity !== undefined && d.entity !== c.entity);
    const sharedFile = others.some((d) => d.entity === undefined);
    let words = c.words;
    if (c.entity !== undefined && (otherEntity || (sharedFile && !kept))) {
      const entity = toWords(c.entity, "type");
      if (!same(words.slice(0, entity.length), entity)) words = [...entity, ...words];
    }
    return { ...c, words, ...(prev && same(prev.base, words) ? { keep: prev.final } : {}) };
  });
  const resolution = resolveNames(candidates, "upper");
  for (const c of candidates) record.set(recordKey(c.key), { base: c.words, final: resolution.names.get(c.key)! });
  return resolution;
}

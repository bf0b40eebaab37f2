/**
 * How the IR names things, and the check that no two names collide in any target. Names come
 * from where a schema was written, never from the order it was met, so adding a property, a type
 * or a version never renames an existing type.
 */
import { LockstepError } from "../errors.js";
import { TARGET_CASINGS, toWords } from "./casing.js";
import type { Schema } from "./schema.js";
import type { Words } from "./types.js";
import type { Origin } from "../load/resolve.js";

/** Extension keyword that pins a type's name. */
export const NAME_KEYWORD = "x-lockstep-name";

/** A name pinned by the schema: `x-lockstep-name`, or a `title` that is a plain identifier. */
export function pinnedName(schema: Schema): Words | undefined {
  const pin = schema[NAME_KEYWORD];
  if (typeof pin === "string" && pin.trim() !== "") return toWords(pin, "type");
  if (typeof schema.title === "string" && /^[A-Za-z][A-Za-z0-9_]*$/.test(schema.title)) return toWords(schema.title, "type");
  return undefined;
}

/**
 * A name from where the schema was written: a definition's key (`#/$defs/Address`), or the file
 * name of a shared document (`_common/address.json`).
 */
export function originName(origin: Origin | undefined, isEntityFile: (file: string) => boolean): Words | undefined {
  if (!origin) return undefined;
  const m = /^\/(?:\$defs|definitions)\/([^/]+)$/.exec(origin.pointer);
  if (m) return toWords(m[1]!.replace(/~1/g, "/").replace(/~0/g, "~"), "type");
  if (origin.pointer === "" && !isEntityFile(origin.file)) {
    const base = origin.file.split("/").pop()!.replace(/\.json$/, "");
    return toWords(base, "type");
  }
  return undefined;
}

/** Singular of the last word, for array items and map values: orders → order, entries → entry. */
export function singular(words: Words): Words {
  const last = words[words.length - 1];
  if (!last) return words;
  let one = last;
  if (/ies$/.test(last) && last.length > 4) one = `${last.slice(0, -3)}y`;
  else if (/(ss|x|ch|sh)es$/.test(last)) one = last.slice(0, -2);
  else if (/[^su]s$/.test(last) && last.length > 3) one = last.slice(0, -1);
  if (one === last) return [...words, "item"];
  return [...words.slice(0, -1), one];
}

/**
 * Names within one scope (a module's types, an object's fields, an enum's members). A name that
 * equals another after any target's case conversion is an error naming both places.
 */
export class NameScope {
  private readonly owners = new Map<string, { key: string; where: string }>();

  constructor(private readonly what: string) {}

  /** Claims `words` for `key` (the same key may claim again); `where` says where it was written. */
  claim(words: Words, key: string, where: string): void {
    for (const { target, convert } of TARGET_CASINGS) {
      const cased = `${target}\u0000${convert(words)}`;
      const owner = this.owners.get(cased);
      if (owner && owner.key !== key) {
        throw new LockstepError(
          `two ${this.what} get the same name ${convert(words)} in ${target}: ${owner.where} and ${where}; ` +
            `rename one, or pin a name with "${NAME_KEYWORD}"`,
        );
      }
      this.owners.set(cased, { key, where });
    }
  }

  has(words: Words): boolean {
    return TARGET_CASINGS.some(({ target, convert }) => this.owners.has(`${target}\u0000${convert(words)}`));
  }

  /** The first candidate not taken yet (for names the IR invents: unknown variants, field bags). */
  firstFree(candidates: Words[]): Words {
    return candidates.find((c) => !this.has(c)) ?? [...candidates[candidates.length - 1]!, "value"];
  }
}

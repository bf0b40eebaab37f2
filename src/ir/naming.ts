/**
 * How the IR names things. Names come from where a schema was written, never from the order it
 * was met, so adding a property, a type or a version never renames an existing type; names that
 * collide in some target are told apart by src/ir/disambiguate.ts.
 */
import { toWords } from "./casing.js";
import { Taken } from "./disambiguate.js";
import type { Schema } from "./schema.js";
import type { Words } from "./types.js";
import type { Origin } from "../load/resolve.js";

/** Extension keyword that pins a type's or a property's name. */
export const NAME_KEYWORD = "x-lockstep-name";
/** Enum member names: openapi-generator's array parallel to `enum`, or lockstep's value → name object. */
export const ENUM_VARNAMES_KEYWORD = "x-enum-varnames";
export const ENUM_NAMES_KEYWORD = "x-lockstep-names";

/** The text of a pinned name, when the schema pins one. */
export function pinText(schema: Schema): string | undefined {
  const pin = schema[NAME_KEYWORD];
  if (typeof pin === "string" && pin.trim() !== "") return pin;
  if (typeof schema.title === "string" && /^[A-Za-z][A-Za-z0-9_]*$/.test(schema.title)) return schema.title;
  return undefined;
}

/** A property's pinned field name (`x-lockstep-name` on the property, as written). */
export function fieldPin(prop: unknown): string | undefined {
  if (prop === null || typeof prop !== "object" || Array.isArray(prop)) return undefined;
  const pin = (prop as Schema)[NAME_KEYWORD];
  return typeof pin === "string" && pin.trim() !== "" ? pin : undefined;
}

/** An enum member's pinned name: `x-lockstep-names[value]`, else `x-enum-varnames[index]`. */
export function memberPin(schema: Schema, value: string, index: number): string | undefined {
  const names = schema[ENUM_NAMES_KEYWORD];
  if (names !== null && typeof names === "object" && !Array.isArray(names)) {
    const pin = (names as Record<string, unknown>)[value];
    if (typeof pin === "string" && pin.trim() !== "") return pin;
  }
  const varnames = schema[ENUM_VARNAMES_KEYWORD];
  const pin = Array.isArray(varnames) ? varnames[index] : undefined;
  return typeof pin === "string" && pin.trim() !== "" ? pin : undefined;
}

/** A name pinned by the schema: `x-lockstep-name`, or a `title` that is a plain identifier. */
export function pinnedName(schema: Schema): Words | undefined {
  const pin = pinText(schema);
  return pin === undefined ? undefined : toWords(pin, "type");
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

/** Names taken in one scope, for names the IR invents (unknown variants, unknown-property bags). */
export class NameScope {
  private readonly taken = new Taken();

  constructor(names: Iterable<Words> = []) {
    for (const words of names) this.add(words);
  }

  add(words: Words): void {
    this.taken.add(words, { key: words.join("_"), words, text: "", at: { file: "", pointer: "" } });
  }

  has(words: Words): boolean {
    return this.taken.clash(words) !== undefined;
  }

  /** The first candidate not taken yet. */
  firstFree(candidates: Words[]): Words {
    return candidates.find((c) => !this.has(c)) ?? [...candidates[candidates.length - 1]!, "value"];
  }
}

/** Rust spellings of IR names: casing from src/ir/casing.ts, then keyword escaping. */
import { pascalCase, snakeCase, toWords } from "../../ir/casing.js";
import type { Words } from "../../ir/types.js";
import { RAW_KEYWORDS, RESERVED_MODULE_NAMES, RESERVED_TYPE_NAMES, SUFFIX_KEYWORDS } from "./keywords.js";

/** pascalCase word by word (it spells each word on its own), each word's spelling remembered. */
const wordSpellings = new Map<string, string>();

function pascal(words: Words): string {
  let out = "";
  for (const word of words) {
    let spelled = wordSpellings.get(word);
    if (spelled === undefined) {
      spelled = pascalCase([word]);
      wordSpellings.set(word, spelled);
    }
    out += spelled;
  }
  return out;
}

/** A type name (struct, enum, alias): PascalCase, `_` appended where it would shadow a used name. */
export function typeName(words: Words): string {
  const name = pascal(words);
  return RESERVED_TYPE_NAMES.has(name) || SUFFIX_KEYWORDS.has(name) ? `${name}_` : name;
}

/** An enum variant: PascalCase; only `Self` needs escaping since variants live in their enum. */
export function variantName(words: Words): string {
  const name = pascal(words);
  return SUFFIX_KEYWORDS.has(name) ? `${name}_` : name;
}

/** A snake_case value name (field, module): raw identifier for keywords, `_` suffix where raw is illegal. */
export function snakeName(words: Words): string {
  const name = snakeCase(words);
  if (SUFFIX_KEYWORDS.has(name)) return `${name}_`;
  return RAW_KEYWORDS.has(name) ? `r#${name}` : name;
}

/** A field name. */
export const fieldName = snakeName;

/** The name without a raw prefix: what serde (and a file name) sees. */
export function unraw(name: string): string {
  return name.startsWith("r#") ? name.slice(2) : name;
}

/** A module name for an entity or version path element ("user-profile" → user_profile). */
export function moduleName(text: string): string {
  if (/^v[0-9]+$/.test(text)) return text;
  const name = snakeName(toWords(text, "m"));
  return RESERVED_MODULE_NAMES.has(name) ? `${name}_` : name;
}

/** Module names for a module path: [] → [], ["user", "v1"] → ["user", "v1"]. */
export function modulePath(path: readonly string[]): string[] {
  return path.map(moduleName);
}

/** The shared runtime module's name: `runtime`, unless an entity module already took it. */
export function runtimeModuleName(entityModules: Iterable<string>): string {
  const taken = new Set(entityModules);
  for (const candidate of ["runtime", "lockstep_runtime", "lockstep_runtime_helpers"]) {
    if (!taken.has(candidate)) return candidate;
  }
  throw new Error("no free name for the runtime module");
}

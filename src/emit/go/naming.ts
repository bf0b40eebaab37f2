/**
 * Go names. Every exported identifier comes from IR words through goPascalCase (initialisms in
 * capitals: UserID). Exported names cannot clash with Go keywords or predeclared identifiers
 * (those are lower case); what can clash is Go-specific: enum constants (type name + member) with
 * other package-level names, helper types with declarations, fields with generated methods.
 */
import { goPascalCase, splitWords } from "../../ir/casing.js";
import type { Words } from "../../ir/types.js";
import { GO_GENERATED_METHODS, GO_KEYWORDS, GO_PREDECLARED } from "./keywords.js";

/** goPascalCase word by word (it spells each word on its own), each word's spelling remembered. */
const wordSpellings = new Map<string, string>();

export function goName(words: Words): string {
  let out = "";
  for (const word of words) {
    let spelled = wordSpellings.get(word);
    if (spelled === undefined) {
      spelled = goPascalCase([word]);
      wordSpellings.set(word, spelled);
    }
    out += spelled;
  }
  return out;
}

/** `base`, or the first of base+suffix, base+suffix+"2", ... not in `taken`; the result is added to `taken`. */
export function claimName(base: string, taken: Set<string>, suffix: string): string {
  let name = base;
  for (let n = 1; taken.has(name); n++) name = n === 1 ? `${base}${suffix}` : `${base}${suffix}${n}`;
  taken.add(name);
  return name;
}

/** Field names of one struct: a name that is also a generated method gets a suffix. */
export function fieldNames(names: string[]): string[] {
  if (!names.some((n) => GO_GENERATED_METHODS.has(n))) return names;
  const taken = new Set([...GO_GENERATED_METHODS, ...names]);
  return names.map((n) => (GO_GENERATED_METHODS.has(n) ? claimName(n, taken, "Field") : n));
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Validates the configured root package name: Go needs a plain identifier that is not a keyword. */
export function rootPackageName(name: string): string {
  if (!IDENT.test(name) || GO_KEYWORDS.has(name) || name === "_" || GO_PREDECLARED.has(name)) {
    throw new Error(`Go package name ${JSON.stringify(name)} is not a usable Go identifier`);
  }
  return name;
}

/** Package name of an older entity version: user + v1 → userv1 (lower case, no underscores). */
export function versionPackageName(entity: string, version: string): string {
  const words = splitWords(entity).join("");
  const base = /^[a-z]/.test(words) ? words : `x${words}`;
  return `${base}${version.toLowerCase().replace(/[^a-z0-9]/g, "")}`;
}

/**
 * Directory of an entity or version inside the Go module: the name itself when it is a safe
 * import path element; else its words joined by "-". Names the go command treats specially
 * (internal, vendor, testdata) get a suffix.
 */
export function pathElement(name: string): string {
  const base = /^[a-z0-9][a-z0-9._-]*$/.test(name) ? name : splitWords(name).join("-") || "x";
  return ["internal", "vendor", "testdata"].includes(base) ? `${base}-schema` : base;
}

/** Module path check: go.mod prints it bare, so it must be a plain Go module path. */
export function checkModulePath(path: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._~\/-]*$/.test(path) || path.includes("//") || path.endsWith("/")) {
    throw new Error(`Go module path ${JSON.stringify(path)} is not a valid module path`);
  }
  return path;
}

/** Last name parts the go command reads as a build constraint (`_linux`, `_arm64`) or a test file. */
const CONSTRAINT_SUFFIXES = new Set([
  "test", "aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "js", "linux", "nacl", "netbsd",
  "openbsd", "plan9", "solaris", "wasip1", "windows", "zos", "386", "amd64", "amd64p32", "arm", "armbe", "arm64", "arm64be",
  "loong64", "mips", "mipsle", "mips64", "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64", "ppc64le", "riscv", "riscv64",
  "s390", "s390x", "sparc", "sparc64", "wasm",
]);

/**
 * Base name of an entity's Go file (user-profile → user_profile): words joined by `_`, a suffix
 * where the go command would read the name as a build constraint or test; distinct from every
 * name in `taken`, which collects it.
 */
export function goFileName(entity: string, taken: Set<string>): string {
  let base = splitWords(entity).join("_").toLowerCase().replace(/[^a-z0-9_]/g, "") || "entity";
  const parts = base.split("_");
  if (parts.length > 1 && CONSTRAINT_SUFFIXES.has(parts[parts.length - 1]!)) base = `${base}_schema`;
  return claimName(base, taken, "_schema");
}

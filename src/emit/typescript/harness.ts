/**
 * The round-trip harness shipped with the generated TypeScript when options.harness is set:
 * lockstep.roundtrip.test.ts at the output root, for `node --test` (see src/testing/languages.ts).
 * Decisions live here (module import aliases, the codec table, the fixtures path); the fixed code
 * is in harness-source.ts.
 */
import { snakeCase, toWords } from "../../ir/casing.js";
import type { Decl, Module } from "../../ir/types.js";
import type { GeneratedFile, HarnessOptions, HeaderInfo } from "../types.js";
import { header, modulePath } from "./emit.js";
import { HARNESS_BODY, HARNESS_DOC } from "./harness-source.js";
import { decodeTextName, encodeTextName, tsString } from "./naming.js";

export const HARNESS_FILE = "lockstep.roundtrip.test.ts";

/** `m_<words>`: the harness's own names have no `m_` prefix, so an alias can't meet one. */
export function moduleAlias(module: Module, taken: Set<string>): string {
  const base = `m_${module.path.length === 0 ? "index" : snakeCase(module.path.flatMap((p) => toWords(p, "x")))}`;
  let alias = base;
  for (let i = 2; taken.has(alias); i++) alias = `${base}_${i}`;
  taken.add(alias);
  return alias;
}

/** The root declaration of each of a module's entities, by id, found in one pass over its declarations. */
export function rootDecls(module: Module): Map<string, Decl> {
  const roots = new Set(module.entities.map((e) => e.root));
  const found = new Map<string, Decl>();
  for (const d of module.decls) if (roots.has(d.id) && !found.has(d.id)) found.set(d.id, d);
  return found;
}

export function emitHarness(modules: readonly Module[], harness: HarnessOptions, info: HeaderInfo): GeneratedFile {
  const taken = new Set<string>();
  const imports: string[] = [];
  const codecs: Array<{ entity: string; version: number; line: string }> = [];
  for (const module of modules) {
    if (module.entities.length === 0) continue;
    const alias = moduleAlias(module, taken);
    imports.push(`import * as ${alias} from ${tsString(`./${modulePath(module).replace(/\.ts$/, ".js")}`)};`);
    const roots = rootDecls(module);
    for (const e of module.entities) {
      const decl = roots.get(e.root);
      if (!decl) throw new Error(`lockstep TypeScript emitter: entity ${e.entity} v${e.version} has no root declaration ${e.root}`);
      const recode = `(text) => ${alias}.${encodeTextName(decl.name)}(${alias}.${decodeTextName(decl.name)}(text))`;
      codecs.push({ entity: e.entity, version: e.version, line: `  { entity: ${tsString(e.entity)}, version: ${e.version}, recode: ${recode} },` });
    }
  }
  codecs.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.version - b.version));
  const lines = [
    ...header(modules, info),
    '/// <reference types="node" />',
    "",
    ...HARNESS_DOC,
    "",
    'import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, writeSync } from "node:fs";',
    'import { dirname, join, resolve } from "node:path";',
    'import { test } from "node:test";',
    'import { fileURLToPath } from "node:url";',
    'import * as rt from "./runtime.js";',
    ...imports,
    "",
    "/** The fixtures directory relative to this file, as generated. */",
    `const FIXTURES = ${tsString(harness.fixtures)};`,
    "",
    "/** Decodes JSON text as one entity version and encodes it again. */",
    "interface Codec {",
    "  entity: string;",
    "  version: number;",
    "  recode(text: string): string;",
    "}",
    "",
    "/** Every entity version these files have types for. */",
    "const CODECS: Codec[] = [",
    ...codecs.map((c) => c.line),
    "];",
    "",
    HARNESS_BODY,
  ];
  return { path: HARNESS_FILE, contents: lines.join("\n") };
}

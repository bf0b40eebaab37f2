/**
 * Fingerprints and diffs in the generated TypeScript: canonical.ts (constant, see
 * canonical-source.ts) and, with options.harness, lockstep.fingerprint.test.ts, which lockstep
 * test runs with a list of fixture pairs (src/testing/fingerprint.ts). Decided here: which
 * entity versions the harness has codecs for, and their import aliases.
 */
import type { Module } from "../../ir/types.js";
import type { GeneratedFile, HeaderInfo } from "../types.js";
import { CANONICAL_SOURCE, FINGERPRINT_HARNESS_BODY } from "./canonical-source.js";
import { header, modulePath } from "./emit.js";
import { moduleAlias, rootDecls } from "./harness.js";
import { decodeTextName, encoderName, tsString } from "./naming.js";

export const FINGERPRINT_HARNESS_FILE = "lockstep.fingerprint.test.ts";

export function emitCanonical(modules: readonly Module[], info: HeaderInfo): GeneratedFile {
  return { path: "canonical.ts", contents: `${header(modules, info).join("\n")}\n\n${CANONICAL_SOURCE}` };
}

export function emitFingerprintHarness(modules: readonly Module[], info: HeaderInfo): GeneratedFile {
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
      const encoded = `(text) => ${alias}.${encoderName(decl.name)}(${alias}.${decodeTextName(decl.name)}(text))`;
      codecs.push({ entity: e.entity, version: e.version, line: `  { entity: ${tsString(e.entity)}, version: ${e.version}, encoded: ${encoded} },` });
    }
  }
  codecs.sort((a, b) => (a.entity < b.entity ? -1 : a.entity > b.entity ? 1 : a.version - b.version));
  const lines = [
    ...header(modules, info),
    '/// <reference types="node" />',
    "",
    "// Fingerprints and diffs of decoded fixtures, for lockstep test: it writes $LOCKSTEP_OUT/fingerprint-cases.jsonl",
    '// ({"entity", "version", "fixture", "other"} per line, fixtures relative to $LOCKSTEP_FIXTURES); this test',
    '// writes $LOCKSTEP_OUT/fingerprints.jsonl: {"check": "fingerprint" | "diff", "fixture", "output" | "error"}.',
    "// A decoded fixture's fingerprint must equal that of the fixture's own JSON, and a value must not differ from itself.",
    "",
    'import { existsSync, readFileSync, writeFileSync } from "node:fs";',
    'import { join } from "node:path";',
    'import { test } from "node:test";',
    'import * as canonical from "./canonical.js";',
    'import * as rt from "./runtime.js";',
    ...imports,
    "",
    "/** Decodes JSON text as one entity version and encodes it again, as a JSON value. */",
    "interface Codec {",
    "  entity: string;",
    "  version: number;",
    "  encoded(text: string): rt.JsonValue;",
    "}",
    "",
    "const CODECS: Codec[] = [",
    ...codecs.map((c) => c.line),
    "];",
    "",
    FINGERPRINT_HARNESS_BODY,
  ];
  return { path: FINGERPRINT_HARNESS_FILE, contents: lines.join("\n") };
}

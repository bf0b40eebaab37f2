/**
 * Fingerprints and diffs in the generated crate: a module with canonical JSON, `fingerprint` and
 * `diff` for every `Serialize` type (templates/rust/canonical.rs.hbs), and with options.harness
 * `tests/lockstep_fingerprint.rs`, which lockstep test runs with a list of fixture pairs
 * (src/testing/fingerprint.ts). Decided here: the module's name and the harness's codec table.
 */
import type { Module } from "../../ir/types.js";
import type { GeneratedFile } from "../types.js";
import { codecRow, harnessCodecs } from "./harness.js";
import { render } from "./render.js";

export const FINGERPRINT_HARNESS_PATH = "tests/lockstep_fingerprint.rs";

/** The canonical module's name: the first not taken by an entity module or the runtime. */
export function canonicalModuleName(taken: Iterable<string>): string {
  const names = new Set(taken);
  for (const candidate of ["canonical", "lockstep_canonical", "lockstep_canonical_json"]) {
    if (!names.has(candidate)) return candidate;
  }
  throw new Error("no free name for the canonical module");
}

export function emitCanonical(name: string, header: string[]): GeneratedFile {
  return { path: `src/${name}.rs`, contents: render("canonical.rs", { header }) };
}

export function emitFingerprintHarness(modules: readonly Module[], crate: string, canonical: string, header: string[]): GeneratedFile {
  const codecs = harnessCodecs(modules, crate).flatMap((c) => codecRow(c, "encoded"));
  // The harness calls it `canonical` whatever the module is named.
  const use = canonical === "canonical" ? `::${crate}::canonical` : `::${crate}::${canonical} as canonical`;
  return { path: FINGERPRINT_HARNESS_PATH, contents: render("fingerprint.rs", { header, codecs, canonical: use }) };
}

import type { Module } from "../ir/types.js";

/** The languages lockstep generates, in the order they are generated and reported. */
export type Target = "typescript" | "rust" | "go";
export const TARGETS: Target[] = ["typescript", "rust", "go"];

/** A file an emitter produces, relative to its target's output directory. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

/** Facts every generated file's header states. */
export interface HeaderInfo {
  /** lockstep's own version. */
  toolVersion: string;
}

/** Round-trip test harness shipped with the generated code (see docs/testing.md). */
export interface HarnessOptions {
  /** Fixtures directory, POSIX path relative to the target's output directory. */
  fixtures: string;
  /**
   * Test values of upgrade hooks (JSON text by src/ir/upgrade.ts hookKey): with them, an upgrade
   * test ships too, its hooks answering these values (lockstep test computes them).
   */
  hookValues?: Record<string, string>;
}

export interface TypeScriptOptions {
  header: HeaderInfo;
  harness?: HarnessOptions;
}

export interface RustOptions {
  header: HeaderInfo;
  /** Crate name (snake_case), e.g. "lockstep_schemas". */
  crate: string;
  harness?: HarnessOptions;
}

export interface GoOptions {
  header: HeaderInfo;
  /** Module path for go.mod, e.g. "example.com/lockstep/schemas". */
  module: string;
  /** Package name of the root package, e.g. "schemas". */
  package: string;
  harness?: HarnessOptions;
}

/**
 * An emitter turns modules (the root module first, then older entity versions) into files.
 * It is pure: no file system, no console; warnings are already on the modules.
 */
export type Emitter<Options> = (modules: readonly Module[], options: Options) => GeneratedFile[];

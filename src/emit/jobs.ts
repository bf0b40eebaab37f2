/**
 * One target's emitter and its options as plain data: what `generate` runs in process, or hands
 * with the modules to a worker thread (src/emit/pool.ts) on a large project.
 */
import type { Module } from "../ir/types.js";
import { emitGo } from "./go/index.js";
import { emitRust } from "./rust/index.js";
import type { GeneratedFile, GoOptions, RustOptions, TypeScriptOptions } from "./types.js";
import { emitTypeScript } from "./typescript/index.js";

export type EmitJob = { target: "typescript"; options: TypeScriptOptions } | { target: "rust"; options: RustOptions } | { target: "go"; options: GoOptions };

export function runJob(modules: readonly Module[], job: EmitJob): GeneratedFile[] {
  switch (job.target) {
    case "typescript":
      return emitTypeScript(modules, job.options);
    case "rust":
      return emitRust(modules, job.options);
    case "go":
      return emitGo(modules, job.options);
  }
}
